// The side panel's matching worker (a module worker the panel starts): matching and index building run here,
// off the panel's main thread, and the built index and ranked proposals are kept in IndexedDB for the next opening
// (lib/db/index-cache.ts). Unless started as one of the bench's baselines, it reads the library database itself,
// from its start (lib/db/library-reader.ts), so the panel neither reads nor sends the entries for matching.
// The logic is lib/panel/match-worker-core.ts.
import { markOpen } from '../../lib/panel/open-marks';
markOpen('worker-start');
import { createIndexCache } from '../../lib/db/index-cache';
import { createLibraryReader } from '../../lib/db/library-reader';
import { createMatchWorkerCore } from '../../lib/panel/match-worker-core';
import { MATCH_WORKER_INDEX_ONLY, MATCH_WORKER_PANEL_SENDS, MATCH_WORKER_WITHOUT_CACHE } from './match-worker-name';

const useCache = typeof indexedDB !== 'undefined' && self.name !== MATCH_WORKER_WITHOUT_CACHE;
const cache = useCache ? createIndexCache() : undefined;
const readsDatabase = typeof indexedDB !== 'undefined' && self.name === 'match';
const receive = createMatchWorkerCore((message) => self.postMessage(message), {
  cache,
  rememberProposals: self.name !== MATCH_WORKER_INDEX_ONLY,
  ...(readsDatabase ? { database: createLibraryReader(cache) } : {}),
});
self.onmessage = (event: MessageEvent<unknown>) => receive(event.data);
