// Version 2 of the database (write-ahead fill history): the frozen v1 seed upgrades with every row kept and the
// new indexes usable; the frozen v2 seed opens with the current code.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AutofillDatabase } from '../../lib/db/database';
import { listPendingFillEvents, pageFillEvents, resolveFillEvents } from '../../lib/db/history-repository';
import { LearnedAliasSchema, SettingSchema, StoredEntrySchema } from '../../lib/db/records';
import { FillEventSchema } from '../../lib/schema';

/** The v1 schema exactly as released; never change it. */
const V1_STORES = {
  entries: 'id, status, updatedAt, expiresAt',
  history: '++seq, at, portal, entryId, result, questionKey',
  aliases: '++id, entryId, &normalized',
  settings: 'key',
};

/** The v2 schema exactly as released; never change it (a new version gets its own frozen copy). */
const V2_STORES = {
  ...V1_STORES,
  history: '++seq, at, portal, entryId, result, questionKey, requestId, pageUrl',
};

const SeedSchema = z.object({
  version: z.number().int(),
  tables: z.object({ entries: z.array(z.unknown()), history: z.array(z.unknown()), aliases: z.array(z.unknown()), settings: z.array(z.unknown()) }),
});

function readSeed(name: string) {
  return SeedSchema.parse(JSON.parse(readFileSync(resolve(import.meta.dirname, `../fixtures/db/${name}`), 'utf8')));
}

async function seedDatabase(name: string, version: number, stores: Record<string, string>, seed: ReturnType<typeof readSeed>): Promise<void> {
  const old = new Dexie(name);
  old.version(version).stores(stores);
  await old.open();
  for (const [table, rows] of Object.entries(seed.tables)) await old.table(table).bulkAdd(rows);
  old.close();
}

async function expectEveryRowKept(db: AutofillDatabase, seed: ReturnType<typeof readSeed>): Promise<void> {
  const checks = [
    [await db.entries.toArray(), StoredEntrySchema, seed.tables.entries],
    [await db.history.toArray(), FillEventSchema, seed.tables.history],
    [await db.aliases.toArray(), LearnedAliasSchema, seed.tables.aliases],
    [await db.settings.toArray(), SettingSchema, seed.tables.settings],
  ] as const;
  for (const [rows, schema, seeded] of checks) {
    // Nothing dropped or rewritten: each row is exactly the seeded one, and still valid.
    expect(rows).toEqual(seeded);
    for (const row of rows) expect(schema.safeParse(row).error?.issues ?? []).toEqual([]);
  }
}

describe('database version 2', () => {
  it('upgrades the frozen v1 seed: every v1 row survives unchanged and the v2 indexes work on it', async () => {
    const seed = readSeed('v1-seed.json');
    await seedDatabase('migration-v1-v2', 1, V1_STORES, seed);
    const db = new AutofillDatabase('migration-v1-v2');
    await db.open();
    // Later versions add tables of their own (v3: versions, v4: evidence); the v1 -> v2 upgrade runs on the way.
    expect(db.verno).toBeGreaterThanOrEqual(2);
    await expectEveryRowKept(db, seed);
    expect((await pageFillEvents('https://acme.service-now.com/sp?id=take_survey', db)).map((e) => e.seq)).toEqual([1, 2]);
    expect(await listPendingFillEvents(db)).toEqual([]);
    expect(await db.history.where('requestId').equals('x').count()).toBe(0);
    db.close();
  });

  it('opens the frozen v2 seed: pending rows are found and resolved by request id', async () => {
    const seed = readSeed('v2-seed.json');
    expect(seed.version).toBe(2);
    await seedDatabase('migration-v2', 2, V2_STORES, seed);
    const db = new AutofillDatabase('migration-v2');
    await db.open();
    await expectEveryRowKept(db, seed);
    const pending = await listPendingFillEvents(db);
    expect(pending.map((e) => e.requestId)).toEqual(['9c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e']);
    await resolveFillEvents([{ requestId: pending[0]!.requestId!, changes: { result: 'unknown', resolvedAt: '2026-12-02T00:00:00.000Z' } }], db);
    expect(await listPendingFillEvents(db)).toEqual([]);
    expect((await db.history.where('requestId').equals(pending[0]!.requestId!).first())?.result).toBe('unknown');
    db.close();
  });

  it('still declares every v2 table exactly as frozen (later versions only add tables)', () => {
    const db = new AutofillDatabase('schema-check');
    const declared = Object.fromEntries(db.tables.map((t) => [t.name, [t.schema.primKey, ...t.schema.indexes].map((i) => i.src).join(', ')]));
    expect(Object.fromEntries(Object.keys(V2_STORES).map((name) => [name, declared[name]]))).toEqual(V2_STORES);
  });
});
