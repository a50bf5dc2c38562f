// The side panel's first module, a script of its own in index.html: it starts the matching worker before React and
// the panel's modules load, so the worker's own start (its script, its read of the library, the fingerprint and the
// remembered proposals) runs while they do; then it asks the tab for its scan, which the content script answers while
// they load (early-scan.ts). It imports nothing else: the services take the worker, the Questions view the scan.
import { startMatchWorkerEarly } from './match-worker-start';
import { askEarlyScan } from './early-scan';

startMatchWorkerEarly();
askEarlyScan();
