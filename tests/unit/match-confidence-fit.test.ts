// Matching round 6: the fitting harness (scripts/fit-confidence.ts, scripts/fit-rerank.ts): the logistic fit, the
// rows it is fitted on, the out-of-fold comparison with the hand-written confidence, and the re-ranker's committed
// weights, re-fitted here on the training split so that they cannot drift from what the fit gives. Training split only.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex, matchQuestion } from '../../lib/match';
import { confidenceRows, fitConfidence, outOfFold, rankItems, shuffledFolds } from '../../lib/match/confidence-fit';
import { FEATURE_NAMES, FIT_OPTIONS, fitLogistic, probabilityOf } from '../../lib/match/confidence-model';
import { ENGINE_CALIBRATION_TARGETS, LabelledQuestionsSchema } from '../../lib/match/evaluate';
import { fitRanker, type RankItem } from '../../lib/match/confidence-fit';
import { rerankedFirst, RANK_FEATURES, RERANK_DEPTH } from '../../lib/match/rerank';
import type { CandidateFeatures } from '../../lib/match/match-question';
import { RANKER } from '../../lib/match/rerank-weights';
import { LibraryExportSchema } from '../../lib/schema';

const TODAY = '2026-11-28';
const read = (path: string) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as unknown;
const devLibrary = LibraryExportSchema.parse(read('tests/fixtures/match/library.json')).entries;
const train = LabelledQuestionsSchema.parse(read('tests/fixtures/match/questions.json')).filter((q) => q.split === 'train');
const devIndex = buildIndex(devLibrary, [], { today: TODAY });

describe('fitLogistic', () => {
  // Deterministic data: the label follows the first input (with some overlap); the second input is noise.
  const xs: number[][] = [];
  const ys: boolean[] = [];
  for (let i = 0; i < 200; i++) {
    const signal = (i % 20) / 20;
    const noise = ((i * 7919) % 13) / 13;
    xs.push([signal, noise]);
    ys.push(signal + (((i * 31) % 10) - 5) / 25 > 0.5);
  }
  const model = fitLogistic(xs, ys, { l2: 1, iterations: 30 });

  it('weighs the input the label follows, not the noise', () => {
    expect(model.weights[0]).toBeGreaterThan(2);
    expect(Math.abs(model.weights[1]!)).toBeLessThan(0.5);
    expect(probabilityOf(model, [0.95, 0.5])).toBeGreaterThan(0.9);
    expect(probabilityOf(model, [0.05, 0.5])).toBeLessThan(0.1);
  });

  it('stops at the minimum of the penalised loss (its gradient is zero)', () => {
    const grad = [0, 0, 0];
    xs.forEach((x, i) => {
      const z = [1, ...x.map((v, j) => (v - model.mean[j]!) / model.scale[j]!)];
      const e = probabilityOf(model, x) - (ys[i] ? 1 : 0);
      z.forEach((v, k) => (grad[k]! += e * v));
    });
    grad[1]! += model.weights[0]!;
    grad[2]! += model.weights[1]!;
    for (const g of grad) expect(Math.abs(g)).toBeLessThan(1e-6);
  });

  it('uses only the inputs it is given', () => {
    const one = fitLogistic(xs, ys, { l2: 1, iterations: 30, use: [0] });
    expect(one.weights[1]).toBe(0);
    expect(one.weights[0]).toBeGreaterThan(2);
  });
});

describe('confidence rows of the training split', () => {
  const rows = confidenceRows(devIndex, train);

  it('carry the features of every ranked best entry, its hand-written confidence among them', () => {
    const ranked = rows.filter((r) => r.features);
    expect(ranked.length).toBeGreaterThan(train.length * 0.9);
    for (const r of ranked.filter((x) => !x.capped && !x.abstain)) expect(r.features!.hand).toBeCloseTo(r.handConfidence, 3);
    const q = 'How often are privileged access rights reviewed?';
    let seen: number | undefined;
    const result = matchQuestion(devIndex, { text: q }, { onFeatures: (f) => (seen = f.coverage) });
    expect(seen).toBeGreaterThan(0);
    expect(result.candidates.length).toBeGreaterThan(0);
  });

  it('out of fold, the hand-written confidence keeps high at 97% with the calibration rule', () => {
    const hand = outOfFold(rows, 4, ENGINE_CALIBRATION_TARGETS, null).figures;
    expect(hand.highPrecision).toBeGreaterThanOrEqual(0.97);
    expect(hand.highCount).toBeGreaterThan(150);
  });

  it('a model of the hand-written confidence alone only relabels it: the same bands out of fold', () => {
    const hand = outOfFold(rows, 4, ENGINE_CALIBRATION_TARGETS, null);
    const relabelled = outOfFold(rows, 4, ENGINE_CALIBRATION_TARGETS, (r) => fitConfidence(r, { ...FIT_OPTIONS, use: [0] }));
    expect(relabelled.bands).toEqual(hand.bands);
  });

  it('a model of every input is fitted with a weight per input', () => {
    const model = fitConfidence(rows);
    expect(model.weights).toHaveLength(FEATURE_NAMES.length);
    expect(model.weights.filter((w) => w !== 0).length).toBe(FEATURE_NAMES.length);
  });
});

describe('the re-ranker of the best candidates', () => {
  it('has the committed weights that the fit gives on the training split', () => {
    const refit = fitRanker(rankItems(devIndex, train).filter((it): it is RankItem => it !== undefined));
    expect(RANKER).not.toBeNull();
    expect(RANKER!.features).toEqual([...RANK_FEATURES]);
    expect(RANKER!.weights).toHaveLength(RANK_FEATURES.length);
    expect(RANKER!.depth ?? RERANK_DEPTH).toBe(refit.depth ?? RERANK_DEPTH);
    RANKER!.weights.forEach((w, j) => expect(w).toBeCloseTo(refit.weights[j]!, 6));
  });

  // Matching round 9: the first four are ordered (not two), and the share of the question's head the candidate
  // explains is an input. Fails on the sixth round's ranker, which only looked at the first two.
  it('puts first a third candidate, a little less similar, that gives the asked facet and explains the head', () => {
    const candidate = (entryId: string, sim: number, givesFacet: boolean, headCover: number): CandidateFeatures => ({
      entryId,
      sim,
      coverage: sim,
      precision: 0.5,
      retrieval: 0.9,
      givesFacet,
      subCase: false,
      scopeMismatch: false,
      unitKind: 'question',
      inWording: 1,
      draftOrStale: false,
      headCover,
    });
    const list = [candidate('a', 0.5, false, 0.3), candidate('b', 0.49, false, 0.3), candidate('c', 0.47, true, 1), candidate('d', 0.3, false, 0.3)];
    expect(RERANK_DEPTH).toBeGreaterThanOrEqual(3);
    expect(rerankedFirst(RANKER!, list)).toBe(2);
    // Without the facet and the head, the third stays behind.
    expect(rerankedFirst(RANKER!, [list[0]!, list[1]!, candidate('c', 0.47, false, 0.3), list[3]!])).toBe(0);
  });

  it('is fitted on answerable ranked questions only, in the order before re-ranking', () => {
    const items = rankItems(devIndex, train);
    const used = items.filter((it) => it !== undefined);
    expect(used.length).toBeGreaterThan(400);
    expect(used.length).toBeLessThan(train.filter((q) => q.expected !== null).length);
    for (const it of used) expect(it!.candidates.length).toBeGreaterThan(0);
  });
});

describe('shuffledFolds', () => {
  it('deals every question to one fold, evenly, the same for a seed and differently for another', () => {
    const a = shuffledFolds(103, 4, 1);
    expect(a).toHaveLength(103);
    const sizes = [0, 1, 2, 3].map((f) => a.filter((x) => x === f).length);
    expect(sizes.reduce((s, n) => s + n, 0)).toBe(103);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(shuffledFolds(103, 4, 1)).toEqual(a);
    expect(shuffledFolds(103, 4, 2)).not.toEqual(a);
    // Shuffled, not the position modulo the fold count.
    expect(a).not.toEqual(a.map((_, i) => i % 4));
  });
});
