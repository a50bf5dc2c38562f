// Version 2 of the database (write-ahead fill history): the frozen v1 seed upgrades with every row kept and the
// new indexes usable; the frozen v2 seed opens with the current code.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { AutofillDatabase } from '../../lib/db/database';
import { listPendingFillEvents, pageFillEvents, resolveFillEvents } from '../../lib/db/history-repository';
import { V1_STORES, V2_STORES, expectEveryRowKept, readSeed, seedDatabase, keptByV7 } from '../support/frozen-db';

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

  it('still declares every v2 table exactly as frozen (later versions add tables; v6 moved the entries into pages)', () => {
    const db = new AutofillDatabase('schema-check');
    const declared = Object.fromEntries(db.tables.map((t) => [t.name, [t.schema.primKey, ...t.schema.indexes].map((i) => i.src).join(', ')]));
    const frozen = keptByV7(V2_STORES);
    expect(declared.entries).toBeUndefined();
    expect(Object.fromEntries(Object.keys(frozen).map((name) => [name, declared[name]]))).toEqual(frozen);
  });
});
