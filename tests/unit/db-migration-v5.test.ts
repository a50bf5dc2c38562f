// Version 5 of the database (the entries' unused indexes dropped): the frozen v4 seed upgrades with every row of
// every table kept, the entries store left with its primary key only, and every reader of entries, versions and
// evidence answering as before.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { AutofillDatabase } from '../../lib/db/database';
import { getEntry, listEntries, updateEntry } from '../../lib/db/entries-repository';
import { evidenceForEntry } from '../../lib/db/evidence-repository';
import { EntryVersionSchema, EvidenceMetaSchema } from '../../lib/db/records';
import { findEntryVersion, listEntryVersions } from '../../lib/db/versions-repository';
import { applySyncPlan } from '../../lib/library/apply-sync';
import { planSync } from '../../lib/library/plan-sync';
import { V2_STORES, V3_ADDED, V4_STORES, V5_CHANGED, expectEveryRowKept, keptByV7, readSeed, readSeedTable } from '../support/frozen-db';

/** The seed's evidence rows as stored: the Blob rebuilt from its text. */
function evidenceRows(): Record<string, unknown>[] {
  return (readSeedTable('v4-seed.json', 'evidence') as { blobText: string; mime: string }[]).map(({ blobText, ...row }) => ({ ...row, blob: new Blob([blobText], { type: row.mime }) }));
}

/** A v4 database holding all six tables of the frozen seed, opened (and so upgraded) by today's code. */
async function upgradedV4(name: string): Promise<AutofillDatabase> {
  const seed = readSeed('v4-seed.json');
  const old = new Dexie(name);
  old.version(4).stores(V4_STORES);
  await old.open();
  for (const [table, rows] of Object.entries(seed.tables)) await old.table(table).bulkAdd(rows);
  await old.table('versions').bulkAdd(readSeedTable('v4-seed.json', 'versions'));
  await old.table('evidence').bulkAdd(evidenceRows());
  old.close();
  const db = new AutofillDatabase(name);
  await db.open();
  return db;
}

/** The indexes the opened database really has, per table (not what the code declares). */
function storedIndexes(db: AutofillDatabase): Record<string, string[]> {
  const idb = db.backendDB();
  const names = [...idb.objectStoreNames];
  const tx = idb.transaction(names, 'readonly');
  return Object.fromEntries(names.map((name) => [name, [...tx.objectStore(name).indexNames].sort()]));
}

describe('database version 5', () => {
  it('upgrades the frozen v4 seed: every row kept, the entries indexes gone (then the store, v6), the other tables indexed as before', async () => {
    const seed = readSeed('v4-seed.json');
    expect(seed.version).toBe(4);
    const db = await upgradedV4('migration-v4-v5');
    expect(db.verno).toBe(7);
    await expectEveryRowKept(db, seed);
    expect(await db.versions.toArray()).toEqual(readSeedTable('v4-seed.json', 'versions'));
    for (const row of await db.versions.toArray()) expect(EntryVersionSchema.safeParse(row).error?.issues ?? []).toEqual([]);
    const evidence = await db.evidence.toArray();
    expect(evidence.map(({ blob: _blob, ...meta }) => meta)).toEqual(evidenceRows().map(({ blob: _blob, ...meta }) => meta));
    for (const { blob, ...meta } of evidence) {
      expect(EvidenceMetaSchema.safeParse(meta).error?.issues ?? []).toEqual([]);
      expect(await blob.text()).toContain('%PDF-');
    }

    const indexes = storedIndexes(db);
    // Version 6 then moved the entries into pages (tests/unit/db-migration-v6.test.ts).
    expect(indexes.entries).toBeUndefined();
    expect(indexes.entryPages).toEqual(['stamp']); // version 7
    expect(indexes.versions).toEqual(['[entryId+version]', 'at', 'entryId']);
    expect(indexes.evidence).toEqual(['entryIds', 'sha256', 'title', 'validUntil']);
    expect(indexes.history).toEqual(['at', 'entryId', 'pageUrl', 'portal', 'questionKey', 'requestId', 'result']);
    expect(indexes.aliases).toEqual(['entryId', 'normalized']);
    db.close();
  });

  it('answers every version and evidence question on the upgraded seed as the v4 code wrote it', async () => {
    const db = await upgradedV4('migration-v4-v5-readers');
    // Imported and never changed since: its version is the entry itself, with the import's provenance.
    expect(await listEntryVersions('mfa-admins', db)).toMatchObject([{ version: 1, at: '2026-09-02T08:00:00.000Z', how: { kind: 'import', file: 'northwind-library.json' }, by: 'Northwind Security' }]);
    expect((await getEntry('mfa-admins', db))?.futureField).toEqual({ kept: true });
    // The filled versions the history names.
    for (const event of await db.history.toArray()) {
      expect(await findEntryVersion(event.entryId!, event.entryVersion!, db)).toMatchObject({ current: true });
    }
    expect(await findEntryVersion('enc-at-rest', 1, db)).toMatchObject({ current: false, entry: { answer: expect.stringContaining('AWS KMS') } });
    expect((await listEntryVersions('old-pentest', db)).map((v) => [v.version, v.how.kind])).toEqual([
      [1, 'import'],
      [2, 'retire'],
    ]);
    expect((await evidenceForEntry('mfa-admins', db)).map((e) => e.id)).toEqual(['ev-soc2']);

    // The first change of an entry imported under v4 records its import first, then the change.
    const { id: _id, _meta: _meta, ...dr } = (await getEntry('dr-tests', db))!;
    await updateEntry('dr-tests', { ...dr, answer: 'Every quarter, with a full region failover.' }, db, new Date('2026-12-06T10:00:00.000Z'));
    expect((await listEntryVersions('dr-tests', db)).map((v) => [v.version, v.how.kind, v.by])).toEqual([
      [1, 'import', 'Northwind Security'],
      [2, 'edit', 'Northwind Security'],
    ]);

    // An import after the upgrade: a changed entry from the v4 import and a new one.
    const mfa = (await getEntry('mfa-admins', db))!;
    const file = {
      fileName: 'northwind-december.json',
      kind: 'json' as const,
      entries: [
        { entry: { id: 'mfa-admins', question: mfa.question, answer: 'Yes. Hardware keys or passkeys for every administrator account.', updatedAt: '2026-12-01T09:00:00Z' }, index: 0, where: 'entry 1' },
        { entry: { id: 'backups', question: 'Are backups encrypted?', answer: 'Yes, with AES-256.' }, index: 1, where: 'entry 2' },
      ],
      invalid: [],
    };
    const plan = planSync(file, await listEntries(db), { now: new Date('2026-12-06T11:00:00Z') });
    expect([plan.updated.length, plan.added.length]).toEqual([1, 1]);
    await applySyncPlan(db, plan, {}, new Date('2026-12-06T11:00:00.000Z'));
    expect((await listEntryVersions('mfa-admins', db)).map((v) => [v.version, v.how])).toEqual([
      [1, { kind: 'import', file: 'northwind-library.json' }],
      [2, { kind: 'import', file: 'northwind-december.json' }],
    ]);
    expect(await listEntryVersions('backups', db)).toMatchObject([{ version: 1, how: { kind: 'import', file: 'northwind-december.json' } }]);
    db.close();
  });

  it('declares every table but the entries (paged since v6) as frozen', () => {
    const db = new AutofillDatabase('schema-check-v5');
    const declared = Object.fromEntries(db.tables.map((t) => [t.name, [t.schema.primKey, ...t.schema.indexes].map((i) => i.src).join(', ')]));
    expect(declared).toEqual(keptByV7({ ...V2_STORES, ...V3_ADDED, ...V4_STORES, ...V5_CHANGED }));
  });
});
