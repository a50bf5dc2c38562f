// OneTrust as the real respondent view behaves: a section list rebuilt on every toggle (questions ~0.6 s later),
// single-choice rows inside the multichoice component, and lookups whose options exist only while open.
import type { Page } from '@playwright/test';
import { test, expect as baseExpect } from './support/extension';
import { openSection, question, scanPage } from './support/content';
import { watchPageErrors } from './support/page-errors';
import { importLibrary } from '../fixtures/portals/hostile/panel';
import { LIBRARY_FORMAT, LIBRARY_FORMAT_VERSION, type LibraryEntry } from '../../lib/schema';

const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 120_000 });

const ROUTE = '/app/#/pia/assessment/wizard/info/5d0c8a56-9a51-4c2e-b1f3-0d7f6a2b9e41/1';
const id = (n: number) => `b0c1e7a2-11aa-4c1e-9d01-${String(n).padStart(12, '0')}`;

type Ot = { answers: Record<string, unknown>; listRenders: number; log: unknown[] };
const ot = (page: Page): Promise<Ot> =>
  page.evaluate(() => {
    const { answers, listRenders, log } = (window as unknown as { __ot: Ot }).__ot;
    return JSON.parse(JSON.stringify({ answers, listRenders, log })) as Ot;
  });

async function openAssessment(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('aa-assessment-detail-question')).toHaveCount(6);
}

test('opens every section of a list that is rebuilt on each toggle', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  await openAssessment(page, portalUrl('onetrust', ROUTE));
  const rendersBefore = (await ot(page)).listRenders;
  for (const [i, count] of [0, 6, 4, 4, 3].entries()) {
    expect(await openSection(sw, page, i)).toBe(true);
    const scan = await scanPage(sw, page);
    expect(scan.sections?.open).toBe(i);
    expect(scan.questions).toHaveLength(count);
  }
  // The page really replaced its list each time (the elements found before a click were detached).
  expect((await ot(page)).listRenders - rendersBefore).toBe(5);
});

test('a single-choice row inside the multichoice component is single choice; multi-choice buttons stay multi', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  await openAssessment(page, portalUrl('onetrust', ROUTE));
  await expect(page.locator('aa-multichoice-buttons .aa-question__button-row')).toHaveCount(1);
  const scan = await scanPage(sw, page);
  expect(question(scan, 'documented information security policy')).toMatchObject({ kind: 'yesno', options: ['Yes', 'No', 'Not Applicable'], writer: 'onetrust-buttons' });
  expect(question(scan, 'security frameworks').kind).toBe('multi-choice');
  expect(await openSection(sw, page, 3)).toBe(true);
  const data = await scanPage(sw, page);
  expect(question(data, 'customer data encrypted')).toMatchObject({ kind: 'single-choice', currentValue: null });
});

test('lookup options are read by opening and closing the list, leaving its value as it was', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  await openAssessment(page, portalUrl('onetrust', ROUTE));
  const scan = await scanPage(sw, page);
  const region = question(scan, 'primarily hosted');
  // The list shows its first eight options until one types; those are what the page offers unfiltered.
  expect(region.options).toEqual(['United States', 'European Union', 'United Kingdom', 'Switzerland', 'Canada', 'Australia', 'Japan', 'Singapore']);
  expect(region.optionsSearchable).toBe(true);
  expect(region.currentValue).toBeNull();
  await expect(page.locator('[role="listbox"]')).toHaveCount(0);
  await expect(page.locator('.ot-lookup__input')).toHaveValue('');
  const state = await ot(page);
  expect(state.answers[id(106)]).toBeUndefined();
  expect(state.log).toEqual([]);
  // A second scan does not open it again.
  await scanPage(sw, page);
  expect((await ot(page)).log).toEqual([]);
});

test('panel: a lookup card maps its option from the list it read, and fills it', async ({ context, extensionId, portalUrl, openPanel }) => {
  const entry = (id: string, question: string, answer: string, choice: string): LibraryEntry => ({
    id, question, answer, choice, tags: [], citations: [{ title: 'Security Overview' }], status: 'approved', reviewedAt: '2026-07-01', updatedAt: '2026-07-01T00:00:00Z',
  });
  await importLibrary(context, extensionId, {
    format: LIBRARY_FORMAT,
    version: LIBRARY_FORMAT_VERSION,
    entries: [entry('region', 'In which region is customer data primarily hosted?', 'Customer data is hosted in the EU.', 'european union')],
  });
  const page = await context.newPage();
  await openAssessment(page, portalUrl('onetrust', ROUTE));
  const panel = await openPanel(page);
  const errors = await watchPageErrors(panel);
  const region = panel.locator('article.card').filter({ has: panel.getByRole('heading', { name: /primarily hosted/ }) });
  // Mapped onto the page's own label (case as the page writes it), with no "matched when it opens" caveat.
  await expect(region.locator('.option')).toHaveText('Option: European Union');
  await region.getByRole('button', { name: 'Accept & fill' }).click();
  await expect(region.locator('.badge-filled')).toHaveText('Filled');
  await expect.poll(async () => (await ot(page)).answers[id(106)]).toBe('European Union');
  errors.expectNone();
});
