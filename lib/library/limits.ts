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
/**
 * Most bytes the XML parts of one XLSX may inflate to, together (a 50,000-entry export is about 60 MB). Checked
 * against the sizes the archive declares before anything is inflated, and again while inflating.
 */
export const MAX_XLSX_INFLATED_BYTES = 100 * 1024 * 1024;
/** Longest text of one field of an entry (an answer, a question, a cell), in characters. */
export const MAX_ENTRY_TEXT_CHARS = 100_000;
/**
 * A value beyond this column, or a used area beyond this many cells, is refused: the spreadsheet reader fills
 * every empty cell up to the farthest value, so one stray value at XFD1048576 means billions of cells.
 */
export const MAX_SHEET_COLUMNS = 1_000;
export const MAX_SHEET_CELLS = 20_000_000;
/**
 * How far in the future an `updatedAt` may be (clock skew, a time zone written wrongly). Later ones are refused:
 * sync keeps the newer side, so a far-future time would pin its entry against every later export.
 */
export const MAX_FUTURE_SKEW_MS = 24 * 60 * 60 * 1000;
