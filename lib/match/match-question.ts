// Matching one question: exact or learned wording wins outright; otherwise BM25 retrieval over every
// wording and the answers, then a similarity re-rank of the best few, a calibrated confidence and a band.
import type { QuestionKind } from '../schema/detect';
import type { LibraryEntry } from '../schema/library';
import type { Candidate, MatchSource, Proposal } from '../schema/proposal';
import { mapChoice, preferredChoice } from './choice';
import { bandOf, confidenceOf, similarity, type Evidence } from './confidence';
import { correctTypo, idf, isKnownWord, signatureOf, type IndexedUnit, type MatchIndex, type UnitKind } from './match-index';
import { normalizeQuestion, STOP_WORDS, wordsOfNormalized } from './normalize';
import { termsOfWords } from './terms';

export interface QuestionInput {
  text: string;
  kind?: QuestionKind;
  options?: readonly string[];
}

export interface MatchResult {
  proposal: Proposal | null;
  /** The best entries, best first (at most `candidateCount`). */
  candidates: Candidate[];
}

export interface MatchOptions {
  candidateCount?: number;
  /** Override the calibrated band thresholds (used by calibration). */
  thresholds?: { high: number; review: number };
}

/** How much the answer/tags field counts next to the wordings, in retrieval and in coverage. */
const ANSWER_WEIGHT_RANK = 0.35;
/** Credit for a question term found only in the entry's tags, or only in its answer. */
const TAG_CREDIT = 0.9;
const ANSWER_CREDIT = 0.6;
/** Terms that appear in questions about everything; they count half. */
const GENERIC_TERMS = new Set([
  '~policy', '~personnel', '~customer', '~periodic', '~annual', '~compliance', 'process', 'practic', 'program',
  'measur', 'technic', 'manag', 'secur', 'data', 'system', 'inform', 'organiz', 'user', 'access', 'servic',
]);
/** Extra weight per repeat of a term in the question (up to two repeats). */
const REPEAT_BOOST = 0.25;
/** Vocabulary concepts are what questionnaires are about: they count more than plain words. */
const CONCEPT_BOOST = 2;
/** How many retrieved entries are re-ranked by similarity. */
const RERANK = 40;
/** A runner-up this close to the best is reported in `why`. */
const RUNNER_UP_MARGIN = 0.15;
/** Near-identical wording (same distinct terms) of a learned alias or the library's own text. */
const SIGNATURE_CONFIDENCE = 0.97;

interface Scratch {
  unitScore: Float64Array;
  entryBest: Float64Array;
  entryAnswer: Float64Array;
}
const scratchByIndex = new WeakMap<MatchIndex, Scratch>();

function scratchFor(index: MatchIndex): Scratch {
  let s = scratchByIndex.get(index);
  if (!s || s.unitScore.length < index.units.length || s.entryBest.length < index.entries.length) {
    s = {
      unitScore: new Float64Array(index.units.length + 64),
      entryBest: new Float64Array(index.entries.length + 64),
      entryAnswer: new Float64Array(index.entries.length + 64),
    };
    scratchByIndex.set(index, s);
  }
  return s;
}

interface Scored {
  entry: number;
  unit: number;
  sim: number;
  /** Share of the question the entry explains (see SimilarityParts.coverage). */
  coverage: number;
  /** Share of the matched wording's weighted terms found in the question. */
  precision: number;
  matched: string[];
}

function sourceOf(kind: UnitKind): MatchSource {
  return kind === 'question' ? 'exact' : kind === 'tag' ? 'fuzzy' : kind;
}

/** How much a term says about the topic: rarer terms and vocabulary concepts say more. */
function termWeight(index: MatchIndex, term: string): number {
  return idf(index, term) * (GENERIC_TERMS.has(term) ? 0.5 : term.startsWith('~') ? CONCEPT_BOOST : 1);
}

const unitWeights = new WeakMap<IndexedUnit, { version: number; weight: number }>();

/** The summed weight of a wording's terms, cached until the index's counts change. */
function unitWeightOf(index: MatchIndex, unit: IndexedUnit): number {
  const cached = unitWeights.get(unit);
  if (cached && cached.version === index.version) return cached.weight;
  let weight = 0;
  for (const t of unit.terms.keys()) weight += termWeight(index, t);
  unitWeights.set(unit, { version: index.version, weight });
  return weight;
}

/** The similarity of one entry: its best wording, plus what its tags and answer explain of the rest. */
function scoreEntry(index: MatchIndex, entryIdx: number, query: Map<string, number>, queryWeight: number, retrieval: number): Scored {
  const indexed = index.entries[entryIdx]!;
  let best: Scored = { entry: entryIdx, unit: indexed.units[0] ?? -1, sim: 0, coverage: 0, precision: 0, matched: [] };
  for (const unitId of indexed.units) {
    const unit: IndexedUnit = index.units[unitId]!;
    let inUnit = 0;
    let elsewhere = 0;
    const matched: string[] = [];
    const unitWeight = unitWeightOf(index, unit);
    const credit = unit.kind === 'tag' ? TAG_CREDIT : 1;
    for (const [t, w] of query) {
      if (unit.terms.has(t)) {
        inUnit += credit * w;
        matched.push(t);
      } else if (indexed.tagTerms.has(t)) {
        elsewhere += TAG_CREDIT * w;
        matched.push(t);
      } else if (indexed.answerTerms.has(t)) {
        elsewhere += ANSWER_CREDIT * w;
        matched.push(t);
      }
    }
    const coverage = (inUnit + elsewhere) / queryWeight;
    const precision = unitWeight > 0 ? inUnit / credit / unitWeight : 0;
    const sim = similarity({ coverage, precision, retrieval });
    if (sim > best.sim) best = { entry: entryIdx, unit: unitId, sim, coverage, precision, matched };
  }
  return best;
}

/** A term in more than this share of entries only adds noise and time to retrieval (it still counts in scoring). */
const RETRIEVAL_MAX_DF = 0.4;

/** Retrieve: BM25 over the wordings (best wording per entry) plus a share of BM25 over the answer field. */
function retrieve(index: MatchIndex, query: Map<string, number>): Array<{ e: number; score: number }> {
  const { unitScore, entryBest, entryAnswer } = scratchFor(index);
  const touchedUnits: number[] = [];
  const touchedEntries: number[] = [];
  const maxDf = RETRIEVAL_MAX_DF * index.entries.length;
  const selective = [...query.keys()].filter((t) => (index.documentFrequency.get(t) ?? 0) <= maxDf);
  const terms = selective.length > 0 ? selective : [...query.keys()];
  for (const t of terms) {
    const w = query.get(t)!;
    const units = index.unitPostings.get(t);
    if (units) {
      const { ids, impact } = units;
      for (let k = 0; k < ids.length; k++) {
        const u = ids[k]!;
        if (unitScore[u] === 0) touchedUnits.push(u);
        unitScore[u]! += w * impact[k]!;
      }
    }
    const answers = index.answerPostings.get(t);
    if (answers) {
      const { ids, impact } = answers;
      for (let k = 0; k < ids.length; k++) {
        const e = ids[k]!;
        if (entryAnswer[e] === 0 && entryBest[e] === 0) touchedEntries.push(e);
        entryAnswer[e]! += w * impact[k]!;
      }
    }
  }
  const unitEntry = index.unitEntry;
  for (const u of touchedUnits) {
    const e = unitEntry[u]!;
    if (entryAnswer[e] === 0 && entryBest[e] === 0) touchedEntries.push(e);
    if (unitScore[u]! > entryBest[e]!) entryBest[e] = unitScore[u]!;
    unitScore[u] = 0;
  }
  // Keep the best RERANK in a small sorted array: cheaper than sorting thousands of touched entries.
  const top: Array<{ e: number; score: number }> = [];
  for (const e of touchedEntries) {
    const score = entryBest[e]! + ANSWER_WEIGHT_RANK * entryAnswer[e]!;
    entryBest[e] = 0;
    entryAnswer[e] = 0;
    if (top.length === RERANK && score <= top[RERANK - 1]!.score) continue;
    let i = top.length < RERANK ? top.length : RERANK - 1;
    while (i > 0 && top[i - 1]!.score < score) i--;
    top.splice(i, 0, { e, score });
    if (top.length > RERANK) top.pop();
  }
  return top;
}

/** The single entry a set of units points to, or undefined when none or several. */
function soleEntry(index: MatchIndex, units: readonly number[] | undefined): { entry: number; unit: number } | undefined {
  if (!units || units.length === 0) return undefined;
  // A learned alias is the analyst's decision: it overrides library wordings that collide with it.
  const aliasUnits = units.filter((u) => index.units[u]!.kind === 'alias');
  const pool = aliasUnits.length > 0 ? aliasUnits : units;
  const entries = new Set(pool.map((u) => index.units[u]!.entry));
  return entries.size === 1 ? { entry: index.units[pool[0]!]!.entry, unit: pool[0]! } : undefined;
}

const CHOICE_KINDS: ReadonlySet<QuestionKind> = new Set(['yesno', 'single-choice', 'multi-choice']);

/**
 * The option to pick: mapped onto the field's options when it has some; a text field gets none; with neither
 * options nor kind (the CLI) the entry's own short answer.
 */
function choiceFor(entry: LibraryEntry, question: QuestionInput): string | undefined {
  if (question.options && question.options.length > 0) return mapChoice(entry, question.options);
  if (question.kind && !CHOICE_KINDS.has(question.kind)) return undefined;
  return preferredChoice(entry);
}

function displayTerm(t: string): string {
  return t.startsWith('~') ? t.slice(1) : t;
}

/** How many topical question terms the entry accounts for, and how much of the question the library never mentions. */
function evidenceFor(index: MatchIndex, top: Scored, query: Map<string, number>, queryWeight: number): Evidence {
  let supportingTerms = 0;
  let namedInWording = 0;
  const unit = index.units[top.unit];
  const tags = index.entries[top.entry]!.tagTerms;
  for (const t of top.matched) {
    if (GENERIC_TERMS.has(t)) continue;
    supportingTerms += 1;
    if (unit?.terms.has(t) || tags.has(t)) namedInWording += 1;
  }
  let topicalTerms = 0;
  let unknown = 0;
  for (const [t, w] of query) {
    if (!GENERIC_TERMS.has(t)) topicalTerms += 1;
    if (!index.documentFrequency.has(t)) unknown += w;
  }
  return {
    supportingTerms,
    unexplainedTerms: topicalTerms - supportingTerms,
    namedInWording,
    unknownShare: queryWeight > 0 ? unknown / queryWeight : 0,
  };
}

/** Match one question against the index. */
export function matchQuestion(index: MatchIndex, question: QuestionInput, options: MatchOptions = {}): MatchResult {
  const candidateCount = options.candidateCount ?? 3;
  const normalized = normalizeQuestion(question.text);
  if (!normalized || index.entries.length === 0) return { proposal: null, candidates: [] };

  const corrected = wordsOfNormalized(normalized).map((w) => (STOP_WORDS.has(w) || isKnownWord(index, w) ? w : (correctTypo(index, w) ?? w)));
  const queryTerms = termsOfWords(corrected);
  const query = new Map<string, number>();
  // A concept the question names several ways ("open-source dependencies (SCA)") is its emphasis.
  const counts = new Map<string, number>();
  for (const t of queryTerms) counts.set(t, (counts.get(t) ?? 0) + 1);
  for (const [t, n] of counts) query.set(t, termWeight(index, t) * (1 + REPEAT_BOOST * (Math.min(n, 3) - 1)));
  const queryWeight = [...query.values()].reduce((a, b) => a + b, 0);

  const retrieved = queryWeight > 0 ? retrieve(index, query) : [];
  const topRetrieval = retrieved[0]?.score ?? 1;
  const scored = retrieved
    .map((r) => scoreEntry(index, r.e, query, queryWeight, r.score / topRetrieval))
    .sort((a, b) => b.sim - a.sim || a.entry - b.entry);

  const outright = soleEntry(index, index.exact.get(normalized));
  const nearIdentical = outright ? undefined : soleEntry(index, index.signature.get(signatureOf(query.keys())));
  const decisive = outright ?? nearIdentical;

  let top: Scored | undefined = scored[0];
  let confidence: number;
  let source: MatchSource;
  let rest = scored.slice(1);
  if (decisive) {
    const own = scored.find((s) => s.entry === decisive.entry);
    top = {
      entry: decisive.entry,
      unit: decisive.unit,
      sim: outright ? 1 : SIGNATURE_CONFIDENCE,
      coverage: 1,
      precision: 1,
      matched: own?.matched ?? [...query.keys()],
    };
    rest = scored.filter((s) => s.entry !== decisive.entry);
    confidence = top.sim;
    source = sourceOf(index.units[decisive.unit]!.kind);
  } else if (top) {
    confidence = confidenceOf(top, scored[1], evidenceFor(index, top, query, queryWeight));
    const kind = index.units[top.unit]?.kind;
    source = kind === 'alias' || kind === 'alternate' ? kind : 'fuzzy';
  } else {
    return { proposal: null, candidates: [] };
  }

  const round = (n: number) => Math.round(n * 1000) / 1000;
  const candidates: Candidate[] = [top, ...rest]
    .slice(0, candidateCount)
    .map((s) => ({ entryId: index.entries[s.entry]!.entry.id, score: round(Math.min(1, s.sim)) }));

  let band = bandOf(confidence, options.thresholds);
  if (band === 'none') return { proposal: null, candidates };
  const indexed = index.entries[top.entry]!;
  // Draft and stale answers are proposed, but never as "fill without reading twice".
  if ((indexed.draft || indexed.stale) && band === 'high') band = 'review';

  const runner = rest[0];
  const choice = choiceFor(indexed.entry, question);
  const proposal: Proposal = {
    entryId: indexed.entry.id,
    confidence: round(confidence),
    band,
    ...(choice !== undefined ? { choice } : {}),
    why: {
      source,
      matchedTerms: [...new Set(top.matched.map(displayTerm))],
      matchedText: index.units[top.unit]?.kind === 'tag' ? indexed.entry.question : (index.units[top.unit]?.text ?? indexed.entry.question),
      ...(runner && runner.sim >= top.sim - RUNNER_UP_MARGIN
        ? { runnerUp: { entryId: index.entries[runner.entry]!.entry.id, score: round(Math.min(1, runner.sim)) } }
        : {}),
    },
    stale: indexed.stale,
    draft: indexed.draft,
  };
  return { proposal, candidates };
}
