// Errors of library import and export. Each message names the file (and row or field) and says what to do.

/** The file as a whole cannot be read as a library: nothing from it is used. */
export class LibraryFileError extends Error {
  override readonly name = 'LibraryFileError';
  constructor(
    readonly fileName: string,
    readonly problem: string,
  ) {
    super(`${fileName}: ${problem}`);
  }
}

/** Applying a sync plan was refused; the library is unchanged. */
export class SyncApplyError extends Error {
  override readonly name = 'SyncApplyError';
}

/** The library cannot be written in the requested format. */
export class LibraryExportError extends Error {
  override readonly name = 'LibraryExportError';
}
