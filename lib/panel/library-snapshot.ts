// What the panel needs of library snapshots and proposals without the matcher (lib/match): whether two snapshots
// match alike, and the cap of learned wordings by page. Kept out of propose.ts so the Questions view's chunk does not
// load and evaluate the matching module when matching runs in the worker.
import type { LibraryEntry, Proposal } from '../schema';
import { capLearnedMatch } from './learned-wording';
import type { LibrarySnapshot } from './ports';

/** True when two snapshots hold the same entries (id, version, status) and aliases, so matches can be reused. */
export function sameLibrary(a: LibrarySnapshot, b: LibrarySnapshot): boolean {
  if (a === b) return true;
  // Read by the worker: the store hands out the same snapshot while nothing changed.
  if (a.fromDatabase || b.fromDatabase) return false;
  if (a.entries.length !== b.entries.length || a.aliases.length !== b.aliases.length) return false;
  const entryKey = (e: LibraryEntry) => `${e.id}\u0000${e.updatedAt ?? ''}\u0000${e.status ?? ''}\u0000${e.expiresAt ?? ''}`;
  // The library store hands out the same entries array until an entry changes: then 20,000 keys need no comparing
  // (24 ms of the re-scan after every fill at scale).
  const sameEntries = a.entries === b.entries || a.entries.every((e, i) => entryKey(e) === entryKey(b.entries[i]!));
  return sameEntries && a.aliases.every((x, i) => {
      const y = b.aliases[i]!;
      return x.entryId === y.entryId && x.normalized === y.normalized && x.origin === y.origin && x.reviewedAt === y.reviewedAt;
    });
}

/** `capLearnedMatch` over proposals by question key: a learned wording's match counts in full only where it may. */
export function capLearnedMatches(proposals: Record<string, Proposal[]>, aliases: LibrarySnapshot['aliases'], pageOrigin: string | undefined): Record<string, Proposal[]> {
  const out: Record<string, Proposal[]> = {};
  for (const [key, ranked] of Object.entries(proposals)) {
    out[key] = ranked[0]?.why.source === 'alias' ? [capLearnedMatch(ranked[0], aliases, pageOrigin), ...ranked.slice(1)] : ranked;
  }
  return out;
}
