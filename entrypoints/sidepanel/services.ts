// The real outside world of the side panel: content script messaging, the matcher and the library database.
import { browser } from 'wxt/browser';
import { mapChoice } from '../../lib/match';
import { createBatchedProposer, type ProposeInBatchesFn } from '../../lib/panel/batched-proposer';
import { createProposer } from '../../lib/panel/propose';
import type { PanelServices } from '../../components/common/PanelServices';
import { createContentPort } from './content-port';
import { matchWorkerName, readsLibrary, takeMatchWorker } from './match-worker-start';
import { createLibraryStore } from './library-store';

/** The panel's side of the matching worker (started by the panel's first module, or now). */
function createWorkerProposer(name: string | undefined): ProposeInBatchesFn | undefined {
  if (name === undefined) return undefined;
  const worker = takeMatchWorker(name);
  return worker ? createBatchedProposer(worker) : undefined;
}

export function createPanelServices(showLibraryEntry: (entryId: string) => void): PanelServices {
  const name = matchWorkerName();
  const library = createLibraryStore(undefined, undefined, { matchFromDatabase: readsLibrary(name) });
  const proposeInBatches = createWorkerProposer(name);
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
