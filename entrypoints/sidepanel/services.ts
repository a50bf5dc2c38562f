// The real outside world of the side panel: content script messaging, the matcher and the library database.
import { browser } from 'wxt/browser';
import { mapChoice } from '../../lib/match';
import { createBatchedProposer, type ProposeInBatchesFn } from '../../lib/panel/batched-proposer';
import { createProposer } from '../../lib/panel/propose';
import type { PanelServices } from '../../components/common/PanelServices';
import { createContentPort } from './content-port';
import { MATCH_WORKER_INDEX_ONLY, MATCH_WORKER_PANEL_SENDS, MATCH_WORKER_WITHOUT_CACHE } from './match-worker-name';
import { createLibraryStore } from './library-store';

/** The design the panel opens with: the worker reads the library itself unless a bench baseline is asked for. */
function openingDesign(): { worker: string | undefined; workerReadsLibrary: boolean } {
  const params = new URLSearchParams(location.search);
  if (params.get('matcher') === 'main' || typeof Worker === 'undefined') return { worker: undefined, workerReadsLibrary: false };
  const name =
    params.get('index') === 'rebuild'
      ? MATCH_WORKER_WITHOUT_CACHE
      : params.get('open') === 'previous'
        ? MATCH_WORKER_INDEX_ONLY
        : params.get('open') === 'panel-reads'
          ? MATCH_WORKER_PANEL_SENDS
          : 'match';
  return { worker: name, workerReadsLibrary: name === 'match' };
}

/**
 * The matching worker, unless the panel was opened with `?matcher=main` (the main-thread design, kept for the
 * bench's comparison) or the browser cannot start it. By default it reads the library database itself and the
 * panel reads no entries to open. The bench's baselines: `?open=panel-reads` (the panel reads every entry and sends
 * them to the worker in chunks, the design before), `?open=previous` (that, and every question matched again: the
 * design before remembered proposals), `?index=rebuild` (that, and the index built on every opening).
 */
function createWorkerProposer(name: string | undefined): ProposeInBatchesFn | undefined {
  if (name === undefined) return undefined;
  try {
    return createBatchedProposer(new Worker(new URL('./match.worker.ts', import.meta.url), { type: 'module', name }));
  } catch {
    return undefined;
  }
}

export function createPanelServices(showLibraryEntry: (entryId: string) => void): PanelServices {
  const design = openingDesign();
  const library = createLibraryStore(undefined, undefined, { matchFromDatabase: design.workerReadsLibrary });
  const proposeInBatches = createWorkerProposer(design.worker);
  if (library.loadForMatching && proposeInBatches?.sendAhead) {
    // The worker is told at once to read the library, fingerprint it and look up what it remembered, while the
    // Questions view's code loads and the page is scanned; the view's first request finds the same snapshot.
    const ahead = proposeInBatches.sendAhead;
    void library.loadForMatching().then(ahead, () => undefined);
  } else {
    // The library is read from now on, while the Questions view's code loads and the page is scanned: the view's
    // first load finds the read under way (the store keeps it) instead of starting it after the scan began.
    void library.load().catch(() => undefined);
  }
  return {
    contentPort: createContentPort,
    openTabIds: async () => (await browser.tabs.query({})).flatMap((t) => (t.id === undefined ? [] : [t.id])),
    propose: createProposer(),
    proposeInBatches,
    mapChoice: (entry, options) => mapChoice(entry, options),
    library,
    showLibraryEntry,
  };
}
