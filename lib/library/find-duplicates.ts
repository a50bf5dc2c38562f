// Near-duplicate entries: pairs the Library view offers to merge. Two sources: the same answer under different
// ids (compared ignoring letter case and white space), and the matcher run library-against-library (each entry's
// question matched against the others). Pure: the duplicates worker runs it (lib/library/duplicates-in-worker.ts)
// and the repository merges.
import { buildIndex, matchQuestion } from '../match';
import { entryStatus, type LibraryEntry } from '../schema';

/** A candidate at least this similar to an entry's own question counts as a near duplicate. */
export const DUPLICATE_MIN_SCORE = 0.8;
/** Pairs listed at most: a library full of duplicates is worked through a page at a time. */
export const MAX_DUPLICATE_PAIRS = 200;
/** Entries matched between two progress reports. */
const PROGRESS_EVERY = 100;

export interface DuplicatePair<E extends LibraryEntry = LibraryEntry> {
  /** The two entries, ordered by id. */
  left: E;
  right: E;
  reason: 'same-answer' | 'similar-question';
  /** The matcher's similarity (1 for the same answer). */
  score: number;
}

function answerKey(answer: string): string {
  return answer.toLocaleLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Pairs of live entries (retired and sample entries are left out) that look like one answer kept twice, the
 * same answer first, then the most similar questions, at most `limit`. `onProgress` hears how many live entries
 * were matched against the others so far (every 100, and at the end).
 */
export function findDuplicatePairs<E extends LibraryEntry>(
  entries: readonly E[],
  limit: number = MAX_DUPLICATE_PAIRS,
  onProgress?: (done: number, total: number) => void,
): DuplicatePair<E>[] {
  const live = entries.filter((e) => entryStatus(e) !== 'retired' && e.sample !== true);
  const byId = new Map(live.map((e) => [e.id, e]));
  const pairs = new Map<string, DuplicatePair<E>>();
  const add = (a: E, b: E, reason: DuplicatePair['reason'], score: number) => {
    if (a.id === b.id) return;
    const [left, right] = a.id < b.id ? [a, b] : [b, a];
    const key = `${left.id}\u0000${right.id}`;
    const known = pairs.get(key);
    if (!known || known.score < score) pairs.set(key, { left, right, reason: known?.reason === 'same-answer' ? 'same-answer' : reason, score: Math.max(score, known?.score ?? 0) });
  };

  const sameAnswer = new Map<string, E[]>();
  for (const entry of live) {
    const key = answerKey(entry.answer);
    sameAnswer.set(key, [...(sameAnswer.get(key) ?? []), entry]);
  }
  for (const group of sameAnswer.values()) {
    for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) add(group[i]!, group[j]!, 'same-answer', 1);
  }

  onProgress?.(0, live.length);
  const index = buildIndex(live);
  live.forEach((entry, i) => {
    const { candidates } = matchQuestion(index, { text: entry.question }, { candidateCount: 4 });
    for (const candidate of candidates) {
      const other = byId.get(candidate.entryId);
      if (other && other.id !== entry.id && candidate.score >= DUPLICATE_MIN_SCORE) add(entry, other, 'similar-question', candidate.score);
    }
    if ((i + 1) % PROGRESS_EVERY === 0 && i + 1 < live.length) onProgress?.(i + 1, live.length);
  });
  onProgress?.(live.length, live.length);
  return [...pairs.values()]
    .sort((a, b) => (a.reason === b.reason ? 0 : a.reason === 'same-answer' ? -1 : 1) || b.score - a.score || a.left.id.localeCompare(b.left.id))
    .slice(0, limit);
}

// Kept importable from here; it lives apart so the entries repository (loaded at every panel opening) does not
// pull in the matcher.
export { mergedContent } from './merged-content';
