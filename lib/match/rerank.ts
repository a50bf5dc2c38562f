// A linear re-ranker of the two best candidates: which of them goes first, by a score fitted with pairwise logistic
// loss on the training split of the dev set (scripts/fit-rerank.ts writes the weights to rerank-weights.ts). The
// similarity orders entries by how much of the question they explain; the fit adds what it leaves out: a runner-up
// that gives the asked facet or is on the question's side, a BM25 lead the similarity counts little.
import { fitLogistic, type FitOptions } from './confidence-model';
import type { CandidateFeatures } from './match-question';

/** The re-ranker's inputs, in order. */
export const RANK_FEATURES = [
  'sim',
  'coverage',
  'precision',
  'retrieval',
  'givesFacet',
  'subCase',
  'scopeMismatch',
  'alternate',
  'tag',
  'inWording',
  'draftOrStale',
  'rank',
] as const;

export function rankVector(c: CandidateFeatures, rank: number): number[] {
  const flag = (b: boolean) => (b ? 1 : 0);
  return [
    c.sim,
    c.coverage,
    c.precision,
    c.retrieval,
    flag(c.givesFacet),
    flag(c.subCase),
    flag(c.scopeMismatch),
    flag(c.unitKind === 'alternate' || c.unitKind === 'alias'),
    flag(c.unitKind === 'tag'),
    c.inWording,
    flag(c.draftOrStale),
    rank,
  ];
}

/** A fitted linear score: sum of weight * input (the weights are per unit of each input). */
export interface LinearRanker {
  features: readonly string[];
  weights: readonly number[];
}

export function rankScore(ranker: LinearRanker, c: CandidateFeatures, rank: number): number {
  const v = rankVector(c, rank);
  let s = 0;
  for (let j = 0; j < v.length; j++) s += ranker.weights[j]! * v[j]!;
  return s;
}

/** How many of the best candidates the re-ranker orders. */
export const RERANK_DEPTH = 2;
export const RANK_FIT_OPTIONS: FitOptions = { l2: 10, iterations: 30 };

/** One training question: its first candidates in the engine's order and the entries that answer it. */
export interface RankItem {
  candidates: readonly CandidateFeatures[];
  accepted: readonly string[];
}

/**
 * Fit by pairwise logistic loss: for every right candidate and wrong candidate among the first `depth` of a
 * question, the score of the right one should exceed the wrong one's. Each pair enters both ways round, so the fit
 * has no intercept to learn.
 */
export function fitRanker(items: readonly RankItem[], depth = RERANK_DEPTH, options: FitOptions = RANK_FIT_OPTIONS): LinearRanker {
  const x: number[][] = [];
  const y: boolean[] = [];
  for (const it of items) {
    const cs = it.candidates.slice(0, depth).map((c, i) => ({ v: rankVector(c, i), right: it.accepted.includes(c.entryId) }));
    for (const a of cs) {
      if (!a.right) continue;
      for (const b of cs) {
        if (b.right) continue;
        const d = a.v.map((v, j) => v - b.v[j]!);
        x.push(d, d.map((v) => -v));
        y.push(true, false);
      }
    }
  }
  const model = fitLogistic(x, y, options);
  return { features: [...RANK_FEATURES], weights: model.weights.map((w, j) => w / model.scale[j]!) };
}

/** The index of the candidate the ranker puts first among the first `depth`. */
export function rerankedFirst(ranker: LinearRanker, candidates: readonly CandidateFeatures[], depth = RERANK_DEPTH): number {
  let best = 0;
  let bestScore = -Infinity;
  candidates.slice(0, depth).forEach((c, i) => {
    const s = rankScore(ranker, c, i);
    if (s > bestScore) {
      best = i;
      bestScore = s;
    }
  });
  return best;
}
