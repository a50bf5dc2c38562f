// The scan the panel starts ahead (entrypoints/sidepanel/content-port.ts): the Questions view's first plain scan
// of that tab gets it instead of scanning again, but never when the page changed meanwhile, for another tab, for a
// scan that opens lists, nor twice.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageScan } from '../../lib/schema';

const calls = vi.hoisted(() => ({
  scans: [] as { tabId: number; options?: { openLists?: boolean } }[],
  updated: [] as ((id: number, change: { status?: string; url?: string }) => void)[],
  questions: [] as { tabId: number; listener: () => void }[],
}));

vi.mock('wxt/browser', () => ({
  browser: {
    tabs: {
      onUpdated: {
        addListener: (l: (id: number, change: object) => void) => calls.updated.push(l),
        removeListener: (l: (id: number, change: object) => void) => calls.updated.splice(calls.updated.indexOf(l), 1),
      },
    },
  },
}));

vi.mock('../../lib/messaging/tab-client', () => ({
  scanTab: async (tabId: number, _allowed: string[], options?: { openLists?: boolean }) => {
    calls.scans.push({ tabId, options });
    return { url: `https://portal.example/${calls.scans.length}`, title: `read ${calls.scans.length}`, questions: [] } as unknown as PageScan;
  },
  onQuestionsChanged: (tabId: number, listener: () => void) => {
    const entry = { tabId, listener };
    calls.questions.push(entry);
    return () => calls.questions.splice(calls.questions.indexOf(entry), 1);
  },
  fillTab: vi.fn(),
  highlightInTab: vi.fn(),
  openSectionInTab: vi.fn(),
  scrollToField: vi.fn(),
  attachInFrame: vi.fn(),
}));

const { createContentPort, scanAhead } = await import('../../entrypoints/sidepanel/content-port');

beforeEach(() => {
  calls.scans.length = 0;
});

describe('the scan started ahead', () => {
  it('is what the first plain scan of that tab gets, once, and then stops watching the page', async () => {
    scanAhead(7);
    const port = createContentPort(7);
    const first = await port.scan();
    expect(first.title).toBe('read 1');
    expect(calls.scans).toHaveLength(1);
    expect(calls.updated).toHaveLength(0);
    expect(calls.questions).toHaveLength(0);
    expect((await port.scan()).title).toBe('read 2');
  });

  it('is not used once the page navigated, reloaded or announced changed questions', async () => {
    scanAhead(7);
    for (const listener of calls.updated) listener(7, { status: 'complete' });
    expect((await createContentPort(7).scan()).title).toBe('read 2');
    scanAhead(7);
    for (const { listener } of calls.questions) listener();
    expect((await createContentPort(7).scan()).title).toBe('read 4');
  });

  it('is not used for another tab, nor for a scan that opens lists', async () => {
    scanAhead(7);
    expect((await createContentPort(8).scan()).title).toBe('read 2');
    scanAhead(7);
    const opened = await createContentPort(7).scan({ openLists: true });
    expect(opened.title).toBe('read 4');
    expect(calls.scans.at(-1)).toEqual({ tabId: 7, options: { openLists: true } });
  });

  it('a change in another tab does not make it stale', async () => {
    scanAhead(7);
    for (const listener of calls.updated) listener(8, { url: 'https://elsewhere.example/' });
    expect((await createContentPort(7).scan()).title).toBe('read 1');
  });
});
