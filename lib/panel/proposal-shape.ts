// A remembered proposals list in exactly the shape the worker stores (lib/db/index-cache.ts), told without zod: zod 4
// cannot compile its checks under the extension's CSP (no eval), and checking a reopened page's 300 lists with
// ProposalSchema took 40-50 ms of the worker's thread under load. Only what ProposalSchema would give back unchanged
// passes (plain objects with no other keys, no optional key present as undefined); anything else is left to zod,
// so the result is always what ProposalSchema's parse would give.
import type { Proposal } from '../schema';

const BANDS = new Set(['high', 'review', 'none']);
const SOURCES = new Set(['exact', 'alias', 'alternate', 'fuzzy']);

const PROPOSAL_KEYS = new Set(['entryId', 'confidence', 'band', 'choice', 'why', 'stale', 'draft']);
const WHY_KEYS = new Set(['source', 'matchedTerms', 'matchedText', 'runnerUp', 'notes', 'learned']);
const CANDIDATE_KEYS = new Set(['entryId', 'score']);
const LEARNED_KEYS = new Set(['origin', 'reviewed', 'capped']);

function isPlain(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Own keys all in `allowed`, each enumerable data property whose value is not undefined. */
function onlyKeys(value: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  const keys = Reflect.ownKeys(value);
  for (const key of keys) {
    if (typeof key !== 'string' || !allowed.has(key)) return false;
    const property = Object.getOwnPropertyDescriptor(value, key);
    if (!property || !property.enumerable || !('value' in property) || property.value === undefined) return false;
  }
  return true;
}

const isUnit = (value: unknown): boolean => typeof value === 'number' && value >= 0 && value <= 1;

/** A plain array with only its items as own keys (no holes, no other properties). */
const isPlainArray = (value: unknown): value is unknown[] =>
  Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype && Object.keys(value).length === value.length;

function isStringList(value: unknown): boolean {
  if (!isPlainArray(value)) return false;
  for (let at = 0; at < value.length; at++) if (typeof value[at] !== 'string') return false;
  return true;
}

function isCandidate(value: unknown): boolean {
  return isPlain(value) && onlyKeys(value, CANDIDATE_KEYS) && typeof value.entryId === 'string' && isUnit(value.score);
}

function isLearned(value: unknown): boolean {
  return (
    isPlain(value) &&
    onlyKeys(value, LEARNED_KEYS) &&
    (!('origin' in value) || typeof value.origin === 'string') &&
    typeof value.reviewed === 'boolean' &&
    typeof value.capped === 'boolean'
  );
}

function isWhy(value: unknown): boolean {
  return (
    isPlain(value) &&
    onlyKeys(value, WHY_KEYS) &&
    typeof value.source === 'string' &&
    SOURCES.has(value.source) &&
    isStringList(value.matchedTerms) &&
    typeof value.matchedText === 'string' &&
    (!('runnerUp' in value) || isCandidate(value.runnerUp)) &&
    (!('notes' in value) || isStringList(value.notes)) &&
    (!('learned' in value) || isLearned(value.learned))
  );
}

function isProposal(value: unknown): boolean {
  return (
    isPlain(value) &&
    onlyKeys(value, PROPOSAL_KEYS) &&
    typeof value.entryId === 'string' &&
    isUnit(value.confidence) &&
    typeof value.band === 'string' &&
    BANDS.has(value.band) &&
    (!('choice' in value) || typeof value.choice === 'string') &&
    isWhy(value.why) &&
    typeof value.stale === 'boolean' &&
    typeof value.draft === 'boolean'
  );
}

/**
 * True when `value` is a list of proposals that ProposalSchema's array would give back equal and unchanged (then it
 * can be used as it is); false means "ask zod", not "out of shape".
 */
export function isExactProposalList(value: unknown): value is Proposal[] {
  if (!isPlainArray(value)) return false;
  for (let at = 0; at < value.length; at++) if (!isProposal(value[at])) return false;
  return true;
}
