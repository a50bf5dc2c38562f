// The hand-off sheet's suggested owner through the built extension: the closest entry has no owner, so the owner is
// the one most entries sharing its tags have, counted over the whole library, including entries no proposal on the
// page names (the panel holds only the proposed ones; the export reads the rest).
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { test, expect as baseExpect } from './support/extension';
import { drawnCard } from './support/drawn-card';

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 300_000 });

const ASKED = 'How many employees have access to customer data?';
const CLOSEST = 'staff-access-count';
/** Entries sharing the closest entry's tag, worded far from every question of the page. */
const TAGGED = ['hiring-background-checks', 'awareness-training-yearly', 'leavers-accounts-disabled', 'badge-office-visitors'];

const LIBRARY = {
  format: 'answer-library',
  version: 1,
  source: 'Owners check',
  entries: [
    // The closest answer to the question: a draft (so the question goes to an owner), without an owner of its own.
    { id: CLOSEST, question: ASKED, answer: 'About forty people in support and operations.', tags: ['workforce'], status: 'draft' },
    { id: TAGGED[0], question: 'Are background checks run before hiring?', answer: 'Yes, for every hire.', tags: ['workforce', 'hiring'], owner: 'People Operations' },
    { id: TAGGED[1], question: 'Is security awareness training mandatory every year?', answer: 'Yes, yearly.', tags: ['workforce'], owner: 'People Operations' },
    { id: TAGGED[2], question: "Are leavers' accounts disabled on their last working day?", answer: 'Yes, by the HR feed.', tags: ['workforce'], owner: 'People Operations' },
    // Fewer entries of the tag: not the owner suggested.
    { id: TAGGED[3], question: 'Do visitors get a badge at the office reception?', answer: 'Yes, escorted.', tags: ['workforce'], owner: 'Facilities' },
  ],
};

test('questions for owners: the owner comes from the entries sharing the closest entry’s tags, over the whole library', async ({ context, portalUrl, openPanel }, testInfo) => {
  const form = await context.newPage();
  await form.goto(portalUrl('buyer', '/portals/generic/label-for.html'));
  const panel = await openPanel(form);

  // The library replaced by the small one above (the first-run sample removed, so its owners cannot answer).
  await panel.getByRole('tab', { name: 'Library' }).click();
  await expect(panel.locator('.library-sample-line')).toBeVisible({ timeout: 60_000 });
  await panel.getByLabel('Import library file (.json, .csv, .xlsx)').setInputFiles({ name: 'owners-check.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(LIBRARY)) });
  await panel.getByLabel(/Remove the \d+ sample entries/).check();
  await panel.getByRole('button', { name: 'Apply import' }).click();
  await expect(panel.locator('.library-counts')).toContainText(`of ${LIBRARY.entries.length} entries shown`, { timeout: 60_000 });

  await panel.getByRole('tab', { name: 'Questions' }).click();
  await panel.getByRole('button', { name: 'Re-scan' }).click();
  // The question's card shows the draft proposed from the imported library (the list draws only the cards in view).
  const card = await drawnCard(panel, ASKED);
  await expect(card).toContainText('Draft');
  await expect(panel.getByTestId('matching-progress')).toHaveCount(0);

  const handoff = panel.getByTestId('handoff');
  await handoff.locator('summary').click();
  const [download] = await Promise.all([panel.waitForEvent('download'), handoff.getByRole('button', { name: 'Export CSV' }).click()]);
  const path = testInfo.outputPath('owners.csv');
  await download.saveAs(path);
  const sheet = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });

  const asked = sheet.data.find((row) => row.question === ASKED);
  expect(asked, `${ASKED} is in the sheet`).toBeDefined();
  expect(asked!.handoff_closest_entry).toBe(CLOSEST);
  // The entries that carry the owner are proposed for nothing on the page: only the whole library knows them.
  expect(sheet.data.map((row) => row.handoff_closest_entry).filter((id) => TAGGED.includes(id ?? ''))).toEqual([]);
  expect(asked!.owner).toBe('People Operations');
});
