// Messages between the side panel and its matching worker (entrypoints/sidepanel/match.worker.ts), as zod schemas:
// both sides parse what they receive. The library travels in chunks so no single structured clone blocks the panel.
import { z } from 'zod';
import { ProposalSchema, QuestionKindSchema, type LibraryEntry } from '../schema';
import { entryRowsOf } from '../schema/entry-rows';

/** Entries per library message: small enough that cloning one chunk is a short task. */
export const LIBRARY_CHUNK = 1_000;

export const MatchQuestionSchema = z.object({
  key: z.string(),
  text: z.string(),
  kind: QuestionKindSchema,
  options: z.array(z.string()),
  /** The list renders its options only while open (a OneTrust lookup): an entry's own choice is kept. */
  optionsSearchable: z.boolean().optional(),
});
export type MatchQuestion = z.infer<typeof MatchQuestionSchema>;

const EntrySchema = z.looseObject({ id: z.string(), question: z.string(), answer: z.string() });

const AliasSchema = z.object({ entryId: z.string(), text: z.string(), normalized: z.string() });

export const ToMatchWorkerSchema = z.discriminatedUnion('type', [
  /** Part of library snapshot `version`; the last chunk (`last`) makes it current. Entries are checked on use. */
  z.object({
    type: z.literal('library-chunk'),
    version: z.number().int(),
    entries: z.array(EntrySchema),
    aliases: z.array(AliasSchema),
    last: z.boolean(),
    today: z.string(),
  }),
  /**
   * Library `version` is what the worker reads from the library database itself (the panel neither reads nor
   * sends the entries for matching): the entries as stored when it reads them (or read ahead of this message, if no
   * entry changed since), with these learned wordings.
   */
  z.object({
    type: z.literal('library-from-db'),
    version: z.number().int(),
    aliases: z.array(AliasSchema),
    today: z.string(),
    /** The entry changes the panel knows of (wrote or heard announced): a read made under another count is redone. */
    generation: z.number().int().optional(),
    /** The panel holds no entries: send those the proposals name with them (`entries` below). */
    shipEntries: z.boolean().optional(),
  }),
  /** Match these questions against library `version`, in this order (visible first); a newer request replaces it. */
  z.object({ type: z.literal('match'), request: z.number().int(), version: z.number().int(), questions: z.array(MatchQuestionSchema) }),
]);
export type ToMatchWorker = z.infer<typeof ToMatchWorkerSchema>;

export const FromMatchWorkerSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('proposals'),
    request: z.number().int(),
    proposals: z.record(z.string(), z.array(ProposalSchema)),
    done: z.boolean(),
    /**
     * The entries these proposals name (proposed and runner-up) not sent before for this library version, as one
     * JSON text: a thousand entries checked field by field by zod took about 90 ms on each side; the panel checks
     * each row's shape itself (`shippedEntriesOf`).
     */
    entries: z.string().optional(),
  }),
  z.object({ type: z.literal('failed'), request: z.number().int(), message: z.string() }),
]);
export type FromMatchWorker = z.infer<typeof FromMatchWorkerSchema>;

/** One wording's proposals, as FromMatchWorkerSchema checks them. */
export const ProposalListSchema = z.array(ProposalSchema);

/**
 * FromMatchWorkerSchema with each wording's proposals left unchecked: a batch for 1,000 questions checked at once was
 * a panel task of 50-140 ms under load, so the panel checks the envelope first and the proposals a slice a task
 * (`ProposalListSchema`, batched-proposer.ts); the result is the same.
 */
export const FromMatchWorkerEnvelopeSchema = z.discriminatedUnion('type', [
  FromMatchWorkerSchema.options[0].extend({ proposals: z.record(z.string(), z.unknown()) }),
  FromMatchWorkerSchema.options[1],
]);

/**
 * The entries a proposals message carries, or undefined when its text is not a list of entries (each an object with
 * a string id, question and answer): the panel then has no entry for those proposals (nothing to accept).
 */
export function shippedEntriesOf(text: string): LibraryEntry[] | undefined {
  return entryRowsOf<LibraryEntry>(text);
}
