import 'fake-indexeddb/auto';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { AutofillDatabase } from '../../lib/db/database';
import { createEntry, getEntry, markEntriesReviewed } from '../../lib/db/entries-repository';
import { REVIEW_PERIOD_SETTING, ReviewPeriodError, getReviewPeriod, saveReviewPeriod } from '../../lib/library/review-period';
import { DEFAULT_REVIEW_PERIOD_DAYS, addDays, reviewQueue, reviewQueueCsv, reviewReasons, reviewedChanges } from '../../lib/library/review-queue';
import { setSetting } from '../../lib/db/settings-repository';
import type { LibraryEntry } from '../../lib/schema';

const TODAY = '2026-12-05';
const cited = [{ title: 'Security Policy', section: '4.2' }];
const entry = (id: string, more: Partial<LibraryEntry> = {}): LibraryEntry => ({ id, question: `Question ${id}?`, answer: `Answer ${id}.`, owner: 'Alice', citations: cited, ...more });

let dbCount = 0;
const freshDb = () => new AutofillDatabase(`review-queue-test-${++dbCount}`);

describe('review reasons', () => {
  it('names every reason an entry is due, and none for a current, owned, cited, approved entry', () => {
    expect(reviewReasons(entry('ok', { expiresAt: '2027-06-01' }), TODAY)).toEqual([]);
    expect(reviewReasons(entry('old', { expiresAt: '2026-12-04' }), TODAY)).toEqual(['expired']);
    expect(reviewReasons(entry('soon', { expiresAt: '2027-01-04' }), TODAY)).toEqual(['expiring']);
    expect(reviewReasons(entry('soon', { expiresAt: '2027-01-04' }), TODAY, 29)).toEqual([]);
    expect(reviewReasons(entry('today', { expiresAt: TODAY }), TODAY)).toEqual(['expiring']);
    expect(reviewReasons(entry('d', { status: 'draft' }), TODAY)).toEqual(['draft']);
    expect(reviewReasons(entry('o', { owner: '   ' }), TODAY)).toEqual(['no-owner']);
    expect(reviewReasons(entry('c', { citations: [] }), TODAY)).toEqual(['no-citation']);
    expect(reviewReasons(entry('all', { expiresAt: '2020-01-01', status: 'draft', owner: undefined, citations: undefined }), TODAY)).toEqual([
      'expired',
      'draft',
      'no-owner',
      'no-citation',
    ]);
  });

  it('leaves retired and sample entries out', () => {
    expect(reviewReasons(entry('r', { status: 'retired', expiresAt: '2020-01-01' }), TODAY)).toEqual([]);
    expect(reviewReasons(entry('s', { sample: true, owner: undefined }), TODAY)).toEqual([]);
  });
});

describe('review queue', () => {
  it('groups by owner (alphabetical, no owner last), most urgent first within a group', () => {
    const groups = reviewQueue(
      [
        entry('a-draft', { status: 'draft' }),
        entry('a-soon-late', { expiresAt: '2026-12-30' }),
        entry('a-expired', { expiresAt: '2026-01-01' }),
        entry('a-soon-early', { expiresAt: '2026-12-10' }),
        entry('n-1', { owner: undefined }),
        entry('b-1', { owner: 'bob', citations: [] }),
        entry('fine', { expiresAt: '2028-01-01' }),
      ],
      TODAY,
    );
    expect(groups.map((g) => g.owner)).toEqual(['Alice', 'bob', undefined]);
    expect(groups[0]!.items.map((i) => i.entry.id)).toEqual(['a-expired', 'a-soon-early', 'a-soon-late', 'a-draft']);
    expect(groups.flatMap((g) => g.items.map((i) => i.entry.id))).not.toContain('fine');
  });

  it('marks reviewed with the next expiry one period ahead, across month and leap-year ends', () => {
    expect(reviewedChanges(TODAY, 365)).toEqual({ reviewedAt: TODAY, expiresAt: '2027-12-05' });
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-31', 30)).toBe('2026-03-02');
    const reviewed = { ...entry('x', { expiresAt: '2026-01-01' }), ...reviewedChanges(TODAY, 90) };
    expect(reviewReasons(reviewed, TODAY)).toEqual([]);
  });

  it('exports the queue as formula-safe CSV for the owners', () => {
    const csv = reviewQueueCsv(reviewQueue([entry('=cmd', { question: '=HYPERLINK("x"); y', expiresAt: '2026-01-01', status: 'draft' })], TODAY));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1).trim()).data;
    expect(rows[0]).toEqual(['owner', 'id', 'question', 'reasons', 'expiresAt', 'reviewedAt', 'status', 'citation']);
    expect(rows[1]).toEqual(['Alice', "'=cmd", `'=HYPERLINK("x"); y`, 'expired; draft', '2026-01-01', '', 'draft', 'Security Policy 4.2']);
  });
});

describe('marking entries reviewed', () => {
  it('updates every named entry in one go, stamps a local edit, and reports ids no longer there', async () => {
    const db = freshDb();
    await createEntry(entry('one', { expiresAt: '2026-01-01' }), db);
    await createEntry(entry('two', { status: 'draft' }), db);
    const now = new Date('2026-12-05T10:00:00Z');
    const { updated, missing } = await markEntriesReviewed(['one', 'gone', 'two'], reviewedChanges(TODAY, 180), db, now);
    expect(updated.map((e) => e.id)).toEqual(['one', 'two']);
    expect(missing).toEqual(['gone']);
    const one = await getEntry('one', db);
    expect(one).toMatchObject({ reviewedAt: TODAY, expiresAt: '2027-06-03', updatedAt: now.toISOString(), _meta: { localEditedAt: now.toISOString() } });
    // A draft stays a draft: approving is a decision about its text.
    expect((await getEntry('two', db))?.status).toBe('draft');
  });
});

describe('review period setting', () => {
  it('defaults to a year, saves a valid period and refuses an invalid one without saving', async () => {
    const db = freshDb();
    expect(await getReviewPeriod(db)).toBe(DEFAULT_REVIEW_PERIOD_DAYS);
    expect(await saveReviewPeriod(180, db)).toBe(180);
    expect(await getReviewPeriod(db)).toBe(180);
    await expect(saveReviewPeriod(0, db)).rejects.toBeInstanceOf(ReviewPeriodError);
    await expect(saveReviewPeriod(1.5, db)).rejects.toThrow(/whole number/);
    await expect(saveReviewPeriod(5000, db)).rejects.toThrow(/at most/);
    expect(await getReviewPeriod(db)).toBe(180);
    // A bad stored value is not trusted.
    await setSetting(REVIEW_PERIOD_SETTING, 'forever', db);
    expect(await getReviewPeriod(db)).toBe(DEFAULT_REVIEW_PERIOD_DAYS);
  });
});
