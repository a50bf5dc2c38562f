import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AutofillDatabase } from '../../lib/db/database';
import { countEntries } from '../../lib/db/entries-repository';
import { parseLibraryFile } from '../../lib/library/parse-library-file';
import { loadSampleLibraryIfEmpty, removeSampleEntries, sampleAddedInThisPage } from '../../lib/library/sample-library';
import { entryStatus, isStale } from '../../lib/schema';

const sampleText = readFileSync(resolve(import.meta.dirname, '../../public/sample-library.json'), 'utf8');
const TODAY = '2026-11-28';

describe('public/sample-library.json', () => {
  it('is a valid library of about 60 cited entries with approved, draft, retired and stale ones', async () => {
    const parsed = await parseLibraryFile(sampleText, 'sample-library.json');
    expect(parsed.invalid).toEqual([]);
    const entries = parsed.entries.map((e) => e.entry);
    expect(entries.length).toBeGreaterThanOrEqual(55);
    expect(entries.length).toBeLessThanOrEqual(75);
    for (const entry of entries) {
      expect(entry.citations?.length, entry.id).toBeGreaterThan(0);
      for (const citation of entry.citations ?? []) {
        expect(citation.section, entry.id).toBeTruthy();
        expect(citation.url, entry.id).toMatch(/^https:\/\/trust\.northwind-cloud\.example\//);
      }
      expect(entry.tags?.length, entry.id).toBeGreaterThan(0);
      if (entry.choice !== undefined) expect(['Yes', 'No', 'N/A']).toContain(entry.choice);
    }
    const statuses = entries.map(entryStatus);
    expect(statuses.filter((s) => s === 'draft').length).toBeGreaterThanOrEqual(2);
    expect(statuses.filter((s) => s === 'retired')).toHaveLength(1);
    expect(entries.filter((e) => entryStatus(e) !== 'retired' && isStale(e, TODAY)).length).toBeGreaterThanOrEqual(2);
    expect(entries.filter((e) => (e.alternateQuestions?.length ?? 0) > 0).length).toBeGreaterThan(50);
  });

  it('loads into an empty library once, and never again after the analyst empties it', async () => {
    const db = new AutofillDatabase('sample-test');
    let fetches = 0;
    const fetchSample = async () => {
      fetches++;
      return sampleText;
    };
    const [added, concurrent] = await Promise.all([loadSampleLibraryIfEmpty(db, fetchSample), loadSampleLibraryIfEmpty(db, fetchSample)]);
    expect(concurrent).toBe(added);
    expect(added).toBe(await countEntries(db));
    expect(added).toBeGreaterThan(55);
    expect(await loadSampleLibraryIfEmpty(db, fetchSample)).toBe(0);
    // A view opened after the load (the Library view mounts on first use) still learns what it added.
    expect(sampleAddedInThisPage(db)).toBe(added);
    await removeSampleEntries(db);
    expect(sampleAddedInThisPage(db)).toBe(0);
    await db.entryPages.clear();
    expect(await loadSampleLibraryIfEmpty(db, fetchSample)).toBe(0);
    expect(fetches).toBe(1);
  });
});
