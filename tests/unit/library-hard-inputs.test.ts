// Hostile and impossible library files: decompression bombs, huge cells, stray far cells, impossible dates,
// timestamps in the future, look-alike ids, and spreadsheet formula triggers on export.
import { describe, expect, it } from 'vitest';
import type { StoredEntry } from '../../lib/db/records';
import { exportLibraryCsv } from '../../lib/library/export-library';
import { LibraryFileError } from '../../lib/library/library-errors';
import { MAX_ENTRY_NESTING } from '../../lib/library/limits';
import { parseLibraryFile } from '../../lib/library/parse-library-file';
import { planSync } from '../../lib/library/plan-sync';
import { protectCell, unprotectCell } from '../../lib/library/table-columns';
import { buildWorkbook, sheetXml } from '../support/zip-builder';

const HEADER = ['id', 'question', 'answer'];
const NOW = new Date('2026-12-01T12:00:00Z');

async function fileError(input: string | Uint8Array, name: string): Promise<LibraryFileError> {
  const error = await parseLibraryFile(input, name, { now: NOW }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LibraryFileError);
  return error as LibraryFileError;
}

const jsonLibrary = (entries: unknown[]) => JSON.stringify({ format: 'answer-library', version: 1, entries });

describe('XLSX: decompression bombs and huge cells', () => {
  it('reads a small well-formed workbook built by the test helper (the baseline for the hostile ones)', async () => {
    const parsed = await parseLibraryFile(buildWorkbook(sheetXml([HEADER, ['enc', 'Encrypted?', 'Yes.']])), 'ok.xlsx', { now: NOW });
    expect(parsed.invalid).toEqual([]);
    expect(parsed.entries.map((e) => e.entry.id)).toEqual(['enc']);
  });

  it('refuses a workbook part that declares a 2 GB inflated size, naming the part and the limit, before inflating it', async () => {
    const bomb = buildWorkbook(sheetXml([HEADER, ['enc', 'Encrypted?', 'Yes.']]), { sheetDeclaredSize: 2 * 1024 * 1024 * 1024 - 1 });
    const error = await fileError(bomb, 'bomb.xlsx');
    expect(error.message).toContain('bomb.xlsx');
    expect(error.message).toContain('xl/worksheets/sheet1.xml');
    expect(error.message).toMatch(/2,048\.0 MB.*limit is 100 MB/);
  });

  it('refuses a part whose data inflates to more than its header declares (a lying bomb), instead of trusting the header', async () => {
    const sheet = sheetXml([HEADER, ['enc', 'Encrypted?', 'Yes.'.repeat(50_000)]]);
    const liar = buildWorkbook(sheet, { sheetDeclaredSize: 1000 });
    const error = await fileError(liar, 'liar.xlsx');
    expect(error.message).toContain('xl/worksheets/sheet1.xml');
    expect(error.message).toContain('more than the 1,000 bytes its header declares');
  });

  it('refuses one cell longer than the text limit, naming the sheet, row, column and limit', async () => {
    const huge = 'A'.repeat(100_001);
    const parsed = await parseLibraryFile(buildWorkbook(sheetXml([HEADER, ['ok', 'Fine?', 'Yes.'], ['big', 'Huge?', huge]])), 'huge.xlsx', { now: NOW });
    expect(parsed.entries.map((e) => e.entry.id)).toEqual(['ok']);
    expect(parsed.invalid).toEqual([
      { index: 1, where: 'row 3', id: 'big', reason: 'answer (column C): 100,001 characters; the limit is 100,000 per field. Shorten it or split the entry.' },
    ]);
  });

  it('refuses an over-long answer in JSON too, naming the entry and field', async () => {
    const parsed = await parseLibraryFile(jsonLibrary([{ id: 'big', question: 'Q?', answer: 'x'.repeat(100_001) }]), 'big.json', { now: NOW });
    expect(parsed.invalid[0]).toMatchObject({ where: 'entry 1', id: 'big', reason: 'answer: 100,001 characters; the limit is 100,000 per field. Shorten it or split the entry.' });
  });

  it('names the nested field of an over-long text and refuses values nested past the limit, in a file of valid entries', async () => {
    const ok = (id: string) => ({ id, question: `${id}?`, answer: 'Yes.', citations: [{ title: 'Policy', section: '1' }], extra: { a: [{ b: 'c' }] } });
    const deep = { id: 'deep', question: 'Deep?', answer: 'Yes.', extra: {} as Record<string, unknown> };
    let node = deep.extra;
    for (let level = 0; level < MAX_ENTRY_NESTING; level++) node = (node.next = {}) as Record<string, unknown>;
    const parsed = await parseLibraryFile(
      jsonLibrary([ok('a'), { ...ok('long'), citations: [{ title: 'Policy', section: '1' }, { title: 't'.repeat(100_001), section: '2' }] }, ok('b'), deep, ok('c')]),
      'nested.json',
      { now: NOW },
    );
    expect(parsed.entries.map((e) => e.entry.id)).toEqual(['a', 'b', 'c']);
    expect(parsed.invalid).toEqual([
      { index: 1, where: 'entry 2', id: 'long', reason: 'citations.1.title: 100,001 characters; the limit is 100,000 per field. Shorten it or split the entry.' },
      { index: 3, where: 'entry 4', id: 'deep', reason: `entry: values nested more than ${MAX_ENTRY_NESTING} levels deep; remove or flatten the extra fields` },
    ]);
  });

  it('does not hang on a data-validation rule and a dimension spanning every cell of the sheet', async () => {
    const sheet = sheetXml([HEADER, ['enc', 'Encrypted?', 'Yes.']], {
      dimension: 'A1:XFD1048576',
      afterSheetData: '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576"><formula1>"Yes,No"</formula1></dataValidation></dataValidations>',
    });
    const parsed = await parseLibraryFile(buildWorkbook(sheet), 'validation.xlsx', { now: NOW });
    expect(parsed.entries.map((e) => e.entry.id)).toEqual(['enc']);
  });

  it('refuses a stray value far outside the library (which would make the reader fill billions of empty cells), naming the cell', async () => {
    const sheet = sheetXml([HEADER, ['enc', 'Encrypted?', 'Yes.']], { extraCells: '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>' });
    const error = await fileError(buildWorkbook(sheet), 'stray.xlsx');
    expect(error.message).toContain('sheet "Library"');
    expect(error.message).toContain('cell XFD1048576');
    expect(error.message).toContain('column 16,384');
  });

  it('accepts empty formatted cells far away (Excel writes them for formats) since they hold no value', async () => {
    const sheet = sheetXml([HEADER, ['enc', 'Encrypted?', 'Yes.']], { extraCells: '<row r="1048576"><c r="XFD1048576" s="1"/></row>' });
    const parsed = await parseLibraryFile(buildWorkbook(sheet), 'formatted.xlsx', { now: NOW });
    expect(parsed.entries.map((e) => e.entry.id)).toEqual(['enc']);
  });
});

describe('impossible dates and times', () => {
  const cases: Array<[string, Record<string, string>, string]> = [
    ['a month 99', { reviewedAt: '9999-99-99' }, 'reviewedAt: 9999-99-99 is not a real date'],
    ['February 30', { expiresAt: '2026-02-30' }, 'expiresAt: 2026-02-30 is not a real date'],
    ['month 13', { reviewedAt: '2026-13-01' }, 'reviewedAt: 2026-13-01 is not a real date'],
    ['hour 25', { updatedAt: '2026-06-01T25:00:00Z' }, 'updatedAt: 2026-06-01T25:00:00Z is not a real date and time'],
    ['minute 61', { updatedAt: '2026-06-01T10:61:00Z' }, 'updatedAt: 2026-06-01T10:61:00Z is not a real date and time'],
    ['an offset of +25:00', { updatedAt: '2026-06-01T10:00:00+25:00' }, 'updatedAt: 2026-06-01T10:00:00+25:00 is not a real date and time'],
  ];
  it.each(cases)('refuses %s with the entry and field named', async (_label, fields, reason) => {
    const parsed = await parseLibraryFile(jsonLibrary([{ id: 'd', question: 'Q?', answer: 'A.', ...fields }]), 'dates.json', { now: NOW });
    expect(parsed.entries).toEqual([]);
    expect(parsed.invalid[0]?.where).toBe('entry 1');
    expect(parsed.invalid[0]?.reason).toContain(reason);
  });

  it('names the spreadsheet column for an impossible date in a CSV', async () => {
    const parsed = await parseLibraryFile('id,question,answer,expires_at\r\nd,Q?,A.,2026-02-29\r\n', 'dates.csv', { now: NOW });
    expect(parsed.invalid[0]).toMatchObject({ where: 'row 2', reason: expect.stringContaining('expires_at: 2026-02-29 is not a real date') });
  });

  it('still accepts real dates, leap days and offsets', async () => {
    const parsed = await parseLibraryFile(
      jsonLibrary([{ id: 'd', question: 'Q?', answer: 'A.', reviewedAt: '2024-02-29', expiresAt: '2027-12-31', updatedAt: '2026-06-01T23:59:59.5+05:30' }]),
      'dates.json',
      { now: NOW },
    );
    expect(parsed.invalid).toEqual([]);
  });
});

describe('updatedAt in the future', () => {
  it('refuses an entry updated later than now plus a day, so it cannot pin itself against later exports', async () => {
    const parsed = await parseLibraryFile(jsonLibrary([{ id: 'pin', question: 'Q?', answer: 'A.', updatedAt: '2099-01-01T00:00:00Z' }]), 'future.json', { now: NOW });
    expect(parsed.invalid[0]).toMatchObject({ where: 'entry 1', id: 'pin', reason: expect.stringContaining('updatedAt: 2099-01-01T00:00:00Z is in the future') });
  });

  it('accepts a clock a few hours ahead (within the allowed skew)', async () => {
    const parsed = await parseLibraryFile(jsonLibrary([{ id: 'soon', question: 'Q?', answer: 'A.', updatedAt: '2026-12-01T20:00:00Z' }]), 'soon.json', { now: NOW });
    expect(parsed.invalid).toEqual([]);
  });

  it('lets the team\'s real later export replace an entry already pinned by a future time in the library', async () => {
    const pinned: StoredEntry = { id: 'pin', question: 'Q?', answer: 'Old.', updatedAt: '2099-01-01T00:00:00Z', _meta: { importedAt: '2026-01-01T00:00:00Z', importedUpdatedAt: '2099-01-01T00:00:00Z' } };
    const file = await parseLibraryFile(jsonLibrary([{ id: 'pin', question: 'Q?', answer: 'New.', updatedAt: '2026-11-30T00:00:00Z' }]), 'team.json', { now: NOW });
    const plan = planSync(file, [pinned], { now: NOW });
    expect(plan.updated.map((u) => u.entry.id)).toEqual(['pin']);
    expect(plan.unchanged).toEqual([]);
  });
});

describe('ids that only look different', () => {
  it('normalises ids: NFC, trimmed, zero-width characters removed', async () => {
    const parsed = await parseLibraryFile(
      jsonLibrary([
        { id: ' cafe\u0301 ', question: 'Q1?', answer: 'A.' },
        { id: 'enc\u200B-at-rest\uFEFF', question: 'Q2?', answer: 'A.' },
      ]),
      'ids.json',
      { now: NOW },
    );
    expect(parsed.entries.map((e) => e.entry.id)).toEqual(['caf\u00e9', 'enc-at-rest']);
  });

  it('reports two ids that differ only by normalisation or zero-width characters as a duplicate', async () => {
    const parsed = await parseLibraryFile(
      jsonLibrary([
        { id: 'enc-at-rest', question: 'Q1?', answer: 'A.' },
        { id: 'enc-at-\u200Brest', question: 'Q2?', answer: 'A.' },
      ]),
      'ids.json',
      { now: NOW },
    );
    expect(parsed.invalid[0]).toMatchObject({ where: 'entry 2', reason: expect.stringContaining('duplicate id "enc-at-rest"') });
  });

  it('warns in the preview about ids that differ only by letter case or look-alike letters, in the file and against the library', async () => {
    const file = await parseLibraryFile(
      jsonLibrary([
        { id: 'ENC-at-rest', question: 'Q1?', answer: 'A.' },
        { id: 'enc-at-rest', question: 'Q2?', answer: 'A.' },
        { id: 'b\u0430ckups', question: 'Q3?', answer: 'A.' },
        { id: 'logging', question: 'Q4?', answer: 'A.' },
      ]),
      'ids.json',
      { now: NOW },
    );
    const local: StoredEntry = { id: 'backups', question: 'Backups?', answer: 'Daily.' };
    const plan = planSync(file, [local], { now: NOW });
    expect(plan.idWarnings).toEqual([
      { id: 'enc-at-rest', where: 'entry 2', otherId: 'ENC-at-rest', otherWhere: 'entry 1 of this file' },
      { id: 'b\u0430ckups', where: 'entry 3', otherId: 'backups', otherWhere: 'the library' },
    ]);
  });
});

describe('CSV export against spreadsheet formulas and locales', () => {
  it('quotes a cell containing ";" so a semicolon locale does not split it', () => {
    const csv = exportLibraryCsv([{ id: 'a', question: 'Keys; rotation?', answer: 'Yes.' }]);
    expect(csv).toContain('"Keys; rotation?"');
  });

  it.each(['\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'])('prefixes the full-width formula trigger %s like its ASCII twin, and import removes it again', (trigger) => {
    const text = `${trigger}HYPERLINK("http://x")`;
    expect(protectCell(text)).toBe(`'${text}`);
    expect(unprotectCell(protectCell(text))).toBe(text);
  });
});
