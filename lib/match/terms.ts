// Text -> index terms: words are stemmed, vocabulary phrases become concept terms (`~mfa`),
// stop words are dropped. The same function serves the library and the incoming question.
import { STOP_WORDS, stem, words } from './normalize';
import { CONCEPT_GROUPS } from './vocabulary';

const MAX_PHRASE_WORDS = 6;

interface PhraseTable {
  /** Stemmed phrase ("multi factor authent") -> the concept terms it stands for. */
  phrases: Map<string, string[]>;
  /** First stem of a phrase -> the length in words of the longest phrase starting with it. */
  longestFrom: Map<string, number>;
  /** Every word the vocabulary knows, unstemmed: a query word found here is not a typo. */
  surface: Set<string>;
  /** Stemmed phrases of sealed groups (see ConceptGroup.sealed): their words add their stems, not their concepts. */
  sealed: Set<string>;
}

function buildPhraseTable(): PhraseTable {
  const phrases = new Map<string, string[]>();
  const longestFrom = new Map<string, number>();
  const surface = new Set<string>();
  const sealed = new Set<string>();
  const byId = new Map(CONCEPT_GROUPS.map((g) => [g.id, g]));
  for (const group of CONCEPT_GROUPS) {
    const concepts = [group.id, ...(group.also ?? [])].map((id) => {
      if (!byId.has(id)) throw new Error(`vocabulary: concept "${group.id}" refers to unknown concept "${id}"`);
      return `~${id}`;
    });
    for (const phrase of group.phrases) {
      const ws = words(phrase);
      if (ws.length === 0 || ws.length > MAX_PHRASE_WORDS) {
        throw new Error(`vocabulary: phrase "${phrase}" of "${group.id}" must have 1-${MAX_PHRASE_WORDS} words`);
      }
      ws.forEach((w) => surface.add(w));
      const stems = ws.map(stem);
      const key = stems.join(' ');
      longestFrom.set(stems[0]!, Math.max(longestFrom.get(stems[0]!) ?? 0, stems.length));
      if (group.sealed && stems.length > 1) sealed.add(key);
      const existing = phrases.get(key);
      phrases.set(key, existing ? [...new Set([...existing, ...concepts])] : concepts);
    }
  }
  return { phrases, longestFrom, surface, sealed };
}

// Built on first use, not when the module loads: the panel's services chunk and the matching worker load this module
// on every opening, and the table (every vocabulary phrase split and stemmed) took 30-50 ms of their start on a
// loaded machine, before a reopening that answers from remembered proposals needs any term.
let table: PhraseTable | undefined;
const phraseTable = (): PhraseTable => (table ??= buildPhraseTable());

/** True when the vocabulary (not the library) knows this word, in this or another inflection. */
export function isVocabularyWord(word: string): boolean {
  const { surface, phrases } = phraseTable();
  return surface.has(word) || phrases.has(stem(word));
}

/** Every word of the vocabulary's phrases (typo correction can land on them). */
export function vocabularyWords(): ReadonlySet<string> {
  return phraseTable().surface;
}

/**
 * Index terms of already-split words, in order, with repeats (for term frequency). When `spans` is given, the
 * range of words [start, end) each term came from is pushed to it, in step with the terms (for the why line).
 */
export function termsOfWords(ws: readonly string[], spans?: Array<[number, number]>): string[] {
  const { phrases, longestFrom, sealed } = phraseTable();
  const stems = ws.map(stem);
  const out: string[] = [];
  let i = 0;
  while (i < stems.length) {
    let matched = 0;
    let concepts: string[] | undefined;
    let foundKey = '';
    const longest = Math.min(longestFrom.get(stems[i]!) ?? 0, stems.length - i);
    // Grow the key word by word and keep the longest phrase found (no slicing and joining per length).
    let key = '';
    for (let n = 1; n <= longest; n++) {
      key = n === 1 ? stems[i]! : `${key} ${stems[i + n - 1]!}`;
      const found = phrases.get(key);
      if (found) {
        concepts = found;
        matched = n;
        foundKey = key;
      }
    }
    if (concepts) {
      out.push(...concepts);
      if (spans) for (let c = 0; c < concepts.length; c++) spans.push([i, i + matched]);
      // Each word of a multi-word phrase keeps its own meaning too ("data retention" is about data and
      // retention): a word that is a concept by itself adds that concept, any other word its stem; in a sealed
      // phrase ("audit logs") every word adds its stem only.
      if (matched > 1) {
        const isSealed = sealed.has(foundKey);
        for (let k = i; k < i + matched; k++) {
          if (STOP_WORDS.has(ws[k]!) || ws[k]!.length < 2) continue;
          const own = isSealed ? undefined : phrases.get(stems[k]!);
          if (own) out.push(...own);
          else out.push(stems[k]!);
          if (spans) for (let c = 0; c < (own ? own.length : 1); c++) spans.push([k, k + 1]);
        }
      }
    }
    if (matched > 0) {
      i += matched;
      continue;
    }
    const w = ws[i]!;
    if (!STOP_WORDS.has(w) && w.length > 1) {
      out.push(stems[i]!);
      spans?.push([i, i + 1]);
    }
    i += 1;
  }
  return out;
}

/** Index terms of a question text. */
export function extractTerms(text: string): string[] {
  return termsOfWords(words(text));
}
