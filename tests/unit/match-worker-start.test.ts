// Starting the matching worker from the panel's first module and handing it to the services: one worker per opening,
// of the design the opening asked for; `?worker=late` (the bench's baseline) leaves the start to the services.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

class FakeWorker {
  static started: FakeWorker[] = [];
  constructor(
    readonly url: URL,
    readonly options: { type: string; name: string },
  ) {
    FakeWorker.started.push(this);
  }
}

/** A fresh copy of the module (its early worker is module state). */
const load = async () => {
  vi.resetModules();
  return import('../../entrypoints/sidepanel/match-worker-start');
};

describe('match worker start', () => {
  beforeEach(() => {
    FakeWorker.started = [];
    vi.stubGlobal('Worker', FakeWorker);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('hands the services the worker the first module started, once', async () => {
    const start = await load();
    start.startMatchWorkerEarly('?tab=7');
    expect(FakeWorker.started.map((w) => w.options)).toEqual([{ type: 'module', name: 'match' }]);
    const taken = start.takeMatchWorker('match');
    expect(taken).toBe(FakeWorker.started[0]);
    expect(FakeWorker.started).toHaveLength(1);
    // A second take (a second services object) starts its own: the first worker is never shared.
    const again = start.takeMatchWorker('match');
    expect(again).not.toBe(taken);
    expect(FakeWorker.started).toHaveLength(2);
  });

  it('starts the design the opening names, and none early with ?worker=late', async () => {
    const start = await load();
    start.startMatchWorkerEarly('?tab=7&open=panel-reads');
    expect(FakeWorker.started.map((w) => w.options.name)).toEqual(['match-panel-sends']);

    const late = await load();
    late.startMatchWorkerEarly('?tab=7&worker=late');
    expect(FakeWorker.started).toHaveLength(1);
    const taken = late.takeMatchWorker('match');
    expect(FakeWorker.started).toHaveLength(2);
    expect(taken).toBe(FakeWorker.started[1]);
  });

  it('does not hand over a worker started for another design', async () => {
    const start = await load();
    start.startMatchWorkerEarly('?tab=7');
    const taken = start.takeMatchWorker('match-index-only');
    expect(taken).toBe(FakeWorker.started[1]);
    expect(FakeWorker.started.map((w) => w.options.name)).toEqual(['match', 'match-index-only']);
  });

  it('starts nothing early for the main-thread matcher', async () => {
    const start = await load();
    start.startMatchWorkerEarly('?tab=7&matcher=main');
    expect(FakeWorker.started).toHaveLength(0);
  });
});
