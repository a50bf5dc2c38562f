// The side panel's matching worker, past its boot module (./match.worker.ts): matching and index building run here,
// off the panel's main thread, and the built index and ranked proposals are kept in IndexedDB for the next opening
// (lib/db/index-cache.ts). Unless started as one of the bench's baselines, it reads the library database itself,
// from its start (lib/db/library-reader.ts), so the panel neither reads nor sends the entries for matching; its
// first reads (the library's version and the remembered row) are the boot module's when no entry change was
// announced since they began. The logic is lib/panel/match-worker-core.ts.
import { markOpen } from '../../lib/panel/open-marks';
markOpen('worker-start');
import { createIndexCache } from '../../lib/db/index-cache';
import { createLibraryReader } from '../../lib/db/library-reader';
import { withBootRead, type BootHandover } from '../../lib/db/boot-read';
import { createMatchWorkerCore } from '../../lib/panel/match-worker-core';
import { MATCH_WORKER_INDEX_ONLY, MATCH_WORKER_READS_LIBRARY, MATCH_WORKER_WITHOUT_CACHE } from './match-worker-name';

/** Starts the worker's core; `queued` are the panel's messages the boot module kept, handled first, in order. */
export function startMatchWorker(boot: BootHandover, queued: readonly unknown[]): void {
  const useCache = typeof indexedDB !== 'undefined' && self.name !== MATCH_WORKER_WITHOUT_CACHE;
  const cache = useCache ? createIndexCache() : undefined;
  const readsDatabase = typeof indexedDB !== 'undefined' && self.name === MATCH_WORKER_READS_LIBRARY;
  const receive = createMatchWorkerCore((message) => self.postMessage(message), {
    cache,
    rememberProposals: self.name !== MATCH_WORKER_INDEX_ONLY,
    ...(readsDatabase ? { database: withBootRead(createLibraryReader(cache), boot, undefined, () => markOpen('worker-boot-late')) } : {}),
  });
  if (!readsDatabase) boot.stop();
  self.onmessage = (event: MessageEvent<unknown>) => receive(event.data);
  for (const data of queued) receive(data);
}
