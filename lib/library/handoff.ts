// Routing questions to the people who can answer them, without a server: the questions of a page that have no
// answer worth filling (no proposal, below High, a draft or an expired one) go out as a sheet, one row per question,
// with a suggested owner; the owners write their answers into it; the returned sheet imports as draft entries.
//
// The sheet is a library table (question, answer, owner, tags, citation columns and a pre-filled `status` of draft)
// plus context columns named `handoff_*`. Those columns are what marks a returned sheet: the importer drops them,
// skips the rows nobody answered (and says how many), and stores every answered row as a draft whose question is the
// page's own wording, so the same question is proposed next time, marked as a draft until someone approves it.
import type { LibraryEntry } from '../schema';

/** Columns whose name starts with this are context for the owner, never stored. */
export const HANDOFF_PREFIX = 'handoff_';

export const HANDOFF_COLUMNS = [
  'question',
  'answer',
  'choice',
  'citation_title',
  'citation_section',
  'citation_url',
  'owner',
  'tags',
  'status',
  'handoff_options',
  'handoff_reason',
  'handoff_number',
  'handoff_section',
  'handoff_page',
  'handoff_url',
  'handoff_closest_entry',
  'handoff_closest_answer',
] as const;

export type HandoffColumn = (typeof HANDOFF_COLUMNS)[number];

/** Who is likely to know: the closest entry's owner, else the owner most entries sharing its tags have. */
export function suggestOwner(closest: LibraryEntry | undefined, library: Iterable<LibraryEntry>): string | undefined {
  if (!closest) return undefined;
  if (closest.owner?.trim()) return closest.owner.trim();
  const tags = new Set((closest.tags ?? []).map((t) => t.toLowerCase()));
  if (tags.size === 0) return undefined;
  const counts = new Map<string, number>();
  for (const entry of library) {
    const owner = entry.owner?.trim();
    if (!owner || entry.status === 'retired') continue;
    const shared = (entry.tags ?? []).filter((t) => tags.has(t.toLowerCase())).length;
    if (shared > 0) counts.set(owner, (counts.get(owner) ?? 0) + shared);
  }
  let best: string | undefined;
  for (const [owner, count] of counts) if (best === undefined || count > counts.get(best)! || (count === counts.get(best)! && owner < best)) best = owner;
  return best;
}

/**
 * `suggestOwner` over one library, for many questions: the owners' tag counts are read from the library once, so a
 * sheet of a hundred questions over 20,000 entries costs one pass instead of a hundred. Same answers as
 * `suggestOwner`.
 */
export function ownerSuggester(library: Iterable<LibraryEntry>): (closest: LibraryEntry | undefined) => string | undefined {
  let byTag: Map<string, Map<string, number>> | undefined;
  const index = () => {
    byTag = new Map();
    for (const entry of library) {
      const owner = entry.owner?.trim();
      if (!owner || entry.status === 'retired') continue;
      for (const tag of entry.tags ?? []) {
        const key = tag.toLowerCase();
        let owners = byTag.get(key);
        if (!owners) byTag.set(key, (owners = new Map()));
        owners.set(owner, (owners.get(owner) ?? 0) + 1);
      }
    }
    return byTag;
  };
  return (closest) => {
    if (!closest) return undefined;
    if (closest.owner?.trim()) return closest.owner.trim();
    const tags = new Set((closest.tags ?? []).map((t) => t.toLowerCase()));
    if (tags.size === 0) return undefined;
    const owners = byTag ?? index();
    const counts = new Map<string, number>();
    for (const tag of tags) for (const [owner, n] of owners.get(tag) ?? []) counts.set(owner, (counts.get(owner) ?? 0) + n);
    let best: string | undefined;
    for (const [owner, count] of counts) if (best === undefined || count > counts.get(best)! || (count === counts.get(best)! && owner < best)) best = owner;
    return best;
  };
}

/**
 * One returned row, as the library importer should read it: context columns dropped, the status always draft (an
 * owner's answer is approved by the library's curators, not by the sheet), a choice alone standing in for the
 * answer, dated the import unless the row carries a date. `undefined` when the owner left it unanswered.
 */
export function handoffRowCells(named: Record<string, string>, importedAt: string): Record<string, string> | undefined {
  const cells: Record<string, string> = {};
  for (const [column, value] of Object.entries(named)) if (!column.startsWith(HANDOFF_PREFIX)) cells[column] = value;
  const answer = (cells.answer ?? '').trim();
  const choice = (cells.choice ?? '').trim();
  if (answer === '' && choice === '') return undefined;
  if (answer === '') cells.answer = choice;
  cells.status = 'draft';
  // Dated now, so an owner's later answer to the same question (a second round) counts as newer on sync.
  if ((cells.updated_at ?? '').trim() === '') cells.updated_at = importedAt;
  return cells;
}

/** Whether a table's (normalised) header row marks it as a returned hand-off sheet. */
export function isHandoffHeader(headers: readonly string[]): boolean {
  return headers.some((h) => h.startsWith(HANDOFF_PREFIX));
}
