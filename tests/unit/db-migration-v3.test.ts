// Version 3 of the database (entry versions): the frozen v1 and v2 seeds upgrade with every row kept, the new
// versions table starts empty, and an upgraded entry's old content becomes its version 1 when it first changes.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { getEntry, listEntries, resolveEntryId, updateEntry } from '../../lib/db/entries-repository';
import { planSync } from '../../lib/library/plan-sync';
import { EntryVersionSchema } from '../../lib/db/records';
import { findEntryVersion, listEntryVersions } from '../../lib/db/versions-repository';
import { AutofillDatabase } from '../../lib/db/database';
import { V1_STORES, V2_STORES, V3_ADDED, expectEveryRowKept, readSeed, readSeedTable, upgradedFrom, keptByV7 } from '../support/frozen-db';

describe('database version 3', () => {
  for (const [file, version, stores] of [
    ['v1-seed.json', 1, V1_STORES],
    ['v2-seed.json', 2, V2_STORES],
  ] as const) {
    it(`upgrades the frozen ${file}: every row kept, no versions yet, the first change keeps the old content as version 1`, async () => {
      const seed = readSeed(file);
      const db = await upgradedFrom(`migration-${version}-v3`, version, stores, seed);
      expect(db.verno).toBeGreaterThanOrEqual(3);
      await expectEveryRowKept(db, seed);
      expect(await db.versions.count()).toBe(0);

      // A fill recorded before versions (no entryVersion) was of the entry's version 1.
      const filled = (await db.history.toArray()).find((e) => e.entryId === 'enc-at-rest');
      expect(filled?.entryVersion).toBeUndefined();
      const before = await findEntryVersion('enc-at-rest', filled?.entryVersion ?? 1, db);
      expect(before).toMatchObject({ current: true, entry: { answer: expect.stringContaining('AES-256') } });

      const { id: _id, _meta: _meta, ...fields } = (await getEntry('enc-at-rest', db))!;
      await updateEntry('enc-at-rest', { ...fields, answer: 'Yes, with customer-managed keys.' }, db, new Date('2026-12-01T00:00:00Z'));
      expect((await listEntryVersions('enc-at-rest', db)).map((v) => [v.version, v.how.kind])).toEqual([
        [1, 'earlier'],
        [2, 'edit'],
      ]);
      expect(await findEntryVersion('enc-at-rest', 1, db)).toMatchObject({ current: false, entry: before!.entry });
      // Unknown fields of an upgraded entry survive into its versions.
      const { id: _i, _meta: _m, ...pentest } = (await getEntry('old-pentest', db))!;
      await updateEntry('old-pentest', { ...pentest, answer: 'No.' }, db);
      expect((await listEntryVersions('old-pentest', db))[0]?.entry.futureField).toEqual({ kept: true });
      db.close();
    });
  }

  it('opens the frozen v3 seed: every row kept, filled versions and merged ids resolve', async () => {
    const seed = readSeed('v3-seed.json');
    const versions = readSeedTable('v3-seed.json', 'versions');
    expect(seed.version).toBe(3);
    const db = await upgradedFrom('migration-v3', 3, { ...V2_STORES, ...V3_ADDED }, seed);
    // The versions table is not in SeedSchema's four tables: seeded and checked here.
    await db.versions.bulkAdd(versions as never[]);
    await expectEveryRowKept(db, seed);
    expect(await db.versions.toArray()).toEqual(versions);
    for (const row of await db.versions.toArray()) expect(EntryVersionSchema.safeParse(row).error?.issues ?? []).toEqual([]);

    const filled = (await db.history.toArray()).find((e) => e.entryId === 'enc-at-rest' && e.entryVersion !== undefined)!;
    expect(await findEntryVersion('enc-at-rest', filled.entryVersion!, db)).toMatchObject({ current: false, entry: { answer: expect.stringContaining('AWS KMS') } });
    expect(await resolveEntryId('enc-stored', db)).toBe('enc-at-rest');
    expect(planSync({ fileName: 'f.json', kind: 'json', entries: [{ entry: { id: 'enc-stored', question: 'Q?', answer: 'A.' }, index: 0, where: 'entry 1' }], invalid: [] }, await listEntries(db)).merged).toHaveLength(1);
    const { id: _id, _meta: _meta, ...fields } = (await getEntry('enc-at-rest', db))!;
    expect((await updateEntry('enc-at-rest', { ...fields, answer: 'Changed.' }, db)).version).toBe(3);
    db.close();
  });

  it('declares the v3 versions table exactly as frozen, beside the v2 tables (v6 moved the entries into pages)', () => {
    const db = new AutofillDatabase('schema-check-v3');
    const declared = Object.fromEntries(db.tables.map((t) => [t.name, [t.schema.primKey, ...t.schema.indexes].map((i) => i.src).join(', ')]));
    const frozen = keptByV7({ ...V2_STORES, ...V3_ADDED });
    expect(declared.entries).toBeUndefined();
    expect(Object.fromEntries(Object.keys(frozen).map((name) => [name, declared[name]]))).toEqual(frozen);
  });
});
