import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { addLearnedAlias, findLearnedAlias, listLearnedAliases, removeLearnedAlias } from '../../lib/db/aliases-repository';
import { AutofillDatabase } from '../../lib/db/database';
import {
  DuplicateEntryIdError,
  EntryNotFoundError,
  countEntries,
  createEntry,
  getEntry,
  listEntries,
  restoreEntry,
  retireEntry,
  stripMeta,
  updateEntry,
} from '../../lib/db/entries-repository';
import { addFillEvent, addFillEvents, clearHistory, queryHistory } from '../../lib/db/history-repository';
import { getSetting, setSetting } from '../../lib/db/settings-repository';
import { StorageFullError, formatBytes, getStorageStatus, requestPersistentStorage, withStorageErrors } from '../../lib/db/storage';
import type { FillEvent } from '../../lib/schema';

let dbCount = 0;
const freshDb = () => new AutofillDatabase(`repo-test-${++dbCount}`);
const T0 = new Date('2026-11-01T10:00:00Z');
const T1 = new Date('2026-11-02T10:00:00Z');

describe('entries repository', () => {
  it('creates, reads, updates and counts entries, stamping updatedAt and the local edit', async () => {
    const db = freshDb();
    const created = await createEntry({ id: 'mfa', question: 'MFA?', answer: 'Yes.', status: 'draft', futureField: 1 }, db, T0);
    expect(created).toMatchObject({ id: 'mfa', updatedAt: T0.toISOString(), futureField: 1, _meta: { localEditedAt: T0.toISOString() } });
    await expect(createEntry({ id: 'mfa', question: 'Again?', answer: 'No.' }, db, T0)).rejects.toThrow(DuplicateEntryIdError);
    await expect(createEntry({ id: 'x', question: ' ', answer: 'No.' }, db, T0)).rejects.toThrow(/question is empty/);

    const updated = await updateEntry('mfa', { question: 'Is MFA enforced?', answer: 'Yes, always.', owner: 'sec@x.example' }, db, T1);
    expect(updated).toMatchObject({ id: 'mfa', question: 'Is MFA enforced?', owner: 'sec@x.example', updatedAt: T1.toISOString() });
    expect(updated.status).toBeUndefined();
    await expect(updateEntry('nope', { question: 'Q?', answer: 'A.' }, db, T1)).rejects.toThrow(EntryNotFoundError);
    expect(await countEntries(db)).toBe(1);
    expect(stripMeta((await getEntry('mfa', db))!)).not.toHaveProperty('_meta');
  });

  it('retires and restores to the previous status', async () => {
    const db = freshDb();
    await createEntry({ id: 'd', question: 'Draft?', answer: 'Yes.', status: 'draft' }, db, T0);
    expect((await retireEntry('d', db, T1)).status).toBe('retired');
    const restored = await restoreEntry('d', db, T1);
    expect(restored.status).toBe('draft');
    expect(restored._meta).toEqual({ localEditedAt: T1.toISOString() });
    await createEntry({ id: 'a', question: 'Approved?', answer: 'Yes.' }, db, T0);
    await retireEntry('a', db, T1);
    expect((await restoreEntry('a', db, T1)).status).toBe('approved');
    expect((await listEntries(db)).map((e) => e.id)).toEqual(['a', 'd']);
  });
});

describe('learned aliases', () => {
  it('adds, finds, lists per entry, moves a wording to the latest entry, removes', async () => {
    const db = freshDb();
    const first = await addLearnedAlias({ entryId: 'mfa', text: 'Is 2FA on?', normalized: 'is 2fa on' }, db, T0);
    await addLearnedAlias({ entryId: 'sso', text: 'SAML?', normalized: 'saml' }, db, T0);
    expect((await listLearnedAliases('mfa', db)).map((a) => a.text)).toEqual(['Is 2FA on?']);
    const moved = await addLearnedAlias({ entryId: 'sso', text: 'Is 2FA on?', normalized: 'is 2fa on' }, db, T1);
    expect(moved.id).toBe(first.id);
    expect((await findLearnedAlias('is 2fa on', db))?.entryId).toBe('sso');
    expect(await listLearnedAliases(undefined, db)).toHaveLength(2);
    await removeLearnedAlias(moved.id!, db);
    expect(await findLearnedAlias('is 2fa on', db)).toBeUndefined();
  });
});

describe('fill history', () => {
  const event = (over: Partial<FillEvent>): FillEvent => ({
    at: '2026-11-01T10:00:00Z',
    portal: 'servicenow',
    pageUrl: 'https://acme.service-now.com/sp',
    pageTitle: 'Assessment',
    questionKey: 'q1',
    questionText: 'Is data encrypted?',
    value: 'Yes',
    edited: false,
    result: 'filled',
    previous: null,
    ...over,
  });

  it('records events and queries newest first with filters', async () => {
    const db = freshDb();
    await addFillEvent(event({ entryId: 'enc' }), db);
    await addFillEvents([event({ at: '2026-11-02T10:00:00Z', portal: 'onetrust', entryId: 'mfa' }), event({ at: '2026-11-03T10:00:00Z', entryId: 'enc' })], db);
    expect((await queryHistory({}, db)).map((e) => e.at)).toEqual(['2026-11-03T10:00:00Z', '2026-11-02T10:00:00Z', '2026-11-01T10:00:00Z']);
    expect((await queryHistory({ entryId: 'enc' }, db)).map((e) => e.seq)).toEqual([3, 1]);
    expect((await queryHistory({ portal: 'onetrust' }, db)).map((e) => e.entryId)).toEqual(['mfa']);
    expect((await queryHistory({ since: '2026-11-02T00:00:00Z', limit: 1 }, db)).map((e) => e.at)).toEqual(['2026-11-03T10:00:00Z']);
    await expect(addFillEvent({ ...event({}), result: 'bogus' as FillEvent['result'] }, db)).rejects.toThrow();
    await clearHistory(db);
    expect(await queryHistory({}, db)).toEqual([]);
  });
});

describe('settings', () => {
  it('reads through a schema, falling back when missing or invalid', async () => {
    const db = freshDb();
    expect(await getSetting('threshold', z.number(), 0.8, db)).toBe(0.8);
    await setSetting('threshold', 0.7, db);
    expect(await getSetting('threshold', z.number(), 0.8, db)).toBe(0.7);
    await setSetting('threshold', 'high', db);
    expect(await getSetting('threshold', z.number(), 0.8, db)).toBe(0.8);
  });
});

describe('storage', () => {
  it('turns a quota failure (also wrapped, as Dexie does) into StorageFullError and passes other errors through', async () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    await expect(withStorageErrors('the entry', () => Promise.reject(quota))).rejects.toThrow(StorageFullError);
    await expect(withStorageErrors('the entry', () => Promise.reject({ name: 'AbortError', inner: quota }))).rejects.toThrow(
      'The browser has no storage space left for this extension, so the entry was not saved (nothing was changed). Free disk space or clear other site data, then try again.',
    );
    await expect(withStorageErrors('x', () => Promise.reject(new TypeError('boom')))).rejects.toThrow(TypeError);
  });

  it('surfaces a full disk from a repository write', async () => {
    const db = freshDb();
    const spy = vi.spyOn(db.entryPages, 'bulkPut').mockImplementation(() => Dexie.Promise.reject(new DOMException('full', 'QuotaExceededError')));
    await expect(createEntry({ id: 'a', question: 'Q?', answer: 'A.' }, db, T0)).rejects.toThrow(/so the new entry "a" was not saved/);
    spy.mockRestore();
    expect(await countEntries(db)).toBe(0);
  });

  it('requests persistence and reports usage through navigator.storage', async () => {
    const persist = vi.fn(async () => true);
    vi.stubGlobal('navigator', { storage: { persist, persisted: async () => false, estimate: async () => ({ usage: 2048, quota: 10 * 1024 ** 3 }) } });
    expect(await requestPersistentStorage()).toBe(true);
    expect(persist).toHaveBeenCalledOnce();
    expect(await getStorageStatus()).toEqual({ persisted: false, usageBytes: 2048, quotaBytes: 10 * 1024 ** 3 });
    vi.unstubAllGlobals();
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(15.5 * 1024 * 1024)).toBe('15.5 MB');
  });
});
