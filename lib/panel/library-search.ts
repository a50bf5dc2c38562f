// Searching the library by hand from a question card: approved and draft entries (never retired), found and ranked
// by the Library view's search (words, synonyms, typos). A pick becomes a proposal marked as chosen by hand.
import Fuse from 'fuse.js';
import { createLibrarySearchIndex } from '../library/search-library';
import { entryStatus, isStale, type LibraryEntry, type Proposal } from '../schema';

export interface LibrarySearcher {
  /** False while the library is still being read for the search (results come with the next searcher). */
  ready?: boolean;
  search(query: string, limit?: number): { entry: LibraryEntry; score: number }[];
}

/** The search index is built on the first search, not when the library loads (20,000 entries take a while). */
export function createLibrarySearcher(entries: readonly LibraryEntry[]): LibrarySearcher {
  // Found and ranked like the Library view's search (synonyms, typos by closeness); Fuse only scores the picks.
  // Everything is built on the first search: the panel makes a searcher for every library it loads, most never used.
  let built: { index: ReturnType<typeof createLibrarySearchIndex>; fuse: Fuse<LibraryEntry> } | undefined;
  const build = (live = entries.filter((e) => entryStatus(e) !== 'retired')) => ({
    index: createLibrarySearchIndex(live),
    fuse: new Fuse(live, {
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.6,
      keys: [
        { name: 'question', weight: 3 },
        { name: 'alternateQuestions', weight: 2 },
        { name: 'tags', weight: 1.5 },
        { name: 'answer', weight: 1 },
        { name: 'id', weight: 1 },
      ],
    }),
  });
  return {
    search(query, limit = 8) {
      const q = query.trim();
      if (!q) return [];
      built ??= build();
      const found = built.index.search(q, 'all').slice(0, limit);
      if (found.length === 0) return [];
      const scores = new Map(built.fuse.search(q, { limit: 100 }).map((r) => [r.item, 1 - (r.score ?? 1)]));
      return found.map((entry) => ({ entry, score: scores.get(entry) ?? 0.5 }));
    },
  };
}

/** A proposal for an entry the analyst picked by hand: always "review", never bulk-filled unless accepted. */
export function manualProposal(entry: LibraryEntry, score: number, choice: string | undefined, today?: string): Proposal {
  return {
    entryId: entry.id,
    confidence: Math.max(0, Math.min(1, score)),
    band: 'review',
    choice,
    why: { source: 'fuzzy', matchedTerms: [], matchedText: `Picked by hand from the library: ${entry.question}` },
    stale: isStale(entry, today),
    draft: entryStatus(entry) === 'draft',
  };
}
