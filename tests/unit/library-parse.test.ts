import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryFileError } from '../../lib/library/library-errors';
import { MAX_LIBRARY_ENTRIES, MAX_LIBRARY_FILE_BYTES } from '../../lib/library/limits';
import { parseLibraryFile, readLibraryEntries } from '../../lib/library/parse-library-file';
import { questionId } from '../../lib/library/question-id';

const fixture = (name: string) => new Uint8Array(readFileSync(resolve(import.meta.dirname, '../fixtures/library', name)));

async function fileError(input: string | Uint8Array, name: string): Promise<LibraryFileError> {
  const error = await parseLibraryFile(input, name).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LibraryFileError);
  return error as LibraryFileError;
}

describe('parseLibraryFile: good files', () => {
  it('reads the canonical JSON, keeping unknown fields of entries and citations', async () => {
    const parsed = await parseLibraryFile(fixture('good-library.json'), 'good-library.json');
    expect(parsed.invalid).toEqual([]);
    expect(parsed.source).toBe('Northwind Security Team');
    expect(parsed.entries.map((e) => e.entry.id)).toEqual(['json-quantum-crypto', 'json-tabletop', 'json-formula-like']);
    const first = parsed.entries[0]!.entry;
    expect(first.riskRating).toEqual({ inherent: 'medium' });
    expect(first.citations?.[0]).toMatchObject({ title: 'Cryptography and Key Management Standard', page: 12 });
    expect(parsed.entries[1]!.entry.answer).toContain('\nFindings');
    expect(parsed.entries[2]!.where).toBe('entry 3');
  });

  it('reads a CSV with human header names, a multi-line cell, formula prefixes and a row without id', async () => {
    const parsed = await parseLibraryFile(fixture('good-library.csv'), 'good-library.csv');
    expect(parsed.invalid).toEqual([]);
    const [hsm, formula, redTeam] = parsed.entries.map((e) => e.entry);
    expect(hsm).toMatchObject({
      id: 'csv-hsm',
      tags: ['encryption', 'key-management'],
      alternateQuestions: ['Are keys stored in an HSM?', 'Do you use FIPS validated hardware?'],
      citations: [{ title: 'Cryptography and Key Management Standard', section: '5 Key management', url: 'https://trust.northwind-cloud.example/policies/cryptography#5' }],
      status: 'approved',
      business_unit: 'Platform',
    });
    expect(formula?.question).toBe('=Is a formula cell imported as text?');
    expect(formula?.answer).toBe('@Yes, the leading apostrophe is removed on import.');
    expect(formula?.status).toBe('draft');
    expect(redTeam?.id).toBe(questionId('Do you carry out red team exercises?'));
    expect(redTeam?.id).toBe(questionId('  do you carry out RED team exercises? '));
    expect(parsed.entries[2]!.where).toBe('row 4');
  });

  it('reads the XLSX fixture', async () => {
    const parsed = await parseLibraryFile(fixture('good-library.xlsx'), 'good-library.xlsx');
    expect(parsed.invalid).toEqual([]);
    expect(parsed.entries.map((e) => e.entry)).toEqual([
      expect.objectContaining({ id: 'xlsx-clean-desk', answer: '+Yes. Staff lock screens when away and keep no customer data on paper.' }),
      expect.objectContaining({ id: 'xlsx-vendor-offboarding', alternateQuestions: ['What happens when a supplier relationship ends?'] }),
      expect.objectContaining({ id: 'xlsx-wireless', status: 'draft', expiresAt: '2026-02-01' }),
    ]);
    expect(parsed.entries[0]!.entry.citations).toEqual([
      { title: 'Acceptable Use Policy', section: '5 Clean desk' },
      { title: 'Human Resources Security Policy', url: 'https://trust.northwind-cloud.example/policies/hr-security' },
    ]);
  });

  it('never lets a column or the extra cell reach the prototype', async () => {
    const csv = 'question,answer,__proto__,extra\r\nQ?,A.,x,"{""__proto__"":{""polluted"":true},""ok"":1}"\r\n';
    const [entry] = (await parseLibraryFile(csv, 'proto.csv')).entries.map((e) => e.entry);
    expect(Object.getPrototypeOf(entry)).toBe(Object.prototype);
    expect(entry).toMatchObject({ question: 'Q?', ok: 1 });
    expect((entry as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts semicolon-separated CSV (Excel in many locales) and a byte-order mark', async () => {
    const parsed = await parseLibraryFile('\uFEFFquestion;answer\r\nIs it?;Yes.\r\n', 'x.csv');
    expect(parsed.entries[0]?.entry).toMatchObject({ question: 'Is it?', answer: 'Yes.' });
  });
});

describe('parseLibraryFile: bad input is refused with a message naming the file and the problem', () => {
  it.each([
    ['not-json.json', /not-json\.json: not valid JSON/],
    ['wrong-format.json', /wrong-format\.json: not an answer-library file: "format" is "something-else"/],
    ['newer-version.json', /newer-version\.json: written in library format version 2, newer than this extension reads \(version 1\)\. Update the extension/],
    ['empty.json', /empty\.json: the file is empty \(0 bytes\)/],
    ['binary-renamed.csv', /binary-renamed\.csv: this is a binary file, not CSV text/],
    ['missing-columns.csv', /missing-columns\.csv: the header row has no "answer" column \(found: id, question, owner\)/],
  ])('%s', async (name, message) => {
    expect((await fileError(fixture(name), name)).message).toMatch(message);
  });

  it('refuses a 60 MB file before parsing it, stating the limit', async () => {
    const big = new Uint8Array(60 * 1024 * 1024).fill(0x20);
    const error = await fileError(big, 'huge.json');
    expect(error.message).toBe('huge.json: the file is 60.0 MB; the limit is 50 MB. Split the library into smaller files.');
    expect(MAX_LIBRARY_FILE_BYTES).toBe(50 * 1024 * 1024);
  });

  it('refuses a file with more entries than the limit, and a corrupt workbook', async () => {
    const rows = Array.from({ length: MAX_LIBRARY_ENTRIES + 1 }, (_, i) => `Q${i}?,A.`).join('\n');
    expect((await fileError(`question,answer\n${rows}\n`, 'many.csv')).message).toBe(
      `many.csv: the file has ${MAX_LIBRARY_ENTRIES + 1} entries; the limit is ${MAX_LIBRARY_ENTRIES}. Split it into smaller files.`,
    );
    const corrupt = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await fileError(corrupt, 'broken.xlsx')).message).toMatch(/^broken\.xlsx: the workbook cannot be read \(.+\)\. Save it again from Excel as \.xlsx\.$/);
  });

  it('refuses an XLSX renamed .csv and text renamed .xlsx', async () => {
    expect((await fileError(fixture('good-library.xlsx'), 'sheet.csv')).message).toMatch(/ZIP\/XLSX.*rename it to \.xlsx/);
    expect((await fileError(fixture('good-library.csv'), 'sheet.xlsx')).message).toMatch(/not an Excel workbook/);
  });

  it('refuses unsupported extensions, invalid UTF-8 and unclosed quotes', async () => {
    expect((await fileError('{}', 'library.txt')).message).toMatch(/unsupported file type/);
    expect((await fileError(new Uint8Array([0x71, 0x2c, 0xff, 0xfe, 0x0a]), 'latin.csv')).message).toMatch(/not UTF-8 text/);
    expect((await fileError('question,answer\n"Is it?,Yes\n', 'open.csv')).message).toMatch(/open\.csv: row \d+: a quoted cell is never closed/);
  });

  it('refuses a JSON envelope without entries or with a bad version', async () => {
    expect((await fileError('{"format":"answer-library","version":1}', 'a.json')).message).toMatch(/"entries" is missing/);
    expect((await fileError('{"format":"answer-library","version":"1","entries":[]}', 'a.json')).message).toMatch(/"version" must be a whole number/);
    expect((await fileError('[]', 'a.json')).message).toMatch(/expected a JSON object/);
  });

  it('lists every invalid entry with its position, id and the field at fault', async () => {
    const parsed = await parseLibraryFile(fixture('missing-fields.json'), 'missing-fields.json');
    expect(parsed.entries.map((e) => e.entry.id)).toEqual(['ok-1']);
    expect(parsed.invalid).toEqual([
      { index: 1, where: 'entry 2', id: 'no-answer', reason: 'answer: required field is missing' },
      { index: 2, where: 'entry 3', reason: 'id: required field is missing' },
      { index: 3, where: 'entry 4', id: 'bad-date', reason: 'expiresAt: expected an ISO date like 2026-06-01' },
    ]);
    await expect(readLibraryEntries(fixture('missing-fields.json'), 'missing-fields.json')).rejects.toThrow(
      /missing-fields\.json: 3 invalid entries: entry 2: answer: required field is missing/,
    );
  });

  it('reports duplicate ids inside one file against the first use', async () => {
    const parsed = await parseLibraryFile(fixture('duplicate-ids.json'), 'duplicate-ids.json');
    expect(parsed.invalid).toEqual([
      { index: 2, where: 'entry 3', id: 'dup', reason: 'duplicate id "dup" (already used by entry 1); ids must be unique within a file' },
    ]);
  });

  it('names spreadsheet rows and columns in CSV errors', async () => {
    const csv = 'id,question,answer,status,expires_at\r\na,Q1?,A1.,approved,\r\nb,Q2?,,approved,\r\n\r\nc,Q3?,A3.,published,31/12/2027\r\n';
    const parsed = await parseLibraryFile(csv, 'team.csv');
    expect(parsed.invalid.map((i) => [i.where, i.reason])).toEqual([
      ['row 3', 'answer: answer is empty'],
      ['row 5', expect.stringMatching(/^status: .*; expires_at: expected an ISO date like 2026-06-01$/)],
    ]);
  });
});
