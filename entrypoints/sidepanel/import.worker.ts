// The Library view's file-reading worker: parses an imported library file (JSON, CSV, XLSX) off the panel's main
// thread. The logic is lib/library/parse-in-worker.ts.
import { createImportWorkerCore } from '../../lib/library/parse-in-worker';

const receive = createImportWorkerCore((message) => self.postMessage(message));
self.onmessage = (event: MessageEvent<unknown>) => void receive(event.data);
