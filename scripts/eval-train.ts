// Judges a retrieval/similarity change on the TRAIN split of the dev set only (the held-out split is never read):
// top-1 / top-3 on the whole train split and per source, and the band figures out of fold (4 folds as the harness
// deals them, and the mean of 10 shuffles; cuts re-fitted per fold by the calibration rule).
// `npx tsx scripts/eval-train.ts` prints the table; `-- --misses` lists the answerable train questions whose right
// entry is not first (and marks those out of the top 3).
import { readFileSync } from 'node:fs';
import { buildIndex, matchQuestion } from '../lib/match';
import { confidenceRows, outOfFold, shuffledFolds } from '../lib/match/confidence-fit';
import { acceptedIds, ENGINE_CALIBRATION_TARGETS, LabelledQuestionsSchema } from '../lib/match/evaluate';
import { LibraryExportSchema } from '../lib/schema';

const TODAY = '2026-11-28';
const FOLDS = 4;
const read = (path: string) => JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8')) as unknown;
const library = LibraryExportSchema.parse(read('tests/fixtures/match/library.json')).entries;
const train = LabelledQuestionsSchema.parse(read('tests/fixtures/match/questions.json')).filter((q) => q.split === 'train');
const index = buildIndex(library, [], { today: TODAY });
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

const bySource = new Map<string, { n: number; top1: number; top3: number }>();
let n = 0;
let top1 = 0;
let top3 = 0;
const misses: string[] = [];
for (const q of train) {
  const ok = acceptedIds(q);
  if (ok.length === 0) continue;
  const r = matchQuestion(index, { text: q.text }, { thresholds: { high: 2, review: 0 } });
  const ids = r.candidates.map((c) => c.entryId);
  const first = r.proposal?.entryId ?? ids[0];
  const s = bySource.get(q.source) ?? { n: 0, top1: 0, top3: 0 };
  n++;
  s.n++;
  if (first !== undefined && ok.includes(first)) {
    top1++;
    s.top1++;
  } else {
    misses.push(`${ids.slice(0, 3).some((id) => ok.includes(id)) ? '  ' : 'X '}${q.id} [${ok.join('|')}] -> ${r.candidates.map((c) => `${c.entryId} ${c.score.toFixed(2)}`).join(', ')}\n     ${q.text.slice(0, 220)}`);
  }
  if (ids.slice(0, 3).some((id) => ok.includes(id))) {
    top3++;
    s.top3++;
  }
  bySource.set(q.source, s);
}
if (process.argv.includes('--misses')) console.log(misses.join('\n'));
const rows = confidenceRows(index, train);
const harness = outOfFold(rows, FOLDS, ENGINE_CALIBRATION_TARGETS, null).figures;
const sum = { rightOfAll: 0, falseProposals: 0, highPrecision: 0, highCount: 0, correctHigh: 0 };
let worst = 1;
const repeats = 10;
for (let seed = 1; seed <= repeats; seed++) {
  const fold = shuffledFolds(rows.length, FOLDS, seed);
  const f = outOfFold(rows, FOLDS, ENGINE_CALIBRATION_TARGETS, null, (i) => fold[i]!).figures;
  for (const k of Object.keys(sum) as Array<keyof typeof sum>) sum[k] += f[k] / repeats;
  worst = Math.min(worst, f.highPrecision);
}
console.log('| train, out of fold | top-1 | top-3 | right of all | false proposals | high precision (count) | mean of 10 shuffles: right of all / false / high (count; worst) |');
console.log(
  `| ${process.env.LABEL ?? 'this tree'} | ${pct(top1 / n)} | ${pct(top3 / n)} | ${pct(harness.rightOfAll)} | ${pct(harness.falseProposals)} | ${pct(harness.highPrecision)} (${harness.highCount}) | ${pct(sum.rightOfAll)} / ${pct(sum.falseProposals)} / ${pct(sum.highPrecision)} (${sum.highCount.toFixed(0)}; ${pct(worst)}) |`,
);
if (process.argv.includes('--sources')) {
  for (const [src, s] of [...bySource].sort()) console.log(`  ${src.padEnd(18)} n=${String(s.n).padStart(3)} top-1 ${pct(s.top1 / s.n)} top-3 ${pct(s.top3 / s.n)}`);
}
