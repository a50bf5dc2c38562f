// Named moments of the panel's opening (panel start, scan, library, matching), as User Timing marks: the bench
// reads them from the panel page and the matching worker to say where the time to the first proposals goes.
// A mark costs microseconds and nothing reads them in normal use.

export type OpenMark =
  | 'panel-start'
  | 'services-ready'
  | 'questions-module'
  | 'target-known'
  | 'questions-mounted'
  | 'questions-committed'
  | 'session-effect'
  | 'early-scan-start'
  | 'early-scan-done'
  | 'scan-start'
  | 'scan-done'
  | 'library-loaded'
  | 'history-read'
  | 'proposals-requested'
  | 'library-sent'
  | 'proposals-received'
  | 'first-proposals'
  | 'all-proposals'
  | 'proposals-shown'
  | 'worker-created'
  | 'worker-boot'
  | 'worker-boot-version'
  | 'worker-boot-row'
  | 'worker-boot-read'
  | 'worker-boot-late'
  | 'worker-start'
  | 'worker-library-received'
  | 'worker-version-read'
  | 'worker-entries-read'
  | 'worker-library-read'
  | 'worker-remembered-read'
  | 'worker-match-received'
  | 'worker-fingerprinted'
  | 'worker-answer-checked'
  | 'worker-first-posted'
  | 'worker-index-ready'
  | 'worker-engine-loaded'
  | 'worker-first-batch'
  | 'worker-last-batch';

export const OPEN_MARK_PREFIX = 'qa:';

/** Marks `name` once per opening (the first time it happens; a re-scan does not move it). */
export function markOpen(name: OpenMark): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  if (performance.getEntriesByName(OPEN_MARK_PREFIX + name, 'mark').length > 0) return;
  performance.mark(OPEN_MARK_PREFIX + name);
}
