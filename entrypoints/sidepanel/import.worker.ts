// The Library view's import worker: parses an imported library file (JSON, CSV, XLSX), previews it against the
// library and writes it, all off the panel's main thread (Dexie works in a worker). The logic is
// lib/library/parse-in-worker.ts and lib/library/import-session.ts.
import { getDatabase } from '../../lib/db/database';
import { createImportWorkerCore } from '../../lib/library/parse-in-worker';

const receive = createImportWorkerCore((message) => self.postMessage(message), { db: getDatabase });
self.onmessage = (event: MessageEvent<unknown>) => void receive(event.data);
