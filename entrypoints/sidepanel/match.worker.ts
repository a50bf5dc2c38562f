// The side panel's matching worker (a module worker the panel starts), its boot module: all it evaluates before
// asking IndexedDB for the library's version and the remembered-proposals row (lib/db/boot-read.ts, plain IndexedDB),
// so the database's open and those two reads run while the rest of the worker's code (Dexie, zod, the core, about
// 218 kB: ./match-worker-main.ts) loads. Messages from the panel that come before it has loaded are kept, in order,
// and handed to it. Entry changes announced meanwhile make the boot's reads unused (the worker reads again).
import { markOpen } from '../../lib/panel/open-marks';
import { bootRead } from '../../lib/db/boot-read';
import { ENTRY_CHANGES_CHANNEL } from '../../lib/db/db-names';
import { MATCH_WORKER_READS_LIBRARY } from './match-worker-name';

markOpen('worker-boot');
const queued: unknown[] = [];
self.onmessage = (event: MessageEvent<unknown>) => void queued.push(event.data);
let changed = false;
const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(ENTRY_CHANGES_CHANNEL);
if (channel) channel.onmessage = () => void (changed = true);
const read = typeof indexedDB !== 'undefined' && self.name === MATCH_WORKER_READS_LIBRARY ? bootRead(indexedDB, { version: () => markOpen('worker-boot-version'), row: () => markOpen('worker-boot-row') }) : Promise.resolve(undefined);
void read.then(() => markOpen('worker-boot-read'));

import('./match-worker-main').then(
  ({ startMatchWorker }) =>
    startMatchWorker({ read, changedSince: () => changed, stop: () => channel?.close() }, queued),
  (error: unknown) => {
    channel?.close();
    // Surfaces as the worker's error event in the panel, as a failed script did before the split.
    setTimeout(() => {
      throw error;
    }, 0);
  },
);
