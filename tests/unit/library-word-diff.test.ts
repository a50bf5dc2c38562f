// The word-level diff shown between versions of an entry.
import { describe, expect, it } from 'vitest';
import { diffWords, sameWords } from '../../lib/library/word-diff';

describe('diffWords', () => {
  it('marks replaced, added and removed words in reading order', () => {
    expect(diffWords('Data is encrypted with AES-128 at rest.', 'Data is encrypted with AES-256 at rest and in transit.')).toEqual([
      { op: 'same', text: 'Data is encrypted with' },
      { op: 'removed', text: 'AES-128' },
      { op: 'added', text: 'AES-256' },
      { op: 'same', text: 'at' },
      { op: 'removed', text: 'rest.' },
      { op: 'added', text: 'rest and in transit.' },
    ]);
  });

  it('finds the longest common run, not just a common start and end', () => {
    expect(diffWords('a b c d e', 'x b c y e')).toEqual([
      { op: 'removed', text: 'a' },
      { op: 'added', text: 'x' },
      { op: 'same', text: 'b c' },
      { op: 'removed', text: 'd' },
      { op: 'added', text: 'y' },
      { op: 'same', text: 'e' },
    ]);
  });

  it('handles empty texts and ignores white space alone', () => {
    expect(diffWords('', 'New answer.')).toEqual([{ op: 'added', text: 'New answer.' }]);
    expect(diffWords('Old answer.', '')).toEqual([{ op: 'removed', text: 'Old answer.' }]);
    expect(diffWords('', '')).toEqual([]);
    expect(sameWords('Yes.\n\nAlways.', 'Yes. Always.')).toBe(true);
    expect(sameWords('Yes.', 'No.')).toBe(false);
  });

  it('keeps markup-looking text as plain words', () => {
    expect(diffWords('<b>Yes</b>', '<img src=x onerror=alert(1)>')).toEqual([
      { op: 'removed', text: '<b>Yes</b>' },
      { op: 'added', text: '<img src=x onerror=alert(1)>' },
    ]);
  });

  it('diffs long answers: a small edit in 5,000 words is found exactly', () => {
    const words = Array.from({ length: 5_000 }, (_, i) => `w${i}`);
    const changed = [...words];
    changed[2_500] = 'changed';
    expect(diffWords(words.join(' '), changed.join(' ')).filter((p) => p.op !== 'same')).toEqual([
      { op: 'removed', text: 'w2500' },
      { op: 'added', text: 'changed' },
    ]);
    // Entirely different long texts: everything removed then added, without building a huge table.
    const other = Array.from({ length: 5_000 }, (_, i) => `v${i}`);
    const pieces = diffWords(words.join(' '), other.join(' '));
    expect(pieces.map((p) => p.op)).toEqual(['removed', 'added']);
  });
});
