// A word-level diff of two plain texts (longest common subsequence over words), for showing what a version of a
// library entry changed. Returns plain-text pieces; the view renders them as text nodes, never as markup.

export type DiffOp = 'same' | 'added' | 'removed';

export interface DiffPiece {
  op: DiffOp;
  /** The words of this piece joined by single spaces. */
  text: string;
}

/** Above this many cells the table is not built: the changed middle shows as removed, then added. */
const MAX_TABLE_CELLS = 4_000_000;

function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '');
}

/** Appends a word to the last piece when it has the same op, so runs read as phrases. */
function push(pieces: DiffPiece[], op: DiffOp, words: readonly string[]): void {
  if (words.length === 0) return;
  const last = pieces.at(-1);
  if (last?.op === op) last.text += ` ${words.join(' ')}`;
  else pieces.push({ op, text: words.join(' ') });
}

/** The LCS alignment of two word lists, as ops in order. */
function alignWords(before: readonly string[], after: readonly string[]): { op: DiffOp; word: string }[] {
  const n = before.length;
  const m = after.length;
  if (n * m > MAX_TABLE_CELLS) {
    return [...before.map((word) => ({ op: 'removed' as const, word })), ...after.map((word) => ({ op: 'added' as const, word }))];
  }
  // lengths[i * (m + 1) + j] = LCS length of before[i..] and after[j..].
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] = before[i] === after[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const ops: { op: DiffOp; word: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      ops.push({ op: 'same', word: before[i]! });
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      ops.push({ op: 'removed', word: before[i]! });
      i++;
    } else {
      ops.push({ op: 'added', word: after[j]! });
      j++;
    }
  }
  for (; i < n; i++) ops.push({ op: 'removed', word: before[i]! });
  for (; j < m; j++) ops.push({ op: 'added', word: after[j]! });
  return ops;
}

/**
 * The words of `before` and `after` as same / removed / added pieces, in reading order (a replacement shows its
 * removed words before the added ones). White space is not compared: a change of line breaks alone is no change.
 */
export function diffWords(before: string, after: string): DiffPiece[] {
  const a = wordsOf(before);
  const b = wordsOf(after);
  // The common start and end are cut off first, so a small edit of a long answer builds a small table.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const pieces: DiffPiece[] = [];
  push(pieces, 'same', a.slice(0, start));
  let pendingRemoved: string[] = [];
  let pendingAdded: string[] = [];
  const flush = () => {
    push(pieces, 'removed', pendingRemoved);
    push(pieces, 'added', pendingAdded);
    pendingRemoved = [];
    pendingAdded = [];
  };
  for (const { op, word } of alignWords(a.slice(start, a.length - end), b.slice(start, b.length - end))) {
    if (op === 'removed') pendingRemoved.push(word);
    else if (op === 'added') pendingAdded.push(word);
    else {
      flush();
      push(pieces, 'same', [word]);
    }
  }
  flush();
  push(pieces, 'same', a.slice(a.length - end));
  return pieces;
}

/** True when the two texts have the same words. */
export function sameWords(before: string, after: string): boolean {
  return diffWords(before, after).every((piece) => piece.op === 'same');
}
