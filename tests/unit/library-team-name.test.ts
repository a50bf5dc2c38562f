import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AutofillDatabase } from '../../lib/db/database';
import { listEntries } from '../../lib/db/entries-repository';
import { setSetting } from '../../lib/db/settings-repository';
import { applySyncPlan } from '../../lib/library/apply-sync';
import { exportStoredLibrary } from '../../lib/library/export-stored-library';
import { parseLibraryFile } from '../../lib/library/parse-library-file';
import { planSync } from '../../lib/library/plan-sync';
import { TEAM_NAME_SETTING, TeamNameError, getTeamName, saveTeamName } from '../../lib/library/team-name';

const sampleText = readFileSync(resolve(import.meta.dirname, '../../public/sample-library.json'), 'utf8');
let dbCount = 0;
const freshDb = () => new AutofillDatabase(`team-name-test-${++dbCount}`);

async function importText(db: AutofillDatabase, text: string, name: string): Promise<void> {
  const parsed = await parseLibraryFile(text, name);
  expect(parsed.invalid).toEqual([]);
  await applySyncPlan(db, planSync(parsed, await listEntries(db)));
}

const exportText = async (db: AutofillDatabase, kind: 'json' | 'csv', at: string) => (await exportStoredLibrary(db, kind, at)).blob.text();
const withoutExportedAt = (text: string) => text.replace(/"exportedAt": "[^"]*"/, '"exportedAt": "…"');

describe('team name setting', () => {
  it('is trimmed, saved and read back; an empty name clears it', async () => {
    const db = freshDb();
    expect(await getTeamName(db)).toBe('');
    expect(await saveTeamName('  Northwind Security Team  ', db)).toBe('Northwind Security Team');
    expect(await getTeamName(db)).toBe('Northwind Security Team');
    expect(await saveTeamName('   ', db)).toBe('');
    expect(await getTeamName(db)).toBe('');
  });

  it('refuses a name that is too long or has control characters, and keeps the saved one', async () => {
    const db = freshDb();
    await saveTeamName('Security', db);
    await expect(saveTeamName('x'.repeat(101), db)).rejects.toThrow(/at most 100 characters/);
    await expect(saveTeamName('Security\nTeam', db)).rejects.toBeInstanceOf(TeamNameError);
    await expect(saveTeamName('Security\tTeam', db)).rejects.toThrow(/control characters/);
    expect(await getTeamName(db)).toBe('Security');
  });

  it('ignores a stored value that is not a valid name (written by something else)', async () => {
    const db = freshDb();
    await setSetting(TEAM_NAME_SETTING, { name: 'object' }, db);
    expect(await getTeamName(db)).toBe('');
  });
});

describe('exports with a team name', () => {
  it('JSON carries it as source, right after exportedAt as the format lists it; without one there is no source', async () => {
    const db = freshDb();
    await importText(db, sampleText, 'sample-library.json');
    const plain = JSON.parse(await exportText(db, 'json', '2026-11-28T10:00:00.000Z')) as Record<string, unknown>;
    expect(plain).not.toHaveProperty('source');
    await saveTeamName('Northwind Security Team', db);
    const text = await exportText(db, 'json', '2026-11-28T10:00:00.000Z');
    const document = JSON.parse(text) as Record<string, unknown>;
    expect(document.source).toBe('Northwind Security Team');
    expect(Object.keys(document)).toEqual(['format', 'version', 'exportedAt', 'source', 'entries']);
    expect((await parseLibraryFile(text, 'export.json')).source).toBe('Northwind Security Team');
  });

  it('CSV has no envelope and stays the same with or without a team name', async () => {
    const db = freshDb();
    await importText(db, sampleText, 'sample-library.json');
    const before = await exportText(db, 'csv', '2026-11-28T10:00:00.000Z');
    await saveTeamName('Northwind Security Team', db);
    expect(await exportText(db, 'csv', '2026-11-28T10:00:00.000Z')).toBe(before);
    expect(before).not.toContain('Northwind Security Team');
  });

  it('JSON export → import into another library with the same team name → export gives the same bytes but exportedAt', async () => {
    const first = freshDb();
    await importText(first, sampleText, 'sample-library.json');
    await saveTeamName('Northwind Security Team', first);
    const exported = await exportText(first, 'json', '2026-11-28T10:00:00.000Z');

    const second = freshDb();
    await saveTeamName('Northwind Security Team', second);
    await importText(second, exported, 'answer-library-2026-11-28.json');
    const again = await exportText(second, 'json', '2026-11-29T08:30:00.000Z');

    expect(again).not.toBe(exported);
    expect(withoutExportedAt(again)).toBe(withoutExportedAt(exported));
    expect(JSON.parse(again).exportedAt).toBe('2026-11-29T08:30:00.000Z');
  });
});
