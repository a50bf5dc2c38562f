// Reading a widget back until it holds still: a flip of a few ms is not a rejection, a lasting one is, and a
// widget that never settles is given up on at the bound.
import { describe, expect, it } from 'vitest';
import { MISMATCH_QUIET_MS, readUntilStable } from '../../lib/fill/wait-for';

/** A widget whose shown value follows `timeline` ([from ms, value], in order) from the first read on. */
function widget(timeline: Array<[number, string]>): () => string {
  let start: number | undefined;
  return () => {
    start ??= Date.now();
    const elapsed = Date.now() - start;
    let shown = timeline[0]![1];
    for (const [from, value] of timeline) if (elapsed >= from) shown = value;
    return shown;
  };
}

describe('readUntilStable', () => {
  it('accepts the wanted value at once when no quiet period is asked for', async () => {
    const reads: string[] = [];
    const read = () => {
      reads.push('Yes');
      return 'Yes';
    };
    expect(await readUntilStable(read, { wanted: (v) => v === 'Yes' })).toBe('Yes');
    expect(reads).toHaveLength(1);
  });

  it('waits out a flip to the empty choice and back (a digest re-render) instead of reporting it', async () => {
    const read = widget([
      [0, ''],
      [20, 'Quarterly'],
    ]);
    expect(await readUntilStable(read, { wanted: (v) => v === 'Quarterly' })).toBe('Quarterly');
  });

  it('with a quiet period, a wanted value that flips away for good is caught', async () => {
    const read = widget([
      [0, 'Quarterly'],
      [10, ''],
    ]);
    expect(await readUntilStable(read, { wanted: (v) => v === 'Quarterly', quietMs: 60 })).toBe('');
  });

  it('reports a lasting other value once it held still', async () => {
    const started = Date.now();
    expect(await readUntilStable(() => 'No', { wanted: (v) => v === 'Yes' })).toBe('No');
    expect(Date.now() - started).toBeGreaterThanOrEqual(MISMATCH_QUIET_MS);
  });

  it('gives up at the bound on a widget that never holds still, with its last value', async () => {
    let n = 0;
    const value = await readUntilStable(() => String(n++), { wanted: () => false, maxMs: 200 });
    expect(Number(value)).toBeGreaterThan(0);
  });
});
