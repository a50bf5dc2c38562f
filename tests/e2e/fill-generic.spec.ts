// Fill through the built extension: every widget kind, asserting the page's own state (React state, listeners,
// models) and every result status, including refusals and undo.
import type { Page } from '@playwright/test';
import { test, expect } from './support/extension';
import { fillPage, highlightPage, question, scanPage, scrollToField } from './support/content';
import { buildReactFixture } from '../fixtures/portals/generic/build-react-fixture';

test.beforeAll(async () => {
  await buildReactFixture();
});

async function pageState<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate((e) => (0, eval)(e) as T, expression);
}

test('React 19 controlled form: a raw .value write is lost, the extension fill reaches React state', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  await page.goto(portalUrl('buyer', '/portals/generic/react-form.html'));
  await expect(page.locator('#state')).toContainText('"company":""');

  // The page-world path a naive filler would take: React's value tracker swallows it.
  await page.evaluate(() => {
    const input = document.getElementById('company') as HTMLInputElement;
    input.value = 'Raw write';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  expect(await pageState<{ company: string }>(page, 'window.__reactState')).toMatchObject({ company: '' });

  const scan = await scanPage(sw, page);
  const requests = [
    { fieldId: question(scan, 'Company name').fieldId, value: 'Northwind Cloud Ltd' },
    { fieldId: question(scan, 'Summarise').fieldId, value: 'ISO 27001 certified ISMS.\nAnnual penetration tests.' },
    { fieldId: question(scan, 'hosted').fieldId, value: 'European Union' },
    { fieldId: question(scan, 'MFA').fieldId, value: 'Yes' },
    { fieldId: question(scan, 'SOC 2').fieldId, value: 'Yes' },
    { fieldId: question(scan, 'access review').fieldId, value: '2026-03-31' },
  ];
  const results = await fillPage(sw, page, requests);
  expect(results.map((r) => r.status)).toEqual(['filled', 'filled', 'filled', 'filled', 'filled', 'filled']);
  expect(results[0]?.previous).toBe('Raw write');
  expect(await pageState(page, 'window.__reactState')).toEqual({
    company: 'Northwind Cloud Ltd',
    summary: 'ISO 27001 certified ISMS.\nAnnual penetration tests.',
    hosting: 'eu',
    mfa: 'yes',
    soc2: true,
    review: '2026-03-31',
  });
  expect(await pageState(page, 'window.__submits ?? 0')).toBe(0);

  // The same values again change nothing.
  const again = await fillPage(sw, page, requests);
  expect(again.map((r) => r.status)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
});

test('text, number and date inputs fire input, change and blur; read-only and disabled fields are refused', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  await page.goto(portalUrl('buyer', '/portals/generic/label-for.html'));
  const scan = await scanPage(sw, page);
  const legal = question(scan, 'Legal entity');
  const results = await fillPage(sw, page, [
    { fieldId: legal.fieldId, value: 'Northwind Cloud Ltd', expectedText: legal.text },
    { fieldId: question(scan, 'employees').fieldId, value: '42' },
    { fieldId: question(scan, 'penetration test').fieldId, value: '2026-01-15' },
    { fieldId: question(scan, 'penetration test').fieldId, value: '15/01/2026' },
    { fieldId: question(scan, 'employees').fieldId, value: 'many' },
    { fieldId: question(scan, 'Encryption at rest').fieldId, value: 'aes-256' },
    { fieldId: question(scan, 'Encryption at rest').fieldId, value: 'Blowfish' },
    { fieldId: question(scan, 'Assessor notes').fieldId, value: 'x' },
    { fieldId: question(scan, 'Contract reference').fieldId, value: 'x' },
  ]);
  expect(results.map((r) => r.status)).toEqual(['filled', 'filled', 'filled', 'refused', 'rejected', 'filled', 'refused', 'refused', 'refused']);
  expect(results[3]?.message).toContain('YYYY-MM-DD');
  expect(results[6]?.message).toContain('"AES-256"');
  expect(results[7]?.message).toBe('the field is read-only');
  expect(results[8]?.message).toBe('the field is disabled');
  const model = await pageState<Record<string, string>>(page, 'window.model');
  expect(model).toMatchObject({ legal: 'Northwind Cloud Ltd', since: '2026-01-15', enc: 'AES-256' });
  const events = await pageState<string[]>(page, 'window.events');
  expect(events.filter((e) => e.startsWith('legal:'))).toEqual(['legal:input', 'legal:change', 'legal:blur']);
  expect(events.some((e) => e.startsWith('assessor:') || e.startsWith('contract:'))).toBe(false);
  await expect(page.locator('#notes-readonly')).toHaveValue('internal');
});

test('radio groups and checkboxes are clicked; comment filled; attachment refused; undo restores', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  await page.goto(portalUrl('buyer', '/portals/generic/fieldset-radios.html'));
  const scan = await scanPage(sw, page);
  const bcp = question(scan, 'continuity plan');
  const results = await fillPage(sw, page, [
    { fieldId: bcp.fieldId, value: 'N/A' },
    { fieldId: bcp.commentFieldId!, value: 'Covered by the parent company plan.' },
    { fieldId: bcp.attachmentFieldId!, value: 'plan.pdf' },
    { fieldId: question(scan, 'tested').fieldId, value: 'Quarterly' },
    { fieldId: question(scan, 'recovery sites').fieldId, value: ['Hot site', 'Cold site'] },
    { fieldId: question(scan, 'subcontractors').fieldId, value: 'Yes' },
  ]);
  expect(results.map((r) => r.status)).toEqual(['filled', 'filled', 'refused', 'filled', 'filled', 'filled']);
  expect(results[0]).toMatchObject({ previous: null, actual: 'Not applicable' });
  expect(await pageState(page, 'window.model')).toEqual({
    bcp: 'na',
    bcp_why: 'Covered by the parent company plan.',
    freq: '4',
    site_hot: true,
    site_cold: true,
    subs: true,
  });
  // One click per changed control, none for unchanged ones.
  expect(await pageState(page, 'window.clicks')).toBe(5);

  const undo = await fillPage(sw, page, [
    { fieldId: question(scan, 'recovery sites').fieldId, value: results[4]!.previous },
    { fieldId: question(scan, 'subcontractors').fieldId, value: results[5]!.previous },
    { fieldId: bcp.fieldId, value: results[0]!.previous },
  ]);
  expect(undo.map((r) => r.status)).toEqual(['filled', 'filled', 'refused']);
  expect(undo[2]?.message).toContain('cannot be cleared');
  expect(await pageState(page, 'window.model')).toMatchObject({ site_hot: false, site_cold: false, subs: false });
});

test('button groups wait for the group to re-enable; listbox and contenteditable reach the page state', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  await page.goto(portalUrl('buyer', '/portals/generic/aria-widgets.html'));
  const scan = await scanPage(sw, page);
  const results = await fillPage(sw, page, [
    { fieldId: question(scan, '72 hours').fieldId, value: 'No' },
    { fieldId: question(scan, '72 hours').fieldId, value: 'Yes' },
    { fieldId: question(scan, 'frameworks').fieldId, value: ['SOC 2', 'ISO 27001'] },
    { fieldId: question(scan, 'hosting provider').fieldId, value: 'Microsoft Azure' },
    { fieldId: question(scan, 'incident response plan').fieldId, value: 'Triage within 1 hour.\nNotify within 72 hours.' },
  ]);
  expect(results.map((r) => r.status)).toEqual(['filled', 'filled', 'filled', 'filled', 'filled']);
  const state = await pageState<Record<string, unknown>>(page, 'window.state');
  // Two saves, each finished before the next click (a click during a save would be ignored).
  expect(state).toMatchObject({ q1: 'Yes', saves: 2, q2: ['ISO 27001', 'SOC 2'], q3: 'Microsoft Azure', q4: 'Triage within 1 hour.\nNotify within 72 hours.' });
  const rescan = await scanPage(sw, page);
  expect(question(rescan, 'hosting provider').currentValue).toBe('Microsoft Azure');
  // An unknown label changes nothing and leaves the list closed.
  const bad = await fillPage(sw, page, [{ fieldId: question(scan, 'hosting provider').fieldId, value: 'Oracle Cloud' }]);
  expect(bad[0]).toMatchObject({ status: 'refused', actual: 'Microsoft Azure' });
  await expect(page.locator('#lb')).toBeHidden();
  expect(question(rescan, 'frameworks').currentValue).toEqual(['ISO 27001', 'SOC 2']);
});

test('statuses: truncated at maxlength, stale after the text changed, not-found when removed, refused when hidden or covered', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  await page.goto(portalUrl('buyer', '/portals/generic/table-questionnaire.html'));
  const scan = await scanPage(sw, page);
  const [a1, a2, a3] = [question(scan, 'multi-factor'), question(scan, 'quarterly'), question(scan, 'privileged')];
  const long = 'Privileged accounts live in a vault with just-in-time elevation and session recording.';
  const first = await fillPage(sw, page, [{ fieldId: a3.fieldId, value: long }]);
  expect(first[0]).toMatchObject({ status: 'truncated', actual: long.slice(0, 60) });

  await page.evaluate(() => {
    document.querySelectorAll('tbody td')[1]!.textContent = 'Do you enforce MFA for administrators only?';
  });
  const stale = await fillPage(sw, page, [{ fieldId: a1.fieldId, value: 'Yes', expectedText: a1.text }]);
  expect(stale[0]).toMatchObject({ status: 'stale' });
  await expect(page.locator('select[name=a1]')).toHaveValue('');

  await page.evaluate(() => {
    (document.querySelector('select[name=a2]') as HTMLElement).style.display = 'none';
  });
  const hidden = await fillPage(sw, page, [{ fieldId: a2.fieldId, value: 'Yes' }]);
  expect(hidden[0]).toMatchObject({ status: 'refused', message: expect.stringMatching(/^the field is hidden: not displayed/) });

  await page.evaluate(() => {
    (document.querySelector('select[name=a2]') as HTMLElement).style.display = '';
    const cover = document.createElement('div');
    cover.style.cssText = 'position:fixed;inset:0;z-index:99999;background:rgba(255,255,255,0.02)';
    document.body.appendChild(cover);
  });
  const covered = await fillPage(sw, page, [{ fieldId: a2.fieldId, value: 'Yes', expectedText: a2.text }]);
  expect(covered[0]).toMatchObject({ status: 'refused', message: expect.stringMatching(/covered by another element/) });
  await expect(page.locator('select[name=a2]')).toHaveValue('');

  await page.evaluate(() => document.querySelector('select[name=a2]')!.closest('tr')!.remove());
  const gone = await fillPage(sw, page, [{ fieldId: a2.fieldId, value: 'Yes' }]);
  expect(gone[0]).toMatchObject({ status: 'not-found' });
  const unknown = await fillPage(sw, page, [{ fieldId: 'nobody:1', value: 'Yes' }]);
  expect(unknown[0]).toMatchObject({ status: 'not-found' });
  expect(await pageState(page, 'window.submits')).toBe(0);
});

test('a page that resets the value is reported as rejected', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  await page.goto(portalUrl('buyer', '/portals/generic/label-for.html'));
  await page.evaluate(() => {
    const el = document.getElementById('legal') as HTMLInputElement;
    el.addEventListener('change', () => {
      el.value = el.value.toUpperCase() === el.value ? el.value : '';
    });
  });
  const scan = await scanPage(sw, page);
  const results = await fillPage(sw, page, [{ fieldId: question(scan, 'Legal entity').fieldId, value: 'lowercase name' }]);
  expect(results[0]).toMatchObject({ status: 'rejected', actual: '' });
});

test('shadow-root and same-origin iframe fields are filled; highlight is a closed, click-through overlay without text', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  await page.goto(portalUrl('buyer', '/portals/generic/shadow-form.html'));
  const scan = await scanPage(sw, page);
  const ids = question(scan, 'intrusion detection');
  const results = await fillPage(sw, page, [
    { fieldId: question(scan, 'firewalls').fieldId, value: 'Yes' },
    { fieldId: ids.fieldId, value: 'Suricata' },
  ]);
  expect(results.map((r) => r.status)).toEqual(['filled', 'filled']);
  expect(await pageState(page, 'window.values')).toEqual({ fw: 'Yes', ids: 'Suricata' });

  await highlightPage(sw, page, scan.questions.map((q) => q.fieldId), 'detected');
  const overlay = await page.evaluate(() => {
    const host = document.querySelector('[data-qa-overlay]') as HTMLElement | null;
    return host && { open: host.shadowRoot !== null, text: host.textContent, pointer: getComputedStyle(host).pointerEvents };
  });
  expect(overlay).toEqual({ open: false, text: '', pointer: 'none' });
  expect(await page.locator('html').innerHTML()).not.toContain('Suricata');
  // Clicks go through the outline to the field underneath.
  await page.mouse.click(...(await centre(page, 'vendor-assessment')));
  expect(await scrollToField(sw, page, ids.fieldId)).toBe(true);
  await highlightPage(sw, page, [], 'clear');
  expect(await page.locator('[data-qa-overlay]').count()).toBe(0);

  const framed = await context.newPage();
  await framed.goto(portalUrl('buyer', '/portals/generic/iframe-host.html'));
  await framed.waitForLoadState('load');
  const frameScan = await scanPage(sw, framed);
  // The iframe is scrolled out of the top page's view: the fill must bring it back before hit-testing the field.
  await framed.evaluate(() => {
    document.body.insertAdjacentHTML('beforeend', '<div style="height:3000px"></div>');
    window.scrollTo(0, document.body.scrollHeight);
  });
  const frameResults = await fillPage(sw, framed, [
    { fieldId: question(frameScan, 'vulnerability scans').fieldId, value: 'Monthly' },
    { fieldId: question(frameScan, 'patching SLA').fieldId, value: '7 days' },
  ]);
  expect(frameResults.map((r) => r.status)).toEqual(['filled', 'filled']);
  const inner = framed.frameLocator('#same');
  await expect(inner.locator('#sla')).toHaveValue('7 days');
  expect(await framed.frames().find((f) => f.url().includes('iframe-inner'))!.evaluate(() => (window as unknown as { model: unknown }).model)).toEqual({ scan: 'Monthly', sla: '7 days' });
});

async function centre(page: Page, selector: string): Promise<[number, number]> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} has no box`);
  return [box.x + box.width / 2, box.y + 10];
}
