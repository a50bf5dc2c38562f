// Exports what the database holds: every entry (retired ones included, local bookkeeping never) and, in JSON,
// the team name as `source`.
import type { AutofillDatabase } from '../db/database';
import { listEntries, stripMeta } from '../db/entries-repository';
import { exportLibraryFile } from './export-library';
import type { LibraryFileKind } from './parse-library-file';
import { getTeamName } from './team-name';

export async function exportStoredLibrary(
  db: AutofillDatabase,
  kind: LibraryFileKind,
  exportedAt: string = new Date().toISOString(),
): Promise<{ blob: Blob; fileName: string; count: number }> {
  const [stored, source] = await Promise.all([listEntries(db), getTeamName(db)]);
  const entries = stored.map(stripMeta);
  const file = await exportLibraryFile(entries, kind, { exportedAt, ...(source ? { source } : {}) });
  return { ...file, count: entries.length };
}
