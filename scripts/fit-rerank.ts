// The re-ranker of the best candidates (lib/match/rerank.ts), fitted on the training split of the dev set and
// judged out of fold (4-fold over the training split only; the held-out split is never read): top-1, and the
// proposals after the band thresholds are re-fitted per fold by the calibration rule. `-- --write` writes the
// weights fitted on the whole training split to lib/match/rerank-weights.ts.
import { writeFileSync } from 'node:fs';
import { buildIndex, matchQuestion } from '../lib/match';
import type { ConfidenceBand } from '../lib/schema/proposal';
import { acceptedIds, ENGINE_CALIBRATION_TARGETS } from '../lib/match/evaluate';
import { bandWith, calibrateWith, confidenceRows, figuresOf, fitRanker, rankItems, RANK_FIT_OPTIONS, shuffledFolds, type RankItem } from '../lib/match/confidence-fit';
import { rerankedFirst, RANK_FEATURES, RERANK_DEPTH, type LinearRanker } from '../lib/match/rerank';
import { DEV_TODAY, devLibrary, devTrain } from './dev-set';

const TODAY = DEV_TODAY;
const FOLDS = 4;
const library = devLibrary;
const train = devTrain;
const index = buildIndex(library, [], { today: TODAY });

const items = rankItems(index, train);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Out-of-fold figures of the engine with a ranker fitted per fold (or none), the band thresholds re-fitted per fold. */
function outOfFold(fit: ((its: RankItem[]) => LinearRanker) | null): string {
  const bands = new Array<ConfidenceBand>(train.length).fill('none');
  let top1 = 0;
  let answerable = 0;
  const rowsAll: ReturnType<typeof confidenceRows> = [];
  for (let f = 0; f < FOLDS; f++) {
    const others = items.filter((it, i): it is RankItem => it !== undefined && i % FOLDS !== f);
    const ranker = fit ? fit(others) : null;
    const rows = confidenceRows(index, train, { ranker });
    const cuts = calibrateWith(null, rows.filter((_, i) => i % FOLDS !== f), ENGINE_CALIBRATION_TARGETS);
    rows.forEach((r, i) => {
      if (i % FOLDS !== f) return;
      rowsAll[i] = r;
      bands[i] = bandWith(r, r.handConfidence, cuts);
      if (!r.isNull) {
        answerable += 1;
        const first = matchQuestion(index, { text: train[i]!.text }, { ranker }).candidates[0]?.entryId;
        if (first && acceptedIds(train[i]!).includes(first)) top1 += 1;
      }
    });
  }
  const g = figuresOf(rowsAll, bands);
  return `top-1 ${pct(top1 / answerable)}, right of all ${pct(g.rightOfAll)}, false proposals ${pct(g.falseProposals)}, high precision ${pct(g.highPrecision)} (${g.highCount}), correct high ${pct(g.correctHigh)}`;
}

console.log(`training split, ${FOLDS}-fold out of fold, re-ranking the first ${RERANK_DEPTH} (l2 ${RANK_FIT_OPTIONS.l2}):`);
console.log(`  engine order: ${outOfFold(null)}`);
console.log(`  re-ranked:    ${outOfFold((its) => fitRanker(its))}`);

if (process.argv.includes('--write')) {
  const ranker = fitRanker(items.filter((it): it is RankItem => it !== undefined));
  const num = (x: number) => Number(x.toPrecision(12));
  writeFileSync(
    new URL('../lib/match/rerank-weights.ts', import.meta.url),
    `// Written by scripts/fit-rerank.ts (\`npx tsx scripts/fit-rerank.ts --write\`) from the training split of the dev set
// (${train.length} questions): do not edit by hand. A unit test re-fits it and compares.
import type { LinearRanker } from './rerank';

export const RANKER: LinearRanker | null = {
  features: ${JSON.stringify(RANK_FEATURES)},
  weights: ${JSON.stringify(ranker.weights.map(num))},
};
`,
  );
  console.log('wrote lib/match/rerank-weights.ts:', RANK_FEATURES.map((n, j) => `${n} ${ranker.weights[j]!.toFixed(2)}`).join(', '));
}

// `-- --repeated`: out-of-fold top-1 only, for several depths and penalties, the mean over 10 shuffles of the folds
// (the engine's own first entry for questions decided by exact wording).
if (process.argv.includes('--repeated')) {
  const firsts = train.map((q) => matchQuestion(index, { text: q.text }, { ranker: null }).candidates[0]?.entryId);
  const answerable = train.map((q) => acceptedIds(q)).filter((ok) => ok.length > 0).length;
  const shuffled = (seed: number) => shuffledFolds(train.length, FOLDS, seed);
  const base = train.filter((q, i) => firsts[i] && acceptedIds(q).includes(firsts[i]!)).length / answerable;
  console.log(`engine order: top-1 ${pct(base)}`);
  for (const depth of [2, 3, 4, 5]) {
    for (const l2 of [10, 30, 100]) {
      const tops: number[] = [];
      for (let s = 1; s <= 10; s++) {
        const fold = shuffled(s);
        let right = 0;
        for (let f = 0; f < FOLDS; f++) {
          const ranker = fitRanker(items.filter((it, i): it is RankItem => it !== undefined && fold[i] !== f), depth, { l2, iterations: 30 });
          train.forEach((q, i) => {
            if (fold[i] !== f) return;
            const it = items[i];
            const pick = it && it.candidates.length > 0 ? it.candidates[rerankedFirst(ranker, it.candidates, depth)]!.entryId : firsts[i];
            if (pick && acceptedIds(q).includes(pick)) right += 1;
          });
        }
        tops.push(right / answerable);
      }
      console.log(`re-rank first ${depth}, l2 ${l2}: mean top-1 ${pct(tops.reduce((a, b) => a + b, 0) / tops.length)}, lowest ${pct(Math.min(...tops))}, highest ${pct(Math.max(...tops))}`);
    }
  }
}
