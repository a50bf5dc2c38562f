// How long one copy of the content script runs, decided only by what a page cannot reach: state in our isolated
// world (a newer copy in the same frame takes over) and the extension's own runtime (an updated or reloaded
// extension leaves this copy orphaned). WXT's own "newer copy started" signal is a DOM event any page can send,
// so it is not obeyed (SECURITY.md, "A page cannot switch the extension off").

/** Isolated-world slot holding the running copy's controller; page scripts live in another world and cannot see it. */
export const RUNNING_COPY_KEY = '__questionnaireAutofillRunningCopy';

/** How often a copy checks that its extension still exists. */
export const ORPHAN_CHECK_MS = 2000;

export interface LifetimeOptions {
  /** The isolated world's global object. */
  world: Record<string, unknown>;
  /** True once the extension that injected this copy is gone (reloaded, updated or removed). */
  isOrphaned: () => boolean;
  /** Runs once when this copy stops, for whatever reason. */
  onStop?: (reason: string) => void;
  checkEveryMs?: number;
}

/**
 * Starts this copy's lifetime: stops the copy that ran before it in this frame (a second injection), and stops
 * this one when a newer copy takes over or the extension is gone. The returned signal aborts with the reason.
 */
export function startLifetime({ world, isOrphaned, onStop, checkEveryMs = ORPHAN_CHECK_MS }: LifetimeOptions): AbortSignal {
  const previous = world[RUNNING_COPY_KEY];
  if (previous instanceof AbortController) previous.abort('a newer copy of the content script started in this frame');
  const controller = new AbortController();
  world[RUNNING_COPY_KEY] = controller;
  const timer = setInterval(() => {
    if (isOrphaned()) controller.abort('the extension was reloaded, updated or removed');
  }, checkEveryMs);
  controller.signal.addEventListener(
    'abort',
    () => {
      clearInterval(timer);
      if (world[RUNNING_COPY_KEY] === controller) delete world[RUNNING_COPY_KEY];
      onStop?.(String(controller.signal.reason));
    },
    { once: true },
  );
  return controller.signal;
}

/**
 * Calls `onChange` when a single-page app changes the URL without a reload (Navigation API where there is one,
 * else a poll), until `signal` aborts. Replaces WXT's location watcher, which stops with WXT's page-visible signal.
 */
export function watchLocation(win: Window, signal: AbortSignal, onChange: () => void, pollMs = 1000): void {
  let last = win.location.href;
  const check = () => {
    if (signal.aborted || win.location.href === last) return;
    last = win.location.href;
    onChange();
  };
  const navigation = (win as unknown as { navigation?: EventTarget }).navigation;
  if (typeof navigation?.addEventListener === 'function') {
    // Fires after the URL changed (pushState, replaceState, back and forward), unlike `navigate`, which fires before.
    navigation.addEventListener('currententrychange', check, { signal });
    return;
  }
  const timer = setInterval(check, pollMs);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}
