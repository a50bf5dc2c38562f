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
    /** The question's own words (or phrases) that the entry matched, as written on the page (lower case). */
    matchedTerms: z.array(z.string()),
    /** The wording that matched (question, alternate or alias text). */
    matchedText: z.string(),
    runnerUp: CandidateSchema.optional(),
    /** Why the band was held at review or lowered: an unanswered facet, a scope mismatch, a near neighbour. */
    notes: z.array(z.string()).optional(),
    /** The match went through a wording learned from a page: where, whether reviewed, whether capped below High. */
    learned: z
      .object({
        origin: z.string().optional(),
        reviewed: z.boolean(),
        capped: z.boolean(),
      })
      .optional(),
  }),
  stale: z.boolean(),
  draft: z.boolean(),
});
export type Proposal = z.infer<typeof ProposalSchema>;
