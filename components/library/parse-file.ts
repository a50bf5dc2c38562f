// Where the Library view parses an imported file: in the import worker, so a 20,000-entry file does not freeze
// the panel; on the main thread only where workers cannot start.
import { createWorkerParser } from '../../lib/library/parse-in-worker';
import { parseLibraryFile, type ParsedLibraryFile } from '../../lib/library/parse-library-file';

let parseInWorker: ((bytes: Uint8Array<ArrayBuffer>, fileName: string) => Promise<ParsedLibraryFile>) | undefined;

function startWorker(): typeof parseInWorker {
  if (typeof Worker === 'undefined') return undefined;
  try {
    return createWorkerParser(new Worker(new URL('../../entrypoints/sidepanel/import.worker.ts', import.meta.url), { type: 'module' }));
  } catch {
    return undefined;
  }
}

export function parseImportedFile(bytes: Uint8Array<ArrayBuffer>, fileName: string): Promise<ParsedLibraryFile> {
  parseInWorker ??= startWorker();
  return parseInWorker ? parseInWorker(bytes, fileName) : parseLibraryFile(bytes, fileName);
}
