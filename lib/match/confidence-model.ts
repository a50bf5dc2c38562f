// A fitted confidence: the chance that the best ranked entry answers the question, from what the engine knows of
// it and of the runner-up, by a logistic model fitted on the training split of the dev set
// (scripts/fit-confidence.ts writes its coefficients to confidence-coefficients.ts). Plain numbers, no dependency:
// the fit is Newton's method (IRLS) with a fixed number of steps, so the same rows always give the same model.

/** What the confidence of a ranked best entry is worked out from (see matchQuestion). */
export interface ConfidenceFeatures {
  /** The hand-written confidence (confidenceOf), before the caps of what is asked. */
  hand: number;
  sim: number;
  coverage: number;
  precision: number;
  /** BM25 score of the best entry relative to the best retrieved one. */
  retrieval: number;
  /** The runner-up's similarity, coverage and precision (0 when there is none). */
  runnerSim: number;
  runnerCoverage: number;
  runnerPrecision: number;
  supportingTerms: number;
  unexplainedTerms: number;
  namedInWording: number;
  supportingConcepts: number;
  unknownShare: number;
  /** The question is about one vocabulary concept alone, which the entry names (see confidence.ts). */
  oneConcept: boolean;
  /** The best wording is an alternate wording or a learned alias, not the entry's own question. */
  alternate: boolean;
  /** The entry misses the asked facet, is on the other side of the scope, has a near neighbour, is about a sub-case. */
  facetMissing: boolean;
  scopeMismatch: boolean;
  nearNeighbour: boolean;
  subCase: boolean;
  /** The entry is a draft or stale. */
  draftOrStale: boolean;
}

/** The model's inputs, in order: the names the coefficients are written under. */
export const FEATURE_NAMES = [
  'hand',
  'sim',
  'coverage',
  'precision',
  'retrieval',
  'gap',
  'runnerRatio',
  'runnerCoverageLead',
  'runnerPrecision',
  'broadSupport',
  'singleTerm',
  'noSupport',
  'unexplained',
  'namedShare',
  'conceptShare',
  'unknownShare',
  'oneConcept',
  'alternate',
  'facetMissing',
  'scopeMismatch',
  'nearNeighbour',
  'subCase',
  'draftOrStale',
] as const;

export function featureVector(f: ConfidenceFeatures): number[] {
  const flag = (b: boolean) => (b ? 1 : 0);
  return [
    f.hand,
    f.sim,
    f.coverage,
    f.precision,
    f.retrieval,
    f.sim - f.runnerSim,
    f.sim > 0 ? f.runnerSim / f.sim : 0,
    f.runnerCoverage - f.coverage,
    f.runnerPrecision,
    flag(f.supportingTerms >= 3),
    flag(f.supportingTerms === 1),
    flag(f.supportingTerms === 0),
    Math.min(f.unexplainedTerms, 4),
    f.supportingTerms > 0 ? f.namedInWording / f.supportingTerms : 0,
    f.supportingTerms > 0 ? f.supportingConcepts / f.supportingTerms : 0,
    f.unknownShare,
    flag(f.oneConcept),
    flag(f.alternate),
    flag(f.facetMissing),
    flag(f.scopeMismatch),
    flag(f.nearNeighbour),
    flag(f.subCase),
    flag(f.draftOrStale),
  ];
}

/** A fitted model: inputs standardised by `mean` and `scale`, then weighted. */
export interface LogisticModel {
  features: readonly string[];
  mean: readonly number[];
  scale: readonly number[];
  weights: readonly number[];
  bias: number;
}

export interface FitOptions {
  /** L2 penalty on the standardised weights (not on the bias). */
  l2: number;
  /** Newton steps (fixed, so the fit is reproducible). */
  iterations: number;
  /** Which inputs to use (indices into FEATURE_NAMES); default all. */
  use?: readonly number[];
}

export const FIT_OPTIONS: FitOptions = { l2: 1, iterations: 30 };

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Solve A x = b (A symmetric positive definite, small) by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const pivot = m[c]![c]!;
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / pivot;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * x[k]!;
    x[r] = s / m[r]![r]!;
  }
  return x;
}

/** Fit P(right) = sigmoid(bias + weights . standardised(x)) by penalised Newton steps (IRLS). */
export function fitLogistic(rows: readonly number[][], labels: readonly boolean[], options: FitOptions = FIT_OPTIONS): LogisticModel {
  const all = rows[0]?.length ?? FEATURE_NAMES.length;
  const use = options.use ?? Array.from({ length: all }, (_, i) => i);
  const n = rows.length;
  const mean = new Array<number>(all).fill(0);
  const scale = new Array<number>(all).fill(1);
  for (const j of use) {
    let s = 0;
    for (const r of rows) s += r[j]!;
    mean[j] = s / n;
    let v = 0;
    for (const r of rows) v += (r[j]! - mean[j]!) ** 2;
    const sd = Math.sqrt(v / n);
    scale[j] = sd > 1e-9 ? sd : 1;
  }
  const d = use.length + 1;
  const z = rows.map((r) => [1, ...use.map((j) => (r[j]! - mean[j]!) / scale[j]!)]);
  let beta = new Array<number>(d).fill(0);
  for (let it = 0; it < options.iterations; it++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let i = 0; i < n; i++) {
      const x = z[i]!;
      let t = 0;
      for (let k = 0; k < d; k++) t += beta[k]! * x[k]!;
      const p = sigmoid(t);
      const w = Math.max(p * (1 - p), 1e-12);
      const e = p - (labels[i] ? 1 : 0);
      for (let k = 0; k < d; k++) {
        grad[k]! += e * x[k]!;
        const wk = w * x[k]!;
        for (let l = k; l < d; l++) hess[k]![l]! += wk * x[l]!;
      }
    }
    for (let k = 1; k < d; k++) {
      grad[k]! += options.l2 * beta[k]!;
      hess[k]![k]! += options.l2;
    }
    for (let k = 0; k < d; k++) for (let l = 0; l < k; l++) hess[k]![l] = hess[l]![k]!;
    const step = solve(hess, grad);
    beta = beta.map((b, k) => b - step[k]!);
  }
  const weights = new Array<number>(all).fill(0);
  use.forEach((j, k) => (weights[j] = beta[k + 1]!));
  return { features: FEATURE_NAMES.slice(0, all), mean, scale, weights, bias: beta[0]! };
}

export function probabilityOf(model: LogisticModel, x: readonly number[]): number {
  let t = model.bias;
  for (let j = 0; j < model.weights.length; j++) {
    const w = model.weights[j]!;
    if (w !== 0) t += (w * (x[j]! - model.mean[j]!)) / model.scale[j]!;
  }
  return sigmoid(t);
}
