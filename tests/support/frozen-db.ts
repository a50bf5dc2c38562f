// The released database schemas, frozen, and the seeds written with them (tests/fixtures/db/*-seed.json): the
// migration tests open an old database exactly as a released version left it, then upgrade it with today's code.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Dexie from 'dexie';
import { expect } from 'vitest';
import { z } from 'zod';
import { AutofillDatabase } from '../../lib/db/database';
import { LearnedAliasSchema, SettingSchema, StoredEntrySchema } from '../../lib/db/records';
import { FillEventSchema } from '../../lib/schema';
import { listEntries } from '../../lib/db/entries-repository';

/** The v1 schema exactly as released; never change it. */
export const V1_STORES = {
  entries: 'id, status, updatedAt, expiresAt',
  history: '++seq, at, portal, entryId, result, questionKey',
  aliases: '++id, entryId, &normalized',
  settings: 'key',
};
/** The v2 schema exactly as released; never change it (a new version gets its own frozen copy). */
export const V2_STORES = { ...V1_STORES, history: '++seq, at, portal, entryId, result, questionKey, requestId, pageUrl' };
/** What version 3 added; never change it. */
export const V3_ADDED = { versions: '++id, entryId, &[entryId+version], at' };
/** What version 4 added; never change it. */
export const V4_ADDED = { evidence: 'id, title, validUntil, sha256, *entryIds' };
/** The v4 schema exactly as released; never change it. */
export const V4_STORES = { ...V2_STORES, ...V3_ADDED, ...V4_ADDED };
/** What version 5 changed: the entries' unused indexes dropped; never change it. */
export const V5_CHANGED = { entries: 'id' };
/** The v5 schema exactly as released; never change it. */
export const V5_STORES = { ...V4_STORES, ...V5_CHANGED };
/** What version 6 changed: entries moved into pages (the `entries` store dropped); never change it. */
export const V6_CHANGED = { entryPages: 'page' };

/** The tables of `stores` that version 6 kept (all but `entries`), with what version 6 added. */
export function keptByV6(stores: Record<string, string>): Record<string, string> {
  const { entries: _paged, ...kept } = stores;
  return { ...kept, ...V6_CHANGED };
}

/** The v6 schema exactly as released; never change it. */
export const V6_STORES = keptByV6(V5_STORES);
/** What version 7 changed: an index on the entry pages' stamps; never change it. */
export const V7_CHANGED = { entryPages: 'page, stamp' };

/** The tables of `stores` as declared since version 7: those version 6 kept, the entry pages with their stamp index. */
export function keptByV7(stores: Record<string, string>): Record<string, string> {
  return { ...keptByV6(stores), ...V7_CHANGED };
}

const SeedSchema = z.object({
  version: z.number().int(),
  tables: z.object({ entries: z.array(z.unknown()), history: z.array(z.unknown()), aliases: z.array(z.unknown()), settings: z.array(z.unknown()) }),
});
export type Seed = z.infer<typeof SeedSchema>;

export function readSeed(name: string): Seed {
  return SeedSchema.parse(JSON.parse(readFileSync(resolve(import.meta.dirname, `../fixtures/db/${name}`), 'utf8')));
}

/** A table of a seed beyond the four every version has (v3: versions). */
export function readSeedTable(name: string, table: string): unknown[] {
  const file = z.object({ tables: z.record(z.string(), z.array(z.unknown())) }).parse(JSON.parse(readFileSync(resolve(import.meta.dirname, `../fixtures/db/${name}`), 'utf8')));
  const rows = file.tables[table];
  if (!rows) throw new Error(`${name} has no ${table} table`);
  return rows;
}

/** Writes the seed's four tables into a database created with the old schema, then closes it. */
export async function seedDatabase(name: string, version: number, stores: Record<string, string>, seed: Seed): Promise<void> {
  const old = new Dexie(name);
  old.version(version).stores(stores);
  await old.open();
  for (const [table, rows] of Object.entries(seed.tables)) await old.table(table).bulkAdd(rows);
  old.close();
}

/** The seeded old database, opened (and so upgraded) by today's code. */
export async function upgradedFrom(name: string, version: number, stores: Record<string, string>, seed: Seed): Promise<AutofillDatabase> {
  await seedDatabase(name, version, stores, seed);
  const db = new AutofillDatabase(name);
  await db.open();
  return db;
}

/** Nothing dropped or rewritten: each row of the four seeded tables is exactly the seeded one, and still valid. */
export async function expectEveryRowKept(db: AutofillDatabase, seed: Seed): Promise<void> {
  const checks = [
    [await listEntries(db), StoredEntrySchema, seed.tables.entries],
    [await db.history.toArray(), FillEventSchema, seed.tables.history],
    [await db.aliases.toArray(), LearnedAliasSchema, seed.tables.aliases],
    [await db.settings.toArray(), SettingSchema, seed.tables.settings],
  ] as const;
  for (const [rows, schema, seeded] of checks) {
    expect(rows).toEqual(seeded);
    for (const row of rows) expect(schema.safeParse(row).error?.issues ?? []).toEqual([]);
  }
}
