// Accuracy of a matcher on a labelled question set, and calibration of the band thresholds from it.
// Used by the accuracy unit tests and the benchmark; works for this engine and for baselines alike.
import { z } from 'zod';
import type { ConfidenceBand } from '../schema/proposal';

export const LabelledQuestionSchema = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  options: z.array(z.string()).optional(),
  /** The entry (or any of the entries) that answers the question; null when none does. */
  expected: z.union([z.string().min(1), z.array(z.string().min(1)).min(1), z.null()]),
  /**
   * The expected entry is the closest the library has, but it does not answer the asked facet (no frequency for
   * "how often", no role for "who"): proposing it is right, proposing it as `high` is not.
   */
  partial: z.literal(true).optional(),
  source: z.string().min(1),
  split: z.enum(['train', 'holdout']),
});
export type LabelledQuestion = z.infer<typeof LabelledQuestionSchema>;
export const LabelledQuestionsSchema = z.array(LabelledQuestionSchema);

/** What an evaluated matcher returns for one question. */
export interface Prediction {
  proposal: { entryId: string; confidence: number; band: ConfidenceBand } | null;
  candidates: ReadonlyArray<{ entryId: string }>;
}

export interface AccuracyReport {
  questions: number;
  answerable: number;
  nulls: number;
  /** The best candidate answers the question (answerable questions). */
  top1: number;
  /** One of the first three candidates answers it (answerable questions). */
  top3: number;
  /** A proposal was made and it is right (answerable questions). */
  proposalAccuracy: number;
  /** Null questions that got a proposal anyway. */
  falseProposalRate: number;
  /** Of the `high` proposals, the share that are right (null and `partial` questions count as wrong). */
  highPrecision: number;
  highCount: number;
  /** Answerable questions that got a correct `high` proposal. */
  correctHighShare: number;
}

export function acceptedIds(q: Pick<LabelledQuestion, 'expected'>): string[] {
  return q.expected === null ? [] : Array.isArray(q.expected) ? q.expected : [q.expected];
}

const ratio = (n: number, d: number) => (d === 0 ? 0 : n / d);

export function scorePredictions(questions: readonly LabelledQuestion[], predictions: readonly Prediction[]): AccuracyReport {
  let answerable = 0;
  let top1 = 0;
  let top3 = 0;
  let proposalRight = 0;
  let nulls = 0;
  let falseProposals = 0;
  let highCount = 0;
  let highRight = 0;
  questions.forEach((q, i) => {
    const p = predictions[i]!;
    const ok = acceptedIds(q);
    const right = p.proposal !== null && ok.includes(p.proposal.entryId);
    if (p.proposal?.band === 'high') {
      highCount += 1;
      if (right && !q.partial) highRight += 1;
    }
    if (ok.length === 0) {
      nulls += 1;
      if (p.proposal) falseProposals += 1;
      return;
    }
    answerable += 1;
    if (p.candidates[0] && ok.includes(p.candidates[0].entryId)) top1 += 1;
    if (p.candidates.slice(0, 3).some((c) => ok.includes(c.entryId))) top3 += 1;
    if (right) proposalRight += 1;
  });
  return {
    questions: questions.length,
    answerable,
    nulls,
    top1: ratio(top1, answerable),
    top3: ratio(top3, answerable),
    proposalAccuracy: ratio(proposalRight, answerable),
    falseProposalRate: ratio(falseProposals, nulls),
    highPrecision: highCount === 0 ? 1 : highRight / highCount,
    highCount,
    correctHighShare: ratio(highRight, answerable),
  };
}

/** One question's best candidate before banding: its confidence and whether it is right (null questions: never). */
export interface CalibrationRow {
  confidence: number;
  right: boolean;
  isNull: boolean;
}

export interface CalibrationTargets {
  /** Minimum precision of `high`. */
  highPrecision: number;
  /** Maximum share of null questions that may get any proposal. */
  falseProposalRate: number;
  /**
   * `every-cut` (default): `high` stops at the first cut, walking down from the most confident, where the
   * precision of everything above falls under the target. `at-cut`: `high` is the lowest cut at which the
   * precision of everything at or above it meets the target (a wrong proposal near the top may be absorbed).
   */
  highRule?: 'every-cut' | 'at-cut';
}

/**
 * The rule BAND_THRESHOLDS were set with on the training split: false proposals on its unanswerable
 * questions at most 8% (4 of 53), `high` proposals right >= 96% of the time at the cut.
 */
export const ENGINE_CALIBRATION_TARGETS: CalibrationTargets = { highPrecision: 0.97, falseProposalRate: 0.05, highRule: 'at-cut' };

/**
 * The lowest thresholds that meet the targets: `review` keeps false proposals on null questions under the
 * limit, `high` keeps the precision of proposals at or above it at the required level (see `highRule`).
 */
export function calibrateBands(rows: readonly CalibrationRow[], targets: CalibrationTargets): { high: number; review: number } {
  const cuts = [...new Set(rows.map((r) => r.confidence))].sort((a, b) => a - b);
  const nulls = rows.filter((r) => r.isNull).length;
  let review = 1;
  for (const t of cuts) {
    const proposedNulls = rows.filter((r) => r.isNull && r.confidence >= t).length;
    if (ratio(proposedNulls, nulls) <= targets.falseProposalRate) {
      review = t;
      break;
    }
  }
  const precisionFrom = (t: number) => {
    const above = rows.filter((r) => r.confidence >= t);
    return above.filter((r) => r.right).length / above.length;
  };
  if (targets.highRule === 'at-cut') {
    return { high: cuts.find((t) => t >= review && precisionFrom(t) >= targets.highPrecision) ?? 1, review };
  }
  // Walk down from the most confident: `high` may go as low as precision holds at every cut on the way.
  let high = 1;
  for (let i = cuts.length - 1; i >= 0; i--) {
    const t = cuts[i]!;
    if (t < review) break;
    if (precisionFrom(t) < targets.highPrecision) break;
    high = t;
  }
  return { high, review };
}
