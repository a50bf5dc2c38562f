// The matching worker's second module (lib/panel/match-worker-core.ts imports it when a request needs matching, or
// once a reopened page's remembered proposals went out): the matcher, its vocabulary, the index and its snapshot,
// the proposer. In a chunk of its own, so the worker's first module (Dexie, zod, the pages' read, the remembered
// proposals) loads and runs without it.
export { addLearnedAlias, buildIndex } from '../match';
export { restoreIndex, snapshotIndex } from '../match/index-snapshot';
export { createProposer } from './propose';
