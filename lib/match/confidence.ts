// Confidence: how far to trust the best candidate, from how much of the question it explains, how much
// of its own wording the question covers, and how far it leads the runner-up. The band thresholds are
// calibrated on the labelled dev set (tests/fixtures/match; `npm run bench -- match` prints the calibration).
import type { ConfidenceBand } from '../schema/proposal';

/**
 * Calibrated on the training split of the dev set (with the evidence weights of `confidenceOf`) by
 * ENGINE_CALIBRATION_TARGETS (lib/match/evaluate.ts): `high` is the lowest confidence at which proposals
 * are right >= 96% of the time (0.637; the highest wrong proposal under it is at 0.634). `review` may go as
 * low as 0.366 (4 of 53 unanswerable questions proposed); it sits just above that fourth one, since the
 * lower cut adds no right proposal on the split (3 of 53, 5.7%).
 */
export const BAND_THRESHOLDS = { high: 0.635, review: 0.37 } as const;

export interface SimilarityParts {
  /** Share of the question's weighted terms found in the entry's wording (tags and answer count partly). */
  coverage: number;
  /** Share of the entry wording's weighted terms found in the question. */
  precision: number;
  /** BM25 retrieval score relative to the best retrieved entry, 0-1. */
  retrieval: number;
}

/**
 * A candidate's similarity to the question, 0-1. Coverage dominates: a question whose key terms the entry
 * does not mention is not answered by it. Precision and retrieval order the entries that cover it alike.
 */
export function similarity({ coverage, precision, retrieval }: SimilarityParts): number {
  return Math.min(1, coverage * (0.6 + 0.25 * Math.sqrt(precision) + 0.15 * retrieval));
}

export interface RankedCandidate {
  sim: number;
  coverage: number;
  /** Share of the candidate's own wording that the question covers. */
  precision: number;
}

/** What the question says that the best entry does or does not account for. */
export interface Evidence {
  /** Distinct topical (not generic) question terms the entry mentions somewhere. */
  supportingTerms: number;
  /** Distinct topical question terms the entry does not mention. */
  unexplainedTerms: number;
  /** Supporting terms found in the matched wording or the tags (not only in the answer's prose). */
  namedInWording: number;
  /** Weighted share of the question made of terms no entry of the library mentions at all. */
  unknownShare: number;
}

/**
 * Confidence in the best candidate: its similarity, discounted when the runner-up is nearly as good, and
 * more when the runner-up explains the question just as fully ("Is data encrypted?": at rest or in transit).
 * Then the evidence: a formal library wording shares few words with a short incoming question, so an entry
 * that accounts for three or more topical terms is trusted more than its similarity says, and one that
 * rests on a single term less (unanswerable questions mostly share one word with their best entry:
 * "guaranteed uptime SLA", "source code escrow"), unless the question is about that one concept alone and
 * the entry leads clearly. Words the whole library never uses are the strongest
 * sign of a topic it does not cover (insurance, escrow, WCAG): they lower confidence in any entry.
 */
export function confidenceOf(best: RankedCandidate, runnerUp: RankedCandidate | undefined, evidence?: Evidence): number {
  const gap = best.sim - (runnerUp?.sim ?? 0);
  let crowding = gap < CLEAR_LEAD ? (CLEAR_LEAD - gap) * 0.8 : 0;
  if (runnerUp && runnerUp.coverage >= best.coverage - 0.02 && gap < CLEAR_LEAD && !ownsTheQuestion(best, runnerUp)) {
    crowding += EQUAL_COVERAGE_PENALTY;
  }
  let confidence = best.sim - crowding;
  if (evidence && confidence > 0) {
    if (evidence.supportingTerms >= 3) confidence += BROAD_SUPPORT_BONUS;
    else if (evidence.supportingTerms <= 1 && !(gap >= CLEAR_LEAD && isOneConcept(evidence))) confidence -= SINGLE_TERM_PENALTY;
    confidence -= UNKNOWN_TERM_PENALTY * evidence.unknownShare;
  }
  return Math.max(0, Math.min(1, confidence));
}

/**
 * A one-concept question ("Is there a documented BCP?", "Summarise your security program"): its only topical
 * term is the one the entry names in its wording or tags. Resting on one term is then the whole question,
 * not a sign of a topic the library lacks (those questions have a topical term the entry does not explain:
 * "guaranteed uptime", "source code escrow").
 */
function isOneConcept(evidence: Evidence): boolean {
  return evidence.supportingTerms === 1 && evidence.unexplainedTerms === 0 && evidence.namedInWording === 1;
}

/**
 * The question covers all of the best entry's wording and clearly less of the runner-up's: a runner-up
 * that mentions the question's words in passing ("Describe your data retention policy": the policy
 * overview entry names retention too) does not make the choice ambiguous.
 */
function ownsTheQuestion(best: RankedCandidate, runnerUp: RankedCandidate): boolean {
  return best.precision >= 1 && runnerUp.precision < best.precision - 0.2;
}

/** Fitted on the training split of the dev set together with BAND_THRESHOLDS (see its comment). */
const BROAD_SUPPORT_BONUS = 0.12;
const SINGLE_TERM_PENALTY = 0.2;
const UNKNOWN_TERM_PENALTY = 0.25;
const EQUAL_COVERAGE_PENALTY = 0.15;
/**
 * A lead over the runner-up at which it no longer crowds the best entry. A one-concept question is only
 * spared the single-term penalty with this lead: when two entries name its concept alike ("documented patch
 * management process": the vulnerability process and the patching entry), resting on one term is ambiguous.
 */
const CLEAR_LEAD = 0.12;

export function bandOf(confidence: number, thresholds: { high: number; review: number } = BAND_THRESHOLDS): ConfidenceBand {
  if (confidence >= thresholds.high) return 'high';
  if (confidence >= thresholds.review) return 'review';
  return 'none';
}
