// Confidence: how far to trust the best candidate, from how much of the question it explains, how much
// of its own wording the question covers, and how far it leads the runner-up. The band thresholds are
// calibrated on the labelled dev set (tests/fixtures/match; `npm run bench -- match` prints the calibration).
import type { ConfidenceBand } from '../schema/proposal';

/**
 * Calibrated on the training split of the dev set (685 questions, 144 unanswerable; with the evidence weights of
 * `confidenceOf`) by ENGINE_CALIBRATION_TARGETS (lib/match/evaluate.ts): `review` is the lowest confidence at
 * which at most 5% of the unanswerable questions get a proposal (7 of 144), `high` the lowest at which the
 * proposals at or above it are right >= 97% of the time and those right at the cut (isotonic fit) >= 97%, a
 * `partial` label (the entry misses the asked facet) counting as wrong. The same rule, fitted on three quarters of
 * the training split and scored on the fourth (4-fold), kept 98.1% of its out-of-fold `high` proposals right (210).
 */
export const BAND_THRESHOLDS = { high: 0.832, review: 0.448 } as const;

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
  /**
   * Supporting terms that are vocabulary concepts, not plain words. When not given, every supporting term is
   * taken for a concept.
   */
  supportingConcepts?: number;
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
export function confidenceOf(
  best: RankedCandidate,
  runnerUp: RankedCandidate | undefined,
  evidence?: Evidence,
  runnerCitesSameDocument = false,
): number {
  const gap = best.sim - (runnerUp?.sim ?? 0);
  // A runner-up that cites the same document as the best entry is a sibling answer from the same policy, not a
  // competing reading: on the training split the question is then often labelled with both (a monitoring question:
  // the logging entry and the detection entry of the logging standard). Which of the two is meant stays open (the
  // near-neighbour note holds a close one at review), whether the library answers does not.
  let crowding = gap < CLEAR_LEAD && !runnerCitesSameDocument ? (CLEAR_LEAD - gap) * 0.8 : 0;
  if (runnerUp && !runnerCitesSameDocument && runnerUp.coverage >= best.coverage - 0.02 && gap < CLEAR_LEAD && !ownsTheQuestion(best, runnerUp)) {
    crowding += EQUAL_COVERAGE_PENALTY;
  }
  let confidence = best.sim - crowding;
  const longLead = evidence !== undefined && leadsLongText(best, runnerUp, evidence);
  if (evidence && runnerUp && best.sim > 0 && runnerUp.sim <= DOMINANT_RATIO * best.sim && (!restsOnOneWord(evidence) || longLead)) confidence += DOMINANCE_BONUS;
  if (longLead) confidence += LONG_TEXT_LEAD_BONUS;
  if (evidence && confidence > 0) {
    if (evidence.supportingTerms >= 3) confidence += BROAD_SUPPORT_BONUS;
    else if (evidence.supportingTerms <= 1 && !(gap >= CLEAR_LEAD && isOneConcept(evidence)) && !longLead) confidence -= SINGLE_TERM_PENALTY;
    if (!longLead) confidence -= UNKNOWN_TERM_PENALTY * evidence.unknownShare;
  }
  // Near neighbours on a topic the question is plainly about ("Do you have a documented patch management
  // process?": the patching entry and the vulnerability process): which one is open, not whether the library
  // answers. Crowding then holds the proposal at review instead of withdrawing it.
  if (crowding > 0 && best.sim >= ON_TOPIC_SIMILARITY) {
    let uncrowded = best.sim;
    if (evidence) {
      if (evidence.supportingTerms >= 3) uncrowded += BROAD_SUPPORT_BONUS;
      uncrowded -= UNKNOWN_TERM_PENALTY * evidence.unknownShare;
    }
    confidence = Math.max(confidence, Math.min(uncrowded, NEIGHBOUR_HOLD));
  }
  return Math.max(0, Math.min(1, confidence));
}

/**
 * A one-concept question ("Is there a documented BCP?", "Summarise your security program"): its only topical
 * term is a vocabulary concept that the entry names in its wording or tags. Resting on one term is then the
 * whole question, not a sign of a topic the library lacks (those questions have a topical term the entry does
 * not explain: "guaranteed uptime", "source code escrow"). A plain word alone is not spared: a word can mean
 * many things ("A.5.18 Access rights": "rights" names the data subject rights entry; the question is about
 * access).
 */
export function isOneConcept(evidence: Evidence): boolean {
  const concepts = evidence.supportingConcepts ?? evidence.supportingTerms;
  return evidence.supportingTerms === 1 && concepts === 1 && evidence.unexplainedTerms === 0 && evidence.namedInWording === 1;
}

/**
 * The entry accounts for at most one topical term of the question and the question is not about that one concept
 * alone: being far ahead on one word is what unanswerable questions look like too ("AT-4 Training Records": the
 * training entry says nothing of records; "A.5.18 Access rights": the data subject rights entry), so such an entry
 * gets no dominance bonus.
 */
function restsOnOneWord(evidence: Evidence): boolean {
  return evidence.supportingTerms <= 1 && !isOneConcept(evidence);
}

/**
 * A long control text (LONG_TEXT_PHRASES topical phrases or more: a HIPAA specification, a PCI DSS requirement, a
 * SOC 2 criterion, a NIST requirement) whose best entry scores at least twice the runner-up. Such a text names many
 * things the library's short wordings never say ("guarding against, detecting, and reporting malicious software"),
 * so its best similarity is structurally low, often rests on one or two topical terms, and much of it is words no
 * entry uses: the single-term and unknown-word penalties read that as a topic the library lacks. What tells an
 * unanswerable long text apart is the lead: on the training split its best entry and runner-up explain a word or
 * two alike (the runner-up at two thirds of the best or more, all but one, which the scope rule withdraws), while an answerable one's entry stands out ("Provide security
 * awareness training on recognizing and reporting potential indicators of insider threat": 0.34 against 0.07).
 */
function leadsLongText(best: RankedCandidate, runnerUp: RankedCandidate | undefined, evidence: Evidence): boolean {
  return (
    runnerUp !== undefined &&
    best.sim > 0 &&
    runnerUp.sim <= LONG_TEXT_LEAD_RATIO * best.sim &&
    evidence.supportingTerms + evidence.unexplainedTerms >= LONG_TEXT_PHRASES
  );
}

/**
 * The question covers all of the best entry's wording and clearly less of the runner-up's: a runner-up
 * that mentions the question's words in passing ("Describe your data retention policy": the policy
 * overview entry names retention too) does not make the choice ambiguous.
 */
function ownsTheQuestion(best: RankedCandidate, runnerUp: RankedCandidate): boolean {
  return best.precision >= 1 && runnerUp.precision < best.precision - 0.2;
}

/**
 * Fitted on the training split of the dev set together with BAND_THRESHOLDS (see its comment). A best entry
 * that scores well above everything else (the runner-up under DOMINANT_RATIO of its similarity) is the one the
 * question is about even when a formal control text shares few words with it ("Escort visitors and monitor
 * visitor activity": physical security, far ahead of anything else); unanswerable questions mostly leave
 * several entries at a similar low score.
 */
const BROAD_SUPPORT_BONUS = 0.12;
const SINGLE_TERM_PENALTY = 0.2;
const UNKNOWN_TERM_PENALTY = 0.25;
const EQUAL_COVERAGE_PENALTY = 0.15;
const DOMINANT_RATIO = 0.7;
const DOMINANCE_BONUS = 0.2;
/**
 * A long control text and the lead that makes its best entry the answer (see leadsLongText), and what that lead is
 * worth on top of the dominance bonus; fitted out of fold on the training split (docs/MATCHING.md, seventh round).
 */
const LONG_TEXT_PHRASES = 7;
const LONG_TEXT_LEAD_RATIO = 0.5;
const LONG_TEXT_LEAD_BONUS = 0.15;
/**
 * A lead over the runner-up at which it no longer crowds the best entry. A one-concept question is only
 * spared the single-term penalty with this lead: when two entries name its concept alike ("documented patch
 * management process": the vulnerability process and the patching entry), resting on one term is ambiguous.
 */
const CLEAR_LEAD = 0.12;
/**
 * A best entry this similar covers most of the question: unanswerable questions of the training split stay
 * under it (their best entries explain a word or two), so a close runner-up there means two answers, not none.
 */
const ON_TOPIC_SIMILARITY = 0.8;
/** What a crowded but on-topic best entry may claim: under any `high` threshold (see HELD_AT_REVIEW). */
export const NEIGHBOUR_HOLD = 0.6;

export function bandOf(confidence: number, thresholds: { high: number; review: number } = BAND_THRESHOLDS): ConfidenceBand {
  if (confidence >= thresholds.high) return 'high';
  if (confidence >= thresholds.review) return 'review';
  return 'none';
}
