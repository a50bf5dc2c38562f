import { describe, expect, it } from 'vitest';
import { createLibrarySearchIndex, matchesFilter } from '../../lib/library/search-library';
import type { LibraryEntry } from '../../lib/schema';

const TODAY = '2026-11-28';
const entries: LibraryEntry[] = [
  { id: 'enc-at-rest', question: 'Is customer data encrypted at rest?', alternateQuestions: ['Do you encrypt stored data?'], answer: 'Yes, AES-256.', tags: ['encryption'] },
  { id: 'mfa', question: 'Is MFA required for employees?', answer: 'Yes. Hardware keys for administrators; stored in a safe.', status: 'draft' },
  { id: 'old-pentest', question: 'Do you pen test twice a year?', answer: 'Yes.', status: 'retired', expiresAt: '2025-01-01' },
  { id: 'dlp', question: 'Do you use data loss prevention?', answer: 'Yes, via our CASB.', expiresAt: '2026-08-01', owner: 'security@northwind.example' },
  { id: 'résumé', question: 'Are résumés of staff kept?', answer: 'Only during hiring.' },
];
const ids = (list: LibraryEntry[]) => list.map((e) => e.id);

describe('library search', () => {
  const index = createLibrarySearchIndex(entries);

  it('answers the same after warming up', () => {
    const warm = createLibrarySearchIndex(entries);
    warm.warmUp();
    expect(ids(warm.search('stored', 'all', TODAY))).toEqual(['enc-at-rest', 'mfa']);
  });

  it('returns everything in library order for an empty query', () => {
    expect(ids(index.search('  ', 'all', TODAY))).toEqual(ids(entries));
  });

  it('ranks wording matches before answer-only matches, all query words required', () => {
    expect(ids(index.search('stored', 'all', TODAY))).toEqual(['enc-at-rest', 'mfa']);
    expect(ids(index.search('stored data', 'all', TODAY))).toEqual(['enc-at-rest']);
    expect(ids(index.search('casb', 'all', TODAY))).toEqual(['dlp']);
    expect(ids(index.search('northwind.example', 'all', TODAY))).toEqual(['dlp']);
  });

  it('ignores case and accents and tolerates typos through Fuse', () => {
    expect(ids(index.search('RESUME', 'all', TODAY))).toEqual(['résumé']);
    expect(ids(index.search('encrpyted', 'all', TODAY))[0]).toBe('enc-at-rest');
    expect(ids(index.search('custmer encrpyted', 'all', TODAY))).toEqual(['enc-at-rest']);
    expect(ids(index.search('prevnetion', 'all', TODAY))).toEqual(['dlp']);
    expect(index.search('zzzzqqqq', 'all', TODAY)).toEqual([]);
  });

  it('filters by status and freshness; retired entries are not counted as stale', () => {
    expect(ids(index.search('', 'draft', TODAY))).toEqual(['mfa']);
    expect(ids(index.search('', 'retired', TODAY))).toEqual(['old-pentest']);
    expect(ids(index.search('', 'stale', TODAY))).toEqual(['dlp']);
    expect(ids(index.search('', 'approved', TODAY))).toEqual(['enc-at-rest', 'dlp', 'résumé']);
    expect(matchesFilter(entries[3]!, 'stale', '2026-07-01')).toBe(false);
  });
});
