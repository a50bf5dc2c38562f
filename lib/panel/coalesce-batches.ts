// Proposal batches from the matching worker, applied to the question list at most every `intervalMs`: each
// application re-renders the whole list, and at 1,000 questions a render per 25 ms batch kept the panel busy.
// The first batch is applied at once; `flush` applies what is waiting (matching ended) and `drop` discards it
// (a newer scan replaced the one the batches were for).

export interface BatchCoalescer<T> {
  add(batch: Record<string, T>): void;
  flush(): void;
  drop(): void;
}

export interface CoalesceClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

const realClock: CoalesceClock = {
  now: () => performance.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
};

export function createBatchCoalescer<T>(apply: (batch: Record<string, T>) => void, intervalMs: number, clock: CoalesceClock = realClock): BatchCoalescer<T> {
  let waiting: Record<string, T> = {};
  let timer: unknown;
  let lastApplied = -Infinity;
  const stopTimer = () => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
  };
  const flush = () => {
    stopTimer();
    if (Object.keys(waiting).length === 0) return;
    const batch = waiting;
    waiting = {};
    lastApplied = clock.now();
    apply(batch);
  };
  return {
    add(batch) {
      Object.assign(waiting, batch);
      if (timer !== undefined) return;
      const wait = lastApplied + intervalMs - clock.now();
      if (wait <= 0) flush();
      else timer = clock.setTimeout(flush, wait);
    },
    flush,
    drop() {
      stopTimer();
      waiting = {};
    },
  };
}
