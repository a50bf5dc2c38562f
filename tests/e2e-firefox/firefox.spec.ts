// The Firefox build in Firefox (Debian's firefox-esr over WebDriver BiDi): detection, accept and bulk fill on the
// ServiceNow survey and the OneTrust assessment with each page's own model checked, injection on demand into a
// buyer's page, an XLSX import through the Library view, an evidence file attached to a buyer's upload control,
// and the panel in Firefox's real sidebar.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { test, expect, byText, card, clickButton, EXTENSION_ORIGIN, importSampleAsTeamLibrary, open, waitForText } from './support/firefox';

test.describe.configure({ timeout: 240_000 });

const SURVEY = '/sp?id=take_survey&instance_id=3c1f2b7e1b8a4d10a6f2c9e4d7b01a5f';
const ONETRUST = '/app/#/pia/assessment/wizard/info/5d0c8a56-9a51-4c2e-b1f3-0d7f6a2b9e41/1';
const MFA = 'a1f0c3e21b2a4d10b8e2f1a7c9d04e03';

/** The Service Portal survey's own model (AngularJS scope): what the portal would save. */
function surveyModel(page: Page): Promise<Record<string, { value: string; add_info: string }>> {
  return page.evaluate(() => {
    const ng = (window as unknown as { angular: { element(e: Element | null): { scope(): { c: { data: { questions: { idMap: Record<string, { value: string; add_info: string }> } } } } } } }).angular;
    const map = ng.element(document.getElementById('sp_survey_root')).scope().c.data.questions.idMap;
    return Object.fromEntries(Object.entries(map).map(([id, q]) => [id, { value: q.value, add_info: q.add_info }]));
  });
}

async function openSurvey(page: Page, url: string): Promise<void> {
  await open(page, url, 'button');
  await clickButton(page, /^\s*Get Started\s*$/);
  // The survey renders each question twice (phone and desktop layouts); one of them is shown.
  await page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLElement>('.question-label')).some((el) => el.offsetParent !== null), {
    timeout: 60_000,
    polling: 100,
  });
}

/** "Fill all high-confidence…", then confirm the preview; returns how many the preview offered. */
async function bulkFill(panel: Page): Promise<number> {
  await clickButton(panel, /^Fill all high-confidence…$/);
  const confirm = await byText(panel, '.bulk-preview button', /^Fill \d+ answers?$/);
  const count = Number(/\d+/.exec((await confirm.evaluate((b) => b.textContent)) ?? '')![0]);
  await confirm.click();
  await waitForText(panel, '.notice', new RegExp(`^Filled ${count} of ${count} answers?\\.$`));
  return count;
}

test('ServiceNow survey: detected, one proposal accepted and the rest bulk-filled; the Angular model holds them', async ({ firefox, portalUrl, openPanel }) => {
  await importSampleAsTeamLibrary(firefox);
  const survey = await firefox.newPage();
  await openSurvey(survey, portalUrl('servicenow', SURVEY));
  const panel = await openPanel(survey);
  await waitForText(panel, '[data-testid=page-summary]', /^4 detected · [1-4] proposed · 0 filled/);

  const mfa = await card(panel, /multi-factor authentication/);
  await clickButton(panel, /^Accept & fill$/, mfa);
  await waitForText(panel, '.badge-filled', /^Filled$/);
  await expect.poll(async () => (await surveyModel(survey))[MFA], { timeout: 30_000 }).toMatchObject({ value: '1', add_info: expect.stringContaining('MFA is enforced') });

  const before = await surveyModel(survey);
  const filled = await bulkFill(panel);
  expect(filled).toBeGreaterThan(0);
  const after = await surveyModel(survey);
  const changed = Object.keys(after).filter((id) => JSON.stringify(after[id]) !== JSON.stringify(before[id]));
  expect(changed).toHaveLength(filled);
});

test('OneTrust assessment: the open section is detected and bulk-filled; the page model and Quill hold the answers', async ({ firefox, portalUrl, openPanel }) => {
  await importSampleAsTeamLibrary(firefox);
  const page = await firefox.newPage();
  await open(page, portalUrl('onetrust', ONETRUST), 'aa-assessment-detail-question');
  const panel = await openPanel(page);
  await waitForText(panel, '[data-testid=page-summary]', /^6 detected · [1-6] proposed/);
  const modelSize = () =>
    page.evaluate(() => {
      const ot = (window as unknown as { __ot: { answers: Record<string, unknown>; quills: Record<string, { getText(): string }> } }).__ot;
      const answered = Object.values(ot.answers).filter((v) => (Array.isArray(v) ? v.length > 0 : !!v)).length;
      return answered + Object.values(ot.quills).filter((q) => q.getText().trim() !== '').length;
    });
  const before = await modelSize();
  const filled = await bulkFill(panel);
  expect(filled).toBeGreaterThan(0);
  expect(await modelSize()).toBeGreaterThan(before);
});

test("a buyer's own page gets the content script on demand; an accepted proposal reaches the page's model", async ({ firefox, portalUrl, openPanel }) => {
  const page = await firefox.newPage();
  await open(page, portalUrl('buyer', '/portals/generic/table-questionnaire.html'), 'table');
  const panel = await openPanel(page);
  await waitForText(panel, '[data-testid=page-summary]', /^\d+ detected · [1-9]\d* proposed/);
  const mfa = await card(panel, /multi-factor authentication/);
  await clickButton(panel, /^Accept & fill$/, mfa);
  await waitForText(panel, '.badge-filled', /^Filled$/);
  const model = await page.evaluate(() => (window as unknown as { model: Record<string, string> }).model);
  expect(model.a1).toBe('Yes');
  expect(await page.evaluate(() => (window as unknown as { submits: number }).submits)).toBe(0);
});

test('an XLSX library imports through the Library view with a preview', async ({ firefox }) => {
  const page = await firefox.newPage();
  await open(page, `${EXTENSION_ORIGIN}/sidepanel.html`, '[role=tablist]');
  await clickButton(page, /^Library$/);
  await waitForText(page, '.library-counts', /of 68 entries shown/);
  const input = (await page.waitForSelector('input[type=file]')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(resolve(import.meta.dirname, '../fixtures/library/good-library.xlsx'));
  await waitForText(page, '.library-preview-summary', /^3 added, 0 updated/);
  await clickButton(page, /^Apply import$/);
  await byText(page, '[role=status], .notice, p', /Imported good-library\.xlsx: 3 added, 0 updated\./);
  await waitForText(page, '.library-counts', /of 71 entries shown/);
});

test("an evidence file stored in the Library view is attached to a buyer's file input on a click; the page's change listener sees it", async ({ firefox, portalUrl, openPanel }) => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  const path = join(mkdtempSync(join(tmpdir(), 'qa-evidence-')), 'soc2-report.pdf');
  writeFileSync(path, pdf);
  const library = await firefox.newPage();
  await open(library, `${EXTENSION_ORIGIN}/sidepanel.html`, '[role=tablist]');
  await clickButton(library, /^Library$/);
  const file = (await library.waitForSelector('input[aria-label="Evidence file"]')) as ElementHandle<HTMLInputElement>;
  await file.uploadFile(path);
  await (await library.waitForSelector('.evidence-add input[type=text]'))!.type('SOC 2 Type II report 2026');
  await clickButton(library, /^Add evidence file$/);
  await waitForText(library, '[role=status], .notice, p', /Added evidence "SOC 2 Type II report 2026" \(soc2-report\.pdf, \d+ B\)\./);
  await library.close();

  const page = await firefox.newPage();
  await open(page, portalUrl('buyer', '/portals/generic/evidence-upload.html'), '#soc2-file');
  const panel = await openPanel(page);
  const soc2 = await card(panel, /Attach your latest SOC 2 Type II report/);
  await soc2.click();
  const picker = (await soc2.waitForSelector('.evidence-attach select')) as ElementHandle<HTMLSelectElement>;
  const value = await picker.evaluate((s) => Array.from(s.options).find((o) => o.textContent?.startsWith('SOC 2 Type II report 2026 (soc2-report.pdf'))?.value ?? '');
  expect(value).not.toBe('');
  await picker.select(value);
  await clickButton(panel, /^Attach “soc2-report\.pdf”$/, soc2);
  await waitForText(panel, '.attach-outcome', /^Attached “soc2-report\.pdf”\. The page lists: soc2-report\.pdf\.$/);
  expect(await page.evaluate(() => (window as unknown as { uploads: Record<string, unknown> }).uploads)).toEqual({
    'soc2-file': [{ name: 'soc2-report.pdf', size: pdf.length, type: 'application/pdf' }],
  });
  expect(await page.evaluate(() => (window as unknown as { submits?: number }).submits ?? 0)).toBe(0);
});

test("the panel in Firefox's sidebar follows the active tab and proposes answers there", async ({ firefox, portalUrl }) => {
  const survey = await firefox.newPage();
  await openSurvey(survey, portalUrl('servicenow', SURVEY));
  // sidebarAction.open() needs a user action, as the toolbar button gives: a real click in an extension page.
  const opener = await firefox.newPage();
  await open(opener, `${EXTENSION_ORIGIN}/sidepanel.html`, '[role=tablist]');
  await opener.evaluate(() => {
    const button = document.createElement('button');
    button.id = 'open-sidebar';
    button.textContent = 'Open sidebar';
    button.addEventListener('click', () => void (browser as unknown as { sidebarAction: { open(): Promise<void> } }).sidebarAction.open());
    document.body.prepend(button);
  });
  await opener.click('#open-sidebar');
  const sidebarCount = () => opener.evaluate(() => browser.extension.getViews({ type: 'sidebar' } as never).length);
  await expect.poll(sidebarCount, { timeout: 30_000 }).toBe(1);

  // The analyst goes back to the survey: the sidebar's panel works on it.
  await survey.bringToFront();
  const sidebarSummary = () =>
    opener.evaluate(() => browser.extension.getViews({ type: 'sidebar' } as never)[0]?.document.querySelector('[data-testid=page-summary]')?.textContent ?? '');
  await expect.poll(sidebarSummary, { timeout: 60_000 }).toMatch(/^4 detected · [1-4] proposed/);
});
