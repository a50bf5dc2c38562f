// Property tests of library import in every format (JSON, CSV, XLSX): arbitrary input either parses into
// schema-valid entries or fails with a LibraryFileError that names the file; an import that fails part-way
// leaves the library exactly as it was; and every valid library survives export -> import unchanged.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { AutofillDatabase } from '../../lib/db/database';
import type { StoredEntry } from '../../lib/db/records';
import { listEntryVersions } from '../../lib/db/versions-repository';
import { applySyncPlan } from '../../lib/library/apply-sync';
import { canonicalEntry, sortById } from '../../lib/library/canonical-entry';
import { exportLibraryCsv, exportLibraryJson, exportLibraryXlsx } from '../../lib/library/export-library';
import { normalizeEntryId } from '../../lib/library/entry-checks';
import { LibraryExportError, LibraryFileError, SyncApplyError } from '../../lib/library/library-errors';
import { parseLibraryFile, type LibraryFileKind } from '../../lib/library/parse-library-file';
import { planSync, type ConflictChoices } from '../../lib/library/plan-sync';
import { TABLE_COLUMNS } from '../../lib/library/table-columns';
import { LIBRARY_FORMAT, LibraryEntrySchema, type LibraryEntry } from '../../lib/schema';
import { countEntries, listEntries, putEntries } from '../../lib/db/entries-repository';

const KINDS: LibraryFileKind[] = ['json', 'csv', 'xlsx'];
// A fixed seed by default, so CI replays the same cases on every machine; FC_SEED=random explores new ones (and prints
// the seed of any failure, to add here as a regression), FC_SEED=<n> replays one.
const SEED = process.env.FC_SEED === 'random' ? Date.now() % 1_000_000 : Number(process.env.FC_SEED ?? 568_548);
const runs = (numRuns: number) => ({ numRuns, seed: SEED });

// ---------- arbitraries ----------

/** Text that is hard for CSV, spreadsheets and HTML: formula triggers, quotes, separators, line breaks, markup. */
const NASTY = [
  '=1+1', '+1 555 0100', '-5%', '@SUM(A1)', '\t=1', '\r=1', '\n=1', "'=already", "''", "'", '"quoted"', 'a,b', 'a;b', '; ;',
  'line one\nline two', 'line one\r\nline two', '\r\n', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>',
  'javascript:alert(1)', '__proto__', 'constructor', '\uFEFFbom', 'é', '日本語', '😀', '\u00a0', '{"a":1}', 'true', '0012', '1e5',
  '2026-06-01', 'NULL', '',
];
const nasty = fc.constantFrom(...NASTY);
const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: nasty },
  { weight: 2, arbitrary: fc.array(fc.oneof(nasty, fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 4 }).map((p) => p.join('')) },
);
/** Text a schema `.trim()` keeps as is (question, answer, citation title must already be trimmed to be valid). */
const trimmed = text.map((s) => s.trim()).filter((s) => s !== '');
const isoDate = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
// Change times stay in the past: import refuses an `updatedAt` later than now (it would pin the entry).
const isoDateTime = fc.date({ min: new Date('2000-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }).map((d) => d.toISOString().replace('.000Z', 'Z'));
const unknownKey = fc.oneof(fc.constantFrom('reviewer', 'x-internal', 'Source System', 'extra'), fc.stringMatching(/^[a-z][a-zA-Z_]{0,8}$/)).filter(
  (k) => !['id', 'question', 'answer', 'alternateQuestions', 'choice', 'tags', 'citations', 'owner', 'status', 'reviewedAt', 'expiresAt', 'updatedAt', '_meta'].includes(k),
);
const unknownValue = fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(text, { maxLength: 3 }), fc.dictionary(fc.stringMatching(/^[a-z]{1,5}$/), text, { maxKeys: 2 }));

const citation = fc.record({ title: trimmed, section: text, url: text }, { requiredKeys: ['title'] });
const entryCore = fc.record(
  {
    // Import normalises ids (NFC, trimmed, invisible characters removed), so only normal ids round-trip exactly.
    id: fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), fc.string({ minLength: 1, maxLength: 30 }), nasty).filter((s) => s !== '' && normalizeEntryId(s) === s),
    question: trimmed,
    alternateQuestions: fc.array(text, { maxLength: 3 }),
    answer: trimmed,
    choice: text,
    tags: fc.array(text, { maxLength: 4 }),
    citations: fc.array(citation, { maxLength: 3 }),
    owner: text,
    status: fc.constantFrom('approved', 'draft', 'retired'),
    reviewedAt: isoDate,
    expiresAt: isoDate,
    updatedAt: isoDateTime,
  },
  { requiredKeys: ['id', 'question', 'answer'] },
);
/** A schema-valid entry, including unknown fields (kept for forward compatibility). */
const validEntry = fc
  .tuple(entryCore, fc.dictionary(unknownKey, unknownValue, { maxKeys: 2 }))
  .map(([core, unknown]) => ({ ...unknown, ...core }) as LibraryEntry)
  .filter((e) => LibraryEntrySchema.safeParse(e).success);
const validLibrary = fc.uniqueArray(validEntry, { selector: (e) => e.id, maxLength: 8 });

/** Anything JSON can hold, with keys an attacker would try (__proto__, constructor). */
const hostileJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 2 }),
    fc.dictionary(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted', 'id', 'question', 'answer', 'entries', 'format'), fc.string({ maxLength: 6 })), tie('value'), { maxKeys: 4 }),
    fc.array(tie('value'), { maxLength: 3 }),
  ),
})).value;
const jsonEnvelope = fc.record(
  {
    format: fc.oneof(fc.constant(LIBRARY_FORMAT), fc.jsonValue({ maxDepth: 1 })),
    version: fc.oneof(fc.constant(1), fc.integer({ min: -2, max: 5 }), fc.double(), fc.string({ maxLength: 3 })),
    source: fc.oneof(text, fc.jsonValue({ maxDepth: 1 })),
    exportedAt: fc.oneof(isoDateTime, fc.jsonValue({ maxDepth: 1 })),
    entries: fc.oneof(fc.array(fc.oneof(validEntry, hostileJson, entryCore.map((e) => ({ ...e, answer: '  ' }))), { maxLength: 6 }), hostileJson),
  },
  { requiredKeys: [] },
);

/** A CSV table: a header that may or may not name the required columns, rows of hostile cells. */
const csvTable = fc
  .tuple(
    fc.uniqueArray(fc.oneof(fc.constantFrom(...TABLE_COLUMNS, 'extra', 'Question', ' ANSWER ', 'citation-title'), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 8 }),
    fc.array(fc.array(fc.oneof(text, fc.constantFrom('{"a":1}', '[1]', '{bad json', 'approved', 'DRAFT', 'bogus-status')), { maxLength: 9 }), { maxLength: 6 }),
    fc.constantFrom(',', ';', '\t'),
  )
  .map(([header, rows, delimiter]) => Papa.unparse({ fields: header, data: rows }, { delimiter, newline: '\r\n' }));

// ---------- helpers ----------

async function fileOf(entries: LibraryEntry[], kind: LibraryFileKind): Promise<Uint8Array> {
  if (kind === 'json') return new TextEncoder().encode(exportLibraryJson(entries, { exportedAt: '2026-11-28T00:00:00Z' }));
  if (kind === 'csv') return new TextEncoder().encode(exportLibraryCsv(entries));
  return new Uint8Array(await (await exportLibraryXlsx(entries)).arrayBuffer());
}

/** Parses, and checks the one contract every outcome must meet; returns the result or the expected error. */
async function parseChecked(input: string | Uint8Array, fileName: string) {
  try {
    const parsed = await parseLibraryFile(input, fileName);
    for (const { entry } of parsed.entries) expect(LibraryEntrySchema.safeParse(entry).success).toBe(true);
    const ids = parsed.entries.map((p) => p.entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const bad of parsed.invalid) expect(bad.reason.length).toBeGreaterThan(0);
    return parsed;
  } catch (error) {
    if (!(error instanceof LibraryFileError)) throw new Error(`unexpected ${(error as Error)?.name}: ${(error as Error)?.message}`, { cause: error });
    expect(error.message.startsWith(`${fileName}: `)).toBe(true);
    return error;
  } finally {
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(({} as Record<string, unknown>).id).toBeUndefined();
  }
}

let dbCount = 0;
async function dbWith(entries: StoredEntry[]): Promise<AutofillDatabase> {
  const db = new AutofillDatabase(`import-property-${++dbCount}`);
  await putEntries(db, entries);
  return db;
}

/** The whole entries table, as IndexedDB holds it (structured clones, sorted by id). */
const tableSnapshot = async (db: AutofillDatabase) => JSON.stringify(sortById(await listEntries(db)));

// ---------- properties ----------

describe('import never throws an unexpected error', () => {
  it.each(KINDS)('random bytes named .%s', async (kind) => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => void (await parseChecked(bytes, `random.${kind}`))), runs(150));
  });

  it('random text named .json and .csv, including almost-JSON and almost-CSV', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 200 }), fc.json({ maxDepth: 3 }), fc.string({ unit: 'binary', maxLength: 80 })), fc.constantFrom('json', 'csv'), async (input, kind) => {
        await parseChecked(input, `text.${kind}`);
      }),
      runs(200),
    );
  });

  it('hostile JSON libraries: wrong types, prototype keys, invalid and duplicate entries', async () => {
    await fc.assert(
      fc.asyncProperty(jsonEnvelope, async (envelope) => {
        const outcome = await parseChecked(JSON.stringify(envelope), 'hostile.json');
        if (outcome instanceof Error) return;
        const given = Array.isArray(envelope.entries) ? envelope.entries.length : 0;
        expect(outcome.entries.length + outcome.invalid.length).toBe(given);
      }),
      runs(200),
    );
  });

  it('hostile CSV tables: any header, any delimiter, ragged rows, bad extra JSON', async () => {
    await fc.assert(fc.asyncProperty(csvTable, async (csv) => void (await parseChecked(csv, 'hostile.csv'))), runs(200));
  });

  it('corrupted XLSX workbooks (valid exports with bytes flipped or cut)', async () => {
    const workbook = await fileOf([{ id: 'a', question: 'Q?', answer: 'A.', tags: ['x'] }], 'xlsx');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(workbook.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), fc.nat(workbook.length), async (flips, cut) => {
        const bytes = workbook.slice(0, Math.max(4, cut));
        for (const [at, value] of flips) if (at < bytes.length) bytes[at] = value;
        await parseChecked(bytes, 'corrupt.xlsx');
      }),
      runs(80),
    );
  });
});

describe('every entry an import accepts can be stored and exported again', () => {
  it('deeply nested unknown fields are refused with a reason, never accepted and then impossible to save or export', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 60_000 }), fc.constantFrom('[', '{"a":'), async (depth, open) => {
        const close = open === '[' ? ']' : '}';
        const deep = `${open.repeat(depth)}1${close.repeat(depth)}`;
        const text = `{"format":"answer-library","version":1,"entries":[{"id":"deep","question":"Q?","answer":"A.","nested":${deep}}]}`;
        const parsed = await parseLibraryFile(text, 'deep.json');
        if (parsed.entries.length === 0) {
          expect(parsed.invalid[0]?.reason).toMatch(/nested/);
          return;
        }
        const entries = parsed.entries.map((p) => p.entry);
        expect(() => exportLibraryJson(entries)).not.toThrow();
        expect(() => exportLibraryCsv(entries)).not.toThrow();
        const db = await dbWith([]);
        await applySyncPlan(db, planSync(parsed, []));
        expect(await countEntries(db)).toBe(1);
        db.close();
        await db.delete();
      }),
      runs(25),
    );
  });
});

describe('valid libraries round-trip exactly', () => {
  it.each(KINDS)('export as %s -> import gives the same entries; exporting again gives the same bytes', async (kind) => {
    await fc.assert(
      fc.asyncProperty(validLibrary, async (entries) => {
        let bytes: Uint8Array;
        try {
          bytes = await fileOf(entries, kind);
        } catch (error) {
          // The refusals allowed, XLSX only and with a clear error: a cell longer than Excel holds, or a cell the
          // XLSX writer library cannot store (a text equal to an Object.prototype member name), or a character a
          // workbook cannot carry (control characters, U+FFFD-U+FFFF).
          expect(error).toBeInstanceOf(LibraryExportError);
          expect(kind).toBe('xlsx');
          expect((error as Error).message).toMatch(/more than an Excel cell holds|which the XLSX writer cannot store|which an XLSX file cannot hold/);
          return;
        }
        const parsed = await parseLibraryFile(bytes, `round-trip.${kind}`);
        expect(parsed.invalid).toEqual([]);
        expect(parsed.entries.map((p) => p.entry)).toEqual(sortById(entries).map(canonicalEntry));
        if (kind !== 'xlsx') expect(new TextDecoder().decode(await fileOf(parsed.entries.map((p) => p.entry), kind))).toBe(new TextDecoder().decode(bytes));
      }),
      runs(kind === 'xlsx' ? 40 : 120),
    );
  });
});

describe('an import is all or nothing', () => {
  const storedLibrary = fc.uniqueArray(
    fc.tuple(validEntry, fc.constantFrom('imported', 'edited', 'fresh')).map(([entry, state]): StoredEntry => {
      if (state === 'fresh') return entry;
      const meta = state === 'imported' ? { importedAt: '2026-10-01T00:00:00.000Z' } : { importedAt: '2026-10-01T00:00:00.000Z', localEditedAt: '2026-10-05T00:00:00.000Z' };
      return { ...entry, _meta: meta };
    }),
    { selector: (e) => e.id, maxLength: 6 },
  );

  it('a write that fails part-way (any row) leaves every entry as it was; a success writes the whole plan', async () => {
    await fc.assert(
      fc.asyncProperty(
        storedLibrary,
        validLibrary,
        fc.boolean(),
        fc.nat(12),
        fc.constantFrom<'local' | 'incoming'>('local', 'incoming'),
        async (local, incoming, mirror, failAt, side) => {
          // Overlap the file with the local library so updates and conflicts happen too.
          const file = [...incoming, ...local.slice(0, 3).map((e) => ({ ...canonicalEntry(e), answer: `${e.answer} (revised)`, updatedAt: '2026-01-01T00:00:00Z' }))].filter(
            (e, i, all) => all.findIndex((o) => o.id === e.id) === i,
          );
          const db = await dbWith(local);
          const before = await tableSnapshot(db);
          const parsed = await parseLibraryFile(exportLibraryJson(file, { exportedAt: '2026-11-28T00:00:00Z' }), 'sync.json');
          const plan = planSync(parsed, await listEntries(db), { mirror });
          const choices: ConflictChoices = Object.fromEntries(plan.conflicts.map((c) => [c.entry.id, side]));
          let writes = 0;
          const failIfDue = () => {
            if (writes++ === failAt) throw new Error('disk failure injected by the test');
          };
          db.entryPages.hook('creating', failIfDue);
          db.entryPages.hook('updating', failIfDue);
          db.entryPages.hook('deleting', failIfDue);
          // A failing version row must undo its entry too.
          db.versions.hook('creating', failIfDue);
          try {
            const result = await applySyncPlan(db, plan, choices);
            const after = new Map((await listEntries(db)).map((e) => [e.id, e]));
            // The version number is the library's own count; the content is the file's.
            for (const p of [...plan.added, ...plan.updated]) {
              expect(canonicalEntry({ ...after.get(p.entry.id)!, version: undefined })).toEqual(canonicalEntry({ ...p.entry, version: undefined }));
              // Each written entry has exactly one version at its number: a row, or (new entries) the entry itself.
              const version = after.get(p.entry.id)!.version!;
              expect((await listEntryVersions(p.entry.id, db)).filter((v) => v.version === version)).toHaveLength(1);
            }
            for (const removed of plan.removed) expect(after.has(removed.id)).toBe(false);
            expect(result.added).toBe(plan.added.length);
          } catch (error) {
            expect(String(error)).toMatch(/disk failure injected by the test|SyncApplyError/);
            expect(await tableSnapshot(db)).toBe(before);
            expect(await db.versions.count()).toBe(0);
          } finally {
            db.close();
            await db.delete();
          }
        },
      ),
      runs(60),
    );
  });

  it('a file with any invalid entry is refused as a whole and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(storedLibrary, jsonEnvelope, async (local, envelope) => {
        const outcome = await parseChecked(JSON.stringify({ ...envelope, format: LIBRARY_FORMAT, version: 1 }), 'mixed.json');
        if (outcome instanceof Error || outcome.invalid.length === 0) return;
        const db = await dbWith(local);
        const before = await tableSnapshot(db);
        const plan = planSync(outcome, await listEntries(db));
        await expect(applySyncPlan(db, plan, Object.fromEntries(plan.conflicts.map((c) => [c.entry.id, 'incoming'])))).rejects.toBeInstanceOf(SyncApplyError);
        expect(await tableSnapshot(db)).toBe(before);
        db.close();
        await db.delete();
      }),
      runs(60),
    );
  });
});
