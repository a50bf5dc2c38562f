// What the matcher proposes for one question.
import { z } from 'zod';

export const ConfidenceBandSchema = z.enum(['high', 'review', 'none']);
export type ConfidenceBand = z.infer<typeof ConfidenceBandSchema>;

export const MatchSourceSchema = z.enum(['exact', 'alias', 'alternate', 'fuzzy']);
export type MatchSource = z.infer<typeof MatchSourceSchema>;

export const CandidateSchema = z.object({
  entryId: z.string(),
  score: z.number().min(0).max(1),
});
export type Candidate = z.infer<typeof CandidateSchema>;

export const ProposalSchema = z.object({
  entryId: z.string(),
  confidence: z.number().min(0).max(1),
  band: ConfidenceBandSchema,
  /** The option label to pick for choice fields, or undefined when none maps unambiguously. */
  choice: z.string().optional(),
  why: z.object({
    source: MatchSourceSchema,
    matchedTerms: z.array(z.string()),
    /** The wording that matched (question, alternate or alias text). */
    matchedText: z.string(),
    runnerUp: CandidateSchema.optional(),
  }),
  stale: z.boolean(),
  draft: z.boolean(),
});
export type Proposal = z.infer<typeof ProposalSchema>;
