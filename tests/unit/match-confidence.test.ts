// The confidence model: similarity, crowding by a close runner-up, and the evidence behind the best entry.
import { describe, expect, it } from 'vitest';
import { bandOf, BAND_THRESHOLDS, confidenceOf, NEIGHBOUR_HOLD } from '../../lib/match/confidence';

const best = { sim: 0.55, coverage: 0.6, precision: 0.8 };
const distantRunnerUp = { sim: 0.2, coverage: 0.25, precision: 0.3 };

describe('confidenceOf', () => {
  it('is the similarity when the runner-up is far behind and no evidence is given', () => {
    expect(confidenceOf(best, distantRunnerUp)).toBeCloseTo(0.55, 5);
    expect(confidenceOf(best, undefined)).toBeCloseTo(0.55, 5);
  });

  it('trusts an entry that accounts for three or more topical terms more than one that rests on a single term', () => {
    const broad = confidenceOf(best, distantRunnerUp, { supportingTerms: 3, unexplainedTerms: 1, namedInWording: 3, unknownShare: 0 });
    const two = confidenceOf(best, distantRunnerUp, { supportingTerms: 2, unexplainedTerms: 1, namedInWording: 2, unknownShare: 0 });
    const single = confidenceOf(best, distantRunnerUp, { supportingTerms: 1, unexplainedTerms: 1, namedInWording: 1, unknownShare: 0 });
    expect(broad).toBeGreaterThan(two);
    // The runner-up is under 70% of the best: the dominance bonus (0.2) applies to two or more terms, not to an
    // entry resting on one word beside a term it does not explain.
    expect(two).toBeCloseTo(0.75, 5);
    expect(single).toBeCloseTo(0.55 - 0.2, 5);
    // The same similarity lands in different bands: broad support is proposed as high, a single term is not.
    expect(bandOf(broad)).toBe('high');
    expect(bandOf(single)).not.toBe('high');
    // Without a dominated runner-up the single term is not proposed at all.
    const close = { sim: 0.4, coverage: 0.3, precision: 0.4 };
    expect(bandOf(confidenceOf(best, close, { supportingTerms: 1, unexplainedTerms: 1, namedInWording: 1, unknownShare: 0 }))).toBe('none');
  });

  it('spares a one-concept question the single-term penalty when the entry names its concept and leads clearly', () => {
    const oneConcept = { supportingTerms: 1, unexplainedTerms: 0, namedInWording: 1, unknownShare: 0 };
    // 0.55 plus the dominance bonus (the runner-up is under 70% of the best).
    expect(confidenceOf(best, distantRunnerUp, oneConcept)).toBeCloseTo(0.75, 5);
    // Another topical term the entry does not explain ("guaranteed uptime", "AT-4 Training Records"): the penalty
    // stays, and leading on that one word earns no dominance bonus.
    expect(confidenceOf(best, distantRunnerUp, { ...oneConcept, unexplainedTerms: 1 })).toBeCloseTo(0.35, 5);
    // The concept only in the answer's prose: the penalty stays, without the bonus.
    expect(confidenceOf(best, distantRunnerUp, { ...oneConcept, namedInWording: 0 })).toBeCloseTo(0.35, 5);
    // The one term is a plain word, not a vocabulary concept ("A.5.18 Access rights" -> "data subject rights"):
    // a word can mean many things, so the penalty stays, without the bonus.
    expect(confidenceOf(best, distantRunnerUp, { ...oneConcept, supportingConcepts: 0 })).toBeCloseTo(0.35, 5);
    expect(confidenceOf(best, distantRunnerUp, { ...oneConcept, supportingConcepts: 1 })).toBeCloseTo(0.75, 5);
    // A runner-up within the lead names the concept too: ambiguous, so the penalty stays on top of crowding.
    const near = { sim: 0.47, coverage: 0.3, precision: 0.5 };
    expect(confidenceOf(best, near, oneConcept)).toBeCloseTo(0.55 - (0.12 - 0.08) * 0.8 - 0.2, 5);
  });

  it('lowers confidence by the share of the question the library never mentions', () => {
    const known = confidenceOf(best, distantRunnerUp, { supportingTerms: 2, unexplainedTerms: 1, namedInWording: 2, unknownShare: 0 });
    const halfUnknown = confidenceOf(best, distantRunnerUp, { supportingTerms: 2, unexplainedTerms: 1, namedInWording: 2, unknownShare: 0.5 });
    expect(halfUnknown).toBeLessThan(known - 0.1);
  });

  it('holds two close entries on a topic the question is plainly about at review, not under it', () => {
    const evidence = { supportingTerms: 1, unexplainedTerms: 0, namedInWording: 1, unknownShare: 0 };
    // "Do you have a documented patch management process?": the patching entry and the vulnerability process.
    const onTopic = { sim: 0.86, coverage: 0.84, precision: 1 };
    const held = confidenceOf(onTopic, { sim: 0.86, coverage: 0.88, precision: 1 }, evidence);
    expect(held).toBeCloseTo(NEIGHBOUR_HOLD, 5);
    expect(bandOf(held)).toBe('review');
    // The same crowding on a weak match (a word or two in common) still withdraws the proposal.
    const weak = { sim: 0.45, coverage: 0.5, precision: 1 };
    expect(bandOf(confidenceOf(weak, { sim: 0.44, coverage: 0.5, precision: 1 }, evidence))).toBe('none');
  });

  it('never lifts a candidate with no similarity, and stays within 0..1', () => {
    expect(confidenceOf({ sim: 0, coverage: 0, precision: 0 }, undefined, { supportingTerms: 5, unexplainedTerms: 1, namedInWording: 5, unknownShare: 0 })).toBe(0);
    expect(confidenceOf({ sim: 1, coverage: 1, precision: 1 }, undefined, { supportingTerms: 5, unexplainedTerms: 1, namedInWording: 5, unknownShare: 0 })).toBe(1);
    expect(confidenceOf(best, distantRunnerUp, { supportingTerms: 0, unexplainedTerms: 1, namedInWording: 0, unknownShare: 1 })).toBeGreaterThanOrEqual(0);
  });

  it('discounts a close runner-up that explains the question as fully, unless the question covers all of the best wording and clearly less of the runner-up', () => {
    const close = { sim: 0.53, coverage: 0.6, precision: 0.8 };
    const crowded = confidenceOf(best, close);
    expect(crowded).toBeLessThan(0.55 - 0.15);
    const owned = confidenceOf({ ...best, precision: 1 }, { ...close, precision: 0.5 });
    expect(owned).toBeGreaterThan(crowded);
    expect(owned).toBeLessThan(0.55);
  });
});

describe('BAND_THRESHOLDS', () => {
  it('puts high above review', () => {
    expect(BAND_THRESHOLDS.high).toBeGreaterThan(BAND_THRESHOLDS.review);
    expect(bandOf(BAND_THRESHOLDS.high)).toBe('high');
    expect(bandOf(BAND_THRESHOLDS.review)).toBe('review');
    expect(bandOf(BAND_THRESHOLDS.review - 0.001)).toBe('none');
  });
});
