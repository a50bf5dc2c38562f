// ProcessUnity vendor questionnaire (WebForms Default.aspx replica; mostly inferred, see the fixture) with the
// built extension: the adapter recognises the page and the generic detector carries the questions; every kind
// is filled and what a postback would send (the form data) holds it; nothing is ever posted back.
import type { Page } from '@playwright/test';
import { test, expect } from './support/extension';
import { fillPage, question, scanPage } from './support/content';

const PATH = '/acme/Default.aspx?nav=ASSESSMENTS%2fMyQuestionnaires%2fDetails&id=48213';
const P = 'ctl00$MainContent$pnlDetails$prop_';

/** The form as a postback would send it, only the questionnaire's properties; plus the page's change counts. */
function formState(page: Page): Promise<{ data: Record<string, string[]>; changes: Record<string, number>; postbacks: number }> {
  return page.evaluate(() => {
    const data: Record<string, string[]> = {};
    for (const [k, v] of new FormData(document.getElementById('aspnetForm') as HTMLFormElement)) {
      if (!k.includes('$prop_')) continue;
      const name = k.replace(/\$\d+$/, '');
      (data[name] ??= []).push(String(v));
    }
    const pu = (window as unknown as { __pu: { changes: Record<string, number>; postbacks(): number } }).__pu;
    return { data, changes: { ...pu.changes }, postbacks: pu.postbacks() };
  });
}

async function openEditMode(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await page.waitForURL(/mode=edit/);
  await expect(page.locator('#ctl00_MainContent_pnlDetails_prop_1041')).toBeVisible();
}

test('the read-only record: recognised, no questions, told to click Edit', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  await page.goto(portalUrl('processunity', PATH));
  const scan = await scanPage(sw, page);
  expect(scan.portal).toBe('processunity');
  expect(scan.pageKind).toBe('default-aspx:ASSESSMENTS/MyQuestionnaires/Details');
  expect(scan.questions).toEqual([]);
  expect(scan.warnings).toEqual(['ProcessUnity shows this record read-only: click Edit in the action bar, then scan again.']);
});

test('edit mode: the generic detector finds every property, with number, text, kind, options and section', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  await openEditMode(page, portalUrl('processunity', PATH));
  const scan = await scanPage(sw, page);
  expect(scan.portal).toBe('processunity');
  expect(scan.warnings).toEqual([]);
  expect(scan.questions.map((q) => [q.number, q.text, q.kind, q.options, q.required, q.section, q.textSource])).toEqual([
    ['1.1', 'Legal name of the vendor entity', 'text', [], true, 'General Information', 'label-for'],
    ['1.2', 'Number of employees with access to customer data', 'text', [], false, 'General Information', 'label-for'],
    ['2.1', 'Does your organization have a documented information security program?', 'yesno', ['Yes', 'No'], true, 'Information Security', 'label-for'],
    ['2.2', 'Describe how security incidents are detected, escalated and reported to customers.', 'textarea', [], true, 'Information Security', 'table-row'],
    ['2.3', 'How often are external penetration tests performed?', 'single-choice', ['Annually', 'Semi-annually', 'Quarterly', 'Never'], false, 'Information Security', 'label-for'],
    ['2.4', 'Are employees required to complete security awareness training?', 'yesno', ['Yes', 'No', 'N/A'], true, 'Information Security', 'table-row'],
    ['2.5', 'Which of the following certifications do you hold?', 'multi-choice', ['ISO 27001', 'SOC 2 Type II', 'PCI DSS', 'HITRUST'], false, 'Information Security', 'table-row'],
    ['3.1', 'Date of the last business continuity test', 'date', [], false, 'Business Continuity', 'label-for'],
    ['3.2', 'Summarize the results of the last disaster recovery exercise.', 'textarea', [], false, 'Business Continuity', 'label-for'],
  ]);
  expect(scan.questions.every((q) => q.portal === 'processunity')).toBe(true);
  expect(question(scan, 'Legal name').helpText).toBe('As registered with the relevant authority.');
  expect(question(scan, 'disaster recovery exercise').currentValue).toBe('Full failover to the secondary region completed in 3 hours.');
});

test('without the adapter (same page off the Default.aspx path) the generic detector alone still finds every property', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  await page.goto(portalUrl('processunity', '/portals/processunity/vendor-questionnaire.html?mode=edit'));
  await expect(page.locator('#ctl00_MainContent_pnlDetails_prop_1041')).toBeVisible();
  const scan = await scanPage(sw, page);
  expect(scan.portal).toBe('generic');
  const texts = scan.questions.map((q) => q.text).join(' | ');
  for (const phrase of ['Legal name', 'Number of employees', 'documented information security program', 'security incidents', 'penetration tests',
    'security awareness training', 'ISO 27001', 'business continuity test', 'disaster recovery exercise']) {
    expect(texts).toContain(phrase);
  }
});

test('fills every kind; the form a postback would send holds the values; nothing is posted back', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  await openEditMode(page, portalUrl('processunity', PATH));
  const urlBefore = page.url();
  const scan = await scanPage(sw, page);
  const f = (text: string) => question(scan, text).fieldId;
  const incidents = 'Alerts page the on-call engineer.\nCustomers are told within 72 hours.';
  const results = await fillPage(sw, page, [
    { fieldId: f('Legal name'), value: 'Northwind Cloud Ltd' },
    { fieldId: f('Number of employees'), value: '42' },
    { fieldId: f('documented information security program'), value: 'Yes' },
    { fieldId: f('security incidents'), value: incidents },
    { fieldId: f('penetration tests'), value: 'Quarterly' },
    { fieldId: f('security awareness training'), value: 'N/A' },
    { fieldId: f('certifications do you hold'), value: ['ISO 27001', 'SOC 2 Type II'] },
    { fieldId: f('business continuity test'), value: '03/14/2026' },
    { fieldId: f('disaster recovery exercise'), value: 'Tabletop exercise in May 2026; no gaps found.' },
  ]);
  expect(results.map((r) => r.status)).toEqual(Array(9).fill('filled'));

  const { data, changes, postbacks } = await formState(page);
  expect(data).toEqual({
    [`${P}1041`]: ['Northwind Cloud Ltd'],
    [`${P}1042`]: ['42'],
    [`${P}1043`]: ['Yes'],
    [`${P}1044`]: [incidents],
    [`${P}1045`]: ['Quarterly'],
    [`${P}1046`]: ['N/A'],
    [`${P}1047`]: ['ISO 27001', 'SOC 2 Type II'],
    [`${P}1048`]: ['03/14/2026'],
    [`${P}1049`]: ['Tabletop exercise in May 2026; no gaps found.'],
  });
  // Each field saw a change event, as typing or clicking would give (WebForms dirty tracking listens to it).
  for (const n of [1041, 1042, 1043, 1044, 1045, 1049]) expect(changes[`${P}${n}`], `change on ${n}`).toBeGreaterThan(0);
  expect(changes[`${P}1047$0`]).toBe(1);
  expect(changes[`${P}1047$1`]).toBe(1);
  expect(changes[`${P}1047$2`]).toBeUndefined();
  expect(postbacks).toBe(0);
  expect(page.url()).toBe(urlBefore);
});

test('an open Inactivity Warning is reported', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  await openEditMode(page, portalUrl('processunity', PATH));
  await page.evaluate(() => (window as unknown as { __pu: { showInactivityWarning(): void } }).__pu.showInactivityWarning());
  const scan = await scanPage(sw, page);
  expect(scan.warnings).toContain("ProcessUnity's Inactivity Warning dialog is open: continue the session before filling.");
});
