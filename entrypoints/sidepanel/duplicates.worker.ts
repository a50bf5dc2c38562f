// The Library view's near-duplicate worker: reads the library from IndexedDB and searches it for pairs off the
// panel's main thread. The logic is lib/library/duplicates-in-worker.ts.
import { getDatabase } from '../../lib/db/database';
import { listEntries } from '../../lib/db/entries-repository';
import { createDuplicatesWorkerCore } from '../../lib/library/duplicates-in-worker';

const receive = createDuplicatesWorkerCore((message) => self.postMessage(message), () => listEntries(getDatabase()));
self.onmessage = (event: MessageEvent<unknown>) => void receive(event.data);
