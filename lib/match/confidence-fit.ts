// Fitting a confidence model on a labelled question set and judging it out of fold against the hand-written
// confidence (confidence.ts). Used by scripts/fit-confidence.ts and the unit tests; not imported by the engine: the
// sixth matching round measured it and kept the hand-written confidence (docs/MATCHING.md).
import type { ConfidenceBand } from '../schema/proposal';
import { bandOf } from './confidence';
import { featureVector, fitLogistic, probabilityOf, FIT_OPTIONS, type ConfidenceFeatures, type FitOptions, type LogisticModel } from './confidence-model';
import { acceptedIds, calibrateBands, type CalibrationTargets, type LabelledQuestion } from './evaluate';
import type { MatchIndex } from './match-index';
import { matchQuestion, type CandidateFeatures, type MatchOptions } from './match-question';
import { rankVector, RANK_FEATURES, RERANK_DEPTH, type LinearRanker } from './rerank';

/** One question as the engine sees it before banding, with the hand-written confidence. */
export interface ConfidenceRow {
  question: LabelledQuestion;
  /** Features of a ranked best entry; undefined when exact or near-identical wording decided. */
  features?: ConfidenceFeatures;
  /** The confidence without a model: the hand-written one after the caps, or the decisive wording's. */
  handConfidence: number;
  /** The best entry's proposal was withdrawn (the question asks what the customer does). */
  abstain: boolean;
  /** A note holds the confidence at review (HELD_AT_REVIEW). */
  capped: boolean;
  draftOrStale: boolean;
  /** The best entry answers the question (proposal right), and gives the asked facet (may be high). */
  right: boolean;
  rightFull: boolean;
  isNull: boolean;
}

/** The cap a note puts on the confidence (match-question.ts HELD_AT_REVIEW). */
const HELD_AT_REVIEW = 0.6;

export function confidenceRows(index: MatchIndex, questions: readonly LabelledQuestion[], options: MatchOptions = {}): ConfidenceRow[] {
  return questions.map((q) => {
    let features: ConfidenceFeatures | undefined;
    const r = matchQuestion(index, { text: q.text }, { ...options, thresholds: { high: 2, review: 0 }, onFeatures: (f) => (features = f) });
    const ok = acceptedIds(q);
    const best = r.proposal?.entryId ?? r.candidates[0]?.entryId;
    const right = best !== undefined && ok.includes(best);
    return {
      question: q,
      ...(features ? { features } : {}),
      handConfidence: r.proposal?.confidence ?? 0,
      abstain: r.proposal === null,
      capped: (r.proposal?.why.notes?.length ?? 0) > 0,
      draftOrStale: r.proposal ? r.proposal.draft || r.proposal.stale : false,
      right,
      rightFull: right && !q.partial,
      isNull: ok.length === 0,
    };
  });
}

/** Fit the model on the rows with a ranked best entry: is the best entry right (and does it give the asked facet)? */
export function fitConfidence(rows: readonly ConfidenceRow[], options: FitOptions = FIT_OPTIONS, label: 'rightFull' | 'right' = 'rightFull'): LogisticModel {
  const ranked = rows.filter((r) => r.features);
  return fitLogistic(
    ranked.map((r) => featureVector(r.features!)),
    ranked.map((r) => r[label]),
    options,
  );
}

/**
 * The confidence the engine gives a row with this model (null: the hand-written one), caps included: with the model,
 * a note holds the confidence at the `review` cut (`heldAt`), without it at HELD_AT_REVIEW.
 */
export function confidenceWith(model: LogisticModel | null, row: ConfidenceRow, heldAt: number): number {
  if (!row.features || !model) return row.handConfidence;
  const p = probabilityOf(model, featureVector(row.features));
  return row.capped ? Math.min(p, heldAt) : p;
}

/**
 * Band thresholds for a model by the calibration rule: `review` from the unanswerable questions, then `high` with
 * the rows a note holds at review counted at that cut.
 */
export function calibrateWith(model: LogisticModel | null, rows: readonly ConfidenceRow[], targets: CalibrationTargets): { high: number; review: number } {
  const at = (heldAt: number) => rows.map((r) => ({ confidence: r.abstain ? 0 : confidenceWith(model, r, heldAt), right: !r.abstain && r.rightFull, isNull: r.isNull }));
  if (!model) return calibrateBands(at(HELD_AT_REVIEW), targets);
  const { review } = calibrateBands(at(1), targets);
  return { high: calibrateBands(at(review), targets).high, review };
}

export interface FoldFigures {
  questions: number;
  answerable: number;
  nulls: number;
  /** Right proposals over all questions (unanswerable ones count in the denominator). */
  rightOfAll: number;
  falseProposals: number;
  highCount: number;
  highPrecision: number;
  /** Right (facet-giving) high proposals over answerable questions. */
  correctHigh: number;
}

/** Band a row as the engine would: abstentions get nothing, drafts, stale entries and capped rows no high. */
export function bandWith(row: ConfidenceRow, confidence: number, thresholds: { high: number; review: number }): ConfidenceBand {
  if (row.abstain) return 'none';
  let band = bandOf(confidence, thresholds);
  if (band === 'high' && (row.draftOrStale || row.capped)) band = 'review';
  return band;
}

export function figuresOf(rows: readonly ConfidenceRow[], bands: readonly ConfidenceBand[]): FoldFigures {
  let rightProposals = 0;
  let falseProposals = 0;
  let highCount = 0;
  let highRight = 0;
  rows.forEach((r, i) => {
    const band = bands[i]!;
    if (band === 'none') return;
    if (r.isNull) falseProposals += 1;
    else if (r.right) rightProposals += 1;
    if (band === 'high') {
      highCount += 1;
      if (r.rightFull) highRight += 1;
    }
  });
  const nulls = rows.filter((r) => r.isNull).length;
  const answerable = rows.length - nulls;
  return {
    questions: rows.length,
    answerable,
    nulls,
    rightOfAll: rightProposals / Math.max(1, rows.length),
    falseProposals: falseProposals / Math.max(1, nulls),
    highCount,
    highPrecision: highCount === 0 ? 1 : highRight / highCount,
    correctHigh: highRight / Math.max(1, answerable),
  };
}

/** The fold of a training question: its position in the set, modulo the fold count. */
export const foldOf = (position: number, folds: number) => position % folds;

/**
 * Another fold assignment of `count` questions, for repeated cross-validation: the positions shuffled by a seeded
 * generator (mulberry32, so a seed always gives the same folds), then dealt round the folds. `fold[i]` is question i's.
 */
export function shuffledFolds(count: number, folds: number, seed: number): number[] {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const fold = new Array<number>(count);
  order.forEach((row, pos) => (fold[row] = pos % folds));
  return fold;
}

/**
 * Out-of-fold figures: for each fold, the model (when `fit`) and the band thresholds are fitted on the other folds
 * (thresholds by `targets`), then the fold is banded with them.
 */
export function outOfFold(
  rows: readonly ConfidenceRow[],
  folds: number,
  targets: CalibrationTargets,
  fit: ((rows: readonly ConfidenceRow[]) => LogisticModel) | null,
  foldOfRow: (position: number) => number = (i) => foldOf(i, folds),
): { figures: FoldFigures; bands: ConfidenceBand[]; confidences: number[]; thresholds: Array<{ high: number; review: number }> } {
  const bands = new Array<ConfidenceBand>(rows.length).fill('none');
  const confidences = new Array<number>(rows.length).fill(0);
  const thresholds: Array<{ high: number; review: number }> = [];
  for (let k = 0; k < folds; k++) {
    const inFold = (i: number) => foldOfRow(i) === k;
    const train = rows.filter((_, i) => !inFold(i));
    const model = fit ? fit(train) : null;
    const cuts = calibrateWith(model, train, targets);
    thresholds.push(cuts);
    rows.forEach((r, i) => {
      if (!inFold(i)) return;
      confidences[i] = confidenceWith(model, r, cuts.review);
      bands[i] = bandWith(r, confidences[i]!, cuts);
    });
  }
  return { figures: figuresOf(rows, bands), bands, confidences, thresholds };
}

/**
 * The answerable questions decided by ranking (not by exact wording), with their first candidates in the engine's
 * order before the re-ranker: what the re-ranker is fitted on (rerank.ts). Undefined for the other questions.
 */
export function rankItems(index: MatchIndex, questions: readonly LabelledQuestion[]): Array<RankItem | undefined> {
  return questions.map((q) => {
    let candidates: CandidateFeatures[] = [];
    let ranked = false;
    matchQuestion(index, { text: q.text }, { ranker: null, onCandidates: (c) => (candidates = c), onFeatures: () => (ranked = true) });
    return ranked && acceptedIds(q).length > 0 ? { candidates, accepted: acceptedIds(q) } : undefined;
  });
}

export const RANK_FIT_OPTIONS: FitOptions = { l2: 100, iterations: 30 };

/** One training question: its first candidates in the engine's order and the entries that answer it. */
export interface RankItem {
  candidates: readonly CandidateFeatures[];
  accepted: readonly string[];
}

/**
 * Fit by pairwise logistic loss: for every right candidate and wrong candidate among the first `depth` of a
 * question, the score of the right one should exceed the wrong one's. Each pair enters both ways round, so the fit
 * has no intercept to learn.
 */
export function fitRanker(items: readonly RankItem[], depth = RERANK_DEPTH, options: FitOptions = RANK_FIT_OPTIONS): LinearRanker {
  const x: number[][] = [];
  const y: boolean[] = [];
  for (const it of items) {
    const cs = it.candidates.slice(0, depth).map((c, i) => ({ v: rankVector(c, i), right: it.accepted.includes(c.entryId) }));
    for (const a of cs) {
      if (!a.right) continue;
      for (const b of cs) {
        if (b.right) continue;
        const d = a.v.map((v, j) => v - b.v[j]!);
        x.push(d, d.map((v) => -v));
        y.push(true, false);
      }
    }
  }
  const model = fitLogistic(x, y, options);
  return { features: [...RANK_FEATURES], weights: model.weights.map((w, j) => w / model.scale[j]!), ...(depth !== RERANK_DEPTH ? { depth } : {}) };
}


