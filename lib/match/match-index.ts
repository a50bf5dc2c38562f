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

/**
 * Parallel arrays: the ids holding a term and the BM25 saturation of its frequency there (`impact`). A build
 * writes typed arrays of the exact size; a learned alias turns the postings it adds to into plain arrays.
 */
export interface Posting {
  ids: number[] | Int32Array;
  tf: number[] | Int32Array;
  impact: number[] | Float64Array;
}

const K1 = 1.2;
const B = 0.75;

function bm25Impact(tf: number, length: number, averageLength: number): number {
  return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / Math.max(1, averageLength)));
}

function addPosting(postings: Map<string, Posting>, term: string, id: number, tf: number, impact: number): void {
  const p = postings.get(term);
  if (p) {
    if (!Array.isArray(p.ids)) p.ids = Array.from(p.ids);
    if (!Array.isArray(p.tf)) p.tf = Array.from(p.tf);
    if (!Array.isArray(p.impact)) p.impact = Array.from(p.impact);
    p.ids.push(id);
    p.tf.push(tf);
    p.impact.push(impact);
  } else {
    postings.set(term, { ids: [id], tf: [tf], impact: [impact] });
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

/** One text, tokenised: its normalised form, counted terms, their total and near-identical signature. */
interface TextTerms {
  normalized: string;
  terms: Map<string, number>;
  length: number;
  signature: string;
  hasWords: boolean;
  /** While building: the terms as build-local ids and their frequencies, in `terms` order. */
  ids?: Int32Array;
  tfs?: Int32Array;
  /** The terms as a set, made on first need and shared by every entry with this text as its tags. */
  termSet?: Set<string>;
}

/** Tokenise one text (question wordings and topics, i.e. tags and answers, are normalised apart). */
function tokenize(text: string, asQuestion: boolean): TextTerms {
  const normalized = asQuestion ? normalizeQuestion(text) : normalizeText(text);
  const ws = wordsOfNormalized(normalized);
  const terms = countTerms(termsOfWords(ws));
  let length = 0;
  for (const tf of terms.values()) length += tf;
  return { normalized, terms, length, signature: asQuestion ? signatureOf(terms.keys()) : '', hasWords: ws.length > 0 };
}

/**
 * What a build keeps while it indexes the entries. Libraries have a few thousand distinct terms at most, so every
 * term gets a small integer id and the counts live in arrays indexed by it (no string-keyed map update per
 * occurrence). The entries are read once to count, then the postings are written into typed arrays of their
 * exact size, impacts included (no growing arrays, no second pass over the impacts); the maps of the finished
 * index are made once per term. Each distinct text (libraries repeat tags, boilerplate wordings and stock
 * answers) is tokenised once.
 */
class IndexBuilder {
  readonly termIds = new Map<string, number>();
  readonly termNames: string[] = [];
  /** Per term id: entries mentioning it anywhere. */
  private readonly df: number[] = [];
  /** Per term id: 1 + the last entry that counted it in `df` (0: none yet). */
  private readonly seenIn: number[] = [];
  /** Per term id: how many units, and how many entries' answer fields, hold it. */
  private readonly unitCount: number[] = [];
  private readonly answerCount: number[] = [];
  /** Term ids in the order each map of the finished index first received them (the maps keep that order). */
  private readonly dfOrder: number[] = [];
  private readonly unitOrder: number[] = [];
  private readonly answerOrder: number[] = [];
  /** Per unit: its tokens; per entry: its answer's and tags' tokens. */
  private readonly unitTokens: TextTerms[] = [];
  private readonly answers: TextTerms[] = [];
  private readonly tags: TextTerms[] = [];
  private readonly questionTexts = new Map<string, TextTerms>();
  private readonly topicTexts = new Map<string, TextTerms>();
  /** Scratch for one entry's answer + tag terms: where a term id sits in the merged list. */
  private readonly slot: number[] = [];
  private readonly mergedIds: number[] = [];
  private readonly mergedTf: number[] = [];

  text(text: string, asQuestion: boolean): TextTerms {
    const cache = asQuestion ? this.questionTexts : this.topicTexts;
    const known = cache.get(text);
    if (known) return known;
    const result = tokenize(text, asQuestion);
    const ids = new Int32Array(result.terms.size);
    const tfs = new Int32Array(result.terms.size);
    let k = 0;
    for (const [t, tf] of result.terms) {
      ids[k] = this.idOf(t);
      tfs[k++] = tf;
    }
    result.ids = ids;
    result.tfs = tfs;
    cache.set(text, result);
    return result;
  }

  private idOf(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termNames.length;
      this.termIds.set(term, id);
      this.termNames.push(term);
      this.df.push(0);
      this.seenIn.push(0);
      this.slot.push(0);
      this.unitCount.push(0);
      this.answerCount.push(0);
    }
    return id;
  }

  /**
   * The answer and tag terms of an entry, answer terms first and frequencies summed (as `BuiltEntry.answerTerms`
   * has them): their count is left in `mergedIds`/`mergedTf`, and every one is marked as seen in this entry.
   */
  private merge(entryIdx: number, answer: TextTerms, tags: TextTerms): number {
    const stamp = entryIdx + 1;
    const { mergedIds, mergedTf, seenIn, slot } = this;
    let n = 0;
    for (let pass = 0; pass < 2; pass++) {
      const source = pass === 0 ? answer : tags;
      const ids = source.ids!;
      const tfs = source.tfs!;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k]!;
        if (seenIn[id] === stamp) {
          mergedTf[slot[id]!]! += tfs[k]!;
          continue;
        }
        seenIn[id] = stamp;
        slot[id] = n;
        mergedIds[n] = id;
        mergedTf[n++] = tfs[k]!;
      }
    }
    return n;
  }

  /** Count an entry's answer and tag terms (document frequency counts entries). */
  addAnswer(entryIdx: number, answer: TextTerms, tags: TextTerms): void {
    this.answers.push(answer);
    this.tags.push(tags);
    const n = this.merge(entryIdx, answer, tags);
    for (let k = 0; k < n; k++) {
      const id = this.mergedIds[k]!;
      if (this.answerCount[id] === 0) this.answerOrder.push(id);
      this.answerCount[id]! += 1;
      if (this.df[id] === 0) this.dfOrder.push(id);
      this.df[id]! += 1;
    }
  }

  /** Count a unit's terms; a term the entry already has does not count again in its document frequency. */
  addUnit(entryIdx: number, text: TextTerms): void {
    this.unitTokens.push(text);
    const stamp = entryIdx + 1;
    const ids = text.ids!;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      if (this.seenIn[id] !== stamp) {
        this.seenIn[id] = stamp;
        if (this.df[id] === 0) this.dfOrder.push(id);
        this.df[id]! += 1;
      }
      if (this.unitCount[id] === 0) this.unitOrder.push(id);
      this.unitCount[id]! += 1;
    }
  }

  /** Fill the index's maps: document frequencies, and postings with their BM25 impacts at the final average lengths. */
  finish(index: MatchIndex): void {
    const names = this.termNames;
    for (const id of this.dfOrder) index.documentFrequency.set(names[id]!, this.df[id]!);
    const terms = names.length;
    const unitTables = this.tables(this.unitCount);
    const averageUnit = index.unitLengthSum / Math.max(1, this.unitTokens.length);
    const at = new Int32Array(terms);
    this.unitTokens.forEach((tokens, unit) => {
      const ids = tokens.ids!;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k]!;
        const table = unitTables[id]!;
        const i = at[id]!++;
        table.ids[i] = unit;
        table.tf[i] = tokens.tfs![k]!;
        table.impact[i] = bm25Impact(tokens.tfs![k]!, tokens.length, averageUnit);
      }
    });
    const answerTables = this.tables(this.answerCount);
    const averageAnswer = index.answerLengthSum / Math.max(1, this.answers.length);
    at.fill(0);
    for (let entry = 0; entry < this.answers.length; entry++) {
      const answer = this.answers[entry]!;
      const tags = this.tags[entry]!;
      // The stamps of the counting pass are spent: a fresh range of them (entries + 1 onwards) for this one.
      const n = this.merge(this.answers.length + 1 + entry, answer, tags);
      const length = answer.length + tags.length;
      for (let k = 0; k < n; k++) {
        const id = this.mergedIds[k]!;
        const table = answerTables[id]!;
        const i = at[id]!++;
        table.ids[i] = entry;
        table.tf[i] = this.mergedTf[k]!;
        table.impact[i] = bm25Impact(this.mergedTf[k]!, length, averageAnswer);
      }
    }
    for (const id of this.unitOrder) index.unitPostings.set(names[id]!, unitTables[id]!);
    for (const id of this.answerOrder) index.answerPostings.set(names[id]!, answerTables[id]!);
  }

  private tables(counts: readonly number[]): Posting[] {
    return counts.map((n) => ({ ids: new Int32Array(n), tf: new Int32Array(n), impact: new Float64Array(n) }));
  }
}

/** An indexed entry whose term maps are made when first read (the matcher reads those of a question's few candidates). */
class BuiltEntry implements IndexedEntry {
  readonly units: number[] = [];
  private answerTermMap: Map<string, number> | undefined;

  constructor(
    readonly entry: LibraryEntry,
    readonly draft: boolean,
    readonly stale: boolean,
    readonly answerLength: number,
    private readonly answer: TextTerms,
    private readonly tags: TextTerms,
  ) {}

  get answerTerms(): Map<string, number> {
    if (!this.answerTermMap) {
      const terms = new Map(this.answer.terms);
      for (const [t, tf] of this.tags.terms) terms.set(t, (terms.get(t) ?? 0) + tf);
      this.answerTermMap = terms;
    }
    return this.answerTermMap;
  }

  get tagTerms(): Set<string> {
    return (this.tags.termSet ??= new Set(this.tags.terms.keys()));
  }

  /** The answer as `normalizeText` gives it. */
  get answerNormalized(): string {
    return this.answer.normalized;
  }
}

/** Record one wording's unit and its exact and near-identical keys (its terms are counted by the caller). */
function pushUnit(index: MatchIndex, entryIdx: number, kind: UnitKind, text: string, tokens: TextTerms): number {
  const id = index.units.length;
  index.version += 1;
  index.units.push({ entry: entryIdx, kind, text, terms: tokens.terms, length: tokens.length });
  index.unitEntry.push(entryIdx);
  index.unitLengthSum += tokens.length;
  index.entries[entryIdx]!.units.push(id);
  if (kind !== 'tag') {
    pushTo(index.exact, tokens.normalized, id);
    if (tokens.signature) pushTo(index.signature, tokens.signature, id);
  }
  return id;
}

/** Add one wording to a built index (a learned alias), with its own BM25 impacts. */
function addUnit(index: MatchIndex, entryIdx: number, kind: UnitKind, text: string): void {
  // A tag is a topic, not a question: no numbering or answer hints to strip.
  const tokens = tokenize(text, kind !== 'tag');
  if (!tokens.hasWords) return;
  if (index.knownWords) for (const w of wordsOfNormalized(tokens.normalized)) index.knownWords.add(w);
  const indexed = index.entries[entryIdx]!;
  // Counted before the unit joins the entry, so its own terms do not look already known.
  const known = [...tokens.terms.keys()].map((t) => entryHasTerm(index, indexed, t));
  const id = pushUnit(index, entryIdx, kind, text, tokens);
  let k = 0;
  for (const [t, tf] of tokens.terms) {
    if (!known[k++]) index.documentFrequency.set(t, (index.documentFrequency.get(t) ?? 0) + 1);
    addPosting(index.unitPostings, t, id, tf, bm25Impact(tf, tokens.length, index.unitLengthSum / index.units.length));
  }
  index.typoBuckets = undefined;
}

/** Add one wording while building (see IndexBuilder). */
function addBuiltUnit(index: MatchIndex, builder: IndexBuilder, entryIdx: number, kind: UnitKind, text: string): void {
  const tokens = builder.text(text, kind !== 'tag');
  if (!tokens.hasWords) return;
  pushUnit(index, entryIdx, kind, text, tokens);
  builder.addUnit(entryIdx, tokens);
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
  const builder = new IndexBuilder();
  for (const entry of entries) {
    const status = entryStatus(entry);
    if (status === 'retired' || index.entryById.has(entry.id)) continue;
    const entryIdx = index.entries.length;
    const tags = builder.text((entry.tags ?? []).join(' ; '), false);
    const answer = builder.text(entry.answer, false);
    const answerLength = answer.length + tags.length;
    index.entries.push(new BuiltEntry(entry, status === 'draft', isStale(entry, index.today), answerLength, answer, tags));
    index.entryById.set(entry.id, entryIdx);
    index.answerLengthSum += answerLength;
    builder.addAnswer(entryIdx, answer, tags);
    addBuiltUnit(index, builder, entryIdx, 'question', entry.question);
    for (const alt of entry.alternateQuestions ?? []) addBuiltUnit(index, builder, entryIdx, 'alternate', alt);
    for (const tag of entry.tags ?? []) addBuiltUnit(index, builder, entryIdx, 'tag', tag);
  }
  builder.finish(index);
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

/**
 * Every word of the library's wordings, tags and answers, unstemmed; built on first need (typo checks). A text met
 * again adds no word (nor changes the set's order), so each distinct text is normalised once, and an answer the
 * build already normalised is not normalised again.
 */
function knownWordsOf(index: MatchIndex): Set<string> {
  if (index.knownWords) return index.knownWords;
  const known = new Set<string>();
  const seen = new Set<string>();
  for (const unit of index.units) {
    if (seen.has(unit.text)) continue;
    seen.add(unit.text);
    for (const w of wordsOfNormalized(normalizeText(unit.text))) known.add(w);
  }
  seen.clear();
  for (const indexed of index.entries) {
    const normalized = indexed instanceof BuiltEntry ? indexed.answerNormalized : normalizeText(indexed.entry.answer);
    if (seen.has(normalized)) continue;
    seen.add(normalized);
    for (const w of wordsOfNormalized(normalized)) known.add(w);
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
