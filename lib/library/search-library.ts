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
}

/** Words shorter than this are matched exactly: they are still being typed, or too short to correct reliably. */
const FUZZY_MIN_CHARS = 4;

const WORD_BREAK = /[^\p{L}\p{N}]+/u;

const fold = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

export function createLibrarySearchIndex<T extends LibraryEntry>(entries: readonly T[]): LibrarySearchIndex<T> {
  // Built on the first search, not per library change: browsing without a query costs nothing.
  let prepared: { wordingText: string[]; answerText: string[]; positions: Map<T, number>; vocabulary: Fuse<string> } | undefined;
  const prepare = () => {
    if (prepared) return prepared;
    const wordingText = entries.map((e) => fold([e.id, e.question, ...(e.alternateQuestions ?? []), ...(e.tags ?? []), e.owner ?? ''].join('\n')));
    const words = new Set<string>();
    for (const text of wordingText) for (const word of text.split(WORD_BREAK)) if (word.length >= FUZZY_MIN_CHARS) words.add(word);
    prepared = {
      wordingText,
      answerText: entries.map((e) => fold(e.answer)),
      positions: new Map(entries.map((e, i) => [e, i])),
      // Typos are corrected word by word against the library's own vocabulary: far cheaper than fuzzy-matching
      // every entry's text, and a corrected word then matches exactly like any other.
      vocabulary: new Fuse([...words], { threshold: 0.34, distance: 8 }),
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
      const spellings = words.map((w) => (w.length < FUZZY_MIN_CHARS ? [w] : [w, ...vocabulary.search(w, { limit: 5 }).map((r) => r.item)]));
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
