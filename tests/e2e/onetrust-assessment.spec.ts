// OneTrust respondent view with the built extension: the open section's questions are detected from the cards,
// every widget kind is filled and the page's own state (window.__ot, Quill's getText()) holds the value, and
// stepping through the accordion detects every section's questions.
import type { Page } from '@playwright/test';
import { test, expect } from './support/extension';
import { fillPage, openSection, question, scanPage } from './support/content';
import { importLibrary } from '../fixtures/portals/hostile/panel';
import { LIBRARY_FORMAT, LIBRARY_FORMAT_VERSION, type LibraryEntry } from '../../lib/schema';

const ROUTE = '/app/#/pia/assessment/wizard/info/5d0c8a56-9a51-4c2e-b1f3-0d7f6a2b9e41/1';
const SECTION_NAMES = ['Welcome', 'Information Security Program', 'Access Control', 'Data Protection', 'Business Continuity'];
const id = (n: number) => `b0c1e7a2-11aa-4c1e-9d01-${String(n).padStart(12, '0')}`;

type OtState = { answers: Record<string, unknown>; notApplicable: Record<string, boolean>; justifications: Record<string, string>; submitted: boolean; quillText: Record<string, string> };

/** The page's own model, read in the page's world (the test, not the extension, may look at page globals). */
function otState(page: Page): Promise<OtState> {
  return page.evaluate(() => {
    const ot = (window as unknown as { __ot: { answers: Record<string, unknown>; notApplicable: Record<string, boolean>; justifications: Record<string, string>; submitted: boolean; quills: Record<string, { getText(): string }> } }).__ot;
    const quillText: Record<string, string> = {};
    for (const [k, q] of Object.entries(ot.quills)) quillText[k] = q.getText();
    return JSON.parse(JSON.stringify({ answers: ot.answers, notApplicable: ot.notApplicable, justifications: ot.justifications, submitted: ot.submitted, quillText })) as OtState;
  });
}

async function openAssessment(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('aa-assessment-detail-question')).toHaveCount(6);
  // Quill editors are created right after the cards render.
  await expect(page.locator('.ql-editor')).toHaveCount(2);
}

test('detects the open section: numbers, texts, kinds, options, required, sections', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  await openAssessment(page, portalUrl('onetrust', ROUTE));
  // onetrust.com is HSTS-preloaded: Chromium 156 upgrades the URL to https (the fixture server answers both on one
  // port), Debian's Chromium 150 stays on http. The page is the portal's either way.
  expect(page.url()).toMatch(/^https?:\/\/app-eu\.onetrust\.com:\d+\/app\/#\/pia\//);
  const scan = await scanPage(sw, page);
  expect(scan.portal).toBe('onetrust');
  expect(scan.pageKind).toBe('onetrust-assessment');
  expect(scan.warnings).toEqual([]);
  expect(scan.sections).toEqual({ names: SECTION_NAMES, open: 1 });
  expect(scan.questions.map((q) => ({ number: q.number, text: q.text, kind: q.kind, options: q.options, required: q.required, writer: q.writer }))).toEqual([
    { number: '1.1', text: 'Do you maintain a documented information security policy approved by management?', kind: 'yesno', options: ['Yes', 'No', 'Not Applicable'], required: true, writer: 'onetrust-buttons' },
    { number: '1.2', text: 'Describe how the information security policy is communicated to employees and contractors.', kind: 'richtext', options: [], required: true, writer: 'quill' },
    { number: '1.4', text: 'Which security frameworks does your program align with?', kind: 'multi-choice', options: ['ISO 27001', 'SOC 2', 'NIST CSF', 'CIS Controls', 'None'], required: false, writer: 'onetrust-buttons' },
    { number: '1.5', text: 'Name and title of the person accountable for information security', kind: 'text', options: [], required: true, writer: 'input' },
    // The lookup was opened and closed to read the options it shows unfiltered (its first eight).
    { number: '1.6', text: 'In which region is customer data primarily hosted?', kind: 'single-choice', options: ['United States', 'European Union', 'United Kingdom', 'Switzerland', 'Canada', 'Australia', 'Japan', 'Singapore'], required: true, writer: 'onetrust-lookup' },
    { number: '1.7', text: 'List any security certifications obtained in the last 12 months.', kind: 'richtext', options: ['Not applicable'], required: false, writer: 'onetrust-richtext' },
  ]);
  for (const q of scan.questions) {
    expect(q.portal).toBe('onetrust');
    expect(q.textSource).toBe('adapter:onetrust');
    expect(q.section).toBe('Information Security Program');
  }
  expect(question(scan, 'documented information security policy').helpText).toBe('The policy should be reviewed at least annually.');
  expect(question(scan, 'documented information security policy').key).toBe(`onetrust:${id(101)}`);
});

test('fills every widget kind and the page model holds each value', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  await openAssessment(page, portalUrl('onetrust', ROUTE));
  const scan = await scanPage(sw, page);
  const f = (text: string) => question(scan, text).fieldId;
  const narrative = 'Policies are published on the intranet.\nEveryone acknowledges them yearly.\n\nContractors sign on onboarding.';

  const results = await fillPage(sw, page, [
    { fieldId: f('documented information security policy'), value: 'No' },
    { fieldId: f('communicated to employees'), value: narrative },
    { fieldId: f('security frameworks'), value: ['SOC 2', 'NIST CSF', 'CIS Controls'] },
    { fieldId: f('person accountable'), value: 'Dana Reyes, CISO' },
    // Not among the 8 options the lookup shows before one types.
    { fieldId: f('primarily hosted'), value: 'Brazil' },
    { fieldId: f('certifications obtained'), value: 'Not applicable' },
  ]);
  expect(results.map((r) => [r.status, r.actual])).toEqual([
    ['filled', 'No'],
    ['filled', narrative],
    ['filled', ['SOC 2', 'NIST CSF', 'CIS Controls']],
    ['filled', 'Dana Reyes, CISO'],
    ['filled', 'Brazil'],
    ['filled', 'Not applicable'],
  ]);

  const state = await otState(page);
  expect(state.answers[id(101)]).toBe('No');
  expect(state.quillText[id(102)]).toBe(`${narrative}\n`);
  expect(state.answers[id(102)]).toBe(narrative);
  expect(state.answers[id(104)]).toEqual(['SOC 2', 'NIST CSF', 'CIS Controls']);
  expect(state.answers[id(105)]).toBe('Dana Reyes, CISO');
  expect(state.answers[id(106)]).toBe('Brazil');
  expect(state.notApplicable[id(107)]).toBe(true);
  expect(state.submitted).toBe(false);
  await expect(page.locator('.aa-progress__count')).toHaveText('7/17');

  // Changing answers: another single option, a different set of options (buttons turned off and on back to back
  // through the save window), and text instead of N/A.
  const again = await fillPage(sw, page, [
    { fieldId: f('documented information security policy'), value: 'Yes' },
    { fieldId: f('security frameworks'), value: ['ISO 27001', 'SOC 2'] },
    { fieldId: f('certifications obtained'), value: 'ISO 27001 (March 2026)\nSOC 2 Type II (June 2026)' },
  ]);
  expect(again.map((r) => r.status)).toEqual(['filled', 'filled', 'filled']);
  const after = await otState(page);
  expect(after.answers[id(101)]).toBe('Yes');
  expect(after.answers[id(104)]).toEqual(['ISO 27001', 'SOC 2']);
  expect(after.notApplicable[id(107)]).toBe(false);
  expect(after.quillText[id(107)]).toBe('ISO 27001 (March 2026)\nSOC 2 Type II (June 2026)\n');
  await expect(page.locator('button.vt-button--primary', { hasText: /^Yes$/ })).toHaveCount(1);
  expect(after.submitted).toBe(false);
});

test('an option that does not exist changes nothing', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  await openAssessment(page, portalUrl('onetrust', ROUTE));
  const scan = await scanPage(sw, page);
  const [multi, lookup] = await fillPage(sw, page, [
    { fieldId: question(scan, 'security frameworks').fieldId, value: ['SOC 2', 'FedRAMP'] },
    { fieldId: question(scan, 'primarily hosted').fieldId, value: 'Antarctica' },
  ]);
  expect(multi?.status).not.toBe('filled');
  expect(multi?.message).toMatch(/FedRAMP/);
  expect(lookup?.status).not.toBe('filled');
  const state = await otState(page);
  expect(state.answers[id(104)]).toBeUndefined();
  expect(state.answers[id(106)]).toBeUndefined();
  // The lookup is closed again and shows nothing typed.
  await expect(page.locator('.ot-lookup__input')).toHaveValue('');
  await expect(page.locator('.ot-lookup__input')).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('[role="listbox"]')).toHaveCount(0);
});

test('steps through every section, detecting each one as it renders, and fills in a later section', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  await openAssessment(page, portalUrl('onetrust', ROUTE));
  const first = await scanPage(sw, page);
  const expected: string[][] = [[], ['1.1', '1.2', '1.4', '1.5', '1.6', '1.7'], ['2.1', '2.2', '2.3', '2.3.1'], ['3.1', '3.2', '3.3', '3.4'], ['4.1', '4.2', '4.3']];
  const seen: string[][] = [];
  for (const [i, numbers] of expected.entries()) {
    expect(await openSection(sw, page, i)).toBe(true);
    const scan = await scanPage(sw, page);
    expect(scan.sections?.open).toBe(i);
    expect(scan.questions.every((q) => q.section === SECTION_NAMES[i])).toBe(true);
    seen.push(scan.questions.map((q) => q.number ?? ''));
    expect(scan.questions.map((q) => q.number)).toEqual(numbers);
    if (i === 2) {
      // A previous answer shows up as the current value.
      expect(question(scan, 'multi-factor authentication').currentValue).toBe('Yes');
      expect(question(scan, 'identity providers').kind).toBe('multi-choice');
    }
  }
  expect(seen.flat()).toHaveLength(17);

  // A field of a section that is no longer rendered is not filled.
  const [old] = await fillPage(sw, page, [{ fieldId: question(first, 'person accountable').fieldId, value: 'x' }]);
  expect(old?.status).not.toBe('filled');

  expect(await openSection(sw, page, 3)).toBe(true);
  const data = await scanPage(sw, page);
  // A choice with a justification editor: one question, the editor as its comment box.
  const subprocessors = question(data, 'subprocessors');
  expect([subprocessors.kind, subprocessors.options, subprocessors.writer]).toEqual(['yesno', ['Yes', 'No'], 'onetrust-buttons']);
  expect(subprocessors.commentFieldId).toBeDefined();
  const results = await fillPage(sw, page, [
    { fieldId: question(data, 'customer data encrypted').fieldId, value: 'At rest only' },
    { fieldId: question(data, 'retained after contract termination').fieldId, value: '90 days' },
    { fieldId: question(data, 'encryption keys are managed').fieldId, value: 'Keys live in a cloud KMS and rotate every 90 days.' },
    { fieldId: subprocessors.fieldId, value: 'Yes' },
    { fieldId: subprocessors.commentFieldId as string, value: 'Hosting: AWS (eu-west-1).\nEmail: Postmark.' },
  ]);
  expect(results.map((r) => r.status)).toEqual(['filled', 'filled', 'filled', 'filled', 'filled']);
  const state = await otState(page);
  expect(state.answers[id(301)]).toBe('At rest only');
  expect(state.answers[id(303)]).toBe('90 days');
  expect(state.quillText[id(302)]).toBe('Keys live in a cloud KMS and rotate every 90 days.\n');
  expect(state.answers[id(304)]).toBe('Yes');
  expect(state.justifications[id(304)]).toBe('Hosting: AWS (eu-west-1).\nEmail: Postmark.');
  expect(state.quillText[`${id(304)}:justification`]).toBe('Hosting: AWS (eu-west-1).\nEmail: Postmark.\n');
  expect(state.answers[id(105)]).toBeUndefined();
});

test('panel: a lookup gets a proposal checked against its list at fill time; an N/A proposal presses "Not applicable"', async ({ context, extensionId, portalUrl, openPanel }) => {
  const entry = (id: string, question: string, answer: string, choice: string): LibraryEntry => ({
    id, question, answer, choice, tags: [], citations: [{ title: 'Security Overview' }], status: 'approved', reviewedAt: '2026-07-01', updatedAt: '2026-07-01T00:00:00Z',
  });
  await importLibrary(context, extensionId, {
    format: LIBRARY_FORMAT,
    version: LIBRARY_FORMAT_VERSION,
    entries: [
      entry('region', 'In which region is customer data primarily hosted?', 'Customer data is hosted in the EU (Frankfurt and Dublin).', 'European Union'),
      entry('certs', 'List any security certifications obtained in the last 12 months.', 'Not applicable: no new certifications in the last 12 months.', 'N/A'),
    ],
  });
  const page = await context.newPage();
  await openAssessment(page, portalUrl('onetrust', ROUTE));
  const panel = await openPanel(page);
  const card = (text: RegExp) => panel.locator('article.card').filter({ has: panel.getByRole('heading', { name: text }) });

  // The lookup's options were read by opening it: the proposal names one of them.
  const region = card(/primarily hosted/);
  await expect(region.locator('.option')).toHaveText('Option: European Union');
  await region.getByRole('button', { name: 'Accept & fill' }).click();
  await expect(region.locator('.badge-filled')).toHaveText('Filled');
  await expect.poll(async () => (await otState(page)).answers[id(106)]).toBe('European Union');
  await expect(page.locator('.ot-lookup__input')).toHaveValue('European Union');
  await expect(page.locator('[role="listbox"]')).toHaveCount(0);

  // N/A: the card's "Not applicable" button is pressed; nothing is typed into the editor.
  const certs = card(/security certifications/);
  await expect(certs.locator('.option')).toContainText('Option: Not applicable · the page\'s own button is pressed');
  await certs.getByRole('button', { name: 'Accept & fill' }).click();
  await expect(certs.locator('.badge-filled')).toHaveText('Filled');
  let state = await otState(page);
  expect(state.notApplicable[id(107)]).toBe(true);
  expect(state.quillText[id(107)]).toBe('\n');
  await expect(page.locator(`[data-question-id="${id(107)}"] .aa-question__na-btn`)).toHaveClass(/vt-button--primary/);

  // Undo un-presses the button.
  await certs.getByRole('button', { name: 'Undo fill' }).click();
  await expect.poll(async () => (await otState(page)).notApplicable[id(107)]).toBe(false);

  // Edited: the analyst can still answer with text, which goes into the editor and leaves N/A off.
  await certs.getByRole('button', { name: 'Edit' }).click();
  await certs.getByLabel('Answer with').selectOption({ label: 'the text below' });
  await certs.locator('form.editor textarea').fill('ISO 27001 (March 2026)');
  await certs.getByRole('button', { name: 'Fill edited answer' }).click();
  await expect.poll(async () => (await otState(page)).quillText[id(107)]).toBe('ISO 27001 (March 2026)\n');
  state = await otState(page);
  expect(state.notApplicable[id(107)]).toBe(false);
  expect(state.submitted).toBe(false);
});
