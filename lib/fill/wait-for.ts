// Polling with a deadline, for widgets that answer asynchronously (button groups re-enabling, listboxes opening),
// and reading a widget back until it holds still (a framework re-render can flip what it shows for a moment).

const POLL_MS = 16;
/** How long a read-back that does not show the wanted value must hold still before it counts as the answer. */
export const MISMATCH_QUIET_MS = 80;
export const READ_BACK_MAX_MS = 1500;

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

export async function waitFor<T>(probe: () => T | null | undefined | false, timeoutMs: number, what: string, signal?: AbortSignal): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found) return found;
    if (signal?.aborted) throw new Error(`aborted while waiting for ${what}`);
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(POLL_MS);
  }
}

export interface StableReadOptions<T> {
  /** True for the value the fill wanted. */
  wanted(value: T): boolean;
  /** How long even a wanted value must hold still (0: accept it at once; widgets that re-render after a pick need more). */
  quietMs?: number;
  /** Give up waiting for stillness after this long and return the last read. */
  maxMs?: number;
  signal?: AbortSignal;
}

function sameRead<T>(a: T, b: T): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Reads a widget until it has shown the same value for a quiet period, bounded by `maxMs`. A value other than the
 * wanted one must hold still for at least MISMATCH_QUIET_MS before it is believed, so a page that re-renders the
 * widget (showing its empty choice for a few ms, then the answer again) is not reported as rejecting the fill.
 */
export async function readUntilStable<T>(read: () => T, options: StableReadOptions<T>): Promise<T> {
  const { wanted, quietMs = 0, maxMs = READ_BACK_MAX_MS, signal } = options;
  const start = Date.now();
  let last = read();
  let since = start;
  for (;;) {
    const now = Date.now();
    const quiet = wanted(last) ? quietMs : Math.max(quietMs, MISMATCH_QUIET_MS);
    if (now - since >= quiet || now - start >= maxMs || signal?.aborted) return last;
    await sleep(Math.min(POLL_MS, quiet));
    const next = read();
    if (!sameRead(next, last)) {
      last = next;
      since = Date.now();
    }
  }
}
