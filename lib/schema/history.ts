// One fill as the fill history records it. A row is written `pending` before its request leaves the panel and
// resolved with the content script's result (matched by `requestId`), or later by reading the page back.
import { z } from 'zod';
import { FieldValueSchema, PortalIdSchema } from './detect';
import { FillStatusSchema } from './fill';
import { CitationSchema } from './library';
import { ConfidenceBandSchema } from './proposal';

/**
 * A fill's result as the history knows it: the content script's status, `pending` while the request is out, or
 * `unknown` when no result came back and the page could not prove the value is there.
 */
export const HistoryResultSchema = z.enum([...FillStatusSchema.options, 'pending', 'unknown']);
export type HistoryResult = z.infer<typeof HistoryResultSchema>;

export const FillEventSchema = z.object({
  seq: z.number().int().optional(),
  /** ISO date-time of the fill. */
  at: z.string(),
  portal: PortalIdSchema,
  /** The tab's page (the top frame). */
  pageUrl: z.string(),
  pageTitle: z.string(),
  questionKey: z.string(),
  questionNumber: z.string().optional(),
  questionText: z.string(),
  entryId: z.string().optional(),
  entryUpdatedAt: z.string().optional(),
  /** The entry's version that was filled (lib/db/versions-repository.ts); absent on rows recorded before versions. */
  entryVersion: z.number().int().positive().optional(),
  value: FieldValueSchema,
  comment: z.string().optional(),
  edited: z.boolean(),
  confidence: z.number().min(0).max(1).optional(),
  band: ConfidenceBandSchema.optional(),
  result: HistoryResultSchema,
  previous: FieldValueSchema,
  message: z.string().optional(),
  /** True for an undo of an earlier fill. */
  undo: z.boolean().optional(),
  /** The panel's id of this fill, carried by its requests and echoed by their results. */
  requestId: z.string().optional(),
  /** The browser tab the fill went to (for resolving a pending row when the panel opens again). */
  tabId: z.number().int().optional(),
  /** The document that holds the field: a frame's own URL and origin when the question is in a frame. */
  frameUrl: z.string().optional(),
  frameOrigin: z.string().optional(),
  /** The comment box's value before the fill, for undo. */
  commentPrevious: FieldValueSchema.optional(),
  /** What the page showed after the fill (the content script's read-back, or the panel's on reopen). */
  actual: FieldValueSchema.optional(),
  /** The library entry's citations at fill time, so an export says where the answer came from. */
  citations: z.array(CitationSchema).optional(),
  /** An evidence file attached to the question's upload control (the row's `value` is its file name). */
  attachment: z
    .object({ evidenceId: z.string(), title: z.string(), fileName: z.string(), size: z.number().int().nonnegative(), sha256: z.string() })
    .optional(),
  /** When the row left `pending` (ISO date-time). */
  resolvedAt: z.string().optional(),
});
export type FillEvent = z.infer<typeof FillEventSchema>;

/** What settling a pending row changes in it. */
export type FillChanges = Partial<Pick<FillEvent, 'result' | 'previous' | 'actual' | 'commentPrevious' | 'message' | 'resolvedAt'>>;

/** The changes for the rows of one request id. */
export interface FillResolution {
  requestId: string;
  changes: FillChanges;
}
