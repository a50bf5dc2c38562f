// Browsing the whole library in the Library tab: a status/freshness filter plus search, sized for 20,000 entries.
// Every query word found anywhere (question, wordings, tags, id, owner, answer) ranks first; Fuse.js adds typo-tolerant
// matches on the wordings, which are short enough to search fuzzily in a few milliseconds per thousand entries.
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
}

/** Typo tolerance starts at this query length; shorter queries are still being typed and match plenty exactly. */
const FUZZY_MIN_CHARS = 4;

const fold = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

export function createLibrarySearchIndex<T extends LibraryEntry>(entries: readonly T[]): LibrarySearchIndex<T> {
  const wordingText = entries.map((e) => fold([e.id, e.question, ...(e.alternateQuestions ?? []), ...(e.tags ?? []), e.owner ?? ''].join('\n')));
  const answerText = entries.map((e) => fold(e.answer));
  const positions = new Map(entries.map((e, i) => [e, i]));
  const fuzzy = new Fuse(entries, {
    ignoreLocation: true,
    threshold: 0.3,
    minMatchCharLength: 2,
    keys: [
      { name: 'question', weight: 3 },
      { name: 'alternateQuestions', weight: 2 },
      { name: 'tags', weight: 1.5 },
      { name: 'id', weight: 1 },
    ],
  });

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
  };

  function run(query: string, filter: LibraryFilter, today: string): T[] {
    const keep = (e: T) => matchesFilter(e, filter, today);
    const words = fold(query).split(/\s+/).filter(Boolean);
    if (words.length === 0) return entries.filter(keep);

    const inWordings: T[] = [];
    const inAnswers: T[] = [];
    entries.forEach((entry, i) => {
      const wording = wordingText[i]!;
      const answer = answerText[i]!;
      if (words.every((w) => wording.includes(w))) inWordings.push(entry);
      else if (words.every((w) => wording.includes(w) || answer.includes(w))) inAnswers.push(entry);
    });
    const exact = new Set([...inWordings, ...inAnswers]);
    // Fuzzy matching is for typos; when plenty of exact hits exist it would only add noise and time.
    const fuzzyHits = exact.size >= 50 || query.trim().length < FUZZY_MIN_CHARS ? [] : fuzzy.search(query.trim(), { limit: 200 }).map((r) => r.item).filter((e) => !exact.has(e));
    const byLibraryOrder = (a: T, b: T) => positions.get(a)! - positions.get(b)!;
    return [...inWordings.sort(byLibraryOrder), ...inAnswers.sort(byLibraryOrder), ...fuzzyHits].filter(keep);
  }
}
