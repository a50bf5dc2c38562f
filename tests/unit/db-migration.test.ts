// Opens the frozen seed of each released schema version with the current code and checks every row.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AutofillDatabase } from '../../lib/db/database';
import { EvidenceMetaSchema, LearnedAliasSchema, SettingSchema, StoredEntrySchema } from '../../lib/db/records';
import { FillEventSchema } from '../../lib/schema';
import { getEntries, getEntry, listEntries } from '../../lib/db/entries-repository';

/** The v1 schema exactly as released; never change it (a new version gets its own frozen copy). */
const V1_STORES = {
  entries: 'id, status, updatedAt, expiresAt',
  history: '++seq, at, portal, entryId, result, questionKey',
  aliases: '++id, entryId, &normalized',
  settings: 'key',
};

const SeedSchema = z.object({
  version: z.literal(1),
  tables: z.object({ entries: z.array(z.unknown()), history: z.array(z.unknown()), aliases: z.array(z.unknown()), settings: z.array(z.unknown()) }),
});

describe('database migrations', () => {
  it('opens the frozen v1 seed with the current code; every row still matches its schema', async () => {
    const seed = SeedSchema.parse(JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/db/v1-seed.json'), 'utf8')));
    const name = 'migration-v1';
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    await v1.open();
    for (const [table, rows] of Object.entries(seed.tables)) await v1.table(table).bulkAdd(rows);
    v1.close();

    const db = new AutofillDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(1);
    const checks = [
      [await listEntries(db), StoredEntrySchema, seed.tables.entries.length],
      [await db.history.toArray(), FillEventSchema, seed.tables.history.length],
      [await db.aliases.toArray(), LearnedAliasSchema, seed.tables.aliases.length],
      [await db.settings.toArray(), SettingSchema, seed.tables.settings.length],
    ] as const;
    for (const [rows, schema, count] of checks) {
      expect(rows).toHaveLength(count);
      for (const row of rows) {
        const result = schema.safeParse(row);
        expect(result.error?.issues ?? []).toEqual([]);
      }
    }
    // Indexes the current code queries are usable on migrated data (entries are read by id only since v5).
    expect((await getEntries(db, ['old-pentest'])).map((e) => e?.status)).toEqual(['retired']);
    expect(await db.aliases.where('normalized').equals('stored data encrypted').count()).toBe(1);
    expect((await getEntry('old-pentest', db))?.futureField).toEqual({ kept: true });
    db.close();
  });

  it('adds the evidence table (v4) to a v2 database: old rows kept, evidence stored and found by entry', async () => {
    const name = 'migration-v2-to-v4';
    const v2 = new Dexie(name);
    v2.version(1).stores(V1_STORES);
    v2.version(2).stores({ history: '++seq, at, portal, entryId, result, questionKey, requestId, pageUrl' });
    await v2.open();
    await v2.table('entries').add({ id: 'soc2', question: 'Do you have a SOC 2 report?', answer: 'Yes.' });
    v2.close();

    const db = new AutofillDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(4);
    expect(await getEntry('soc2', db)).toMatchObject({ answer: 'Yes.' });
    expect(await db.evidence.count()).toBe(0);
    const row = { id: 'ev-1', title: 'SOC 2', fileName: 'soc2.pdf', mime: 'application/pdf', size: 5, sha256: 'a'.repeat(64), entryIds: ['soc2'], addedAt: '2026-01-01T00:00:00Z' };
    await db.evidence.add({ ...row, blob: new Blob(['%PDF-']) });
    const back = await db.evidence.where('entryIds').equals('soc2').toArray();
    expect(back.map((r) => r.id)).toEqual(['ev-1']);
    const { blob, ...meta } = back[0]!;
    expect(EvidenceMetaSchema.safeParse(meta).error?.issues ?? []).toEqual([]);
    expect(await blob.text()).toBe('%PDF-');
    db.close();
  });
});
