// Matching one question: exact or learned wording wins outright; otherwise BM25 retrieval over every
// wording and the answers, then a similarity re-rank of the best few, a calibrated confidence and a band.
import type { QuestionKind } from '../schema/detect';
import type { LibraryEntry } from '../schema/library';
import type { Candidate, MatchSource, Proposal } from '../schema/proposal';
import { mapChoice, preferredChoice } from './choice';
import { bandOf, confidenceOf, isOneConcept, similarity, type Evidence } from './confidence';
import type { ConfidenceFeatures } from './confidence-model';
import { askedFacets, missingFacet, questionScope, scopeMismatch, type Facet, type Scope } from './facets';
import { correctTypo, idf, isKnownWord, signatureOf, type IndexedUnit, type MatchIndex, type UnitKind } from './match-index';
import { normalizeQuestion, normalizeText, stem, STOP_WORDS, wordsOfNormalized } from './normalize';
import { rerankedFirst, RERANK_DEPTH, type LinearRanker } from './rerank';
import { RANKER } from './rerank-weights';
import { termsOfWords } from './terms';

export interface QuestionInput {
  text: string;
  kind?: QuestionKind;
  options?: readonly string[];
}

export interface MatchResult {
  proposal: Proposal | null;
  /** The best entries, best first (at most `candidateCount`). */
  candidates: Candidate[];
}

export interface MatchOptions {
  candidateCount?: number;
  /** Override the calibrated band thresholds (used by calibration). */
  thresholds?: { high: number; review: number };
  /**
   * Called with what the confidence of a ranked (not exact or near-identical) best entry was worked out from, before
   * the caps of what is asked (used to fit the confidence model on the dev set).
   */
  onFeatures?: (features: ConfidenceFeatures) => void;
  /** Called with the first ranked candidates (by similarity, after preferAnswering) and what they are ranked on. */
  onCandidates?: (candidates: CandidateFeatures[]) => void;
  /** Override the fitted re-ranker of the best candidates (null: none; used to fit it and judge it out of fold). */
  ranker?: LinearRanker | null;
}

/** What a ranked candidate is ordered by (used to fit a re-ranker on the dev set). */
export interface CandidateFeatures {
  entryId: string;
  sim: number;
  coverage: number;
  precision: number;
  retrieval: number;
  /** The question asks a facet (frequency, role...) and the entry's answer gives it. */
  givesFacet: boolean;
  /** The entry is about a case the question does not name. */
  subCase: boolean;
  /** The entry is on the other side of the question's scope. */
  scopeMismatch: boolean;
  /** Kind of the best wording. */
  unitKind: UnitKind | undefined;
  /** Share of the matched question terms found in the best wording (the rest in tags or answer). */
  inWording: number;
  draftOrStale: boolean;
  /** Share of the weight of the question's head (its first HEAD_WORDS content words) that the entry explains. */
  headCover: number;
}

/** How much the answer/tags field counts next to the wordings, in retrieval and in coverage. */
const ANSWER_WEIGHT_RANK = 0.35;
/** Credit for a question term found only in the entry's tags, or only in its answer. */
const TAG_CREDIT = 0.9;
const ANSWER_CREDIT = 0.6;
/**
 * Terms that appear in questions about everything; they count half. Plain words are listed as words and stemmed
 * here, so that the set holds what the stemmer makes of them ("information" is `informat`, not `inform`).
 */
export const GENERIC_TERMS: ReadonlySet<string> = new Set([
  '~policy', '~personnel', '~customer', '~periodic', '~annual', '~compliance',
  ...['process', 'practice', 'program', 'measure', 'technical', 'management', 'security', 'data', 'system',
    'information', 'organizational', 'user', 'access', 'service'].map(stem),
]);
/** Extra weight per repeat of a term in the question (up to two repeats). */
const REPEAT_BOOST = 0.25;
/** Vocabulary concepts are what questionnaires are about: they count more than plain words. */
const CONCEPT_BOOST = 2;
/** How many retrieved entries are re-ranked by similarity. */
const RERANK = 40;
/** A runner-up this close to the best is reported in `why`. */
const RUNNER_UP_MARGIN = 0.15;
/** Near-identical wording (same distinct terms) of a learned alias or the library's own text. */
const SIGNATURE_CONFIDENCE = 0.97;
/**
 * The most a proposal may claim when it misses the asked facet, is on the other side (product vs workforce) or
 * has a near neighbour: under any `high` threshold the calibration can reach, so it is read before it is filled.
 */
const HELD_AT_REVIEW = 0.6;
/** A runner-up this close in similarity, explaining as much of the question, is a near neighbour. */
const NEAR_NEIGHBOUR_MARGIN = 0.05;
/** Two entries this close that explain the question alike: the one that answers what is asked goes first. */
const PREFER_MARGIN = 0.08;
/** Closer still: the one about the whole process goes first. */
const GENERAL_MARGIN = 0.04;
/**
 * A best entry about a case the question does not name ("application" vulnerabilities for "Do you have a
 * vulnerability management process?"), with a runner-up within PREFER_MARGIN that explains nearly as much of the
 * question (this much coverage less at most), is held at `review`: which of the two is meant is open.
 */
const SUB_CASE_COVERAGE_MARGIN = 0.15;
/**
 * Words that make an entry's wording about one case of a process: when the question does not name the case,
 * the entry about the whole process goes first ("Describe your backup process": backups, not restore tests).
 */
const SUB_CASE_WORDS: ReadonlySet<string> = new Set(
  ['application', 'applications', 'emergency', 'exception', 'exceptions', 'restore', 'restored', 'restoring', 'endpoint', 'endpoints', 'remote', 'mobile', 'subprocessors'].map(stem),
);

interface Scratch {
  unitScore: Float64Array;
  entryBest: Float64Array;
  entryAnswer: Float64Array;
}
const scratchByIndex = new WeakMap<MatchIndex, Scratch>();

function scratchFor(index: MatchIndex): Scratch {
  let s = scratchByIndex.get(index);
  if (!s || s.unitScore.length < index.units.length || s.entryBest.length < index.entries.length) {
    s = {
      unitScore: new Float64Array(index.units.length + 64),
      entryBest: new Float64Array(index.entries.length + 64),
      entryAnswer: new Float64Array(index.entries.length + 64),
    };
    scratchByIndex.set(index, s);
  }
  return s;
}

interface Scored {
  entry: number;
  unit: number;
  sim: number;
  /** Share of the question the entry explains (see SimilarityParts.coverage). */
  coverage: number;
  /** Share of the matched wording's weighted terms found in the question. */
  precision: number;
  /** BM25 score relative to the best retrieved entry. */
  retrieval: number;
  matched: string[];
}

function sourceOf(kind: UnitKind): MatchSource {
  return kind === 'question' ? 'exact' : kind === 'tag' ? 'fuzzy' : kind;
}

/** How much a term says about the topic: rarer terms and vocabulary concepts say more. */
function termWeight(index: MatchIndex, term: string): number {
  return idf(index, term) * (GENERIC_TERMS.has(term) ? 0.5 : term.startsWith('~') ? CONCEPT_BOOST : 1);
}

/** Per index: each wording's summed term weight (NaN until computed), valid for one `version` of the counts. */
const unitWeightTables = new WeakMap<MatchIndex, { version: number; weights: Float64Array }>();

/** The summed weight of a wording's terms, cached until the index's counts change. */
function unitWeightOf(index: MatchIndex, unitId: number): number {
  let table = unitWeightTables.get(index);
  if (!table || table.version !== index.version || table.weights.length < index.units.length) {
    table = { version: index.version, weights: new Float64Array(index.units.length + 64).fill(Number.NaN) };
    unitWeightTables.set(index, table);
  }
  const cached = table.weights[unitId]!;
  if (!Number.isNaN(cached)) return cached;
  let weight = 0;
  for (const t of index.units[unitId]!.terms.keys()) weight += termWeight(index, t);
  table.weights[unitId] = weight;
  return weight;
}

/** The question's terms and their weights as parallel arrays, read once per candidate entry. */
interface QueryTerms {
  terms: string[];
  weights: number[];
  total: number;
}

/**
 * The similarity of one entry: its best wording, plus what its tags and answer explain of the rest. The query's
 * terms found in the entry's tags or answer are the same for every wording, so they are looked up once; the
 * matched terms are listed for the best wording only.
 */
function scoreEntry(index: MatchIndex, entryIdx: number, query: QueryTerms, retrieval: number): Scored {
  const indexed = index.entries[entryIdx]!;
  const { terms, weights, total: queryWeight } = query;
  // What each query term earns outside a wording: TAG_CREDIT in the tags, ANSWER_CREDIT in the answer, else 0.
  const outside = terms.map((t) => (indexed.tagTerms.has(t) ? TAG_CREDIT : indexed.answerTerms.has(t) ? ANSWER_CREDIT : 0));
  let bestUnit = indexed.units[0] ?? -1;
  let best = { sim: 0, coverage: 0, precision: 0 };
  for (const unitId of indexed.units) {
    const unit: IndexedUnit = index.units[unitId]!;
    let inUnit = 0;
    let elsewhere = 0;
    const credit = unit.kind === 'tag' ? TAG_CREDIT : 1;
    for (let i = 0; i < terms.length; i++) {
      if (unit.terms.has(terms[i]!)) inUnit += credit * weights[i]!;
      else elsewhere += outside[i]! * weights[i]!;
    }
    const unitWeight = unitWeightOf(index, unitId);
    const coverage = (inUnit + elsewhere) / queryWeight;
    const precision = unitWeight > 0 ? inUnit / credit / unitWeight : 0;
    const sim = similarity({ coverage, precision, retrieval });
    if (sim > best.sim) {
      best = { sim, coverage, precision };
      bestUnit = unitId;
    }
  }
  const matched: string[] = [];
  if (best.sim > 0) {
    const unit = index.units[bestUnit]!;
    terms.forEach((t, i) => {
      if (unit.terms.has(t) || outside[i]! > 0) matched.push(t);
    });
  }
  return { entry: entryIdx, unit: bestUnit, ...best, retrieval, matched };
}

/** A term in more than this share of entries only adds noise and time to retrieval (it still counts in scoring). */
const RETRIEVAL_MAX_DF = 0.4;

/** Retrieve: BM25 over the wordings (best wording per entry) plus a share of BM25 over the answer field. */
function retrieve(index: MatchIndex, query: Map<string, number>): Array<{ e: number; score: number }> {
  const { unitScore, entryBest, entryAnswer } = scratchFor(index);
  const touchedUnits: number[] = [];
  const touchedEntries: number[] = [];
  const maxDf = RETRIEVAL_MAX_DF * index.entries.length;
  // A term no entry has is not selective, it is absent: without this, one unknown word left the common ones out.
  const selective = [...query.keys()].filter((t) => {
    const df = index.documentFrequency.get(t) ?? 0;
    return df > 0 && df <= maxDf;
  });
  const terms = selective.length > 0 ? selective : [...query.keys()];
  for (const t of terms) {
    const w = query.get(t)!;
    const units = index.unitPostings.get(t);
    if (units) {
      const { ids, impact } = units;
      for (let k = 0; k < ids.length; k++) {
        const u = ids[k]!;
        if (unitScore[u] === 0) touchedUnits.push(u);
        unitScore[u]! += w * impact[k]!;
      }
    }
    const answers = index.answerPostings.get(t);
    if (answers) {
      const { ids, impact } = answers;
      for (let k = 0; k < ids.length; k++) {
        const e = ids[k]!;
        if (entryAnswer[e] === 0 && entryBest[e] === 0) touchedEntries.push(e);
        entryAnswer[e]! += w * impact[k]!;
      }
    }
  }
  const unitEntry = index.unitEntry;
  for (const u of touchedUnits) {
    const e = unitEntry[u]!;
    if (entryAnswer[e] === 0 && entryBest[e] === 0) touchedEntries.push(e);
    if (unitScore[u]! > entryBest[e]!) entryBest[e] = unitScore[u]!;
    unitScore[u] = 0;
  }
  // Keep the best RERANK in a small sorted array: cheaper than sorting thousands of touched entries.
  const top: Array<{ e: number; score: number }> = [];
  for (const e of touchedEntries) {
    const score = entryBest[e]! + ANSWER_WEIGHT_RANK * entryAnswer[e]!;
    entryBest[e] = 0;
    entryAnswer[e] = 0;
    if (top.length === RERANK && score <= top[RERANK - 1]!.score) continue;
    let i = top.length < RERANK ? top.length : RERANK - 1;
    while (i > 0 && top[i - 1]!.score < score) i--;
    top.splice(i, 0, { e, score });
    if (top.length > RERANK) top.pop();
  }
  return top;
}

/** The single entry a set of units points to, or undefined when none or several. */
function soleEntry(index: MatchIndex, units: readonly number[] | undefined): { entry: number; unit: number } | undefined {
  if (!units || units.length === 0) return undefined;
  // A learned alias is the analyst's decision: it overrides library wordings that collide with it.
  const aliasUnits = units.filter((u) => index.units[u]!.kind === 'alias');
  const pool = aliasUnits.length > 0 ? aliasUnits : units;
  const entries = new Set(pool.map((u) => index.units[u]!.entry));
  return entries.size === 1 ? { entry: index.units[pool[0]!]!.entry, unit: pool[0]! } : undefined;
}

const CHOICE_KINDS: ReadonlySet<QuestionKind> = new Set(['yesno', 'single-choice', 'multi-choice']);

/**
 * The option to pick: mapped onto the field's options when it has some; a text field gets none; with neither
 * options nor kind (the CLI) the entry's own short answer.
 */
function choiceFor(entry: LibraryEntry, question: QuestionInput): string | undefined {
  if (question.options && question.options.length > 0) return mapChoice(entry, question.options);
  if (question.kind && !CHOICE_KINDS.has(question.kind)) return undefined;
  return preferredChoice(entry);
}

/**
 * The question's own words behind the matched terms, in question order, without repeats: "physical security",
 * not the stems "physic, secur". A word already shown inside a phrase is not shown again.
 */
function matchedWords(matched: readonly string[], wordsOf: ReadonlyMap<string, string>): string[] {
  const shown: string[] = [];
  for (const t of matched) {
    const w = wordsOf.get(t) ?? (t.startsWith('~') ? t.slice(1) : t);
    if (shown.some((s) => s === w || ` ${s} `.includes(` ${w} `))) continue;
    for (let i = shown.length - 1; i >= 0; i--) if (` ${w} `.includes(` ${shown[i]!} `)) shown.splice(i, 1);
    shown.push(w);
  }
  return shown;
}

/** The word of the entry's own question that makes it about a case (SUB_CASE_WORDS) the question does not name. */
function subCaseWord(index: MatchIndex, s: Scored, questionStems: ReadonlySet<string>): string | undefined {
  return caseWordsOf(index, s.entry).find(([, st]) => !questionStems.has(st))?.[0];
}

/** Per index: the words of each entry's own question that name a case (SUB_CASE_WORDS) with their stems, made when first read. */
const caseWordTables = new WeakMap<MatchIndex, Array<ReadonlyArray<readonly [string, string]> | undefined>>();
function caseWordsOf(index: MatchIndex, entryIdx: number): ReadonlyArray<readonly [string, string]> {
  let table = caseWordTables.get(index);
  if (!table) {
    table = [];
    caseWordTables.set(index, table);
  }
  let words = table[entryIdx];
  if (!words) {
    words = wordsOfNormalized(normalizeText(index.entries[entryIdx]!.entry.question))
      .map((w) => [w, stem(w)] as const)
      .filter(([, st]) => SUB_CASE_WORDS.has(st));
    table[entryIdx] = words;
  }
  return words;
}

/** Whether the entry's own question is about a case (SUB_CASE_WORDS) that the question does not name. */
function isSubCase(index: MatchIndex, s: Scored, questionStems: ReadonlySet<string>): boolean {
  return subCaseWord(index, s, questionStems) !== undefined;
}

/**
 * Of two close entries that explain the question alike, put first the one that gives the asked facet, then
 * the one about the whole process rather than a case of it the question does not name.
 */
function preferAnswering(index: MatchIndex, scored: Scored[], asked: WhatIsAsked): void {
  const [best, runner] = scored;
  if (!best || !runner || runner.sim < best.sim - PREFER_MARGIN || runner.coverage < best.coverage - 0.05) return;
  const { normalized, facets, pageWords } = asked;
  const gives = (s: Scored) => facets.length === 0 || missingFacet(normalized, facets, index.entries[s.entry]!.entry.answer) === undefined;
  const bestGives = gives(best);
  const runnerGives = gives(runner);
  let swap = runnerGives && !bestGives;
  if (!swap && runnerGives === bestGives && runner.sim >= best.sim - GENERAL_MARGIN) {
    const questionStems = new Set(pageWords.map(stem));
    swap = isSubCase(index, best, questionStems) && !isSubCase(index, runner, questionStems);
  }
  if (swap) {
    scored[0] = runner;
    scored[1] = best;
  }
}

/**
 * The question's topical phrases: the spans of its non-generic terms, a span inside another merged into it. One word
 * read as two concepts ("key": key management and encryption) or a phrase and its own words ("testing environment":
 * non-production, testing, environment) is one thing the question says, not two or three.
 */
function topicalPhrases(query: Map<string, number>, spanOf: ReadonlyMap<string, readonly [number, number]>): Array<{ span: readonly [number, number]; terms: string[] }> {
  const phrases: Array<{ span: readonly [number, number]; terms: string[] }> = [];
  const terms = [...query.keys()].filter((t) => !GENERIC_TERMS.has(t));
  // Widest spans first, so that a word's span finds the phrase that holds it.
  const spanned = terms.map((t) => ({ t, span: spanOf.get(t) ?? ([-1, -1] as const) })).sort((a, b) => b.span[1] - b.span[0] - (a.span[1] - a.span[0]));
  for (const { t, span } of spanned) {
    const holder = span[0] < 0 ? undefined : phrases.find((p) => p.span[0] === span[0] && span[1] === p.span[1]);
    if (holder) holder.terms.push(t);
    else phrases.push({ span, terms: [t] });
  }
  return phrases;
}

/**
 * How many topical question phrases the entry accounts for (see topicalPhrases), and how much of the question the
 * library never mentions.
 */
function evidenceFor(
  index: MatchIndex,
  top: Scored,
  query: Map<string, number>,
  queryWeight: number,
  spanOf: ReadonlyMap<string, readonly [number, number]>,
): Evidence {
  const unit = index.units[top.unit];
  const tags = index.entries[top.entry]!.tagTerms;
  const matched = new Set(top.matched);
  let supportingTerms = 0;
  let namedInWording = 0;
  let supportingConcepts = 0;
  let unexplainedTerms = 0;
  for (const phrase of topicalPhrases(query, spanOf)) {
    const supporting = phrase.terms.filter((t) => matched.has(t));
    if (supporting.length === 0) {
      unexplainedTerms += 1;
      continue;
    }
    supportingTerms += 1;
    if (supporting.some((t) => t.startsWith('~'))) supportingConcepts += 1;
    if (supporting.some((t) => unit?.terms.has(t) || tags.has(t))) namedInWording += 1;
  }
  let unknown = 0;
  for (const [t, w] of query) if (!index.documentFrequency.has(t)) unknown += w;
  return {
    supportingTerms,
    unexplainedTerms,
    namedInWording,
    unknownShare: queryWeight > 0 ? unknown / queryWeight : 0,
    supportingConcepts,
  };
}

/** What a question asks beyond its topic, worked out once per question. */
interface WhatIsAsked {
  normalized: string;
  pageWords: readonly string[];
  facets: readonly Facet[];
  scope: Scope;
}

/**
 * Whether the best entry answers what is asked, beyond the topic: the asked facet, the side (customer or
 * product vs our workforce), a near neighbour. Each miss adds a note; returns true when the entry cannot
 * answer at all (the question asks what the customer can do, the entry says what we do).
 */
function checkWhatIsAsked(
  index: MatchIndex,
  top: Scored,
  runner: Scored | undefined,
  asked: WhatIsAsked,
  notes: string[],
  found?: Pick<ConfidenceFeatures, 'facetMissing' | 'scopeMismatch' | 'nearNeighbour' | 'subCase'>,
): boolean {
  const entry = index.entries[top.entry]!.entry;
  const missing = asked.facets.length > 0 ? missingFacet(asked.normalized, asked.facets, entry.answer) : undefined;
  if (missing) notes.push(missing);
  if (found) found.facetMissing = missing !== undefined;
  const mismatch = asked.scope === 'none' ? undefined : scopeMismatch(asked.scope, `${entry.question} ${entry.answer} ${(entry.tags ?? []).join(' ')}`);
  if (mismatch) notes.push(mismatch.note);
  if (found) found.scopeMismatch = mismatch !== undefined;
  if (runner && runner.sim >= top.sim - NEAR_NEIGHBOUR_MARGIN && runner.coverage >= top.coverage - 0.05) {
    notes.push(`close to another entry: "${index.entries[runner.entry]!.entry.question}"`);
    if (found) found.nearNeighbour = true;
  } else if (
    runner &&
    ((runner.sim >= top.sim - PREFER_MARGIN && runner.coverage >= top.coverage - SUB_CASE_COVERAGE_MARGIN) ||
      (runner.sim >= top.sim - RUNNER_UP_MARGIN && runner.coverage >= top.coverage))
  ) {
    const caseWord = subCaseWord(index, top, new Set(asked.pageWords.map(stem)));
    if (caseWord) notes.push(`about one case ("${caseWord}") the question does not name; close to "${index.entries[runner.entry]!.entry.question}"`);
    if (found && caseWord) found.subCase = true;
  }
  return mismatch?.abstain ?? false;
}

/** The two entries cite a document of the same title (the same policy or standard). */
function citeSameDocument(index: MatchIndex, a: Scored, b: Scored): boolean {
  const titles = new Set((index.entries[a.entry]!.entry.citations ?? []).map((c) => c.title));
  return (index.entries[b.entry]!.entry.citations ?? []).some((c) => titles.has(c.title));
}

/** How many ranked candidates onCandidates reports. */
const RERANK_REPORTED = 5;

/** How many content words make the head of a question (what it is about, before the detail). */
const HEAD_WORDS = 6;

/** The terms of the question's head: those spelled within its first HEAD_WORDS content words. */
function headTerms(pageWords: readonly string[], query: QueryTerms, spanOf: ReadonlyMap<string, readonly [number, number]>): ReadonlySet<string> {
  let seen = 0;
  let headEnd = pageWords.length;
  for (let i = 0; i < pageWords.length; i++) {
    if (STOP_WORDS.has(pageWords[i]!)) continue;
    seen += 1;
    if (seen === HEAD_WORDS) {
      headEnd = i + 1;
      break;
    }
  }
  return new Set(query.terms.filter((t) => (spanOf.get(t)?.[0] ?? headEnd) < headEnd));
}

/** The features of the first `count` ranked candidates (what the re-ranker reads and the fit is given). */
function candidateFeatures(index: MatchIndex, scored: readonly Scored[], count: number, asked: WhatIsAsked, query: QueryTerms, head: ReadonlySet<string>): CandidateFeatures[] {
  const questionStems = new Set(asked.pageWords.map(stem));
  return scored.slice(0, count).map((s) => {
    const indexed = index.entries[s.entry]!;
    const entry = indexed.entry;
    const unit = index.units[s.unit];
    const inUnit = unit ? s.matched.filter((t) => unit.terms.has(t)).length : 0;
    let headWeight = 0;
    let headMatched = 0;
    const matched = new Set(s.matched);
    for (let k = 0; k < query.terms.length; k++) {
      const t = query.terms[k]!;
      if (!head.has(t)) continue;
      headWeight += query.weights[k]!;
      if (matched.has(t)) headMatched += query.weights[k]!;
    }
    return {
      entryId: entry.id,
      sim: s.sim,
      coverage: s.coverage,
      precision: s.precision,
      retrieval: s.retrieval,
      givesFacet: asked.facets.length > 0 && missingFacet(asked.normalized, asked.facets, entry.answer) === undefined,
      subCase: isSubCase(index, s, questionStems),
      scopeMismatch: asked.scope !== 'none' && scopeMismatch(asked.scope, `${entry.question} ${entry.answer} ${(entry.tags ?? []).join(' ')}`) !== undefined,
      unitKind: unit?.kind,
      inWording: s.matched.length > 0 ? inUnit / s.matched.length : 0,
      draftOrStale: indexed.draft || indexed.stale,
      headCover: headWeight > 0 ? headMatched / headWeight : 0,
    };
  });
}

/** Match one question against the index. */
export function matchQuestion(index: MatchIndex, question: QuestionInput, options: MatchOptions = {}): MatchResult {
  const candidateCount = options.candidateCount ?? 3;
  const normalized = normalizeQuestion(question.text);
  if (!normalized || index.entries.length === 0) return { proposal: null, candidates: [] };

  const pageWords = wordsOfNormalized(normalized);
  const corrected = pageWords.map((w) => (STOP_WORDS.has(w) || isKnownWord(index, w) ? w : (correctTypo(index, w) ?? w)));
  const spans: Array<[number, number]> = [];
  const queryTerms = termsOfWords(corrected, spans);
  const wordsOf = new Map<string, string>();
  const spanOf = new Map<string, readonly [number, number]>();
  queryTerms.forEach((t, i) => {
    if (wordsOf.has(t)) return;
    wordsOf.set(t, pageWords.slice(spans[i]![0], spans[i]![1]).join(' '));
    spanOf.set(t, spans[i]!);
  });
  const query = new Map<string, number>();
  // A concept the question names several ways ("open-source dependencies (SCA)") is its emphasis.
  const counts = new Map<string, number>();
  for (const t of queryTerms) counts.set(t, (counts.get(t) ?? 0) + 1);
  for (const [t, n] of counts) query.set(t, termWeight(index, t) * (1 + REPEAT_BOOST * (Math.min(n, 3) - 1)));
  const queryWeight = [...query.values()].reduce((a, b) => a + b, 0);

  const retrieved = queryWeight > 0 ? retrieve(index, query) : [];
  const topRetrieval = retrieved[0]?.score ?? 1;
  const weighted: QueryTerms = { terms: [...query.keys()], weights: [...query.values()], total: queryWeight };
  const scored = retrieved
    .map((r) => scoreEntry(index, r.e, weighted, r.score / topRetrieval))
    .sort((a, b) => b.sim - a.sim || a.entry - b.entry);
  const asked: WhatIsAsked = { normalized, pageWords, facets: askedFacets(normalized), scope: questionScope(normalized) };
  preferAnswering(index, scored, asked);
  const ranker = options.ranker === undefined ? RANKER : options.ranker;
  if (options.onCandidates || (ranker && scored.length >= 2)) {
    const head = headTerms(pageWords, weighted, spanOf);
    if (options.onCandidates) options.onCandidates(candidateFeatures(index, scored, RERANK_REPORTED, asked, weighted, head));
    if (ranker && scored.length >= 2) {
      const depth = ranker.depth ?? RERANK_DEPTH;
      const pick = rerankedFirst(ranker, candidateFeatures(index, scored, depth, asked, weighted, head), depth);
      if (pick !== 0) scored.unshift(...scored.splice(pick, 1));
    }
  }

  const outright = soleEntry(index, index.exact.get(normalized));
  const nearIdentical = outright ? undefined : soleEntry(index, index.signature.get(signatureOf(query.keys())));
  const decisive = outright ?? nearIdentical;

  const notes: string[] = [];
  let abstain = false;
  let top: Scored | undefined = scored[0];
  let confidence: number;
  let source: MatchSource;
  let rest = scored.slice(1);
  if (decisive) {
    const own = scored.find((s) => s.entry === decisive.entry);
    top = {
      entry: decisive.entry,
      unit: decisive.unit,
      sim: outright ? 1 : SIGNATURE_CONFIDENCE,
      coverage: 1,
      precision: 1,
      retrieval: 1,
      matched: own?.matched ?? [...query.keys()],
    };
    rest = scored.filter((s) => s.entry !== decisive.entry);
    confidence = top.sim;
    source = sourceOf(index.units[decisive.unit]!.kind);
    // Same terms but not the same text: the words the terms leave out ("how often", "communicated") may ask more.
    if (!outright) abstain = checkWhatIsAsked(index, top, undefined, asked, notes);
    if (notes.length > 0) confidence = Math.min(confidence, HELD_AT_REVIEW);
  } else if (top) {
    // After preferAnswering the runner-up may score above the best: they are a tie, not a loss.
    const runnerUp = scored[1] && scored[1].sim > top.sim ? { ...scored[1], sim: top.sim } : scored[1];
    const evidence = evidenceFor(index, top, query, queryWeight, spanOf);
    confidence = confidenceOf(top, runnerUp, evidence, runnerUp !== undefined && citeSameDocument(index, top, runnerUp));
    const kind = index.units[top.unit]?.kind;
    source = kind === 'alias' || kind === 'alternate' ? kind : 'fuzzy';
    const found = { facetMissing: false, scopeMismatch: false, nearNeighbour: false, subCase: false };
    abstain = checkWhatIsAsked(index, top, scored[1], asked, notes, found);
    if (options.onFeatures) {
      const indexedTop = index.entries[top.entry]!;
      options.onFeatures({
        hand: confidence,
        sim: top.sim,
        coverage: top.coverage,
        precision: top.precision,
        retrieval: top.retrieval,
        runnerSim: runnerUp?.sim ?? 0,
        runnerCoverage: runnerUp?.coverage ?? 0,
        runnerPrecision: runnerUp?.precision ?? 0,
        supportingTerms: evidence.supportingTerms,
        unexplainedTerms: evidence.unexplainedTerms,
        namedInWording: evidence.namedInWording,
        supportingConcepts: evidence.supportingConcepts ?? evidence.supportingTerms,
        unknownShare: evidence.unknownShare,
        oneConcept: isOneConcept(evidence),
        alternate: source !== 'fuzzy',
        ...found,
        draftOrStale: indexedTop.draft || indexedTop.stale,
      });
    }
    if (notes.length > 0) confidence = Math.min(confidence, HELD_AT_REVIEW);
  } else {
    return { proposal: null, candidates: [] };
  }

  const round = (n: number) => Math.round(n * 1000) / 1000;
  const candidates: Candidate[] = [top, ...rest]
    .slice(0, candidateCount)
    .map((s) => ({ entryId: index.entries[s.entry]!.entry.id, score: round(Math.min(1, s.sim)) }));

  let band = bandOf(confidence, options.thresholds);
  if (band === 'none' || abstain) return { proposal: null, candidates };
  const indexed = index.entries[top.entry]!;
  // Draft and stale answers, and answers that miss what is asked, are proposed, but never as "fill without
  // reading twice".
  if ((indexed.draft || indexed.stale || notes.length > 0) && band === 'high') band = 'review';

  const runner = rest[0];
  const choice = choiceFor(indexed.entry, question);
  const proposal: Proposal = {
    entryId: indexed.entry.id,
    confidence: round(confidence),
    band,
    ...(choice !== undefined ? { choice } : {}),
    why: {
      source,
      matchedTerms: matchedWords(top.matched, wordsOf),
      matchedText: index.units[top.unit]?.kind === 'tag' ? indexed.entry.question : (index.units[top.unit]?.text ?? indexed.entry.question),
      ...(runner && runner.sim >= top.sim - RUNNER_UP_MARGIN
        ? { runnerUp: { entryId: index.entries[runner.entry]!.entry.id, score: round(Math.min(1, runner.sim)) } }
        : {}),
      ...(notes.length > 0 ? { notes } : {}),
    },
    stale: indexed.stale,
    draft: indexed.draft,
  };
  return { proposal, candidates };
}
