// Accuracy floors of the matcher on the labelled dev sets (tests/fixtures/match): a regression fails here.
// Floors are checked on the training split the bands were calibrated on and on the held-out split.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BAND_THRESHOLDS, buildIndex, matchQuestion } from '../../lib/match';
import {
  acceptedIds,
  calibrateBands,
  ENGINE_CALIBRATION_TARGETS,
  LabelledQuestionsSchema,
  scorePredictions,
  type LabelledQuestion,
} from '../../lib/match/evaluate';
import { LibraryExportSchema, type LibraryEntry } from '../../lib/schema';

const TODAY = '2026-11-28';
const read = (path: string) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as unknown;
const devLibrary = LibraryExportSchema.parse(read('tests/fixtures/match/library.json')).entries;
const devQuestions = LabelledQuestionsSchema.parse(read('tests/fixtures/match/questions.json'));
const sampleLibrary = LibraryExportSchema.parse(read('public/sample-library.json')).entries;
const sampleQuestions = LabelledQuestionsSchema.parse(read('tests/fixtures/match/sample-questions.json'));

function evaluate(entries: LibraryEntry[], questions: LabelledQuestion[]) {
  const index = buildIndex(entries, [], { today: TODAY });
  return scorePredictions(questions, questions.map((q) => matchQuestion(index, { text: q.text, ...(q.options ? { options: q.options } : {}) })));
}

describe('the dev set itself', () => {
  it('has at least 200 labelled questions, 20% of them unanswerable, labels that exist, and both splits', () => {
    expect(devQuestions.length).toBeGreaterThanOrEqual(200);
    const nulls = devQuestions.filter((q) => q.expected === null).length;
    expect(nulls / devQuestions.length).toBeGreaterThanOrEqual(0.2);
    const ids = new Set(devLibrary.map((e) => e.id));
    for (const q of devQuestions) for (const id of acceptedIds(q)) expect(ids.has(id), `${q.id} -> ${id}`).toBe(true);
    expect(devQuestions.filter((q) => q.split === 'holdout').length).toBeGreaterThanOrEqual(50);
    expect(new Set(devQuestions.map((q) => q.id)).size).toBe(devQuestions.length);
  });
  it('labels sample-library questions with ids of that library', () => {
    const ids = new Set(sampleLibrary.map((e) => e.id));
    for (const q of sampleQuestions) for (const id of acceptedIds(q)) expect(ids.has(id), `${q.id} -> ${id}`).toBe(true);
  });
});

// Floors just under the figures of the engine in use (README, Matching): a regression fails here. The held-out
// split is below the goals (README says by how much); these floors only keep it from getting worse. The
// fourth matching round (docs/MATCHING.md) lowered one of them: held-out `high` precision fell from 96.4% (55) to 92.6% (68)
// while every figure of the training split and of the whole dev set rose; the round's changes were chosen on the
// training split only and not undone on the held-out figure (that would be tuning on it). The fifth round grew the
// set to 900 (CCM v4 titles, SOC 2 criteria, PCI DSS and HIPAA statements are harder: top-1 falls to 79.7% on
// held-out) and its calibration raised the `high` cut from 0.698 to 0.832: held-out `high` precision 92.3% (78) ->
// 95.0% (60), correct `high` 41.9% -> 33.1% of answerable questions (docs/MATCHING.md). The sixth round's re-ranker
// of the two best candidates raised top-1 (held-out 79.7% -> 81.4%, dev set 83.6% -> 85.0%, sample library 91.9% ->
// 93.5%) and left every proposal figure as it was. The seventh round's long-control-text lead (confidence.ts) raised
// right proposals (held-out 61.0% -> 61.6% of answerable questions, dev set 64.2% -> 65.6%) and correct `high` (held-out
// 33.1% -> 34.9%, dev set 35.1% -> 36.6%). The eighth round's regulation wording in the vocabulary raised top-1 on the
// training split (86.1% -> 88.7%) and the dev set (85.0% -> 87.0%; held-out unchanged at 81.4%); these floors follow.
// The ninth round's re-ranker of the first four candidates (with the question's head as an input) raised top-1: training
// split 88.7% -> 89.3%, held-out 81.4% -> 82.0%, dev set 87.0% -> 87.5%; every proposal figure unchanged.
describe.each([
  ['training split', devQuestions.filter((q) => q.split === 'train')],
  ['held-out split', devQuestions.filter((q) => q.split === 'holdout')],
])('dev set, %s', (_name, questions) => {
  const report = evaluate(devLibrary, questions);
  // Bare control titles and long criteria statements are harder than the rest: 82.0% on held-out.
  it('ranks the right entry first for at least 81.5% of answerable questions', () => {
    expect(report.top1).toBeGreaterThanOrEqual(0.815);
    expect(report.top3).toBeGreaterThanOrEqual(0.91);
  });
  it('is right at least 94% of the time when it says high (high on a facet-missing entry counts as wrong)', () => {
    expect(report.highCount).toBeGreaterThanOrEqual(20);
    expect(report.highPrecision).toBeGreaterThanOrEqual(0.94);
  });
  it('fills a useful share of questions with a correct high proposal', () => {
    expect(report.correctHighShare).toBeGreaterThanOrEqual(0.34);
  });
  it('proposes the right entry for at least 61% of answerable questions', () => {
    expect(report.proposalAccuracy).toBeGreaterThanOrEqual(0.61);
  });
  it('proposes something for at most 6% of unanswerable questions', () => {
    expect(report.nulls).toBeGreaterThanOrEqual(20);
    expect(report.falseProposalRate).toBeLessThanOrEqual(0.06);
  });
});

describe('dev set, all questions', () => {
  const report = evaluate(devLibrary, devQuestions);
  it('proposes something for at most 5% of unanswerable questions', () => {
    expect(report.falseProposalRate).toBeLessThanOrEqual(0.05);
  });
  it('keeps top-1 at 87% and high precision at 97.5%', () => {
    expect(report.top1).toBeGreaterThanOrEqual(0.87);
    expect(report.highPrecision).toBeGreaterThanOrEqual(0.975);
  });
  it('proposes the right entry for at least 66% of answerable questions, 37% of them as high', () => {
    expect(report.proposalAccuracy).toBeGreaterThanOrEqual(0.66);
    expect(report.correctHighShare).toBeGreaterThanOrEqual(0.37);
  });
});

describe('sample library (demo and portal fixtures)', () => {
  const report = evaluate(sampleLibrary, sampleQuestions);
  it('meets the same floors', () => {
    expect(report.top1).toBeGreaterThanOrEqual(0.93);
    expect(report.highPrecision).toBeGreaterThanOrEqual(0.95);
    // 2 of its 16 unanswerable questions get a review proposal since the review threshold moved down to the
    // training split's cut (docs/MATCHING.md): "special categories of personal data", "source code escrow".
    expect(report.falseProposalRate).toBeLessThanOrEqual(0.125);
    expect(report.proposalAccuracy).toBeGreaterThanOrEqual(0.8);
    expect(report.correctHighShare).toBeGreaterThanOrEqual(0.64);
  });
});

describe('calibrateBands', () => {
  const row = (confidence: number, right: boolean, isNull = false) => ({ confidence, right, isNull });
  it("with the engine's rule, lets a wrong proposal near the top be absorbed when precision at the cut holds", () => {
    const rows = [row(0.95, false), ...Array.from({ length: 30 }, (_, i) => row(0.9 - i * 0.01, true)), row(0.5, false, true)];
    expect(calibrateBands(rows, { highPrecision: 0.96, falseProposalRate: 0, highRule: 'at-cut' }).high).toBeCloseTo(0.61, 5);
    expect(calibrateBands(rows, { highPrecision: 0.96, falseProposalRate: 0 }).high).toBe(1);
  });
  it('reproduces the thresholds in use on the training split', () => {
    const index = buildIndex(devLibrary, [], { today: TODAY });
    const rows = devQuestions
      .filter((q) => q.split === 'train')
      .map((q) => {
        const p = matchQuestion(index, { text: q.text }, { thresholds: { high: 2, review: 0 } }).proposal;
        return { confidence: p?.confidence ?? 0, right: p !== null && acceptedIds(q).includes(p.entryId) && !q.partial, isNull: q.expected === null };
      });
    const computed = calibrateBands(rows, ENGINE_CALIBRATION_TARGETS);
    expect(Math.abs(computed.high - BAND_THRESHOLDS.high)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(computed.review - BAND_THRESHOLDS.review)).toBeLessThanOrEqual(0.01);
  });
  it('puts review above the unanswerable questions and high where precision holds', () => {
    const rows = [row(0.95, true), row(0.9, true), row(0.85, false), row(0.8, true), row(0.7, true), row(0.6, true), row(0.5, false, true), row(0.3, false, true), row(0.2, false, true)];
    expect(calibrateBands(rows, { highPrecision: 0.95, falseProposalRate: 0 })).toEqual({ high: 0.9, review: 0.6 });
    // A wrong answer at 0.85 stops high there even if precision recovers further down.
    expect(calibrateBands(rows, { highPrecision: 0.8, falseProposalRate: 0.34 })).toEqual({ high: 0.9, review: 0.5 });
    expect(calibrateBands(rows, { highPrecision: 0.6, falseProposalRate: 0.34 })).toEqual({ high: 0.5, review: 0.5 });
  });
  it('leaves high at 1 when no threshold reaches the precision', () => {
    expect(calibrateBands([row(0.9, false), row(0.5, true)], { highPrecision: 0.95, falseProposalRate: 1 }).high).toBe(1);
  });
});
