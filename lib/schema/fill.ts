// Fill requests carry only the values being written; results carry what the field holds afterwards.
import { z } from 'zod';
import { FieldValueSchema } from './detect';

/**
 * The question a fill is for, as the analyst saw it when choosing the answer. Required on every request (the
 * comment box and undo included): the content script refuses (`stale`) when the field now belongs to another
 * question or the question's text changed.
 */
export const FillTargetSchema = z.object({
  key: z.string().min(1),
  text: z.string().min(1),
});
export type FillTarget = z.infer<typeof FillTargetSchema>;

export const FillRequestSchema = z.object({
  fieldId: z.string().min(1),
  value: FieldValueSchema,
  question: FillTargetSchema,
  /** Write only into an empty field (bulk fill: a value the analyst typed after the preview is kept). */
  onlyIfEmpty: z.boolean().optional(),
  /** The panel's id for this fill (shared by the requests of one question); the result echoes it. */
  requestId: z.string().min(1).max(100).optional(),
});
export type FillRequest = z.infer<typeof FillRequestSchema>;

export const FillStatusSchema = z.enum(['filled', 'unchanged', 'rejected', 'truncated', 'not-found', 'stale', 'refused']);
export type FillStatus = z.infer<typeof FillStatusSchema>;

export const FillResultSchema = z.object({
  fieldId: z.string(),
  status: FillStatusSchema,
  /** The value read back from the widget after the fill. */
  actual: FieldValueSchema,
  /** The value before the fill, for undo. */
  previous: FieldValueSchema,
  message: z.string().optional(),
  /** The request's `requestId`, echoed so the panel matches each result to the history row written before it. */
  requestId: z.string().min(1).max(100).optional(),
});
export type FillResult = z.infer<typeof FillResultSchema>;
