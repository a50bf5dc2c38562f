// The real outside world of the side panel: content script messaging, the matcher and the library database.
import { browser } from 'wxt/browser';
import { mapChoice } from '../../lib/match';
import { createBatchedProposer, type ProposeInBatchesFn } from '../../lib/panel/batched-proposer';
import { createProposer } from '../../lib/panel/propose';
import type { PanelServices } from '../../components/common/PanelServices';
import { createContentPort } from './content-port';
import { MATCH_WORKER_WITHOUT_CACHE } from './match-worker-name';
import { createLibraryStore } from './library-store';

/**
 * The matching worker, unless the panel was opened with `?matcher=main` (the main-thread design, kept for the
 * bench's comparison) or the browser cannot start it. `?index=rebuild` (the bench's baseline) starts it without the
 * persisted index, so it builds the index on every opening as it did before.
 */
function createWorkerProposer(): ProposeInBatchesFn | undefined {
  const params = new URLSearchParams(location.search);
  if (params.get('matcher') === 'main' || typeof Worker === 'undefined') return undefined;
  try {
    const name = params.get('index') === 'rebuild' ? MATCH_WORKER_WITHOUT_CACHE : 'match';
    return createBatchedProposer(new Worker(new URL('./match.worker.ts', import.meta.url), { type: 'module', name }));
  } catch {
    return undefined;
  }
}

export function createPanelServices(showLibraryEntry: (entryId: string) => void): PanelServices {
  return {
    contentPort: createContentPort,
    openTabIds: async () => (await browser.tabs.query({})).flatMap((t) => (t.id === undefined ? [] : [t.id])),
    propose: createProposer(),
    proposeInBatches: createWorkerProposer(),
    mapChoice: (entry, options) => mapChoice(entry, options),
    library: createLibraryStore(),
    showLibraryEntry,
  };
}
