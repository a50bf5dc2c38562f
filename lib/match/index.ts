// The matching engine's public API: pure TypeScript, no browser imports (side panel, Node tests, CLI).
export { normalizeQuestion, stem } from './normalize';
export { extractTerms } from './terms';
export { CONCEPT_GROUPS, type ConceptGroup } from './vocabulary';
export { buildIndex, addLearnedAlias, type MatchIndex, type AliasInput, type BuildOptions } from './match-index';
export { matchQuestion, type QuestionInput, type MatchResult, type MatchOptions } from './match-question';
export { mapChoice, preferredChoice, polarityOf } from './choice';
export { BAND_THRESHOLDS, bandOf } from './confidence';
export { createLearnedAlias } from './learn';
