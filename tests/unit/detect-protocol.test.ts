// @vitest-environment happy-dom
// The content-script side of the protocol: sender checks, which frame answers, message validation and replies.
import { describe, expect, it, vi } from 'vitest';
import { GenericScanCache } from '../../lib/detect/incremental-scan';
import { ContentEndpoint } from '../../lib/messaging/content-endpoint';
import { frameRole } from '../../lib/messaging/frame-role';
import { isFromContentScriptIn, isFromExtensionPage } from '../../lib/messaging/sender-checks';
import { isPortalHost, PORTAL_HOST_SUFFIXES } from '../../lib/detect/portal-hosts';
import { PORTAL_HOST_PATTERNS } from '../../wxt.config';
import type { ContentToExtension } from '../../lib/schema';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

describe('sender checks', () => {
  it('accepts our side panel (also opened as a tab) and service worker only', () => {
    expect(isFromExtensionPage({ id: ID, url: `chrome-extension://${ID}/sidepanel.html` }, ID, ORIGIN)).toBe(true);
    expect(isFromExtensionPage({ id: ID, url: `chrome-extension://${ID}/sidepanel.html?tab=3`, tab: { id: 9 } }, ID, ORIGIN)).toBe(true);
    expect(isFromExtensionPage({ id: ID, url: `chrome-extension://${ID}/background.js` }, ID, ORIGIN)).toBe(true);
    // Our own content script in another frame: right id, page URL.
    expect(isFromExtensionPage({ id: ID, url: 'https://evil.example/', tab: { id: 1 }, frameId: 2 }, ID, ORIGIN)).toBe(false);
    expect(isFromExtensionPage({ id: 'other', url: `chrome-extension://other/x.html` }, ID, ORIGIN)).toBe(false);
    expect(isFromExtensionPage({ id: ID }, ID, ORIGIN)).toBe(false);
  });
  it('accepts content-script news only from the tab the panel works on', () => {
    expect(isFromContentScriptIn({ id: ID, tab: { id: 4 }, frameId: 0 }, ID, 4)).toBe(true);
    expect(isFromContentScriptIn({ id: ID, tab: { id: 5 }, frameId: 0 }, ID, 4)).toBe(false);
    expect(isFromContentScriptIn({ id: 'x', tab: { id: 4 }, frameId: 0 }, ID, 4)).toBe(false);
  });
});

describe('frame roles', () => {
  const fakeWindow = (opts: { origin: string; top?: boolean; frameElement?: object | null; host?: string; ancestors?: string[] }) => {
    const w: Record<string, unknown> = {
      origin: opts.origin,
      frameElement: opts.frameElement ?? null,
      location: { hostname: opts.host ?? new URL(opts.origin === 'null' ? 'https://x.invalid' : opts.origin).hostname, ancestorOrigins: opts.ancestors ?? [] },
    };
    w.top = opts.top ? w : {};
    return w as unknown as Window;
  };
  it('top frames answer; opaque and parent-read frames stay silent; cross-origin frames answer only on the tab origin or an allowed one', () => {
    expect(frameRole(fakeWindow({ origin: 'https://vendors.buyer.example', top: true }))).toEqual({ answers: true });
    expect(frameRole(fakeWindow({ origin: 'null' })).answers).toBe(false);
    expect(frameRole(fakeWindow({ origin: 'https://a.buyer.example', frameElement: {} })).answers).toBe(false);
    // A portal host name is no reason: another tenant's frame is refused unless the analyst allowed its origin.
    const tenant = fakeWindow({ origin: 'https://evil.service-now.com', ancestors: ['https://acme.service-now.com'] });
    expect(frameRole(tenant).answers).toBe(false);
    expect(frameRole(tenant, { topOrigin: 'https://acme.service-now.com', allowedOrigins: ['https://evil.service-now.com'] })).toEqual({ answers: true });
    expect(frameRole(fakeWindow({ origin: 'https://acme.service-now.com', ancestors: ['https://acme.service-now.com'] }))).toEqual({ answers: true });
    expect(frameRole(fakeWindow({ origin: 'https://ads.foreign.example', ancestors: ['https://vendors.buyer.example'] })).answers).toBe(false);
  });

  it('without ancestorOrigins (Firefox) a cross-origin frame relies on the top origin the panel read, and refuses without it', () => {
    const firefox = (origin: string) => fakeWindow({ origin });
    const trust = { topOrigin: 'https://acme.service-now.com', allowedOrigins: [] };
    expect(frameRole(firefox('https://acme.service-now.com'), trust)).toEqual({ answers: true });
    expect(frameRole(firefox('https://evil.service-now.com'), trust).answers).toBe(false);
    expect(frameRole(firefox('https://acme.service-now.com')).answers).toBe(false);
  });

  it('a frame refuses when the panel and the browser disagree on the tab origin', () => {
    const w = fakeWindow({ origin: 'https://acme.service-now.com', ancestors: ['https://other.example'] });
    expect(frameRole(w, { topOrigin: 'https://acme.service-now.com', allowedOrigins: [] }).answers).toBe(false);
  });
  it('portal host list equals the manifest host patterns', () => {
    expect(PORTAL_HOST_PATTERNS.map((p) => p.replace('*://*', '').replace('/*', ''))).toEqual([...PORTAL_HOST_SUFFIXES]);
    expect(isPortalHost('app-eu.onetrust.com')).toBe(true);
    expect(isPortalHost('onetrust.com.evil.example')).toBe(false);
  });
});

describe('content endpoint', () => {
  function endpoint(answers = true) {
    document.body.innerHTML = '<label for="a">Company name</label><input id="a">';
    const sent: ContentToExtension[] = [];
    const controller = new AbortController();
    const ep = new ContentEndpoint({
      doc: document,
      adapters: [],
      role: answers ? { answers: true } : { answers: false, reason: 'read by parent' },
      layout: false,
      signal: controller.signal,
      notify: (m) => sent.push(m),
      debounceMs: 10,
    });
    return { ep, sent, controller };
  }

  it('rejects malformed messages with a reply that says what was wrong', async () => {
    const { ep } = endpoint();
    const reply = await ep.handle({ type: 'fill', requests: [{ fieldId: '', value: 1 }] });
    expect(reply.type).toBe('ok');
    expect(reply.type === 'ok' && reply.ok).toBe(false);
    expect(reply.type === 'ok' && reply.message).toMatch(/requests\.0\.fieldId/);
  });

  it('a silent frame answers skipped with its reason', async () => {
    const { ep } = endpoint(false);
    expect(await ep.handle({ type: 'scan' })).toEqual({ type: 'skipped', reason: 'read by parent' });
  });

  it('scans, fills only its own ids, and reports later changes once, debounced', async () => {
    const { ep, sent, controller } = endpoint();
    const reply = await ep.handle({ type: 'scan' });
    if (reply.type !== 'scan-result') throw new Error(`unexpected ${reply.type}`);
    const { fieldId, key, text } = reply.scan.questions[0]!;
    const question = { key, text };
    const fill = await ep.handle({ type: 'fill', requests: [{ fieldId, value: 'Northwind', question }, { fieldId: 'otherframe:1', value: 'x', question }] });
    expect(fill.type === 'fill-result' && fill.results.map((r) => [r.fieldId, r.status])).toEqual([[fieldId, 'filled']]);
    // The fill's own change event may be reported (the value changed); count from here.
    await new Promise((ok) => setTimeout(ok, 50));
    const before = sent.length;

    document.body.insertAdjacentHTML('beforeend', '<label for="b">Country of incorporation</label><input id="b">');
    document.body.insertAdjacentHTML('beforeend', '<p>more</p>');
    await new Promise((ok) => setTimeout(ok, 80));
    const changes = sent.slice(before).filter((m) => m.type === 'questions-changed');
    expect(changes.length).toBe(1);
    expect(changes[0]!.scan.questions.map((q) => q.text)).toEqual(['Company name', 'Country of incorporation']);

    controller.abort();
    document.body.insertAdjacentHTML('beforeend', '<label for="c">After teardown?</label><input id="c">');
    await new Promise((ok) => setTimeout(ok, 50));
    expect(sent.length).toBe(before + 1);
  });

  it('a scan with nothing changed since the last keeps its questions and reads their values again; any change makes it full', async () => {
    const { ep, controller } = endpoint();
    const full = vi.spyOn(GenericScanCache.prototype, 'full');
    const update = vi.spyOn(GenericScanCache.prototype, 'update');
    try {
      const texts = async (message: { type: 'scan'; openLists?: boolean } = { type: 'scan' }) => {
        const reply = await ep.handle(message);
        if (reply.type !== 'scan-result') throw new Error(`unexpected ${reply.type}`);
        return reply.scan.questions.map((q) => [q.text, q.currentValue]);
      };
      expect(await texts()).toEqual([['Company name', '']]);
      expect(full).toHaveBeenCalledTimes(1);
      // A panel reopened on the quiet page: no collection, but a value set by a page script (no event) is read.
      (document.getElementById('a') as HTMLInputElement).value = 'Set by script';
      expect(await texts()).toEqual([['Company name', 'Set by script']]);
      expect(full).toHaveBeenCalledTimes(1);
      expect(update).toHaveBeenLastCalledWith(document, [], expect.anything());
      // A change the watcher has not reported yet (its debounce still running): a full scan, never the kept questions.
      document.querySelector('label')!.textContent = 'Legal company name';
      expect(await texts()).toEqual([['Legal company name', 'Set by script']]);
      expect(full).toHaveBeenCalledTimes(2);
      // A value typed and not yet reported, likewise.
      const input = document.getElementById('a') as HTMLInputElement;
      input.value = 'Typed';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      expect(await texts()).toEqual([['Legal company name', 'Typed']]);
      expect(full).toHaveBeenCalledTimes(3);
      // A change the watcher has reported (its incremental re-scan ran): the next scan is still full, since what an
      // incremental re-scan keeps may differ from the page (a widget redrawn outside the changed region); then quiet.
      await new Promise((ok) => setTimeout(ok, 50));
      const updates = update.mock.calls.length;
      document.querySelector('label')!.textContent = 'Registered company name';
      await new Promise((ok) => setTimeout(ok, 50));
      expect(update.mock.calls.length, 'the change was reported by an incremental re-scan').toBeGreaterThan(updates);
      const calls = full.mock.calls.length;
      expect(await texts()).toEqual([['Registered company name', 'Typed']]);
      expect(full).toHaveBeenCalledTimes(calls + 1);
      await texts();
      expect(full).toHaveBeenCalledTimes(calls + 1);
      // The analyst's Re-scan is always full.
      await texts({ type: 'scan', openLists: true });
      expect(full).toHaveBeenCalledTimes(calls + 2);
    } finally {
      full.mockRestore();
      update.mockRestore();
      controller.abort();
    }
  });

  it('scroll-to and highlight act on own ids only', async () => {
    const { ep } = endpoint();
    await ep.handle({ type: 'scan' });
    expect(await ep.handle({ type: 'scroll-to', fieldId: 'zzz:0' })).toMatchObject({ type: 'ok', ok: false });
    expect(await ep.handle({ type: 'highlight', fieldIds: ['zzz:0'], mode: 'detected' })).toMatchObject({ type: 'ok', ok: true, message: '0 fields outlined' });
  });
});
