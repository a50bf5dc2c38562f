// One fill as the fill history records it.
import { z } from 'zod';
import { FieldValueSchema, PortalIdSchema } from './detect';
import { FillStatusSchema } from './fill';
import { ConfidenceBandSchema } from './proposal';

export const FillEventSchema = z.object({
  seq: z.number().int().optional(),
  /** ISO date-time of the fill. */
  at: z.string(),
  portal: PortalIdSchema,
  pageUrl: z.string(),
  pageTitle: z.string(),
  questionKey: z.string(),
  questionNumber: z.string().optional(),
  questionText: z.string(),
  entryId: z.string().optional(),
  entryUpdatedAt: z.string().optional(),
  value: FieldValueSchema,
  comment: z.string().optional(),
  edited: z.boolean(),
  confidence: z.number().min(0).max(1).optional(),
  band: ConfidenceBandSchema.optional(),
  result: FillStatusSchema,
  previous: FieldValueSchema,
  message: z.string().optional(),
  /** True for an undo of an earlier fill. */
  undo: z.boolean().optional(),
});
export type FillEvent = z.infer<typeof FillEventSchema>;
