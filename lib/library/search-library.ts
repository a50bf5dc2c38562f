// Browsing the whole library in the Library tab: a status/freshness filter plus search, sized for 20,000 entries.
// A query term is a word as typed or a phrase of the security vocabulary ("mfa" also finds "multi-factor
// authentication"). Entries with every term as typed (question, wordings, tags, id, owner, answer) come first; when
// there are none, every term through synonyms; then entries whose wordings match once misspelt words are corrected
// with Fuse.js against the library's vocabulary (closest corrections first); then entries with most of the terms.
import Fuse from 'fuse.js';
import { CONCEPT_GROUPS } from '../match/vocabulary';
import { entryStatus, isStale, type LibraryEntry } from '../schema';

export const LIBRARY_FILTERS = ['all', 'approved', 'draft', 'stale', 'retired'] as const;
export type LibraryFilter = (typeof LIBRARY_FILTERS)[number];

export function matchesFilter(entry: LibraryEntry, filter: LibraryFilter, today: string): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'stale':
      return entryStatus(entry) !== 'retired' && isStale(entry, today);
    default:
      return entryStatus(entry) === filter;
  }
}

export interface LibrarySearchIndex<T extends LibraryEntry> {
  /** Entries matching the filter and the query, best match first (library order when the query is empty). */
  search(query: string, filter: LibraryFilter, today?: string): T[];
  /** Builds the search structures now (e.g. while the analyst is not typing) instead of on the first query. */
  warmUp(): void;
  /**
   * The index over `entries` (this library after a change), reusing this index's work: entries that are the same
   * objects are not folded again and the typo vocabulary is updated by the difference, so one edited entry costs
   * a few milliseconds at 20,000 entries instead of a rebuild. This index must not be searched afterwards.
   */
  next(entries: readonly T[]): LibrarySearchIndex<T>;
}

/** Words shorter than this are matched exactly: they are still being typed, or too short to correct reliably. */
const FUZZY_MIN_CHARS = 4;

const WORD_BREAK = /[^\p{L}\p{N}]+/u;
const WORD_BREAKS = /[^\p{L}\p{N}]+/gu;

const fold = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
/** Folded, punctuation turned into single spaces, padded: "Multi-Factor" → " multi factor ", so phrases match. */
const spaced = (text: string) => ` ${fold(text).replace(WORD_BREAKS, ' ').trim()} `;

/** Vocabulary phrase → every phrase of its concept (its synonyms and abbreviations), built on first use. */
let synonyms: Map<string, readonly string[]> | undefined;
const LONGEST_PHRASE = 4;

function synonymsOf(phrase: string): readonly string[] | undefined {
  if (!synonyms) {
    synonyms = new Map();
    for (const group of CONCEPT_GROUPS) for (const p of group.phrases) synonyms.set(p, group.phrases);
  }
  return synonyms.get(phrase);
}

/** One thing the query asks for: the words as typed (found anywhere, even mid-word) or one of their synonyms (whole words). */
interface QueryTerm {
  typed: string;
  alternatives: string[];
}

/** The query's terms: vocabulary phrases (longest first) become one term with their synonyms; other words stand alone. */
export function queryTerms(query: string): QueryTerm[] {
  const words = spaced(query).trim().split(' ').filter(Boolean);
  const terms: QueryTerm[] = [];
  for (let i = 0; i < words.length; ) {
    let taken = 1;
    let alternatives: string[] = [];
    for (let n = Math.min(LONGEST_PHRASE, words.length - i); n >= 1; n--) {
      const found = synonymsOf(words.slice(i, i + n).join(' '));
      if (found) {
        taken = n;
        alternatives = found.map((p) => ` ${p} `);
        break;
      }
    }
    const typed = words.slice(i, i + taken).join(' ');
    // A plural typed finds the singular too ("methods" → "method").
    if (taken === 1 && typed.length > 3 && typed.endsWith('s')) alternatives.push(` ${typed.slice(0, -1)}`);
    terms.push({ typed, alternatives });
    i += taken;
  }
  return terms;
}

/** 2 when `text` holds the term as typed, 1 through a synonym, 0 not at all. */
function termIn(text: string, term: QueryTerm): number {
  if (text.includes(term.typed)) return 2;
  return term.alternatives.some((a) => text.includes(a)) ? 1 : 0;
}

interface FoldedEntry {
  wording: string;
  answer: string;
  /** The distinct wording words long enough to be corrected: this entry's share of the vocabulary. */
  words: string[];
}

// Keyed by the entry object: entries are replaced, never mutated, so an unchanged entry keeps its folded text.
const foldedEntries = new WeakMap<LibraryEntry, FoldedEntry>();

function foldEntry(entry: LibraryEntry): FoldedEntry {
  let folded = foldedEntries.get(entry);
  if (!folded) {
    const wording = spaced([entry.id, entry.question, ...(entry.alternateQuestions ?? []), ...(entry.tags ?? []), entry.owner ?? ''].join('\n'));
    const words = [...new Set(wording.split(WORD_BREAK).filter((w) => w.length >= FUZZY_MIN_CHARS))];
    folded = { wording, answer: spaced(entry.answer), words };
    foldedEntries.set(entry, folded);
  }
  return folded;
}

/** The library's words with how many entries use each; typos are corrected against it. */
interface Vocabulary {
  counts: Map<string, number>;
  fuse: Fuse<string>;
}

function buildVocabulary(entries: readonly LibraryEntry[]): Vocabulary {
  const counts = new Map<string, number>();
  for (const entry of entries) for (const word of foldEntry(entry).words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return { counts, fuse: new Fuse([...counts.keys()], { threshold: 0.34, distance: 8, includeScore: true }) };
}

/** Moves `vocabulary` from one library to the next; false when so much changed that a rebuild is cheaper. */
function updateVocabulary(vocabulary: Vocabulary, before: readonly LibraryEntry[], after: readonly LibraryEntry[]): boolean {
  const beforeSet = new Set(before);
  const afterSet = new Set(after);
  const removed = before.filter((e) => !afterSet.has(e));
  const added = after.filter((e) => !beforeSet.has(e));
  if (removed.length + added.length > Math.max(64, after.length / 4)) return false;
  const gone = new Set<string>();
  for (const entry of removed) {
    for (const word of foldEntry(entry).words) {
      const count = (vocabulary.counts.get(word) ?? 0) - 1;
      if (count > 0) vocabulary.counts.set(word, count);
      else {
        vocabulary.counts.delete(word);
        gone.add(word);
      }
    }
  }
  for (const entry of added) {
    for (const word of foldEntry(entry).words) {
      const count = vocabulary.counts.get(word) ?? 0;
      vocabulary.counts.set(word, count + 1);
      if (count > 0) continue;
      if (gone.has(word)) gone.delete(word);
      else vocabulary.fuse.add(word);
    }
  }
  if (gone.size > 0) vocabulary.fuse.remove((word) => gone.has(word));
  return true;
}

export function createLibrarySearchIndex<T extends LibraryEntry>(entries: readonly T[]): LibrarySearchIndex<T> {
  return indexOver(entries, undefined);
}

function indexOver<T extends LibraryEntry>(entries: readonly T[], carried: Vocabulary | undefined): LibrarySearchIndex<T> {
  // Built on the first search, not per library change: browsing without a query costs nothing.
  let prepared: { wordingText: string[]; answerText: string[]; positions: Map<T, number>; vocabulary: Vocabulary } | undefined;
  const prepare = () => {
    if (prepared) return prepared;
    const folded = entries.map(foldEntry);
    prepared = {
      wordingText: folded.map((f) => f.wording),
      answerText: folded.map((f) => f.answer),
      positions: new Map(entries.map((e, i) => [e, i])),
      // Typos are corrected word by word against the library's own vocabulary: far cheaper than fuzzy-matching
      // every entry's text, and a corrected word then matches exactly like any other.
      vocabulary: carried ?? buildVocabulary(entries),
    };
    return prepared;
  };

  // React may render the same query twice (deferred rendering); the second time costs nothing.
  let last: { key: string; result: T[] } | undefined;

  return {
    search(query, filter, today = new Date().toISOString().slice(0, 10)) {
      const key = `${filter}\n${today}\n${query}`;
      if (last?.key === key) return last.result;
      const result = run(query, filter, today);
      last = { key, result };
      return result;
    },
    warmUp() {
      prepare();
    },
    next(nextEntries) {
      const vocabulary = prepared?.vocabulary ?? carried;
      if (vocabulary && updateVocabulary(vocabulary, entries, nextEntries)) return indexOver(nextEntries, vocabulary);
      return indexOver(nextEntries, undefined);
    },
  };

  function run(query: string, filter: LibraryFilter, today: string): T[] {
    const keep = (e: T) => matchesFilter(e, filter, today);
    const terms = queryTerms(query);
    if (terms.length === 0) return entries.filter(keep);
    const { wordingText, answerText, positions, vocabulary } = prepare();

    // Every term as typed in the wordings, then in wordings or answer; failing that, the same through synonyms.
    // Each pass runs only when the one before found nothing, so a plain query costs one scan.
    const every = (found: (text: string, term: QueryTerm) => boolean): T[] => {
      const inWordings: T[] = [];
      const inAnswers: T[] = [];
      entries.forEach((entry, i) => {
        const wording = wordingText[i]!;
        const answer = answerText[i]!;
        if (terms.every((t) => found(wording, t))) inWordings.push(entry);
        else if (terms.every((t) => found(wording, t) || found(answer, t))) inAnswers.push(entry);
      });
      return [...inWordings, ...inAnswers];
    };
    const literal = every((text, term) => text.includes(term.typed));
    if (literal.length > 0) return literal.filter(keep);
    const synonyms = terms.some((t) => t.alternatives.length > 0);
    const bySynonym = synonyms ? every((text, term) => termIn(text, term) > 0) : [];
    if (bySynonym.length > 0) return bySynonym.filter(keep);
    // Most of the terms: only a query of several terms can match in part.
    const partial: { entry: T; score: number }[] = [];
    if (terms.length > 1) entries.forEach((entry, i) => {
      const score = terms.reduce((sum, term) => sum + (termIn(wordingText[i]!, term) ? 2 : termIn(answerText[i]!, term) ? 1 : 0), 0);
      if (score > 0) partial.push({ entry, score });
    });

    // Nothing has every term: misspelt words corrected (closest first), then entries with most of the terms.
    const fuzzyHits = correctedMatches(terms, wordingText, vocabulary);
    const seen = new Set(fuzzyHits.map((i) => entries[i]!));
    const best = partial.reduce((m, p) => Math.max(m, p.score), 0);
    const most = partial
      .filter((p) => !seen.has(p.entry) && p.score * 2 >= best)
      .sort((a, b) => b.score - a.score || positions.get(a.entry)! - positions.get(b.entry)!)
      .map((p) => p.entry);
    return [...fuzzyHits.map((i) => entries[i]!), ...most].filter(keep);
  }
}

/** Added to a correction's distance when it is found only inside a longer word. */
const PART_OF_WORD = 0.1;

/**
 * Indexes of the entries whose wordings hold every term once misspelt words are corrected against the library's
 * vocabulary, the closest corrections first (a typo must not put an entry with a far-fetched spelling on top).
 */
function correctedMatches(terms: readonly QueryTerm[], wordingText: readonly string[], vocabulary: Vocabulary): number[] {
  const spellings = terms.map((term) =>
    term.typed.length < FUZZY_MIN_CHARS || term.typed.includes(' ')
      ? [{ word: term.typed, distance: 0 }]
      : [
          { word: term.typed, distance: 0 },
          // Equally close corrections: the one nearer the typed length ("password" before "passwords" for "pasword").
          ...vocabulary.fuse.search(term.typed, { limit: 5 }).map((r) => ({ word: r.item, distance: (r.score ?? 1) + Math.abs(r.item.length - term.typed.length) / 1000 })),
        ],
  );
  if (!spellings.some((s) => s.length > 1)) return [];
  const hits: { index: number; distance: number }[] = [];
  wordingText.forEach((wording, index) => {
    let distance = 0;
    for (const options of spellings) {
      let best = Infinity;
      // A correction found as a whole word beats the same letters inside a longer word.
      for (const o of options) if (wording.includes(o.word)) best = Math.min(best, o.distance + (wording.includes(` ${o.word} `) ? 0 : PART_OF_WORD));
      if (best === Infinity) return;
      distance += best;
    }
    hits.push({ index, distance });
  });
  return hits.sort((a, b) => a.distance - b.distance || a.index - b.index).map((h) => h.index);
}
