// A linear re-ranker of the best candidates: which of the first `depth` goes first, by a score fitted with pairwise
// logistic loss on the training split of the dev set (fitRanker in confidence-fit.ts; scripts/fit-rerank.ts writes the
// weights to rerank-weights.ts). The similarity orders entries by how much of the question they explain; the fit adds
// what it leaves out: a candidate that gives the asked facet or is on the question's side, a BM25 lead the similarity
// counts little, how much of the question's head (what it is about, before the detail) the candidate explains.
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
  'headCover',
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
    c.headCover,
  ];
}

/** A fitted linear score: sum of weight * input (the weights are per unit of each input). */
export interface LinearRanker {
  features: readonly string[];
  weights: readonly number[];
  /** How many of the best candidates it orders (RERANK_DEPTH when not given). */
  depth?: number;
}

export function rankScore(ranker: LinearRanker, c: CandidateFeatures, rank: number): number {
  const v = rankVector(c, rank);
  let s = 0;
  for (let j = 0; j < v.length; j++) s += ranker.weights[j]! * v[j]!;
  return s;
}

/** How many of the best candidates the re-ranker orders. */
export const RERANK_DEPTH = 4;
/** The index of the candidate the ranker puts first among the first `depth`. */
export function rerankedFirst(ranker: LinearRanker, candidates: readonly CandidateFeatures[], depth = ranker.depth ?? RERANK_DEPTH): number {
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
