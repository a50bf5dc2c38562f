// Polling with a deadline, for widgets that answer asynchronously (button groups re-enabling, listboxes opening).

export async function waitFor<T>(probe: () => T | null | undefined | false, timeoutMs: number, what: string, signal?: AbortSignal): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found) return found;
    if (signal?.aborted) throw new Error(`aborted while waiting for ${what}`);
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 16));
  }
}
