// Proposal batches reach the question list at most every interval: the first at once, the rest merged, the last
// on flush, none after drop.
import { describe, expect, it } from 'vitest';
import { createBatchCoalescer, type CoalesceClock } from '../../lib/panel/coalesce-batches';

function fakeClock() {
  let now = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  let ids = 0;
  const clock: CoalesceClock & { advance(ms: number): void; pending(): number } = {
    now: () => now,
    setTimeout(run, ms) {
      timers.set(++ids, { at: now + ms, run });
      return ids;
    },
    clearTimeout(timer) {
      timers.delete(timer as number);
    },
    advance(ms) {
      now += ms;
      for (const [id, t] of [...timers]) {
        if (t.at <= now) {
          timers.delete(id);
          t.run();
        }
      }
    },
    pending: () => timers.size,
  };
  return clock;
}

describe('createBatchCoalescer', () => {
  it('applies the first batch at once and merges the following ones until the interval has passed', () => {
    const clock = fakeClock();
    const applied: Record<string, number>[] = [];
    const coalescer = createBatchCoalescer<number>((b) => applied.push(b), 150, clock);
    coalescer.add({ a: 1 });
    expect(applied).toEqual([{ a: 1 }]);
    clock.advance(25);
    coalescer.add({ b: 2 });
    clock.advance(25);
    coalescer.add({ c: 3, b: 4 });
    expect(applied).toHaveLength(1);
    clock.advance(99);
    expect(applied).toHaveLength(1);
    clock.advance(1);
    expect(applied).toEqual([{ a: 1 }, { b: 4, c: 3 }]);
    // Quiet for longer than the interval: the next batch goes at once again.
    clock.advance(500);
    coalescer.add({ d: 5 });
    expect(applied.at(-1)).toEqual({ d: 5 });
  });

  it('flush applies what waits at once and clears the timer; flush with nothing waiting applies nothing', () => {
    const clock = fakeClock();
    const applied: Record<string, number>[] = [];
    const coalescer = createBatchCoalescer<number>((b) => applied.push(b), 150, clock);
    coalescer.add({ a: 1 });
    coalescer.add({ b: 2 });
    coalescer.flush();
    expect(applied).toEqual([{ a: 1 }, { b: 2 }]);
    expect(clock.pending()).toBe(0);
    coalescer.flush();
    expect(applied).toHaveLength(2);
  });

  it('drop discards what waits and nothing is applied later', () => {
    const clock = fakeClock();
    const applied: Record<string, number>[] = [];
    const coalescer = createBatchCoalescer<number>((b) => applied.push(b), 150, clock);
    coalescer.add({ a: 1 });
    coalescer.add({ b: 2 });
    coalescer.drop();
    clock.advance(1_000);
    coalescer.flush();
    expect(applied).toEqual([{ a: 1 }]);
  });
});
