import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AutofillDatabase } from '../../lib/db/database';
import { listEntries } from '../../lib/db/entries-repository';
import { applySyncPlan } from '../../lib/library/apply-sync';
import { exportLibraryCsv, exportLibraryFile, exportLibraryJson, exportLibraryXlsx } from '../../lib/library/export-library';
import { LibraryExportError } from '../../lib/library/library-errors';
import { parseLibraryFile } from '../../lib/library/parse-library-file';
import { planSync } from '../../lib/library/plan-sync';
import { protectCell, unprotectCell } from '../../lib/library/table-columns';
import type { LibraryEntry } from '../../lib/schema';

const sampleText = readFileSync(resolve(import.meta.dirname, '../../public/sample-library.json'), 'utf8');
const goodJson = readFileSync(resolve(import.meta.dirname, '../fixtures/library/good-library.json'), 'utf8');
let dbCount = 0;
const freshDb = () => new AutofillDatabase(`export-test-${++dbCount}`);
const options = { exportedAt: '2026-11-28T10:00:00.000Z', source: 'Northwind Security Team' };

async function entriesOf(text: string | Uint8Array, name: string): Promise<LibraryEntry[]> {
  const parsed = await parseLibraryFile(text, name);
  expect(parsed.invalid).toEqual([]);
  return parsed.entries.map((e) => e.entry);
}

/** Entries with the awkward cases a spreadsheet column cannot hold directly. */
const awkward: LibraryEntry[] = [
  {
    id: 'awkward',
    question: '=SUM(A1:A2) looks like a formula?',
    alternateQuestions: ['two\nlines?', '  padded  '],
    answer: "'@already prefixed\nsecond line, with \"quotes\"",
    choice: '',
    tags: ['a;b', 'c'],
    citations: [{ title: 'Policy', page: 3 }, { title: 'Other', section: '', url: 'https://x.example/p' }],
    owner: '-owner',
    status: 'draft',
    reviewedAt: '2026-01-01',
    updatedAt: '2026-01-01T00:00:00+02:00',
    risk_level: 'high',
    nested: { deep: [1, 2] },
    emptyList: [],
  },
  { id: 'plain', question: 'Plain?', answer: 'Yes.', tags: [], alternateQuestions: [] },
  { id: 'zz-unicode', question: 'Données chiffrées ? 数据加密?', answer: 'Tabbed\tanswer 🙂', owner: '\t+tabbed owner', citations: [] },
];

describe('JSON export', () => {
  it('export -> import -> export is byte-identical (through the database)', async () => {
    const db = freshDb();
    await applySyncPlan(db, planSync(await parseLibraryFile(sampleText, 'sample-library.json'), []));
    const first = exportLibraryJson(await listEntries(db), options);

    const other = freshDb();
    await applySyncPlan(other, planSync(await parseLibraryFile(first, 'export.json'), []));
    const second = exportLibraryJson(await listEntries(other), options);
    expect(second).toBe(first);
    expect(first).not.toContain('_meta');
    expect(JSON.parse(first).entries).toHaveLength(68);
  });

  it('keeps unknown fields and writes known keys in format order, entries sorted by id', async () => {
    const exported = exportLibraryJson(await entriesOf(goodJson, 'g.json'), options);
    const document = JSON.parse(exported);
    expect(Object.keys(document)).toEqual(['format', 'version', 'exportedAt', 'source', 'entries']);
    expect(document.entries.map((e: LibraryEntry) => e.id)).toEqual(['json-formula-like', 'json-quantum-crypto', 'json-tabletop']);
    expect(Object.keys(document.entries[1]).slice(-2)).toEqual(['updatedAt', 'riskRating']);
    expect(document.entries[1].citations[0].page).toBe(12);
    expect(exported.endsWith('}\n')).toBe(true);
  });
});

describe('CSV and XLSX round trips keep every field', () => {
  it('CSV: awkward entries come back exactly', async () => {
    const csv = exportLibraryCsv(awkward);
    expect(csv.startsWith('\uFEFFid,question,answer,')).toBe(true);
    expect(csv).toContain("'=SUM(A1:A2)");
    expect(csv).toContain("''@already prefixed");
    expect(csv).toContain(',risk_level,extra\r\n');
    expect(await entriesOf(csv, 'x.csv')).toEqual(awkward.map((e) => expect.objectContaining(e)));
    expect(exportLibraryJson(await entriesOf(csv, 'x.csv'), options)).toBe(exportLibraryJson(awkward, options));
  });

  it('XLSX: awkward entries come back exactly', async () => {
    const blob = await exportLibraryXlsx(awkward);
    const back = await entriesOf(new Uint8Array(await blob.arrayBuffer()), 'x.xlsx');
    expect(exportLibraryJson(back, options)).toBe(exportLibraryJson(awkward, options));
  });

  it('XLSX refuses, naming entry, field and character, a text a workbook cannot carry (JSON and CSV keep it)', async () => {
    for (const [answer, code] of [['x\u0001y', 'U+0001'], ['\uFFFD', 'U+FFFD'], ['a\u0090b', 'U+0090']] as const) {
      const entries: LibraryEntry[] = [{ id: 'ctl', question: 'Q?', answer }];
      const refusal = await exportLibraryXlsx(entries).then(() => null, (error: unknown) => error);
      expect(refusal).toBeInstanceOf(LibraryExportError);
      expect((refusal as Error).message).toContain(`Entry "ctl": its answer contains the character ${code}`);
      const back = await entriesOf(exportLibraryCsv(entries), 'c.csv');
      expect(back[0]?.answer).toBe(answer);
    }
  });

  it('the sample library survives CSV and XLSX', async () => {
    const sample = await entriesOf(sampleText, 'sample.json');
    const expected = exportLibraryJson(sample, options);
    expect(exportLibraryJson(await entriesOf(exportLibraryCsv(sample), 's.csv'), options)).toBe(expected);
    const xlsx = new Uint8Array(await (await exportLibraryXlsx(sample)).arrayBuffer());
    expect(exportLibraryJson(await entriesOf(xlsx, 's.xlsx'), options)).toBe(expected);
  });

  it('any text survives the formula protection', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '\n', 'a', ' ') }), (text) => {
        const protectedText = protectCell(text);
        expect(/^[=+\-@\t\r\n]/.test(protectedText)).toBe(false);
        expect(unprotectCell(protectedText)).toBe(text);
      }),
    );
  });

  it('any entry survives a CSV round trip', async () => {
    const text = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s !== '');
    const entry = fc.record(
      {
        id: fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/),
        question: text,
        answer: text,
        alternateQuestions: fc.array(fc.string({ maxLength: 10 })),
        tags: fc.array(fc.string({ maxLength: 8 })),
        citations: fc.array(fc.record({ title: text, section: fc.string({ maxLength: 8 }), url: fc.string({ maxLength: 8 }) }, { requiredKeys: ['title'] })),
        choice: fc.string({ maxLength: 8 }),
        owner: fc.string({ maxLength: 8 }),
      },
      { requiredKeys: ['id', 'question', 'answer'] },
    );
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(entry, { selector: (e) => e.id, maxLength: 5 }), async (entries) => {
        const back = await entriesOf(exportLibraryCsv(entries), 'p.csv');
        expect(exportLibraryJson(back, options)).toBe(exportLibraryJson(entries, options));
      }),
      { numRuns: 60 },
    );
  });

  it('refuses an XLSX export of an answer longer than an Excel cell, naming the entry', async () => {
    const long: LibraryEntry = { id: 'long-one', question: 'Long?', answer: 'x'.repeat(40_000) };
    await expect(exportLibraryXlsx([long])).rejects.toThrow(LibraryExportError);
    await expect(exportLibraryXlsx([long])).rejects.toThrow(/Entry "long-one": its answer has 40000 characters/);
  });

  it('names downloads by date and format', async () => {
    const file = await exportLibraryFile(awkward, 'csv', options);
    expect(file.fileName).toBe('answer-library-2026-11-28.csv');
    expect(file.blob.type).toBe('text/csv;charset=utf-8');
  });
});
