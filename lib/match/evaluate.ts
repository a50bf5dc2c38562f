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
  /**
   * With `at-cut`: besides the precision of everything at or above the cut, the estimated chance that a proposal
   * right at the cut is right (an isotonic fit of rightness against confidence, see `isotonicRightness`) must
   * reach this. Without it the cut may sink to where the marginal proposals are right 89-95% of the time, their
   * errors hidden by the many right answers above them.
   */
  marginalPrecision?: number;
}

/**
 * The rule BAND_THRESHOLDS were set with on the training split: false proposals on its unanswerable
 * questions at most 5%, `high` proposals right >= 97% of the time at and above the cut, and those right at the
 * cut (isotonic estimate) >= 97% of the time: a `high` answer right at the cut must ship as often as the band does.
 */
export const ENGINE_CALIBRATION_TARGETS: CalibrationTargets = {
  highPrecision: 0.97,
  falseProposalRate: 0.05,
  highRule: 'at-cut',
  marginalPrecision: 0.97,
};

/** One block of the isotonic fit: the rows pooled together, and how many of them are right. */
export interface IsotonicBlock {
  right: number;
  n: number;
}

/**
 * The chance that a proposal is right as a non-decreasing function of its confidence, fitted to the rows by
 * pool-adjacent-violators (isotonic regression): each distinct confidence maps to the block of neighbouring
 * confidences it was pooled with (its estimate is right / n). Null questions count as wrong.
 */
export function isotonicRightness(rows: readonly CalibrationRow[]): Map<number, IsotonicBlock> {
  const byCut = new Map<number, { right: number; n: number }>();
  for (const r of rows) {
    const c = byCut.get(r.confidence) ?? { right: 0, n: 0 };
    c.n += 1;
    if (r.right) c.right += 1;
    byCut.set(r.confidence, c);
  }
  const cuts = [...byCut.keys()].sort((a, b) => a - b);
  const blocks: Array<{ right: number; n: number; cuts: number[] }> = [];
  for (const t of cuts) {
    const c = byCut.get(t)!;
    blocks.push({ right: c.right, n: c.n, cuts: [t] });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1]!;
      const prev = blocks[blocks.length - 2]!;
      if (prev.right / prev.n <= last.right / last.n) break;
      blocks.splice(blocks.length - 2, 2, { right: prev.right + last.right, n: prev.n + last.n, cuts: [...prev.cuts, ...last.cuts] });
    }
  }
  const out = new Map<number, IsotonicBlock>();
  for (const b of blocks) for (const t of b.cuts) out.set(t, { right: b.right, n: b.n });
  return out;
}

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
    const marginal = targets.marginalPrecision;
    const atCut = marginal === undefined ? undefined : isotonicRightness(rows);
    const marginalOk = (t: number) => {
      const block = atCut!.get(t)!;
      return block.right / block.n >= marginal!;
    };
    const ok = (t: number) => precisionFrom(t) >= targets.highPrecision && (atCut === undefined || marginalOk(t));
    return { high: cuts.find((t) => t >= review && ok(t)) ?? 1, review };
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
