// The search index over a library: every wording of an entry (question, alternates, learned aliases) as a
// short "unit", plus the entry's answer and tags as a long field; postings for BM25, exact-text lookups,
// and a Fuse.js index over the words it knows for typo correction.
import Fuse from 'fuse.js';
import { entryStatus, isStale, type LibraryEntry } from '../schema/library';
import { normalizeQuestion, normalizeText, stem, wordsOfNormalized } from './normalize';
import { isRealWord } from './english-words';
import { isVocabularyWord, termsOfWords, vocabularyWords } from './terms';

/** A tag is a unit too: a short curated topic that a question can match as precisely as a wording. */
export type UnitKind = 'question' | 'alternate' | 'alias' | 'tag';

/** One wording of an entry. */
export interface IndexedUnit {
  entry: number;
  kind: UnitKind;
  text: string;
  /** Term -> frequency. */
  terms: Map<string, number>;
  length: number;
}

export interface IndexedEntry {
  entry: LibraryEntry;
  draft: boolean;
  stale: boolean;
  units: number[];
  /** Terms of the answer and tags, with frequency. */
  answerTerms: Map<string, number>;
  /** Terms of the tags alone: curated topic words, trusted more than the answer's prose. */
  tagTerms: Set<string>;
  answerLength: number;
}

/** The input shape of a learned alias (lib/db LearnedAlias carries more fields; only these are read). */
export interface AliasInput {
  entryId: string;
  text: string;
}

export interface MatchIndex {
  entries: IndexedEntry[];
  units: IndexedUnit[];
  entryById: Map<string, number>;
  /** Term -> the units containing it, with their BM25 term weights. */
  unitPostings: Map<string, Posting>;
  /** Term -> the entries whose answer/tags contain it, with their BM25 term weights. */
  answerPostings: Map<string, Posting>;
  /** Unit id -> entry id (a flat array: read in the retrieval loop). */
  unitEntry: number[];
  /** Term -> number of entries mentioning it anywhere. */
  documentFrequency: Map<string, number>;
  unitLengthSum: number;
  answerLengthSum: number;
  /** Normalised wording -> unit ids (exact and alias hits win outright). */
  exact: Map<string, number[]>;
  /** Sorted distinct terms of a wording -> unit ids (near-identical wording: same words, other order or form). */
  signature: Map<string, number[]>;
  /** Unstemmed words the library or the vocabulary knows, bucketed by first letter, for typo correction. */
  knownWords: Set<string> | undefined;
  typoBuckets: Map<string, Fuse<string>> | undefined;
  typoCache: Map<string, string | null>;
  /** The date (YYYY-MM-DD) staleness was judged against. */
  today: string;
  /** Bumped whenever counts change, so cached weights know they are out of date. */
  version: number;
}

/** Parallel arrays: the ids holding a term and the BM25 saturation of its frequency there (`impact`). */
export interface Posting {
  ids: number[];
  tf: number[];
  impact: number[];
}

const K1 = 1.2;
const B = 0.75;

function bm25Impact(tf: number, length: number, averageLength: number): number {
  return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / Math.max(1, averageLength)));
}

function addPosting(postings: Map<string, Posting>, term: string, id: number, tf: number, impact: number): void {
  const p = postings.get(term);
  if (p) {
    p.ids.push(id);
    p.tf.push(tf);
    p.impact.push(impact);
  } else {
    postings.set(term, { ids: [id], tf: [tf], impact: [impact] });
  }
}

/** Compute every impact with the final average lengths (they drift while the index is being built). */
function refreshImpacts(index: MatchIndex): void {
  const avgUnit = index.unitLengthSum / Math.max(1, index.units.length);
  const avgAnswer = index.answerLengthSum / Math.max(1, index.entries.length);
  for (const p of index.unitPostings.values()) {
    for (let i = 0; i < p.ids.length; i++) p.impact[i] = bm25Impact(p.tf[i]!, index.units[p.ids[i]!]!.length, avgUnit);
  }
  for (const p of index.answerPostings.values()) {
    for (let i = 0; i < p.ids.length; i++) p.impact[i] = bm25Impact(p.tf[i]!, index.entries[p.ids[i]!]!.answerLength, avgAnswer);
  }
}

/** Whether any wording, tag or the answer of an entry already has a term (document frequency counts entries). */
function entryHasTerm(index: MatchIndex, indexed: IndexedEntry, term: string): boolean {
  return indexed.answerTerms.has(term) || indexed.units.some((u) => index.units[u]!.terms.has(term));
}

export interface BuildOptions {
  /** ISO date used for staleness; defaults to today. */
  today?: string;
}

function countTerms(terms: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of terms) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** The key of a near-identical wording: its distinct terms, sorted. Empty when too short to be specific. */
export function signatureOf(terms: Iterable<string>): string {
  const distinct = [...new Set(terms)].sort();
  return distinct.length >= 2 ? distinct.join(' ') : '';
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * What a build keeps between entries: the terms the current entry already has (to count document frequency
 * without searching its other wordings), and the counted terms of every normalised text seen so far (libraries
 * repeat tags, boilerplate wordings and stock answers; each is tokenised once).
 */
interface BuildScratch {
  entryTerms: Set<string>;
  texts: TextMemo;
}

/** One text, tokenised: its normalised form, counted terms, their total and near-identical signature. */
interface TextTerms {
  normalized: string;
  terms: Map<string, number>;
  length: number;
  signature: string;
  hasWords: boolean;
}

/** Raw text -> its tokenised form, for question wordings and for topics (tags, answers), normalised apart. */
interface TextMemo {
  question: Map<string, TextTerms>;
  topic: Map<string, TextTerms>;
}

/** Tokenise a text once per build (libraries repeat tags, boilerplate wordings and stock answers). */
function tokenize(text: string, asQuestion: boolean, memo: TextMemo | undefined): TextTerms {
  const cache = memo && (asQuestion ? memo.question : memo.topic);
  const known = cache?.get(text);
  if (known) return known;
  const normalized = asQuestion ? normalizeQuestion(text) : normalizeText(text);
  const ws = wordsOfNormalized(normalized);
  const terms = countTerms(termsOfWords(ws));
  let length = 0;
  for (const tf of terms.values()) length += tf;
  const result = { normalized, terms, length, signature: asQuestion ? signatureOf(terms.keys()) : '', hasWords: ws.length > 0 };
  cache?.set(text, result);
  return result;
}

/**
 * Add one wording to an entry. While building, `build` is passed (see BuildScratch) and BM25 impacts are left
 * for `refreshImpacts`; a learned alias added later computes its own.
 */
function addUnit(index: MatchIndex, entryIdx: number, kind: UnitKind, text: string, build?: BuildScratch): void {
  // A tag is a topic, not a question: no numbering or answer hints to strip.
  const { normalized, terms, length, signature, hasWords } = tokenize(text, kind !== 'tag', build?.texts);
  if (!hasWords) return;
  if (index.knownWords) for (const w of wordsOfNormalized(normalized)) index.knownWords.add(w);
  const id = index.units.length;
  index.version += 1;
  index.units.push({ entry: entryIdx, kind, text, terms, length });
  index.unitEntry.push(entryIdx);
  index.unitLengthSum += length;
  const indexed = index.entries[entryIdx]!;
  for (const [t, tf] of terms) {
    const known = build ? build.entryTerms.has(t) : entryHasTerm(index, indexed, t);
    if (!known) {
      index.documentFrequency.set(t, (index.documentFrequency.get(t) ?? 0) + 1);
      build?.entryTerms.add(t);
    }
    addPosting(index.unitPostings, t, id, tf, build ? 0 : bm25Impact(tf, length, index.unitLengthSum / index.units.length));
  }
  indexed.units.push(id);
  if (kind === 'tag') return;
  pushTo(index.exact, normalized, id);
  if (signature) pushTo(index.signature, signature, id);
  index.typoBuckets = undefined;
}

/**
 * Index a library. Retired entries are left out (never proposed); draft and stale entries are indexed and
 * flagged. Aliases whose entry is missing or retired are ignored.
 */
export function buildIndex(entries: readonly LibraryEntry[], aliases: readonly AliasInput[] = [], options: BuildOptions = {}): MatchIndex {
  const index: MatchIndex = {
    entries: [],
    units: [],
    entryById: new Map(),
    unitPostings: new Map(),
    answerPostings: new Map(),
    unitEntry: [],
    documentFrequency: new Map(),
    unitLengthSum: 0,
    answerLengthSum: 0,
    exact: new Map(),
    signature: new Map(),
    knownWords: undefined,
    typoBuckets: undefined,
    typoCache: new Map(),
    today: options.today ?? new Date().toISOString().slice(0, 10),
    version: 0,
  };
  const texts: TextMemo = { question: new Map(), topic: new Map() };
  for (const entry of entries) {
    const status = entryStatus(entry);
    if (status === 'retired' || index.entryById.has(entry.id)) continue;
    const entryIdx = index.entries.length;
    const tagTerms = tokenize((entry.tags ?? []).join(' ; '), false, texts);
    const answer = tokenize(entry.answer, false, texts);
    const answerTerms = new Map(answer.terms);
    for (const [t, tf] of tagTerms.terms) answerTerms.set(t, (answerTerms.get(t) ?? 0) + tf);
    const answerLength = answer.length + tagTerms.length;
    const indexed: IndexedEntry = {
      entry,
      draft: status === 'draft',
      stale: isStale(entry, index.today),
      units: [],
      answerTerms,
      tagTerms: new Set(tagTerms.terms.keys()),
      answerLength,
    };
    index.entries.push(indexed);
    index.entryById.set(entry.id, entryIdx);
    index.answerLengthSum += answerLength;
    for (const [t, tf] of answerTerms) {
      addPosting(index.answerPostings, t, entryIdx, tf, 0);
      index.documentFrequency.set(t, (index.documentFrequency.get(t) ?? 0) + 1);
    }
    const build: BuildScratch = { entryTerms: new Set(answerTerms.keys()), texts };
    addUnit(index, entryIdx, 'question', entry.question, build);
    for (const alt of entry.alternateQuestions ?? []) addUnit(index, entryIdx, 'alternate', alt, build);
    for (const tag of entry.tags ?? []) addUnit(index, entryIdx, 'tag', tag, build);
  }
  refreshImpacts(index);
  for (const alias of aliases) addLearnedAlias(index, alias);
  return index;
}

/** Add one learned alias to a built index (the side panel calls this after the analyst accepts a proposal). */
export function addLearnedAlias(index: MatchIndex, alias: AliasInput): boolean {
  const entryIdx = index.entryById.get(alias.entryId);
  if (entryIdx === undefined || alias.text.trim().length === 0) return false;
  const normalized = normalizeQuestion(alias.text);
  if (!normalized) return false;
  // The same wording already leads to this entry: nothing to learn.
  if (index.exact.get(normalized)?.some((u) => index.units[u]!.entry === entryIdx)) return false;
  // The analyst changed their mind: an older alias of this wording for another entry stops deciding.
  const exact = index.exact.get(normalized);
  if (exact) {
    const kept = exact.filter((u) => index.units[u]!.kind !== 'alias');
    if (kept.length > 0) index.exact.set(normalized, kept);
    else index.exact.delete(normalized);
  }
  addUnit(index, entryIdx, 'alias', alias.text);
  return true;
}

/** Inverse document frequency (BM25 form), computed from the live counts so aliases can be added later. */
export function idf(index: MatchIndex, term: string): number {
  const n = index.entries.length;
  const df = index.documentFrequency.get(term) ?? 0;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** Shorter words are too often other real words ("white" is not a typo of "write"). */
const TYPO_MIN_LENGTH = 6;

/**
 * The library word a misspelt query word stands for, or null. A real English or domain word is never a
 * typo, even when the library lacks it ("contact" is not "contract"); Fuse.js searches the known words
 * that share the first letter.
 */
export function correctTypo(index: MatchIndex, word: string): string | null {
  if (word.length < TYPO_MIN_LENGTH || /\d/.test(word) || isRealWord(word)) return null;
  const cached = index.typoCache.get(word);
  if (cached !== undefined) return cached;
  if (!index.typoBuckets) {
    const buckets = new Map<string, string[]>();
    for (const w of new Set([...knownWordsOf(index), ...vocabularyWords()])) {
      if (w.length < TYPO_MIN_LENGTH - 1) continue;
      pushTo(buckets, w[0]!, w);
    }
    index.typoBuckets = new Map(
      [...buckets].map(([k, list]) => [k, new Fuse(list, { includeScore: true, threshold: 0.34, ignoreLocation: true, minMatchCharLength: 3 })]),
    );
  }
  const fuse = index.typoBuckets.get(word[0]!);
  let best: string | null = null;
  if (fuse) {
    let bestScore = Infinity;
    // Fuse proposes near spellings; an edit-distance check keeps only real typos of them.
    const allowed = word.length >= 9 ? 2 : 1;
    for (const r of fuse.search(word, { limit: 8 })) {
      const distance = editDistance(word, r.item);
      const score = distance + (r.score ?? 1);
      if (distance <= allowed && score < bestScore) {
        bestScore = score;
        best = r.item;
      }
    }
  }
  if (index.typoCache.size > 5000) index.typoCache.clear();
  index.typoCache.set(word, best);
  return best;
}

/** Every word of the library's wordings, tags and answers, unstemmed; built on first need (typo checks). */
function knownWordsOf(index: MatchIndex): Set<string> {
  if (index.knownWords) return index.knownWords;
  const known = new Set<string>();
  for (const unit of index.units) {
    for (const w of wordsOfNormalized(normalizeText(unit.text))) known.add(w);
  }
  for (const { entry } of index.entries) {
    for (const w of wordsOfNormalized(normalizeText(entry.answer))) known.add(w);
  }
  index.knownWords = known;
  return known;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1]!;
}

/** True when a query word needs no correction. */
export function isKnownWord(index: MatchIndex, word: string): boolean {
  // Cheap checks first: the set of every library word is only built when a word might be a typo.
  return index.documentFrequency.has(stem(word)) || isVocabularyWord(word) || knownWordsOf(index).has(word);
}
