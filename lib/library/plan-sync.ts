// The sync preview: what importing a parsed file would do to the local library, decided by the format doc's rules.
// Pure: nothing is written here (see apply-sync.ts).
import type { LibraryEntry } from '../schema';
import type { StoredEntry } from '../db/records';
import { sameEntryContent } from './canonical-entry';
import type { InvalidEntry, ParsedLibraryFile } from './parse-library-file';

export interface PlannedEntry {
  entry: LibraryEntry;
  where: string;
}
export interface PlannedChange extends PlannedEntry {
  local: StoredEntry;
}

export interface SyncPlan {
  fileName: string;
  source?: string;
  exportedAt?: string;
  mirror: boolean;
  added: PlannedEntry[];
  updated: PlannedChange[];
  unchanged: PlannedChange[];
  /** Edited locally since its last import and different in the file: the analyst picks a side. */
  conflicts: PlannedChange[];
  invalid: InvalidEntry[];
  /** Local entries absent from the file; deleted only when mirroring the export. */
  removed: StoredEntry[];
}

/** Which side of a conflict to keep, by entry id. */
export type ConflictChoices = Record<string, 'local' | 'incoming'>;

/** The local entry changed in the extension after it was last imported (or was never imported). */
export function editedSinceImport(local: StoredEntry): boolean {
  const edited = local._meta?.localEditedAt;
  if (edited === undefined) return false;
  const imported = local._meta?.importedAt;
  return imported === undefined || compareTimes(edited, imported) > 0;
}

/** Compares ISO date-times by instant (offsets honoured); a missing time counts as oldest. */
export function compareTimes(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return a < b ? -1 : 1;
  return Math.sign(ta - tb);
}

export function planSync(file: ParsedLibraryFile, localEntries: readonly StoredEntry[], options: { mirror?: boolean } = {}): SyncPlan {
  const plan: SyncPlan = {
    fileName: file.fileName,
    ...(file.source !== undefined ? { source: file.source } : {}),
    ...(file.exportedAt !== undefined ? { exportedAt: file.exportedAt } : {}),
    mirror: options.mirror ?? false,
    added: [],
    updated: [],
    unchanged: [],
    conflicts: [],
    invalid: file.invalid,
    removed: [],
  };
  const locals = new Map(localEntries.map((e) => [e.id, e]));
  const inFile = new Set<string>();
  // An invalid row's id still counts as present, so mirroring never deletes an entry just because its row is broken.
  for (const bad of file.invalid) if (bad.id) inFile.add(bad.id);

  for (const { entry, where } of file.entries) {
    inFile.add(entry.id);
    const local = locals.get(entry.id);
    if (!local) {
      plan.added.push({ entry, where });
      continue;
    }
    const change = { entry, where, local };
    if (sameEntryContent(entry, local)) plan.unchanged.push(change);
    else if (editedSinceImport(local)) {
      // The file brings nothing new since the last import (or the last "keep mine"): the local edit stands.
      const fileUnchangedSinceImport = local._meta?.importedUpdatedAt !== undefined && local._meta.importedUpdatedAt === entry.updatedAt;
      if (fileUnchangedSinceImport) plan.unchanged.push(change);
      else plan.conflicts.push(change);
    } else if (compareTimes(entry.updatedAt, local.updatedAt) > 0) plan.updated.push(change);
    else plan.unchanged.push(change);
  }
  if (plan.mirror) plan.removed = localEntries.filter((e) => !inFile.has(e.id));
  return plan;
}

/** The plan cannot be applied yet: invalid entries in the file, or conflicts without a choice. */
export function planBlockers(plan: SyncPlan, choices: ConflictChoices): string[] {
  const blockers: string[] = [];
  if (plan.invalid.length > 0) {
    blockers.push(
      `${plan.fileName} has ${plan.invalid.length} invalid entr${plan.invalid.length === 1 ? 'y' : 'ies'} (first: ${plan.invalid[0]?.where}: ${plan.invalid[0]?.reason}). Fix the file and import it again.`,
    );
  }
  const open = plan.conflicts.filter((c) => choices[c.entry.id] === undefined);
  if (open.length > 0) blockers.push(`Choose a side for ${open.length} conflict${open.length === 1 ? '' : 's'} (first: "${open[0]?.entry.id}").`);
  return blockers;
}

/** Counts for the preview heading and the result message. */
export function summarizePlan(plan: SyncPlan): string {
  const parts = [
    `${plan.added.length} added`,
    `${plan.updated.length} updated`,
    `${plan.unchanged.length} unchanged`,
    `${plan.conflicts.length} conflicts`,
    `${plan.invalid.length} invalid`,
  ];
  if (plan.mirror) parts.push(`${plan.removed.length} removed`);
  return parts.join(', ');
}
