// Generic detection through the built extension: the content script is injected on demand into a buyer page.
import { test, expect } from './support/extension';
import { fillPage, question, scanPage } from './support/content';

test('a buyer table questionnaire is scanned and filled through the service worker', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  await page.goto(portalUrl('buyer', '/portals/generic/table-questionnaire.html'));
  const scan = await scanPage(sw, page);
  expect(scan.portal).toBe('generic');
  const a1 = question(scan, 'multi-factor');
  expect(a1).toMatchObject({ kind: 'yesno', number: 'A.1', textSource: 'table-row', options: ['Yes', 'No', 'N/A'], frameId: 0 });
  expect(a1.commentFieldId).toBeDefined();
  const results = await fillPage(sw, page, [
    { fieldId: a1.fieldId, value: 'Yes', expectedText: a1.text },
    { fieldId: a1.commentFieldId!, value: 'Enforced by the SSO provider.' },
  ]);
  expect(results.map((r) => r.status)).toEqual(['filled', 'filled']);
  expect(await page.evaluate(() => (window as unknown as { model: Record<string, string> }).model)).toEqual({ a1: 'Yes', a1_comment: 'Enforced by the SSO provider.' });
  expect(await page.evaluate(() => (window as unknown as { submits: number }).submits)).toBe(0);
});
