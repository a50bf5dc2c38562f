// The real outside world of the side panel: content script messaging, the matcher and the library database.
import { browser } from 'wxt/browser';
import { mapChoice } from '../../lib/match/choice';
import { createBatchedProposer, type ProposeInBatchesFn } from '../../lib/panel/batched-proposer';
import type { PanelServices } from '../../components/common/PanelServices';
import type { ProposeFn } from '../../lib/panel/ports';
import { createContentPort } from './content-port';
import { matchWorkerName, readsLibrary, takeMatchWorker } from './match-worker-start';
import { createLibraryStore } from './library-store';

/** The panel's side of the matching worker (started by the panel's first module, or now). */
function createWorkerProposer(name: string | undefined): ProposeInBatchesFn | undefined {
  if (name === undefined) return undefined;
  const worker = takeMatchWorker(name);
  return worker ? createBatchedProposer(worker) : undefined;
}

/**
 * With the matching worker the panel never matches on its own thread (the view calls `propose` only without
 * `proposeInBatches`): the matcher (lib/match, about 45 ms of script evaluation at opening) is not loaded then.
 */
const matchedInWorker: ProposeFn = () => {
  throw new Error('Matching runs in the worker: the main-thread matcher is not loaded');
};

/** The main-thread matcher, loaded only for the design without the worker (`?matcher=main`) or if the worker fails. */
async function mainThreadProposer(): Promise<ProposeFn> {
  const { createProposer } = await import('../../lib/panel/propose');
  return createProposer();
}

export async function createPanelServices(showLibraryEntry: (entryId: string) => void): Promise<PanelServices> {
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
  const propose = proposeInBatches ? matchedInWorker : await mainThreadProposer();
  return {
    contentPort: createContentPort,
    openTabIds: async () => (await browser.tabs.query({})).flatMap((t) => (t.id === undefined ? [] : [t.id])),
    propose,
    proposeInBatches,
    mapChoice: (entry, options) => mapChoice(entry, options),
    library,
    showLibraryEntry,
  };
}
