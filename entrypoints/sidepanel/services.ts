// The real outside world of the side panel: content script messaging, the matcher and the library database.
import { browser } from 'wxt/browser';
import { mapChoice } from '../../lib/match';
import { createBatchedProposer, type ProposeInBatchesFn } from '../../lib/panel/batched-proposer';
import { createProposer } from '../../lib/panel/propose';
import type { PanelServices } from '../../components/common/PanelServices';
import { createContentPort, scanAhead } from './content-port';
import { describeTab, tabFromSearch } from '../../lib/panel/target-tab';
import { previousOpening, startMatchWorker, type StartedMatchWorker } from './match-worker-start';
import { createLibraryStore } from './library-store';

/** The panel's side of the matching worker (started early by App.tsx, or here in the previous designs). */
function createWorkerProposer(started: StartedMatchWorker | undefined): ProposeInBatchesFn | undefined {
  return started ? createBatchedProposer(started.worker, undefined, { fromDatabase: started.fromDatabase }) : undefined;
}

/**
 * The tab the panel will most likely work on (`?tab=`, else the active tab of its window), if it shows a page:
 * scanned from now on (content-port.ts scanAhead), in parallel with the Questions view's code loading and mounting.
 */
async function scanLikelyTarget(): Promise<void> {
  const tabId = tabFromSearch(location.search) ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return;
  const tab = await browser.tabs.get(tabId);
  if (describeTab({ id: tabId, url: tab.url, title: tab.title }).access === 'page') scanAhead(tabId);
}

/** `worker`: the matching worker App.tsx started early; none: started here (the designs before, for the bench). */
export function createPanelServices(showLibraryEntry: (entryId: string) => void, worker?: StartedMatchWorker): PanelServices {
  const previous = previousOpening();
  if (!previous) void scanLikelyTarget().catch(() => undefined);
  const library = createLibraryStore();
  // The library is read from now on, while the Questions view's code loads and the page is scanned: the view's
  // first load finds the read under way (the store keeps it) instead of starting it after the scan began.
  void library.load().catch(() => undefined);
  return {
    contentPort: createContentPort,
    openTabIds: async () => (await browser.tabs.query({})).flatMap((t) => (t.id === undefined ? [] : [t.id])),
    propose: createProposer(),
    proposeInBatches: createWorkerProposer(worker ?? startMatchWorker()),
    mapChoice: (entry, options) => mapChoice(entry, options),
    library,
    showLibraryEntry,
  };
}
