// Version 6 of the database (entries stored in pages, lib/db/entry-pages.ts): the frozen v5 seed upgrades with every
// row of every table kept, each entry once, in the page its id names, the `entries` store gone; a v5 library of
// thousands of entries becomes at most ENTRY_PAGES records; and every reader and writer of entries answers on the
// upgraded data as it did on v5.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { AutofillDatabase } from '../../lib/db/database';
import { getEntries, getEntry, listEntries, mergeEntryInto, resolveEntryId, retireEntry, updateEntry } from '../../lib/db/entries-repository';
import { ENTRY_PAGES, pageOf } from '../../lib/db/entry-pages';
import { evidenceForEntry } from '../../lib/db/evidence-repository';
import { EntryVersionSchema, EvidenceMetaSchema, StoredEntrySchema } from '../../lib/db/records';
import { findEntryVersion, listEntryVersions } from '../../lib/db/versions-repository';
import { applySyncPlan } from '../../lib/library/apply-sync';
import { planSync } from '../../lib/library/plan-sync';
import { FillEventSchema } from '../../lib/schema';
import { V2_STORES, V3_ADDED, V4_STORES, V5_CHANGED, V5_STORES, keptByV7, readSeed, readSeedTable } from '../support/frozen-db';

const SEED = 'v5-seed.json';

/** The seed's evidence rows as stored: the Blob rebuilt from its text. */
function evidenceRows(): Record<string, unknown>[] {
  return (readSeedTable(SEED, 'evidence') as { blobText: string; mime: string }[]).map(({ blobText, ...row }) => ({ ...row, blob: new Blob([blobText], { type: row.mime }) }));
}

/** Entries a large v5 library holds beside the seed's. */
function generated(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `gen-${String(i).padStart(5, '0')}`,
    question: `Generated question ${i}?`,
    answer: `Answer ${i}.`,
    version: 1,
    _meta: { importedAt: '2026-12-01T00:00:00.000Z', unrecorded: { at: '2026-12-01T00:00:00.000Z', how: { kind: 'import', file: 'big.json' } } },
  }));
}

/** A v5 database holding all six tables of the frozen seed (and `extra` entries), opened and so upgraded by today's code. */
async function upgradedV5(name: string, extra: Record<string, unknown>[] = []): Promise<AutofillDatabase> {
  const seed = readSeed(SEED);
  const old = new Dexie(name);
  old.version(5).stores(V5_STORES);
  await old.open();
  for (const [table, rows] of Object.entries(seed.tables)) await old.table(table).bulkAdd(rows);
  await old.table('entries').bulkAdd(extra);
  await old.table('versions').bulkAdd(readSeedTable(SEED, 'versions'));
  await old.table('evidence').bulkAdd(evidenceRows());
  old.close();
  const db = new AutofillDatabase(name);
  await db.open();
  return db;
}

describe('database version 6', () => {
  it('upgrades the frozen v5 seed: every row of every table kept, each entry once in its page, the entries store gone', async () => {
    const seed = readSeed(SEED);
    expect(seed.version).toBe(5);
    const db = await upgradedV5('migration-v5-v6');
    expect(db.verno).toBe(7);
    expect([...db.backendDB().objectStoreNames].sort()).toEqual(['aliases', 'entryPages', 'evidence', 'history', 'settings', 'versions']);

    // Entries: the seeded rows exactly (unknown fields and bookkeeping included), in id order, each valid.
    const entries = await listEntries(db);
    expect(entries).toEqual(seed.tables.entries);
    for (const row of entries) expect(StoredEntrySchema.safeParse(row).error?.issues ?? []).toEqual([]);
    const pages = await db.entryPages.toArray();
    expect(pages.flatMap((p) => p.entries.map((e) => e.id)).sort()).toEqual(entries.map((e) => e.id));
    for (const page of pages) {
      expect(page.entries.length).toBeGreaterThan(0);
      for (const entry of page.entries) expect(pageOf(entry.id)).toBe(page.page);
    }
    // The upgrade's pages are stamped too, so the matching worker fingerprints the upgraded library by its stamps.
    expect(new Set(pages.map((p) => p.stamp)).size).toBe(pages.length);
    for (const page of pages) expect(page.stamp).toMatch(/^[0-9a-f-]{36}$/);

    // Every other table unchanged.
    expect(await db.history.toArray()).toEqual(seed.tables.history);
    for (const row of await db.history.toArray()) expect(FillEventSchema.safeParse(row).error?.issues ?? []).toEqual([]);
    expect(await db.aliases.toArray()).toEqual(seed.tables.aliases);
    expect(await db.settings.toArray()).toEqual(seed.tables.settings);
    expect(await db.versions.toArray()).toEqual(readSeedTable(SEED, 'versions'));
    for (const row of await db.versions.toArray()) expect(EntryVersionSchema.safeParse(row).error?.issues ?? []).toEqual([]);
    const evidence = await db.evidence.toArray();
    expect(evidence.map(({ blob: _blob, ...meta }) => meta)).toEqual(evidenceRows().map(({ blob: _blob, ...meta }) => meta));
    for (const { blob, ...meta } of evidence) {
      expect(EvidenceMetaSchema.safeParse(meta).error?.issues ?? []).toEqual([]);
      expect(await blob.text()).toContain('%PDF-');
    }
    // The other tables keep their indexes; the pages have only the stamp index of version 7.
    const tx = db.backendDB().transaction(['entryPages', 'versions', 'aliases'], 'readonly');
    expect([...tx.objectStore('entryPages').indexNames]).toEqual(['stamp']);
    expect([...tx.objectStore('versions').indexNames].sort()).toEqual(['[entryId+version]', 'at', 'entryId']);
    expect([...tx.objectStore('aliases').indexNames].sort()).toEqual(['entryId', 'normalized']);
    db.close();
  });

  it('pages a large v5 library: 3,000 entries become at most ENTRY_PAGES records, none lost', async () => {
    const extra = generated(3_000);
    const db = await upgradedV5('migration-v5-v6-large', extra);
    expect(await db.entryPages.count()).toBeLessThanOrEqual(ENTRY_PAGES);
    const entries = await listEntries(db);
    expect(entries).toHaveLength(readSeed(SEED).tables.entries.length + 3_000);
    expect(entries.filter((e) => e.id.startsWith('gen-'))).toEqual(extra);
    expect(await getEntries(db, ['gen-02999', 'missing', 'gen-00000'])).toEqual([extra[2_999], undefined, extra[0]]);
    db.close();
  });

  it('answers every entry, version and evidence question on the upgraded seed, and writes as before', async () => {
    const db = await upgradedV5('migration-v5-v6-readers');
    expect((await getEntry('mfa-admins', db))?.futureField).toEqual({ kept: true });
    expect(await getEntry('politique-sécurité', db)).toMatchObject({ status: 'draft' });
    expect(await resolveEntryId('access-review-quarterly', db)).toBe('access-reviews');
    for (const event of await db.history.toArray()) {
      expect(await findEntryVersion(event.entryId!, event.entryVersion!, db)).toMatchObject({ current: true });
    }
    expect(await listEntryVersions('mfa-admins', db)).toMatchObject([{ version: 1, how: { kind: 'import', file: 'northwind-library.json' } }]);
    expect((await evidenceForEntry('mfa-admins', db)).map((e) => e.id)).toEqual(['ev-soc2']);

    // An edit, a retire and a merge after the upgrade: each a new version, the other entries untouched.
    const before = await listEntries(db);
    const { id: _id, _meta: _m, ...dr } = (await getEntry('dr-tests', db))!;
    await updateEntry('dr-tests', { ...dr, answer: 'Every quarter, with a full region failover.' }, db, new Date('2026-12-07T10:00:00.000Z'));
    await retireEntry('enc-at-rest', db, new Date('2026-12-07T10:01:00.000Z'));
    await mergeEntryInto('access-reviews', 'politique-sécurité', db, new Date('2026-12-07T10:02:00.000Z'));
    const after = await listEntries(db);
    expect(after.map((e) => e.id)).toEqual(before.map((e) => e.id).filter((id) => id !== 'politique-sécurité'));
    expect(after.find((e) => e.id === 'dr-tests')?.answer).toBe('Every quarter, with a full region failover.');
    expect(after.find((e) => e.id === 'enc-at-rest')?.status).toBe('retired');
    expect(after.find((e) => e.id === 'mfa-admins')).toEqual(before.find((e) => e.id === 'mfa-admins'));
    expect(await resolveEntryId('politique-sécurité', db)).toBe('access-reviews');
    expect((await listEntryVersions('dr-tests', db)).map((v) => [v.version, v.how.kind])).toEqual([
      [1, 'import'],
      [2, 'edit'],
    ]);

    // An import after the upgrade: a changed entry and a new one, then a mirror that removes the rest.
    const mfa = (await getEntry('mfa-admins', db))!;
    const file = {
      fileName: 'northwind-december.json',
      kind: 'json' as const,
      entries: [
        { entry: { id: 'mfa-admins', question: mfa.question, answer: 'Yes. Passkeys for every administrator account.', updatedAt: '2026-12-01T09:00:00Z' }, index: 0, where: 'entry 1' },
        { entry: { id: 'backups', question: 'Are backups encrypted?', answer: 'Yes, with AES-256.' }, index: 1, where: 'entry 2' },
      ],
      invalid: [],
    };
    const plan = planSync(file, await listEntries(db), { now: new Date('2026-12-07T11:00:00Z') });
    expect([plan.updated.length, plan.added.length]).toEqual([1, 1]);
    await applySyncPlan(db, plan, {}, new Date('2026-12-07T11:00:00.000Z'));
    expect((await getEntry('mfa-admins', db))?.answer).toBe('Yes. Passkeys for every administrator account.');
    expect(await listEntryVersions('backups', db)).toMatchObject([{ version: 1, how: { kind: 'import', file: 'northwind-december.json' } }]);
    const mirror = planSync(file, await listEntries(db), { mirror: true, now: new Date('2026-12-07T12:00:00Z') });
    await applySyncPlan(db, mirror, {}, new Date('2026-12-07T12:00:00.000Z'));
    expect((await listEntries(db)).map((e) => e.id)).toEqual(['backups', 'mfa-admins']);
    // Emptied pages are removed, so no page record is left without an entry.
    for (const page of await db.entryPages.toArray()) expect(page.entries.length).toBeGreaterThan(0);
    expect(await db.entryPages.count()).toBe(new Set(['backups', 'mfa-admins'].map(pageOf)).size);
    db.close();
  });

  it('declares the entry pages and every other table as frozen', () => {
    const db = new AutofillDatabase('schema-check-v6');
    const declared = Object.fromEntries(db.tables.map((t) => [t.name, [t.schema.primKey, ...t.schema.indexes].map((i) => i.src).join(', ')]));
    expect(declared).toEqual(keptByV7({ ...V2_STORES, ...V3_ADDED, ...V4_STORES, ...V5_CHANGED }));
  });
});
