// Evidence attachments with the built extension: the Library view stores a PDF (and refuses an over-limit or
// wrong-type file with a clear message), the card attaches it to a buyer's form on a click, and the ServiceNow
// survey (hidden input behind "Add attachment", upload confirmed later) and the OneTrust assessment (attachment
// dialog with a drop zone) list the file in their own state. Nothing is ever submitted or saved.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from '@playwright/test';
import { test, expect } from './support/extension';
import { openSection, scanPage, tabIdOf } from './support/content';
import { readHistoryRows } from './support/history-rows';
import type { AttachReply, DetectedQuestion, PageScan } from '../../lib/schema';

/** A small, real PDF. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PDF_SHA256 = createHash('sha256').update(PDF).digest('hex');

function byText(scan: PageScan, text: string): DetectedQuestion {
  const q = scan.questions.find((x) => x.text === text);
  if (!q) throw new Error(`question "${text}" not detected; got: ${scan.questions.map((x) => x.text).join(' | ')}`);
  return q;
}

/** Attach through the panel's own tab client (the e2e build exposes it on the service worker). */
async function attach(sw: Worker, page: Page, q: DetectedQuestion, name: string, bytes: Buffer): Promise<AttachReply> {
  const tabId = await tabIdOf(sw, page);
  const fieldId = q.attachmentFieldId ?? q.fieldId;
  const message = {
    type: 'attach' as const,
    fieldId,
    question: { key: q.key, text: q.text },
    file: { name, mime: 'application/pdf', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), base64: bytes.toString('base64') },
  };
  return sw.evaluate(
    async ([t, f, m]) => {
      const client = (globalThis as unknown as { qaTabClient: { attachInFrame(...a: unknown[]): Promise<unknown> } }).qaTabClient;
      return client.attachInFrame(t, f, m, []);
    },
    [tabId, q.frameId ?? 0, message] as const,
  ) as Promise<AttachReply>;
}

function recordPosts(page: Page): string[] {
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST') posts.push(r.url());
  });
  return posts;
}

test('Library: a PDF is stored with its hash and total; over-limit and wrong-type files get a clear message; the card attaches it to a buyer form', async ({ context, sw, portalUrl, openPanel }) => {
  const target = await context.newPage();
  await target.goto(portalUrl('buyer', '/portals/generic/evidence-upload.html'));
  const panel = await openPanel(target);
  await panel.getByRole('tab', { name: 'Library' }).click();
  await expect(panel.getByTestId('evidence-total')).toHaveText('0 files, 0 B stored in this browser.');

  const file = panel.getByLabel('Evidence file', { exact: true });
  const add = panel.getByRole('button', { name: 'Add evidence file' });
  // A large file goes through a path on disk (Playwright streams it), one byte over the limit.
  const big = join(mkdtempSync(join(tmpdir(), 'evidence-')), 'big.pdf');
  writeFileSync(big, Buffer.concat([PDF, Buffer.alloc(25 * 1024 * 1024 + 1 - PDF.length)]));
  await file.setInputFiles(big);
  await add.click();
  await expect(panel.locator('.evidence-add [role="alert"]')).toHaveText('"big.pdf" is 25.0 MB; evidence files may be at most 25 MB. Compress it or split it, then add it again.');
  await file.setInputFiles({ name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ\x90\x00binary') });
  await add.click();
  await expect(panel.locator('.evidence-add [role="alert"]')).toContainText('"setup.exe" is not an accepted evidence file (.exe). Evidence must be a PDF, DOCX, XLSX, PNG, JPEG or TXT file.');
  await file.setInputFiles({ name: 'renamed.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00binary') });
  await add.click();
  await expect(panel.locator('.evidence-add [role="alert"]')).toContainText('"renamed.pdf" is named as a PDF, but its content is an unknown binary format');
  await expect(panel.getByTestId('evidence-total')).toHaveText('0 files, 0 B stored in this browser.');

  await file.setInputFiles({ name: 'soc2-report.pdf', mimeType: 'application/pdf', buffer: PDF });
  await panel.locator('.evidence-add').getByLabel('Title').fill('SOC 2 Type II report 2026');
  await panel.locator('.evidence-add').getByLabel('Valid until').fill('2099-12-31');
  await add.click();
  await expect(panel.getByText(`Added evidence "SOC 2 Type II report 2026" (soc2-report.pdf, ${PDF.length} B).`)).toBeVisible();
  await expect(panel.getByTestId('evidence-total')).toHaveText(`1 file, ${PDF.length} B stored in this browser.`);
  await expect(panel.locator('.evidence-row .evidence-hash')).toHaveAttribute('title', PDF_SHA256);

  await panel.getByRole('tab', { name: 'Questions' }).click();
  const card = panel.locator('article', { hasText: 'Attach your latest SOC 2 Type II report' });
  await card.click();
  const picker = card.getByLabel('Evidence to attach');
  await picker.selectOption({ label: `SOC 2 Type II report 2026 (soc2-report.pdf, ${PDF.length} B)` });
  await card.getByRole('button', { name: 'Attach “soc2-report.pdf”' }).click();
  await expect(card.getByRole('status')).toHaveText(`Attached “soc2-report.pdf”. The page lists: soc2-report.pdf.`);
  // The page's own state: its change listener saw the file, and its list shows it.
  expect(await target.evaluate(() => (window as unknown as { uploads: Record<string, unknown> }).uploads)).toEqual({ 'soc2-file': [{ name: 'soc2-report.pdf', size: PDF.length, type: 'application/pdf' }] });
  await expect(target.locator('#soc2-list li')).toHaveText([`soc2-report.pdf (1 KB)`]);
  expect(await target.evaluate(() => (window as unknown as { uploadEvents: string[] }).uploadEvents)).toEqual(['soc2-file:input', 'soc2-file:change']);

  // The history names the evidence, its file, size and hash.
  const rows = (await readHistoryRows(panel)).filter((r) => r.attachment);
  expect(rows.map((r) => [r.result, r.value, r.attachment])).toEqual([
    ['filled', 'soc2-report.pdf', { evidenceId: expect.any(String), title: 'SOC 2 Type II report 2026', fileName: 'soc2-report.pdf', size: PDF.length, sha256: PDF_SHA256 }],
  ]);

  // An input that takes images only: the page's own rule is respected and said.
  const diagram = panel.locator('article', { hasText: 'Upload your network diagram' });
  await diagram.click();
  await diagram.getByLabel('Evidence to attach').selectOption({ label: `SOC 2 Type II report 2026 (soc2-report.pdf, ${PDF.length} B)` });
  await diagram.getByRole('button', { name: 'Attach “soc2-report.pdf”' }).click();
  await expect(diagram.getByRole('status')).toHaveText(`The page's upload control accepts only image/*; "soc2-report.pdf" was not attached.`);

  // Undo clears the plain input: the page's list empties.
  await card.click();
  await card.getByRole('button', { name: 'Undo attachment' }).click();
  await expect(card.getByRole('status')).toHaveText(`Removed “soc2-report.pdf” from the page's upload control.`);
  await expect(target.locator('#soc2-list li')).toHaveCount(0);
  expect(await target.evaluate(() => (window as unknown as { submits?: number }).submits ?? 0)).toBe(0);
});

test('ServiceNow survey: the hidden input behind "Add attachment" takes the PDF and the survey lists it once its upload answers', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  const posts = recordPosts(page);
  await page.goto(portalUrl('servicenow', '/sp?id=take_survey&instance_id=9d3c1f0e2b4a4c6d8e0f1a2b3c4d5e6f&uploadMs=700'));
  await page.waitForFunction(() => document.documentElement.dataset.qaContent === 'loaded');
  await page.getByRole('button', { name: 'Get Started' }).click();
  await page.locator('.hidden-xs .select2-container').nth(1).waitFor();
  expect(await openSection(sw, page, 1)).toBe(true);
  await page.locator('.hidden-xs .sp-attachment-add').waitFor();

  const scan = await scanPage(sw, page);
  const q = byText(scan, 'Upload your most recent SOC 2 Type II report');
  expect([q.kind, q.writer, q.hidden]).toEqual(['file', 'file', undefined]);
  const reply = await attach(sw, page, q, 'soc2-report.pdf', PDF);
  expect(reply).toEqual({ type: 'attach-result', status: 'attached', shown: ['soc2-report.pdf'] });
  const attachments = await page.evaluate(() => {
    const c = (window as unknown as { angular: { element(e: Element | null): { controller(): { data: { questions: { idMap: Record<string, { attachments: string[] }> } } } } } }).angular
      .element(document.getElementById('sp_survey_root'))
      .controller();
    return c.data.questions.idMap['b2e1d4f32c3b5e21c9f3a2b8dae15f05']!.attachments;
  });
  expect(attachments).toEqual(['soc2-report.pdf']);
  await expect(page.locator('.hidden-xs .attachment-list li')).toHaveText(['soc2-report.pdf']);

  // Undo: the portal keeps an uploaded file, and says so.
  const tabId = await tabIdOf(sw, page);
  const undo = (await sw.evaluate(
    async ([t, f, m]) => (globalThis as unknown as { qaTabClient: { attachInFrame(...a: unknown[]): Promise<unknown> } }).qaTabClient.attachInFrame(t, f, m, []),
    [tabId, q.frameId ?? 0, { type: 'detach', fieldId: q.fieldId, question: { key: q.key, text: q.text }, fileName: 'soc2-report.pdf' }] as const,
  )) as AttachReply;
  expect([undo.status, undo.message]).toEqual(['kept', 'The portal keeps the uploaded file "soc2-report.pdf"; remove it from the question\'s attachments in the portal yourself.']);
  expect(posts).toEqual([]);
});

test('OneTrust assessment: the attachment button opens the dialog, the PDF is dropped on its drop zone and listed once uploaded', async ({ context, sw, portalUrl }) => {
  const page = await context.newPage();
  const posts = recordPosts(page);
  await page.goto(portalUrl('onetrust', '/app/?uploadMs=600#/pia/assessment/wizard/info/5d0c8a56-9a51-4c2e-b1f3-0d7f6a2b9e41/1'));
  await expect(page.locator('aa-assessment-detail-question')).toHaveCount(6);
  const scan = await scanPage(sw, page);
  const q = scan.questions[0]!;
  expect(q.attachmentFieldId).toBeDefined();
  const reply = await attach(sw, page, q, 'soc2-report.pdf', PDF);
  expect(reply).toEqual({ type: 'attach-result', status: 'attached', shown: ['soc2-report.pdf'] });
  const state = await page.evaluate(() => (window as unknown as { __ot: { attachments: Record<string, string[]>; log: string[] } }).__ot);
  expect(Object.values(state.attachments)).toEqual([['soc2-report.pdf']]);
  expect(state.log.filter((l) => l.startsWith('upload'))).toEqual(['upload-start:soc2-report.pdf', 'upload-done:soc2-report.pdf']);
  await expect(page.locator('aa-assessment-detail-question').first().locator('.aa-question__attachments-btn')).toHaveText('Attachments (1)');
  // The dialog was closed with its own Close button.
  await expect(page.locator('.ot-attachment-modal')).toHaveCount(0);
  expect(posts).toEqual([]);
});

test('evidence bundle: export, remove, import through the same preview; every file comes back with its hash', async ({ context, extensionId }) => {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await panel.getByRole('tab', { name: 'Library' }).click();
  await expect(panel.locator('.library-counts')).toContainText('of 68 entries shown');
  await panel.getByLabel('Evidence file', { exact: true }).setInputFiles({ name: 'soc2-report.pdf', mimeType: 'application/pdf', buffer: PDF });
  await panel.locator('.evidence-add').getByLabel('Title').fill('SOC 2 Type II report 2026');
  await panel.getByRole('button', { name: 'Add evidence file' }).click();
  await expect(panel.getByTestId('evidence-total')).toHaveText(`1 file, ${PDF.length} B stored in this browser.`);

  const downloading = panel.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export evidence bundle (.zip)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^evidence-bundle-\d{4}-\d{2}-\d{2}\.zip$/);
  const zipPath = join(mkdtempSync(join(tmpdir(), 'bundle-')), download.suggestedFilename());
  await download.saveAs(zipPath);
  await expect(panel.getByText('Exported an evidence bundle: 68 entries and 1 evidence file.')).toBeVisible();

  await panel.getByRole('button', { name: 'Remove evidence SOC 2 Type II report 2026' }).click();
  await expect(panel.getByTestId('evidence-total')).toHaveText('0 files, 0 B stored in this browser.');

  await panel.getByLabel('Import library file (.json, .csv, .xlsx)').setInputFiles(zipPath);
  await expect(panel.locator('.library-preview-summary')).toContainText('0 added');
  await expect(panel.locator('.library-preview-evidence')).toHaveText("With 1 evidence file (each checked against the manifest's SHA-256): 1 new, 0 replacing the stored file of the same id.");
  await panel.getByRole('button', { name: 'Apply import' }).click();
  await expect(panel.getByTestId('evidence-total')).toHaveText(`1 file, ${PDF.length} B stored in this browser.`);
  await expect(panel.locator('.evidence-row .evidence-hash')).toHaveAttribute('title', PDF_SHA256);
});
