// Judges re-rankers on the TRAIN split of the dev set only, out of fold (the held-out split is never read): for each
// depth, input set and L2 penalty, the mean top-1 over 10 shuffles of 4 folds (the ranker re-fitted per fold);
// `-- --full <depth> <set> <l2>` adds the band figures with the cuts re-fitted per fold by the calibration rule.
import { buildIndex, matchQuestion } from '../lib/match';
import type { ConfidenceBand } from '../lib/schema/proposal';
import { acceptedIds, ENGINE_CALIBRATION_TARGETS } from '../lib/match/evaluate';
import { bandWith, calibrateWith, confidenceRows, figuresOf, fitRanker, rankItems, shuffledFolds, type RankItem } from '../lib/match/confidence-fit';
import { rerankedFirst, RANK_FEATURES, type LinearRanker } from '../lib/match/rerank';
import { DEV_TODAY, devLibrary, devTrain } from './dev-set';

const FOLDS = 4;
const train = devTrain;
const index = buildIndex(devLibrary, [], { today: DEV_TODAY });
const items = rankItems(index, train);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const firsts = train.map((q) => matchQuestion(index, { text: q.text }, { ranker: null }).candidates[0]?.entryId);
const answerable = train.filter((q) => acceptedIds(q).length > 0).length;
const foldings = [train.map((_, i) => i % FOLDS), ...Array.from({ length: 10 }, (_, s) => shuffledFolds(train.length, FOLDS, s + 1))];

const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);
/** The inputs of the sixth round's ranker, and those with the head's coverage (RANK_FEATURES). */
export const SETS: Record<string, number[]> = { base: range(0, 12), head: range(0, RANK_FEATURES.length) };
const BASE = SETS.base!;

function fit(fold: number[], f: number, depth: number, use: number[], l2: number): LinearRanker {
  return fitRanker(items.filter((it, i): it is RankItem => it !== undefined && fold[i] !== f), depth, { l2, iterations: 30, use });
}

function top1(depth: number, use: number[], l2: number): number[] {
  return foldings.map((fold) => {
    let right = 0;
    for (let f = 0; f < FOLDS; f++) {
      const ranker = depth === 0 ? null : fit(fold, f, depth, use, l2);
      train.forEach((q, i) => {
        if (fold[i] !== f) return;
        const it = items[i];
        const pick = ranker && it && it.candidates.length > 0 ? it.candidates[rerankedFirst(ranker, it.candidates, depth)]!.entryId : firsts[i];
        if (pick && acceptedIds(q).includes(pick)) right += 1;
      });
    }
    return right / answerable;
  });
}

function full(depth: number, use: number[], l2: number) {
  return foldings.map((fold) => {
    const bands = new Array<ConfidenceBand>(train.length).fill('none');
    const rowsAll: ReturnType<typeof confidenceRows> = [];
    for (let f = 0; f < FOLDS; f++) {
      const ranker = depth === 0 ? null : fit(fold, f, depth, use, l2);
      const rows = confidenceRows(index, train, { ranker });
      const cuts = calibrateWith(null, rows.filter((_, i) => fold[i] !== f), ENGINE_CALIBRATION_TARGETS);
      rows.forEach((r, i) => {
        if (fold[i] !== f) return;
        rowsAll[i] = r;
        bands[i] = bandWith(r, r.handConfidence, cuts);
      });
    }
    const g = figuresOf(rowsAll, bands);
    const t1 = rowsAll.filter((r) => !r.isNull && r.right).length / answerable;
    return { top1: t1, ...g };
  });
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const args = process.argv.slice(2);
if (args[0] === '--full') {
  const configs = args.slice(1).join(' ').split(',').map((c) => c.trim().split(/\s+/));
  for (const [d, set, l2] of configs) {
    const rs = full(Number(d), SETS[set!] ?? BASE, Number(l2));
    const harness = rs[0]!;
    const sh = rs.slice(1);
    const m = (k: 'top1' | 'rightOfAll' | 'falseProposals' | 'highPrecision' | 'highCount' | 'correctHigh') => mean(sh.map((r) => r[k]));
    console.log(
      `| depth ${d}, ${set}, l2 ${l2} | ${pct(harness.top1)} | ${pct(harness.rightOfAll)} | ${pct(harness.falseProposals)} | ${pct(harness.highPrecision)} (${harness.highCount}) | ${pct(m('top1'))} / ${pct(m('rightOfAll'))} / ${pct(m('falseProposals'))} / ${pct(m('highPrecision'))} (${m('highCount').toFixed(0)}; ${pct(Math.min(...sh.map((r) => r.highPrecision)))}) |`,
    );
  }
} else {
  const base = top1(0, BASE, 1);
  console.log(`engine order (no re-ranker): harness ${pct(base[0]!)}, mean of 10 shuffles ${pct(mean(base.slice(1)))}`);
  const depths = args.length > 0 ? args.map(Number) : [2, 3, 4, 5];
  for (const depth of depths) {
    for (const [name, use] of Object.entries(SETS).filter(([n]) => !process.env.SETS || process.env.SETS.split(",").includes(n))) {
      const line = (process.env.L2S ?? '1,10,30,100').split(',').map(Number).map((l2) => {
        const t = top1(depth, use, l2);
        return `l2 ${l2}: ${pct(t[0]!)} / ${pct(mean(t.slice(1)))} (${pct(Math.min(...t.slice(1)))})`;
      });
      console.log(`depth ${depth} ${name.padEnd(9)} ${line.join('  ')}`);
    }
  }
}
