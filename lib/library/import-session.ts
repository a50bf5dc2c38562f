// One import from the chosen file to the written library: parse, preview (the sync plan against the library as
// stored now), apply in one transaction with progress, and Cancel, which rolls the transaction back. The session
// keeps the parsed file and the full plan; the panel sees only a preview (counts and the first rows of each list),
// so 20,000 entries never cross to it. The same session runs in the import worker (lib/library/parse-in-worker.ts)
// and, where no worker can start, in the panel.
import type { AutofillDatabase } from '../db/database';
import { listEntries } from '../db/entries-repository';
import { applySyncPlan, type SyncResult } from './apply-sync';
import { markImport } from './import-marks';
import { parseLibraryFile, type ParsedLibraryFile } from './parse-library-file';
import { planSync, previewOf, type ConflictChoices, type SyncOptions, type SyncPlan, type SyncPreview } from './plan-sync';

export interface ImportSession {
  /** Parses the file and previews it against the library; replaces any earlier file of this session. */
  open(bytes: Uint8Array<ArrayBuffer>, fileName: string, options: SyncOptions): Promise<SyncPreview>;
  /** The same file previewed with other options (mirror, remove the sample), against the library as it is now. */
  replan(options: SyncOptions): Promise<SyncPreview>;
  /** Writes the last preview's plan in one transaction: all or nothing. */
  apply(choices: ConflictChoices, onProgress?: (written: number, total: number) => void): Promise<SyncResult>;
  /** Aborts a running apply: its transaction is rolled back and nothing of the import is written. */
  cancel(): void;
}

export function createImportSession(db: () => AutofillDatabase, parse: (bytes: Uint8Array<ArrayBuffer>, fileName: string) => Promise<ParsedLibraryFile> = parseLibraryFile): ImportSession {
  let file: ParsedLibraryFile | undefined;
  let plan: SyncPlan | undefined;
  let running: AbortController | undefined;

  const preview = async (options: SyncOptions): Promise<SyncPreview> => {
    if (!file) throw new Error('No library file is open: choose the file again.');
    const parsed = file;
    const planned = planSync(parsed, await listEntries(db()), options);
    markImport('import-planned');
    // A newer file opened meanwhile: its plan is the one to apply.
    if (file === parsed) plan = planned;
    return previewOf(planned);
  };

  return {
    async open(bytes, fileName, options) {
      file = undefined;
      plan = undefined;
      markImport('import-open');
      file = await parse(bytes, fileName);
      markImport('import-parsed');
      return preview(options);
    },
    replan: preview,
    async apply(choices, onProgress) {
      if (!plan) throw new Error('Nothing to apply: choose the library file again.');
      const controller = new AbortController();
      running = controller;
      markImport('import-apply');
      try {
        return await applySyncPlan(db(), plan, choices, { signal: controller.signal, onProgress });
      } finally {
        if (running === controller) running = undefined;
      }
    },
    cancel() {
      running?.abort();
    },
  };
}
