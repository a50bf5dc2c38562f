// Browsing the whole library in the Library tab: a status/freshness filter plus search, sized for 20,000 entries.
// Every query word found anywhere (question, wordings, tags, id, owner, answer) ranks first; then entries whose
// wordings match once misspelt query words are corrected with Fuse.js against the library's vocabulary.
import Fuse from 'fuse.js';
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

const fold = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

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
    const wording = fold([entry.id, entry.question, ...(entry.alternateQuestions ?? []), ...(entry.tags ?? []), entry.owner ?? ''].join('\n'));
    const words = [...new Set(wording.split(WORD_BREAK).filter((w) => w.length >= FUZZY_MIN_CHARS))];
    folded = { wording, answer: fold(entry.answer), words };
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
  return { counts, fuse: new Fuse([...counts.keys()], { threshold: 0.34, distance: 8 }) };
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
    const words = fold(query).split(/\s+/).filter(Boolean);
    if (words.length === 0) return entries.filter(keep);
    const { wordingText, answerText, positions, vocabulary } = prepare();

    const inWordings: T[] = [];
    const inAnswers: T[] = [];
    entries.forEach((entry, i) => {
      const wording = wordingText[i]!;
      const answer = answerText[i]!;
      if (words.every((w) => wording.includes(w))) inWordings.push(entry);
      else if (words.every((w) => wording.includes(w) || answer.includes(w))) inAnswers.push(entry);
    });
    const exact = new Set([...inWordings, ...inAnswers]);
    const byLibraryOrder = (a: T, b: T) => positions.get(a)! - positions.get(b)!;
    const fuzzyHits: T[] = [];
    // Typo tolerance only when the words as typed find nothing: next to exact hits, near spellings are noise.
    if (exact.size === 0) {
      const spellings = words.map((w) => (w.length < FUZZY_MIN_CHARS ? [w] : [w, ...vocabulary.fuse.search(w, { limit: 5 }).map((r) => r.item)]));
      if (spellings.some((s) => s.length > 1)) {
        entries.forEach((entry, i) => {
          const wording = wordingText[i]!;
          if (!exact.has(entry) && spellings.every((options) => options.some((w) => wording.includes(w)))) fuzzyHits.push(entry);
        });
      }
    }
    return [...inWordings.sort(byLibraryOrder), ...inAnswers.sort(byLibraryOrder), ...fuzzyHits].filter(keep);
  }
}
