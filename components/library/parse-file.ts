// Where the Library view imports a file: in the import worker (parse, preview and the one write transaction), so
// a 20,000-entry file neither freezes the panel nor crosses to it; in the panel only where workers cannot start.
// `?import=previous` keeps the design before it for the bench's comparison: parsed in the worker, the entries sent
// back, previewed and written by the panel.
import type { AutofillDatabase } from '../../lib/db/database';
import { createImportSession, type ImportSession } from '../../lib/library/import-session';
import { createWorkerImportSession, createWorkerParser } from '../../lib/library/parse-in-worker';

function startWorker(): Worker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  try {
    return new Worker(new URL('../../entrypoints/sidepanel/import.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return undefined;
  }
}

/** An import session for the Library view; `db` is used only when the session runs in the panel. */
export function createLibraryImportSession(db: AutofillDatabase): ImportSession {
  const worker = startWorker();
  if (!worker) return createImportSession(() => db);
  if (new URLSearchParams(location.search).get('import') === 'previous') return createImportSession(() => db, createWorkerParser(worker));
  return createWorkerImportSession(worker);
}
