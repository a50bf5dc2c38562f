// A pause that lets the browser handle input and paint before the rest of a long piece of work runs (the panel's
// slices of a scan reply and of a proposal batch). Here, not in lib/panel: the scan reply's parser is shared with
// code the content script imports, which must not reach lib/panel.
// `scheduler.yield()` where the browser has it (Chromium 129+: the rest runs before other queued tasks, so the work
// is not pushed back behind them); a MessageChannel message elsewhere (unlike setTimeout(0), not clamped to 4 ms
// once nested five deep).

type Scheduler = { yield?: () => Promise<void> };

let channel: MessageChannel | undefined;
const waiting: (() => void)[] = [];

function messageYield(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel!.port2.postMessage(null);
  });
}

export function yieldTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return messageYield();
}

/** The time one slice of panel work may take before it yields (the browser's frame is 16 ms; 50 ms is a long task). */
export const SLICE_MS = 8;
