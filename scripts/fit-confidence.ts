// Fits logistic confidence models on the training split of the dev set and judges them out of fold against the
// hand-written confidence (4-fold over the training split only; the held-out split is never read):
// `npx tsx scripts/fit-confidence.ts` prints per-fold cuts and figures, `-- --repeated` the mean over 10 shuffles of
// the folds, `-- --pooled` the out-of-fold confidences cut once on the pool. SUBSETS="0,2,5;..." adds models on
// those inputs (indices into FEATURE_NAMES).
import { buildIndex } from '../lib/match';
import { confidenceRows, fitConfidence, outOfFold, shuffledFolds, type ConfidenceRow, type FoldFigures } from '../lib/match/confidence-fit';
import { FEATURE_NAMES, FIT_OPTIONS, type LogisticModel } from '../lib/match/confidence-model';
import { ENGINE_CALIBRATION_TARGETS } from '../lib/match/evaluate';
import { DEV_TODAY, devLibrary, devTrain } from './dev-set';

const TODAY = DEV_TODAY;
const FOLDS = 4;
const library = devLibrary;
const train = devTrain;
const rows = confidenceRows(buildIndex(library, [], { today: TODAY }), train);

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const line = (name: string, f: FoldFigures) =>
  `| ${name} | ${pct(f.rightOfAll)} | ${pct(f.falseProposals)} | ${pct(f.highPrecision)} (${f.highCount}) | ${pct(f.correctHigh)} |`;

console.log(`training split: ${rows.length} questions, ${rows.filter((r) => r.features).length} ranked (not decided by exact wording), ${FOLDS}-fold out of fold`);
console.log('| confidence | right of all | false proposals | high precision (count) | correct high (answerable) |');
console.log('|---|---|---|---|---|');
const hand = outOfFold(rows, FOLDS, ENGINE_CALIBRATION_TARGETS, null);
console.log(line('hand-written', hand.figures));
const variants: Array<[string, (r: readonly ConfidenceRow[]) => LogisticModel]> = [
  ['fitted, all inputs', (r) => fitConfidence(r)],
  ['fitted, without the hand-written confidence', (r) => fitConfidence(r, { ...FIT_OPTIONS, use: FEATURE_NAMES.map((_, i) => i).filter((i) => i !== 0) })],
  ['fitted, l2 0.1', (r) => fitConfidence(r, { ...FIT_OPTIONS, l2: 0.1 })],
  ['fitted, l2 10', (r) => fitConfidence(r, { ...FIT_OPTIONS, l2: 10 })],
  ['fitted, label right', (r) => fitConfidence(r, FIT_OPTIONS, 'right')],
  ['fitted, label right, l2 10', (r) => fitConfidence(r, { ...FIT_OPTIONS, l2: 10 }, 'right')],
  ['fitted, l2 30', (r) => fitConfidence(r, { ...FIT_OPTIONS, l2: 30 })],
  ['fitted, hand+gap+cov+support', (r) => fitConfidence(r, { ...FIT_OPTIONS, use: [0, 2, 5, 9, 10, 12, 15] })],
  ['fitted, hand+gap+cov+support l2 0', (r) => fitConfidence(r, { ...FIT_OPTIONS, l2: 0.01, use: [0, 2, 5, 9, 10, 12, 15] })],
  ...(process.env.SUBSETS ?? '').split(';').filter(Boolean).map((u): [string, (r: readonly ConfidenceRow[]) => LogisticModel] => {
    const use = u.split(',').map(Number);
    return [`fitted, ${use.map((i) => FEATURE_NAMES[i]).join('+')}`, (r) => fitConfidence(r, { ...FIT_OPTIONS, use })];
  }),
];
for (const [name, fit] of variants) {
  const oof = outOfFold(rows, FOLDS, ENGINE_CALIBRATION_TARGETS, fit);
  console.log(line(name, oof.figures), oof.thresholds.map((t) => `${t.high.toFixed(3)}/${t.review.toFixed(3)}`).join(' '));
}
console.log('hand-written cuts per fold:', hand.thresholds.map((t) => `${t.high.toFixed(3)}/${t.review.toFixed(3)}`).join(' '));

// Pooled out-of-fold confidences, cut once on the pool: less noisy than per-fold cuts for comparing rankings.
if (process.argv.includes('--pooled')) {
  const { calibrateBands } = await import('../lib/match/evaluate');
  const { probabilityOf, featureVector } = await import('../lib/match/confidence-model');
  const { bandWith, figuresOf } = await import('../lib/match/confidence-fit');
  const pooled = (name: string, fit: ((r: readonly ConfidenceRow[]) => LogisticModel) | null) => {
    const conf = rows.map((r) => r.handConfidence);
    if (fit) {
      for (let k = 0; k < FOLDS; k++) {
        const m = fit(rows.filter((_, i) => i % FOLDS !== k));
        rows.forEach((r, i) => {
          if (i % FOLDS === k && r.features) conf[i] = probabilityOf(m, featureVector(r.features));
        });
      }
    }
    const { review } = calibrateBands(rows.map((r, i) => ({ confidence: r.abstain ? 0 : conf[i]!, right: !r.abstain && r.rightFull, isNull: r.isNull })), ENGINE_CALIBRATION_TARGETS);
    const held = rows.map((r, i) => (fit && r.capped ? Math.min(conf[i]!, review) : conf[i]!));
    const { high } = calibrateBands(rows.map((r, i) => ({ confidence: r.abstain ? 0 : held[i]!, right: !r.abstain && r.rightFull, isNull: r.isNull })), ENGINE_CALIBRATION_TARGETS);
    console.log(line(`${name} (pooled cuts ${high.toFixed(3)}/${review.toFixed(3)})`, figuresOf(rows, rows.map((r, i) => bandWith(r, held[i]!, { high, review })))));
  };
  pooled('hand-written', null);
  for (const [name, fit] of variants) pooled(name, fit);
}

// Repeated 4-fold cross-validation (REPEATS shuffles of the fold assignment): the mean of each figure.
if (process.argv.includes('--repeated')) {
  const repeats = Number(process.env.REPEATS ?? 10);
  const shuffled = (seed: number) => {
    const fold = shuffledFolds(rows.length, FOLDS, seed);
    return (i: number) => fold[i]!;
  };
  const all: Array<[string, ((r: readonly ConfidenceRow[]) => LogisticModel) | null]> = [['hand-written', null], ...variants];
  for (const [name, fit] of all) {
    const sum = { rightOfAll: 0, falseProposals: 0, highPrecision: 0, highCount: 0, correctHigh: 0 };
    let worstPrecision = 1;
    for (let s = 1; s <= repeats; s++) {
      const f = outOfFold(rows, FOLDS, ENGINE_CALIBRATION_TARGETS, fit, shuffled(s)).figures;
      sum.rightOfAll += f.rightOfAll / repeats;
      sum.falseProposals += f.falseProposals / repeats;
      sum.highPrecision += f.highPrecision / repeats;
      sum.highCount += f.highCount / repeats;
      sum.correctHigh += f.correctHigh / repeats;
      worstPrecision = Math.min(worstPrecision, f.highPrecision);
    }
    console.log(`| ${name} | ${pct(sum.rightOfAll)} | ${pct(sum.falseProposals)} | ${pct(sum.highPrecision)} (${sum.highCount.toFixed(0)}; worst ${pct(worstPrecision)}) | ${pct(sum.correctHigh)} |`);
  }
}
