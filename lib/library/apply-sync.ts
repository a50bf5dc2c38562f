// Writes a sync plan in one IndexedDB transaction: every change or none. Refuses a plan that is not ready
// (invalid entries, undecided conflicts) or that no longer matches the library (changed since the preview).
import type { AutofillDatabase } from '../db/database';
import { announceEntryChange } from '../db/entry-changes';
import { getEntries, pageOf, pagesAfter, readAllEntries } from '../db/entry-pages';
import type { StoredEntry } from '../db/records';
import { withStorageErrors } from '../db/storage';
import { currentAuthor, pendingRowsOf, stampVersions, type VersionedWrite } from '../db/versions-repository';
import type { LibraryEntry } from '../schema';
import { sameEntryContent } from './canonical-entry';
import { markImport } from './import-marks';
import { SyncApplyError } from './library-errors';
import { planBlockers, type ConflictChoices, type SyncPlan } from './plan-sync';

/**
 * Entry pages (lib/db/entry-pages.ts) written per step of the one transaction: progress shows and Cancel is
 * honoured between steps. With 64 pages, an import that touches them all is written in 8 steps.
 */
export const APPLY_PAGES_PER_STEP = 8;

/** Version rows (updated entries) written per step, Cancel honoured between them. */
const VERSION_ROWS_PER_STEP = 1_000;

export interface ApplyOptions {
  now?: Date;
  /** Called after each step with how many of `total` entries were written so far (not yet committed). */
  onProgress?: (written: number, total: number) => void;
  /** Aborting rolls the whole transaction back: nothing of the import is kept. */
  signal?: AbortSignal;
}

/** The import was cancelled before it committed; the library is unchanged. */
export class ImportCancelledError extends Error {
  override readonly name = 'ImportCancelledError';
}

export interface SyncResult {
  added: number;
  updated: number;
  keptLocal: number;
  removed: number;
}

function imported(entry: LibraryEntry, at: string): StoredEntry {
  return { ...entry, _meta: { importedAt: at, ...(entry.updatedAt !== undefined ? { importedUpdatedAt: entry.updatedAt } : {}) } };
}

function sameStored(a: StoredEntry | undefined, b: StoredEntry): boolean {
  return a !== undefined && sameEntryContent(a, b) && JSON.stringify(a._meta ?? {}) === JSON.stringify(b._meta ?? {});
}

export async function applySyncPlan(
  db: AutofillDatabase,
  plan: SyncPlan,
  choices: ConflictChoices = {},
  /** A Date is the import time alone (the older call form). */
  options: ApplyOptions | Date = {},
): Promise<SyncResult> {
  const { now = new Date(), onProgress, signal } = options instanceof Date ? { now: options } : options;
  const blockers = planBlockers(plan, choices);
  if (blockers.length > 0) throw new SyncApplyError(`Nothing was imported. ${blockers.join(' ')}`);
  const at = now.toISOString();
  // Each entry the file changes becomes a new version; keeping the local side of a conflict changes only bookkeeping.
  const writes: VersionedWrite[] = [
    ...plan.added.map((p) => ({ next: imported(p.entry, at) })),
    ...plan.updated.map((p) => ({ previous: p.local, next: imported(p.entry, at) })),
  ];
  const puts: StoredEntry[] = [];
  let keptLocal = 0;
  for (const conflict of plan.conflicts) {
    if (choices[conflict.entry.id] === 'incoming') {
      writes.push({ previous: conflict.local, next: imported(conflict.entry, at) });
    } else {
      keptLocal++;
      // Remember which version of the file was declined, so importing the same file again is not a conflict again.
      const meta = { ...conflict.local._meta };
      if (conflict.entry.updatedAt !== undefined) meta.importedUpdatedAt = conflict.entry.updatedAt;
      else delete meta.importedUpdatedAt;
      puts.push({ ...conflict.local, _meta: meta });
    }
  }
  const expected = [...plan.updated, ...plan.conflicts].map((p) => p.local).concat(plan.removed);
  const addedIds = plan.added.map((p) => p.entry.id);
  const removedIds = plan.removed.map((e) => e.id);
  const total = writes.length + puts.length;
  const by = await currentAuthor(db);
  let written = '[]';

  await withStorageErrors(`the import of ${plan.fileName}`, () =>
    db.transaction('rw', db.entryPages, db.versions, async () => {
      // The pages the import touches are read here (and again below, to be rewritten); the whole library only when
      // mirroring, which must know every stored id.
      const [current, present, storedIds] = await Promise.all([
        getEntries(db, expected.map((e) => e.id)),
        getEntries(db, addedIds),
        plan.localIds ? readAllEntries(db).then((all) => all.map((e) => e.id)) : Promise.resolve(undefined),
      ]);
      const driftedId = expected.find((e, i) => !sameStored(current[i], e))?.id ?? addedIds.find((_, i) => present[i] !== undefined);
      if (driftedId !== undefined) {
        throw new SyncApplyError(
          `Nothing was imported: the library changed since the preview (entry "${driftedId}"). Import ${plan.fileName} again to see a fresh preview.`,
        );
      }
      const appearedId = plan.localIds && storedIds ? firstNotIn(storedIds, plan.localIds) : undefined;
      if (appearedId !== undefined) {
        throw new SyncApplyError(
          `Nothing was imported: entry "${appearedId}" was added to the library since the preview, and mirroring the export would have kept it. Import ${plan.fileName} again to see a fresh preview.`,
        );
      }
      // Removed entries keep their version rows (an entry imported and never changed gets its row now): fill
      // history that links to them still resolves.
      if (removedIds.length) await db.versions.bulkAdd(pendingRowsOf(plan.removed));
      // New entries get no version row now (half the writes of a large import): the entry is its version 1 until it
      // changes, and its import is recorded on it (lib/db/versions-repository.ts).
      const versioned = await stampVersions(db, writes, { kind: 'import', file: plan.fileName }, at, by, { deferNew: true });
      const all = [...versioned.entries, ...puts];
      markImport('import-stamped');
      const { pages, emptied } = await pagesAfter(db, all, removedIds);
      if (emptied.length) await db.entryPages.bulkDelete(emptied);
      // Every step is handed to the database at once, so it never waits for this thread between steps; progress is
      // reported as each step is stored, in entries of this import. Throwing inside the transaction aborts it with
      // whatever is still queued: a cancelled or failed import leaves no entry behind.
      const importedIn = new Map<number, number>();
      for (const entry of all) importedIn.set(pageOf(entry.id), (importedIn.get(pageOf(entry.id)) ?? 0) + 1);
      const steps: { stored: Promise<unknown>; entries: number }[] = [];
      for (let start = 0; start < pages.length; start += APPLY_PAGES_PER_STEP) {
        const step = pages.slice(start, start + APPLY_PAGES_PER_STEP);
        steps.push({ stored: db.entryPages.bulkPut(step), entries: step.reduce((sum, p) => sum + (importedIn.get(p.page) ?? 0), 0) });
      }
      // Each is awaited at its turn below; until then a failure of an earlier one must not count as unhandled.
      for (const step of steps) step.stored.catch(() => undefined);
      markImport('import-puts-issued');
      // The rows as the change signal carries them, written out while the database stores the steps (this thread
      // would wait for it then); pages merge them instead of reading 20,000 entries back.
      written = JSON.stringify(all);
      markImport('import-signal-text');
      let done = 0;
      for (const step of steps) {
        await step.stored;
        done += step.entries;
        if (step.entries > 0) onProgress?.(Math.min(done, total), total);
        if (signal?.aborted) throw new ImportCancelledError(`The import of ${plan.fileName} was cancelled; nothing was imported.`);
      }
      for (let start = 0; start < versioned.rows.length; start += VERSION_ROWS_PER_STEP) {
        if (signal?.aborted) throw new ImportCancelledError(`The import of ${plan.fileName} was cancelled; nothing was imported.`);
        await db.versions.bulkAdd(versioned.rows.slice(start, start + VERSION_ROWS_PER_STEP));
      }
      if (signal?.aborted) throw new ImportCancelledError(`The import of ${plan.fileName} was cancelled; nothing was imported.`);
      markImport('import-stored');
    }),
  );
  markImport('import-committed');
  if (total > 0 || removedIds.length > 0) announceEntryChange({ kind: 'written', entries: written, removed: removedIds });
  return { added: plan.added.length, updated: plan.updated.length + plan.conflicts.length - keptLocal, keptLocal, removed: plan.removed.length };
}

/** The first of `ids` that `known` does not hold. */
function firstNotIn(ids: readonly string[], known: readonly string[]): string | undefined {
  if (ids.length === 0) return undefined;
  const seen = new Set(known);
  return ids.find((id) => !seen.has(id));
}
