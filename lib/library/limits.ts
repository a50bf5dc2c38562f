// Hard limits on library files, stated in the README: beyond them a file is refused before it is parsed.

/** Largest library file accepted for import (bytes). A 20,000-entry export is about 15 MB. */
export const MAX_LIBRARY_FILE_BYTES = 50 * 1024 * 1024;
/** Most entries (rows) one file may hold. */
export const MAX_LIBRARY_ENTRIES = 50_000;
/** Excel refuses cells longer than this, so an XLSX export checks every cell against it. */
export const MAX_XLSX_CELL_CHARS = 32_767;
/**
 * Deepest nesting of objects and arrays an entry may carry (an entry with citations is 3 deep). Deeper values
 * cannot be stored or exported again (the browser's structured clone and JSON.stringify recurse), so such an
 * entry is refused at import with a reason instead of accepted and then impossible to save.
 */
export const MAX_ENTRY_NESTING = 32;
