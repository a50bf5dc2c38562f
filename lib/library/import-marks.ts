// Named moments of a Library-view import, as User Timing marks in the import worker and the panel: the bench
// (tests/bench/panel-scale.ts, import part) reads both on the panel's clock to say where an import's time goes.
// A mark costs microseconds and nothing reads them in normal use.

export type ImportMark =
  /** Worker: the file received, parsed, previewed (the preview sent). */
  | 'import-open'
  | 'import-parsed'
  | 'import-planned'
  /** Worker: Apply received; versions numbered; every write handed to the database; the change signal's text made. */
  | 'import-apply'
  | 'import-stamped'
  | 'import-puts-issued'
  | 'import-signal-text'
  /** Worker: every write stored (before the commit), the transaction committed, the change announced. */
  | 'import-stored'
  | 'import-committed'
  /** Panel: the change signal received, its rows merged into the list. */
  | 'import-signal-received'
  | 'import-merged';

export const IMPORT_MARK_PREFIX = 'qa:';

/** Marks `name` (every time: the bench reads the last one of each name). */
export function markImport(name: ImportMark): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  performance.mark(IMPORT_MARK_PREFIX + name);
}
