// Attaching evidence, the pure parts: which file a card proposes (linked first, expired never by default), the
// attach message's checks, the page's `accept` rule, and the history row.
import { describe, expect, it } from 'vitest';
import type { EvidenceMeta } from '../../lib/db/records';
import { EVIDENCE_MAX_BYTES } from '../../lib/evidence/evidence-file';
import { acceptsFile } from '../../lib/fill/attach-file';
import { attachChanges, evidenceChoices, pendingAttachEvent, toBase64, uploadFieldOf } from '../../lib/panel/attach-plan';
import { AttachFileSchema, FillEventSchema, PanelToContentSchema, type DetectedQuestion } from '../../lib/schema';

const meta = (id: string, extra: Partial<EvidenceMeta> = {}): EvidenceMeta => ({
  id,
  title: id.toUpperCase(),
  fileName: `${id}.pdf`,
  mime: 'application/pdf',
  size: 10,
  sha256: 'a'.repeat(64),
  entryIds: [],
  addedAt: '2026-01-01T00:00:00Z',
  ...extra,
});

const question: DetectedQuestion = {
  key: 'q1',
  fieldId: 'f1',
  attachmentFieldId: 'f2',
  text: 'Do you have a SOC 2 report?',
  textSource: 'label-for',
  number: '3',
  kind: 'yesno',
  options: ['Yes', 'No'],
  required: false,
  currentValue: null,
  portal: 'generic',
  writer: 'radio-group',
};

describe('the evidence a card proposes', () => {
  it('proposes the linked, unexpired file; lists linked before unlinked and expired last', () => {
    const all = [meta('other'), meta('old', { entryIds: ['soc2'], validUntil: '2025-12-31' }), meta('current', { entryIds: ['soc2'], validUntil: '2026-12-31' })];
    const { choices, proposed } = evidenceChoices(all, 'soc2', '2026-06-01');
    expect(proposed).toBe('current');
    expect(choices.map((c) => [c.meta.id, c.linked, c.expired])).toEqual([
      ['current', true, false],
      ['other', false, false],
      ['old', true, true],
    ]);
  });

  it("counts a file the matched entry's citation points to as linked", () => {
    const { choices, proposed } = evidenceChoices([meta('a'), meta('cited')], 'soc2', '2026-06-01', ['cited']);
    expect(proposed).toBe('cited');
    expect(choices.map((c) => [c.meta.id, c.linked])).toEqual([
      ['cited', true],
      ['a', false],
    ]);
  });

  it('never proposes an expired file, nor anything when no file is linked to the matched entry', () => {
    expect(evidenceChoices([meta('old', { entryIds: ['soc2'], validUntil: '2025-12-31' })], 'soc2', '2026-06-01').proposed).toBeUndefined();
    expect(evidenceChoices([meta('a'), meta('b')], 'soc2', '2026-06-01').proposed).toBeUndefined();
    expect(evidenceChoices([meta('a', { entryIds: ['soc2'] })], undefined, '2026-06-01').proposed).toBeUndefined();
  });

  it('finds the upload control: the attachment beside an answer, or a question that only takes a file', () => {
    expect(uploadFieldOf(question)).toBe('f2');
    expect(uploadFieldOf({ ...question, attachmentFieldId: undefined, kind: 'file', writer: 'file' })).toBe('f1');
    expect(uploadFieldOf({ ...question, attachmentFieldId: undefined })).toBeUndefined();
  });
});

describe('the attach message', () => {
  const bytes = new TextEncoder().encode('%PDF-1.7 hello');
  const file = { name: 'soc2.pdf', mime: 'application/pdf', size: bytes.length, sha256: 'b'.repeat(64), base64: toBase64(bytes) };
  const message = { type: 'attach', fieldId: 'f2', question: { key: 'q1', text: 'Q' }, file };

  it('carries base64 that decodes to the same bytes, also across the chunk boundary', () => {
    expect(Buffer.from(file.base64, 'base64').equals(Buffer.from(bytes))).toBe(true);
    const big = new Uint8Array(0x8000 * 2 + 5).map((_, i) => i % 251);
    expect(Buffer.from(toBase64(big), 'base64').equals(Buffer.from(big))).toBe(true);
    expect(PanelToContentSchema.safeParse(message).success).toBe(true);
  });

  it('refuses a size that does not match the bytes, a path in the name, a type outside the list, and more than 25 MB', () => {
    expect(AttachFileSchema.safeParse({ ...file, size: file.size + 1 }).success).toBe(false);
    expect(AttachFileSchema.safeParse({ ...file, name: '../../etc/passwd' }).success).toBe(false);
    expect(AttachFileSchema.safeParse({ ...file, name: 'C:\\soc2.pdf' }).success).toBe(false);
    expect(AttachFileSchema.safeParse({ ...file, mime: 'application/x-msdownload' }).success).toBe(false);
    expect(AttachFileSchema.safeParse({ ...file, size: EVIDENCE_MAX_BYTES + 1 }).success).toBe(false);
    expect(AttachFileSchema.safeParse({ ...file, base64: 'not base64!' }).success).toBe(false);
    expect(PanelToContentSchema.safeParse({ ...message, fieldId: '' }).success).toBe(false);
  });

  it("honours the page input's accept list: extensions, exact types and wildcards", () => {
    const pdf = { name: 'Report.PDF', type: 'application/pdf' };
    expect(acceptsFile('', pdf)).toBe(true);
    expect(acceptsFile('.pdf,.docx', pdf)).toBe(true);
    expect(acceptsFile('application/pdf', pdf)).toBe(true);
    expect(acceptsFile('image/*', pdf)).toBe(false);
    expect(acceptsFile('image/*', { name: 'net.png', type: 'image/png' })).toBe(true);
    expect(acceptsFile('.docx', pdf)).toBe(false);
  });
});

describe('the history row of an attachment', () => {
  it('records the evidence title, file name, size and hash, written pending and settled by the reply', () => {
    const row = pendingAttachEvent({ at: '2026-06-01T10:00:00Z', pageUrl: 'https://vendors.example/q', pageTitle: 'Q', tabId: 4 }, question, meta('soc2', { title: 'SOC 2 Type II' }), 'req-1', false);
    expect(FillEventSchema.safeParse(row).error?.issues ?? []).toEqual([]);
    expect(row).toMatchObject({ result: 'pending', value: 'soc2.pdf', requestId: 'req-1', questionNumber: '3', tabId: 4, attachment: { title: 'SOC 2 Type II', fileName: 'soc2.pdf', size: 10, sha256: 'a'.repeat(64) } });
    expect(row.undo).toBeUndefined();
    expect(attachChanges({ type: 'attach-result', status: 'attached', shown: ['soc2.pdf'] }, 'later')).toEqual({ result: 'filled', actual: 'soc2.pdf', resolvedAt: 'later' });
    expect(attachChanges({ type: 'attach-result', status: 'unconfirmed', shown: [], message: 'not shown' }, 'later')).toEqual({ result: 'unknown', actual: null, message: 'not shown', resolvedAt: 'later' });
    expect(attachChanges({ type: 'attach-result', status: 'kept', shown: ['soc2.pdf'], message: 'kept' }, 'later').result).toBe('rejected');
    expect(pendingAttachEvent({ at: 'x', pageUrl: '', pageTitle: '' }, question, meta('soc2'), 'req-2', true).undo).toBe(true);
  });
});

describe('bulk fill and attachments', () => {
  it('never sends anything to an upload control: a file-only question is excluded, an answer with an attachment box fills only the answer', async () => {
    const { planBulkFill } = await import('../../lib/panel/bulk-fill');
    const { emptyRows, rowsReducer } = await import('../../lib/panel/question-rows');
    const { entry, proposal, question: q } = await import('./panel-fixtures');
    const questions = [q({ key: 'file-only', kind: 'file', writer: 'file' }), q({ key: 'with-box', attachmentFieldId: 'upload-1' })];
    const rows = rowsReducer(emptyRows, {
      type: 'scanned',
      questions,
      proposals: Object.fromEntries(questions.map((x) => [x.key, [proposal({ entryId: 'soc2' })]])),
    }).rows;
    const plan = planBulkFill(rows, new Map([['soc2', entry({ id: 'soc2', citations: [{ title: 'SOC 2', evidenceId: 'ev-1' }] })]]));
    expect(plan.items.map((i) => i.key)).toEqual(['with-box']);
    const fieldIds = plan.items.flatMap((i) => i.plan.requests.map((r) => r.fieldId));
    expect(fieldIds).toEqual(['f-with-box']);
    expect(plan.excluded.map((e) => e.key)).toContain('file-only');
  });
});
