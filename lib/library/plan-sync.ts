// The sync preview: what importing a parsed file would do to the local library, decided by the format doc's rules.
// Pure: nothing is written here (see apply-sync.ts).
import type { LibraryEntry } from '../schema';
import type { StoredEntry } from '../db/records';
import { sameEntryContent } from './canonical-entry';
import { idSkeleton, isBeyondNow } from './entry-checks';
import type { InvalidEntry, ParsedLibraryFile } from './parse-library-file';

export interface PlannedEntry {
  entry: LibraryEntry;
  where: string;
}
export interface PlannedChange extends PlannedEntry {
  local: StoredEntry;
}

/** An id that a person cannot tell apart from another one (letter case, look-alike letters). */
export interface IdWarning {
  id: string;
  where: string;
  otherId: string;
  /** "entry 1 of this file" or "the library". */
  otherWhere: string;
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
  /** Ids that look the same as another id in the file or the library: shown, not blocking. */
  idWarnings: IdWarning[];
  /** A returned hand-off sheet: its entries come in as drafts, and it never mirrors or replaces the sample. */
  handoff?: boolean;
  /** Rows left out on purpose: the hand-off sheet's questions nobody answered yet. */
  skipped: InvalidEntry[];
  /** File entries whose id was merged into another entry here: skipped, so a merge is not undone by a sync. */
  merged?: (PlannedEntry & { intoId: string })[];
  /**
   * The ids of the library the plan was made against. A mirror removes every entry absent from the file, so an
   * entry added here after the preview (the first-run sample loading late, another window) stops the apply.
   */
  localIds?: string[];
}

/** Rows of each list the preview shows; conflicts are all sent (each needs a side). */
export const PREVIEW_ROWS = 200;

export interface PlanCounts {
  added: number;
  updated: number;
  unchanged: number;
  conflicts: number;
  invalid: number;
  removed: number;
  skipped: number;
  merged: number;
}

/** A sync plan as the preview shows it: full counts, the first PREVIEW_ROWS of each list, every conflict. */
export interface SyncPreview extends SyncPlan {
  counts: PlanCounts;
}

export function countPlan(plan: SyncPlan | SyncPreview): PlanCounts {
  if ('counts' in plan) return plan.counts;
  return {
    added: plan.added.length,
    updated: plan.updated.length,
    unchanged: plan.unchanged.length,
    conflicts: plan.conflicts.length,
    invalid: plan.invalid.length,
    removed: plan.removed.length,
    skipped: plan.skipped.length,
    merged: plan.merged?.length ?? 0,
  };
}

export function previewOf(plan: SyncPlan, rows = PREVIEW_ROWS): SyncPreview {
  return {
    ...plan,
    counts: countPlan(plan),
    added: plan.added.slice(0, rows),
    updated: plan.updated.slice(0, rows),
    unchanged: plan.unchanged.slice(0, rows),
    invalid: plan.invalid.slice(0, rows),
    removed: plan.removed.slice(0, rows),
    skipped: plan.skipped.slice(0, rows),
    ...(plan.merged ? { merged: plan.merged.slice(0, rows) } : {}),
    idWarnings: plan.idWarnings.slice(0, rows),
  };
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

export interface SyncOptions {
  /** Remove local entries that are not in the file. */
  mirror?: boolean;
  /** Remove the local sample entries that are not in the file (a team library replacing the first-run sample). */
  removeSample?: boolean;
  /** The clock for "a date in the future" (tests). */
  now?: Date;
}

export function planSync(file: ParsedLibraryFile, localEntries: readonly StoredEntry[], options: SyncOptions = {}): SyncPlan {
  const now = (options.now ?? new Date()).getTime();
  const plan: SyncPlan = {
    fileName: file.fileName,
    ...(file.source !== undefined ? { source: file.source } : {}),
    ...(file.exportedAt !== undefined ? { exportedAt: file.exportedAt } : {}),
    // A hand-off sheet holds a page's unanswered questions, not a library: mirroring it would delete the library.
    mirror: !file.handoff && (options.mirror ?? false),
    added: [],
    updated: [],
    unchanged: [],
    conflicts: [],
    invalid: file.invalid,
    removed: [],
    idWarnings: findLookAlikeIds(file, localEntries),
    ...(file.handoff ? { handoff: true } : {}),
    skipped: file.skipped ?? [],
  };
  if (plan.mirror) plan.localIds = localEntries.map((e) => e.id);
  const locals = new Map(localEntries.map((e) => [e.id, e]));
  const mergedInto = new Map<string, string>();
  for (const local of localEntries) for (const id of local._meta?.mergedIds ?? []) if (!locals.has(id)) mergedInto.set(id, local.id);
  const inFile = new Set<string>();
  // An invalid row's id still counts as present, so mirroring never deletes an entry just because its row is broken.
  for (const bad of file.invalid) if (bad.id) inFile.add(bad.id);

  for (const { entry, where } of file.entries) {
    inFile.add(entry.id);
    const local = locals.get(entry.id);
    const intoId = local ? undefined : mergedInto.get(entry.id);
    if (intoId !== undefined) {
      // The entry it was merged into stands for it (and is not removed by a mirror for missing from the file).
      inFile.add(intoId);
      (plan.merged ??= []).push({ entry, where, intoId });
      continue;
    }
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
    }
    // An untouched sample entry is nobody's work: the file's entry of the same id replaces it, whatever the dates.
    else if (local.sample === true && entry.sample !== true) plan.updated.push(change);
    else if (compareTimes(entry.updatedAt, knownTime(local.updatedAt, now)) > 0) plan.updated.push(change);
    else plan.unchanged.push(change);
  }
  if (plan.mirror || (options.removeSample && !file.handoff)) {
    plan.removed = localEntries.filter((e) => !inFile.has(e.id) && (plan.mirror || e.sample === true));
  }
  return plan;
}

/** A stored time later than now cannot be real (an old import or a wrong clock): it counts as unknown, so it pins nothing. */
function knownTime(time: string | undefined, now: number): string | undefined {
  return isBeyondNow(time, now) ? undefined : time;
}

/** File ids that look like an earlier id of the file or a different id of the library, in file order. */
function findLookAlikeIds(file: ParsedLibraryFile, localEntries: readonly StoredEntry[]): IdWarning[] {
  const localIds = new Set(localEntries.map((e) => e.id));
  const localBySkeleton = new Map(localEntries.map((e) => [idSkeleton(e.id), e.id]));
  const seen = new Map<string, { id: string; where: string }>();
  const warnings: IdWarning[] = [];
  for (const { entry, where } of file.entries) {
    const skeleton = idSkeleton(entry.id);
    const earlier = seen.get(skeleton);
    const local = localBySkeleton.get(skeleton);
    if (earlier) warnings.push({ id: entry.id, where, otherId: earlier.id, otherWhere: `${earlier.where} of this file` });
    else if (local !== undefined && local !== entry.id && !localIds.has(entry.id)) warnings.push({ id: entry.id, where, otherId: local, otherWhere: 'the library' });
    if (!earlier) seen.set(skeleton, { id: entry.id, where });
  }
  return warnings;
}

/** The plan cannot be applied yet: invalid entries in the file, or conflicts without a choice. */
export function planBlockers(plan: SyncPlan | SyncPreview, choices: ConflictChoices): string[] {
  const blockers: string[] = [];
  const invalid = countPlan(plan).invalid;
  if (invalid > 0) {
    blockers.push(
      `${plan.fileName} has ${invalid} invalid entr${invalid === 1 ? 'y' : 'ies'} (first: ${plan.invalid[0]?.where}: ${plan.invalid[0]?.reason}). Fix the file and import it again.`,
    );
  }
  const open = plan.conflicts.filter((c) => choices[c.entry.id] === undefined);
  if (open.length > 0) blockers.push(`Choose a side for ${open.length} conflict${open.length === 1 ? '' : 's'} (first: "${open[0]?.entry.id}").`);
  return blockers;
}

/** Counts for the preview heading and the result message. */
export function summarizePlan(plan: SyncPlan | SyncPreview): string {
  const counts = countPlan(plan);
  const parts = [`${counts.added} added`, `${counts.updated} updated`, `${counts.unchanged} unchanged`, `${counts.conflicts} conflicts`, `${counts.invalid} invalid`];
  if (plan.mirror || counts.removed > 0) parts.push(`${counts.removed} removed`);
  if (counts.skipped > 0) parts.push(`${counts.skipped} not answered yet (skipped)`);
  if (counts.merged > 0) parts.push(`${counts.merged} merged here before (skipped)`);
  return parts.join(', ');
}
