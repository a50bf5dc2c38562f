// Parsing a library file off the panel's main thread: the file's bytes go to a worker (transferred, not copied),
// which runs parseLibraryFile and sends the result back with the entries in chunks, each a short task to receive.
// The same core runs in the worker (entrypoints/sidepanel/import.worker.ts) and, through a fake channel, in tests.
import { z } from 'zod';
import { LibraryFileError } from './library-errors';
import { InvalidEntrySchema, parseLibraryFile, type LibraryFileKind, type ParsedEntry, type ParsedLibraryFile } from './parse-library-file';

/** Parsed entries per message back to the panel. */
export const PARSED_CHUNK = 1_000;

export const ToImportWorkerSchema = z.object({ type: z.literal('parse'), request: z.number().int(), fileName: z.string(), bytes: z.instanceof(Uint8Array) });
export type ToImportWorker = z.infer<typeof ToImportWorkerSchema>;

const ParsedEntrySchema = z.object({ entry: z.looseObject({ id: z.string(), question: z.string(), answer: z.string() }), index: z.number().int(), where: z.string() });

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
  z.object({ type: z.literal('failed'), request: z.number().int(), message: z.string(), fileError: z.boolean() }),
]);
export type FromImportWorker = z.infer<typeof FromImportWorkerSchema>;

/** The worker's side: parses each request and answers through `post`. */
export function createImportWorkerCore(post: (message: FromImportWorker) => void): (data: unknown) => Promise<void> {
  return async (data) => {
    const parsed = ToImportWorkerSchema.safeParse(data);
    if (!parsed.success) return;
    const { request, fileName, bytes } = parsed.data;
    try {
      const file = await parseLibraryFile(bytes, fileName);
      for (let start = 0; start < file.entries.length; start += PARSED_CHUNK) {
        post({ type: 'entries', request, entries: file.entries.slice(start, start + PARSED_CHUNK) });
      }
      const { entries, ...rest } = file;
      post({ type: 'parsed', request, ...rest, count: entries.length });
    } catch (error) {
      const fileError = error instanceof LibraryFileError;
      post({ type: 'failed', request, message: fileError ? error.problem : error instanceof Error ? error.message : String(error), fileError });
    }
  };
}

export interface ImportWorkerLike {
  postMessage(message: ToImportWorker, transfer: Transferable[]): void;
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
