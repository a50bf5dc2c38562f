// The panel's first module asks the tab for its scan before the panel's modules load; the Questions view's first scan
// of that tab takes it once, unless the tab changed since (a change notice, a new page) or it is too old.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { RawFrameReplies } from '../../lib/messaging/frame-send';

const asked: Array<{ tabId: number; type: string; allowed: readonly string[] }> = [];
let answer: () => Promise<RawFrameReplies> = async () => replies(1);

const replies = (n: number): RawFrameReplies => ({ replies: [{ frameId: 0, origin: 'https://a.example', raw: { type: 'scan-result', n } }], refusedOrigins: [] });

/** A fresh copy of the module (the early scan is module state), its transport faked. */
const load = async () => {
  vi.resetModules();
  vi.doMock('../../lib/messaging/frame-send', () => ({
    askAllFramesRaw: (tabId: number, message: { type: string }, allowed: readonly string[]) => {
      asked.push({ tabId, type: message.type, allowed });
      return answer();
    },
  }));
  return import('../../entrypoints/sidepanel/early-scan');
};

describe('the early scan', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    asked.length = 0;
    answer = async () => replies(1);
  });
  afterEach(() => vi.doUnmock('../../lib/messaging/frame-send'));

  it('is asked of the panel tab and taken once, by that tab only', async () => {
    const early = await load();
    early.askEarlyScan('?tab=7');
    expect(await early.takeEarlyScan(8)).toBeUndefined();
    expect(await early.takeEarlyScan(7)).toEqual(replies(1));
    expect(await early.takeEarlyScan(7)).toBeUndefined();
    expect(asked).toEqual([{ tabId: 7, type: 'scan', allowed: [] }]);
  });

  it('asks the active tab of the panel window without ?tab=', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 12, active: true }] as never);
    const early = await load();
    early.askEarlyScan('');
    expect(await early.takeEarlyScan(12)).toEqual(replies(1));
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(asked.map((a) => a.tabId)).toEqual([12]);
  });

  it('is not taken after a change notice from its tab or a new page in it', async () => {
    let early = await load();
    let release!: () => void;
    answer = () => new Promise((resolve) => (release = () => resolve(replies(2))));
    early.askEarlyScan('?tab=7');
    const taken = early.takeEarlyScan(7);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'questions-changed', scan: {} }, { tab: { id: 9 } } as never, () => undefined);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'questions-changed', scan: {} }, { tab: { id: 7 } } as never, () => undefined);
    release();
    expect(await taken).toBeUndefined();

    early = await load();
    answer = async () => replies(3);
    early.askEarlyScan('?tab=7');
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'complete' }, { id: 7 } as never);
    expect(await early.takeEarlyScan(7)).toBeUndefined();
  });

  it('a notice from another tab or a title change does not stop it', async () => {
    const early = await load();
    early.askEarlyScan('?tab=7');
    await fakeBrowser.runtime.onMessage.trigger({ type: 'questions-changed', scan: {} }, { tab: { id: 9 } } as never, () => undefined);
    await fakeBrowser.tabs.onUpdated.trigger(7, { title: 'Renamed' } as never, { id: 7 } as never);
    expect(await early.takeEarlyScan(7)).toEqual(replies(1));
  });

  it('is not taken when too old or failed, nor asked with ?scan=late', async () => {
    let early = await load();
    let clock = 0;
    early.askEarlyScan('?tab=7', () => clock);
    clock = early.EARLY_SCAN_TTL_MS + 1;
    expect(await early.takeEarlyScan(7, () => clock)).toBeUndefined();

    early = await load();
    answer = () => Promise.reject(new Error('Cannot access contents of the page'));
    early.askEarlyScan('?tab=7');
    expect(await early.takeEarlyScan(7)).toBeUndefined();

    early = await load();
    asked.length = 0;
    early.askEarlyScan('?tab=7&scan=late');
    expect(await early.takeEarlyScan(7)).toBeUndefined();
    expect(asked).toEqual([]);
  });
});
