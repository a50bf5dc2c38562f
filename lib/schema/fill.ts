// Fill requests carry only the values being written; results carry what the field holds afterwards.
import { z } from 'zod';
import { FieldValueSchema } from './detect';

export const FillRequestSchema = z.object({
  fieldId: z.string().min(1),
  value: FieldValueSchema,
  /** The question text seen at detection; a different text now means the result is `stale`. */
  expectedText: z.string().optional(),
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
});
export type FillResult = z.infer<typeof FillResultSchema>;
