// The content script's lifetime follows only what a page cannot reach: isolated-world state and the runtime.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RUNNING_COPY_KEY, startLifetime } from '../../lib/messaging/content-lifetime';

afterEach(() => vi.useRealTimers());

describe('startLifetime', () => {
  it('stops the copy that ran before in the same world, and only that one', () => {
    const world: Record<string, unknown> = {};
    const stopped: string[] = [];
    const first = startLifetime({ world, isOrphaned: () => false, onStop: (r) => stopped.push(`first: ${r}`) });
    const second = startLifetime({ world, isOrphaned: () => false, onStop: (r) => stopped.push(`second: ${r}`) });
    expect(first.aborted).toBe(true);
    expect(second.aborted).toBe(false);
    expect(stopped).toEqual(['first: a newer copy of the content script started in this frame']);
    expect(world[RUNNING_COPY_KEY]).toBeInstanceOf(AbortController);
    const other: Record<string, unknown> = {};
    expect(startLifetime({ world: other, isOrphaned: () => false }).aborted).toBe(false);
    expect(second.aborted).toBe(false);
  });

  it('stops once the extension is gone, and frees the slot', () => {
    vi.useFakeTimers();
    const world: Record<string, unknown> = {};
    let orphaned = false;
    const onStop = vi.fn();
    const signal = startLifetime({ world, isOrphaned: () => orphaned, onStop, checkEveryMs: 100 });
    vi.advanceTimersByTime(1000);
    expect(signal.aborted).toBe(false);
    orphaned = true;
    vi.advanceTimersByTime(100);
    expect(signal.aborted).toBe(true);
    expect(onStop).toHaveBeenCalledOnce();
    expect(onStop).toHaveBeenCalledWith('the extension was reloaded, updated or removed');
    expect(world[RUNNING_COPY_KEY]).toBeUndefined();
  });
});
