// Searching the library by hand from a question card: approved and draft entries (never retired), ranked by
// Fuse over question, alternate wordings, answer and tags. A pick becomes a proposal marked as chosen by hand.
import Fuse from 'fuse.js';
import { entryStatus, isStale, type LibraryEntry, type Proposal } from '../schema';

export interface LibrarySearcher {
  search(query: string, limit?: number): { entry: LibraryEntry; score: number }[];
}

export function createLibrarySearcher(entries: readonly LibraryEntry[]): LibrarySearcher {
  const live = entries.filter((e) => entryStatus(e) !== 'retired');
  const fuse = new Fuse(live, {
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.4,
    keys: [
      { name: 'question', weight: 3 },
      { name: 'alternateQuestions', weight: 2 },
      { name: 'tags', weight: 1.5 },
      { name: 'answer', weight: 1 },
      { name: 'id', weight: 1 },
    ],
  });
  return {
    search(query, limit = 8) {
      const q = query.trim();
      if (!q) return [];
      return fuse.search(q, { limit }).map((r) => ({ entry: r.item, score: 1 - (r.score ?? 1) }));
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
