// The real outside world of the side panel: content script messaging, the matcher and the library database.
import { browser } from 'wxt/browser';
import { mapChoice } from '../../lib/match';
import { createBatchedProposer, type ProposeInBatchesFn } from '../../lib/panel/batched-proposer';
import { createProposer } from '../../lib/panel/propose';
import type { PanelServices } from '../../components/common/PanelServices';
import { createContentPort } from './content-port';
import { MATCH_WORKER_INDEX_ONLY, MATCH_WORKER_WITHOUT_CACHE } from './match-worker-name';
import { createLibraryStore } from './library-store';

/**
 * The matching worker, unless the panel was opened with `?matcher=main` (the main-thread design, kept for the
 * bench's comparison) or the browser cannot start it. `?index=rebuild` (the bench's baseline) starts it without the
 * persisted index, so it builds the index on every opening as it did before; `?open=previous` loads the persisted
 * index but matches every question again (the design before remembered proposals).
 */
function createWorkerProposer(): ProposeInBatchesFn | undefined {
  const params = new URLSearchParams(location.search);
  if (params.get('matcher') === 'main' || typeof Worker === 'undefined') return undefined;
  try {
    const name = params.get('index') === 'rebuild' ? MATCH_WORKER_WITHOUT_CACHE : params.get('open') === 'previous' ? MATCH_WORKER_INDEX_ONLY : 'match';
    return createBatchedProposer(new Worker(new URL('./match.worker.ts', import.meta.url), { type: 'module', name }));
  } catch {
    return undefined;
  }
}

export function createPanelServices(showLibraryEntry: (entryId: string) => void): PanelServices {
  const library = createLibraryStore();
  // The library is read from now on, while the Questions view's code loads and the page is scanned: the view's
  // first load finds the read under way (the store keeps it) instead of starting it after the scan began.
  void library.load().catch(() => undefined);
  return {
    contentPort: createContentPort,
    openTabIds: async () => (await browser.tabs.query({})).flatMap((t) => (t.id === undefined ? [] : [t.id])),
    propose: createProposer(),
    proposeInBatches: createWorkerProposer(),
    mapChoice: (entry, options) => mapChoice(entry, options),
    library,
    showLibraryEntry,
  };
}
