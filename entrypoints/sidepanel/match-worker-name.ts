/** The matching worker's name when it must build its index on every opening (the bench's baseline). */
export const MATCH_WORKER_WITHOUT_CACHE = 'match-without-index-cache';
/** The matching worker's name when it loads the persisted index but re-matches every question (the design before remembered proposals, the bench's baseline). */
export const MATCH_WORKER_INDEX_ONLY = 'match-index-only';
/** The matching worker's name when the panel reads the library and sends it in chunks (the design before the worker read the database itself, the bench's baseline). */
export const MATCH_WORKER_PANEL_SENDS = 'match-panel-sends';
/** The matching worker's name in the default design: it reads the library database itself. */
export const MATCH_WORKER_READS_LIBRARY = 'match';
