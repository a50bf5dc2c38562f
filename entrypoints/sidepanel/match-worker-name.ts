/** The matching worker's name when it must build its index on every opening (the bench's baseline). */
export const MATCH_WORKER_WITHOUT_CACHE = 'match-without-index-cache';
