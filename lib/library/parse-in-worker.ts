// Parsing a library file off the panel's main thread: the file's bytes go to a worker (transferred, not copied),
// which runs parseLibraryFile and sends the result back with the entries in chunks, each a short task to receive.
// The Library view's import runs here as a whole (lib/library/import-session.ts): parse, preview against the library
// read in the worker, apply in one transaction written from the worker, with progress and Cancel; the panel gets
// the preview and the result, never the entries. The same core runs in the worker
// (entrypoints/sidepanel/import.worker.ts) and, through a fake channel, in tests.
import { z } from 'zod';
import type { AutofillDatabase } from '../db/database';
import type { SyncResult } from './apply-sync';
import { createImportSession, type ImportSession } from './import-session';
import type { ConflictChoices, SyncOptions, SyncPreview } from './plan-sync';
import { LibraryFileError } from './library-errors';
import { InvalidEntrySchema, parseLibraryFile, type LibraryFileKind, type ParsedEntry, type ParsedLibraryFile } from './parse-library-file';

/** Parsed entries per message back to the panel. */
export const PARSED_CHUNK = 1_000;

const SyncOptionsSchema = z.object({ mirror: z.boolean().optional(), removeSample: z.boolean().optional() });

export const ToImportWorkerSchema = z.discriminatedUnion('type', [
  /** Parse only, entries sent back (the panel plans): kept for callers that need the entries. */
  z.object({ type: z.literal('parse'), request: z.number().int(), fileName: z.string(), bytes: z.instanceof(Uint8Array) }),
  /** Parse and preview against the stored library; the session keeps the file and the plan. */
  z.object({ type: z.literal('open'), request: z.number().int(), fileName: z.string(), bytes: z.instanceof(Uint8Array), options: SyncOptionsSchema }),
  z.object({ type: z.literal('replan'), request: z.number().int(), options: SyncOptionsSchema }),
  z.object({ type: z.literal('apply'), request: z.number().int(), choices: z.record(z.string(), z.enum(['local', 'incoming'])) }),
  /** Stops the running apply: its transaction rolls back. */
  z.object({ type: z.literal('cancel') }),
]);
export type ToImportWorker = z.infer<typeof ToImportWorkerSchema>;

const EntryShape = z.looseObject({ id: z.string(), question: z.string(), answer: z.string() });
const ParsedEntrySchema = z.object({ entry: EntryShape, index: z.number().int(), where: z.string() });
const PlannedSchema = z.looseObject({ entry: EntryShape, where: z.string() });
const ChangeSchema = z.looseObject({ entry: EntryShape, where: z.string(), local: EntryShape });
const count = z.number().int().min(0);

/** The preview as the panel receives it: shapes checked, entries as the library code made them. */
const SyncPreviewSchema = z.object({
  fileName: z.string(),
  source: z.string().optional(),
  exportedAt: z.string().optional(),
  mirror: z.boolean(),
  counts: z.object({ added: count, updated: count, unchanged: count, conflicts: count, invalid: count, removed: count, skipped: count, merged: count }),
  added: z.array(PlannedSchema),
  updated: z.array(ChangeSchema),
  unchanged: z.array(ChangeSchema),
  conflicts: z.array(ChangeSchema),
  invalid: z.array(InvalidEntrySchema),
  removed: z.array(EntryShape),
  idWarnings: z.array(z.object({ id: z.string(), where: z.string(), otherId: z.string(), otherWhere: z.string() })),
  handoff: z.boolean().optional(),
  skipped: z.array(InvalidEntrySchema),
  merged: z.array(PlannedSchema.extend({ intoId: z.string() })).optional(),
});

export const FromImportWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('entries'), request: z.number().int(), entries: z.array(ParsedEntrySchema) }),
  z.object({
    type: z.literal('parsed'),
    request: z.number().int(),
    fileName: z.string(),
    kind: z.enum(['json', 'csv', 'xlsx']),
    source: z.string().optional(),
    exportedAt: z.string().optional(),
    invalid: z.array(InvalidEntrySchema),
    handoff: z.boolean().optional(),
    skipped: z.array(InvalidEntrySchema).optional(),
    count: z.number().int(),
  }),
  /** `fileError`: the file as a whole was refused (LibraryFileError); otherwise an unexpected failure. */
  z.object({ type: z.literal('failed'), request: z.number().int(), message: z.string(), fileError: z.boolean(), name: z.string().optional() }),
  z.object({ type: z.literal('preview'), request: z.number().int(), preview: SyncPreviewSchema }),
  z.object({ type: z.literal('progress'), request: z.number().int(), written: count, total: count }),
  z.object({ type: z.literal('applied'), request: z.number().int(), result: z.object({ added: count, updated: count, keptLocal: count, removed: count }) }),
]);
export type FromImportWorker = z.infer<typeof FromImportWorkerSchema>;

const failure = (request: number, error: unknown): FromImportWorker => {
  const fileError = error instanceof LibraryFileError;
  const message = fileError ? error.problem : error instanceof Error ? error.message : String(error);
  return { type: 'failed', request, message, fileError, ...(error instanceof Error ? { name: error.name } : {}) };
};

/** The worker's side: parses each request, runs the import session, and answers through `post`. */
export function createImportWorkerCore(post: (message: FromImportWorker) => void, options: { db?: () => AutofillDatabase } = {}): (data: unknown) => Promise<void> {
  let session: ImportSession | undefined;
  const sessionOf = () => {
    if (!options.db) throw new Error('The import worker has no library database.');
    session ??= createImportSession(options.db);
    return session;
  };
  return async (data) => {
    const parsed = ToImportWorkerSchema.safeParse(data);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'cancel') {
      session?.cancel();
      return;
    }
    if (message.type !== 'parse') {
      const { request } = message;
      try {
        if (message.type === 'apply') {
          const result = await sessionOf().apply(message.choices, (written, total) => post({ type: 'progress', request, written, total }));
          post({ type: 'applied', request, result });
          return;
        }
        const preview = message.type === 'open' ? await sessionOf().open(message.bytes as Uint8Array<ArrayBuffer>, message.fileName, message.options) : await sessionOf().replan(message.options);
        // The library code's own types; the schema checks them loosely on the panel's side.
        post({ type: 'preview', request, preview: preview as unknown as z.infer<typeof SyncPreviewSchema> });
      } catch (error) {
        post(failure(request, error));
      }
      return;
    }
    const { request, fileName, bytes } = message;
    try {
      const file = await parseLibraryFile(bytes, fileName);
      for (let start = 0; start < file.entries.length; start += PARSED_CHUNK) {
        post({ type: 'entries', request, entries: file.entries.slice(start, start + PARSED_CHUNK) });
      }
      const { entries, ...rest } = file;
      post({ type: 'parsed', request, ...rest, count: entries.length });
    } catch (error) {
      post(failure(request, error));
    }
  };
}

export interface ImportWorkerLike {
  postMessage(message: ToImportWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  onerror?: ((event: ErrorEvent) => void) | null;
}

/** The panel's side: one parse at a time; the answer has the same shape (and errors) as parseLibraryFile's. */
export function createWorkerParser(worker: ImportWorkerLike): (bytes: Uint8Array<ArrayBuffer>, fileName: string) => Promise<ParsedLibraryFile> {
  let requests = 0;
  let current: { request: number; fileName: string; entries: ParsedEntry[]; resolve: (file: ParsedLibraryFile) => void; reject: (error: Error) => void } | undefined;
  worker.onmessage = (event) => {
    const parsed = FromImportWorkerSchema.safeParse(event.data);
    if (!parsed.success || !current || parsed.data.request !== current.request) return;
    const message = parsed.data;
    const waiting = current;
    if (message.type !== 'entries' && message.type !== 'parsed' && message.type !== 'failed') return;
    if (message.type === 'entries') {
      for (const entry of message.entries) waiting.entries.push(entry as ParsedEntry);
      return;
    }
    current = undefined;
    if (message.type === 'failed') {
      waiting.reject(message.fileError ? new LibraryFileError(waiting.fileName, message.message) : new Error(message.message));
      return;
    }
    const { type: _type, request: _request, count: _count, ...file } = message;
    waiting.resolve({ ...file, kind: file.kind as LibraryFileKind, entries: waiting.entries });
  };
  worker.onerror = (event) => current?.reject(new Error(`The file reader stopped: ${event.message}`));
  return (bytes, fileName) =>
    new Promise<ParsedLibraryFile>((resolve, reject) => {
      current?.reject(new Error('Replaced by a newer file.'));
      const request = ++requests;
      current = { request, fileName, entries: [], resolve, reject };
      worker.postMessage({ type: 'parse', request, fileName, bytes }, [bytes.buffer]);
    });
}

/** An error from the worker as the panel shows it: the same message, and the same name for the error kinds. */
function errorFrom(message: Extract<FromImportWorker, { type: 'failed' }>, fileName: string): Error {
  if (message.fileError) return new LibraryFileError(fileName, message.message);
  const error = new Error(message.message);
  if (message.name) error.name = message.name;
  return error;
}

/**
 * The panel's side of an import session run in the worker: one call at a time (the view disables its buttons
 * while one runs); `cancel` goes straight through, so it reaches an apply in progress.
 */
export function createWorkerImportSession(worker: ImportWorkerLike): ImportSession {
  let requests = 0;
  let fileName = '';
  let current:
    | { request: number; resolve: (value: SyncPreview | SyncResult) => void; reject: (error: Error) => void; onProgress?: (written: number, total: number) => void }
    | undefined;
  worker.onmessage = (event) => {
    const parsed = FromImportWorkerSchema.safeParse(event.data);
    if (!parsed.success || !current || parsed.data.request !== current.request) return;
    const message = parsed.data;
    const waiting = current;
    if (message.type === 'progress') {
      waiting.onProgress?.(message.written, message.total);
      return;
    }
    current = undefined;
    if (message.type === 'failed') waiting.reject(errorFrom(message, fileName));
    else if (message.type === 'preview') waiting.resolve(message.preview as SyncPreview);
    else if (message.type === 'applied') waiting.resolve(message.result);
    else waiting.reject(new Error(`Unexpected answer from the import worker: ${message.type}`));
  };
  worker.onerror = (event) => current?.reject(new Error(`The import stopped: ${event.message}`));
  const call = <T extends SyncPreview | SyncResult>(message: ToImportWorker, transfer: Transferable[] = [], onProgress?: (written: number, total: number) => void) =>
    new Promise<T>((resolve, reject) => {
      current?.reject(new Error('Replaced by a newer import step.'));
      current = { request: (message as { request: number }).request, resolve: resolve as (value: SyncPreview | SyncResult) => void, reject, onProgress };
      worker.postMessage(message, transfer);
    });
  return {
    open(bytes, name, options: SyncOptions) {
      fileName = name;
      return call<SyncPreview>({ type: 'open', request: ++requests, fileName: name, bytes, options }, [bytes.buffer]);
    },
    replan: (options: SyncOptions) => call<SyncPreview>({ type: 'replan', request: ++requests, options }),
    apply: (choices: ConflictChoices, onProgress) => call<SyncResult>({ type: 'apply', request: ++requests, choices }, [], onProgress),
    cancel() {
      worker.postMessage({ type: 'cancel' });
    },
  };
}
