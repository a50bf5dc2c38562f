// Library search (issue 13, point 9): abbreviations and synonyms from the security vocabulary, a fallback to the
// entries with most of the words, and typo corrections ranked by closeness rather than library order.
import { describe, expect, it } from 'vitest';
import { createLibrarySearchIndex, queryTerms } from '../../lib/library/search-library';
import type { LibraryEntry } from '../../lib/schema';

const TODAY = '2026-11-28';
const entries: LibraryEntry[] = [
  { id: 'exceptions', question: 'Do you document exceptions to security policies?', answer: 'Yes, in the risk register.' },
  { id: 'their-review', question: 'Are their access rights reviewed?', answer: 'Quarterly.' },
  { id: 'workforce-auth', question: 'Is multi-factor authentication required for all employee access?', answer: 'Yes, through Okta.' },
  { id: 'customer-auth', question: 'Do you offer two-factor authentication to customer users?', answer: 'Yes: TOTP apps or security keys.' },
  { id: 'enc-at-rest', question: 'Is customer data encrypted at rest?', answer: 'Yes, with AES-256.' },
  { id: 'visitor-passports', question: 'Do you check the passports of visitors?', answer: 'At reception.' },
  { id: 'secrets', question: 'How are API keys and passwords stored?', answer: 'In a vault.' },
  { id: 'least-privilege', question: 'Is access granted on least privilege?', answer: 'Yes.' },
  { id: 'privileged-access', question: 'How is privileged access controlled?', answer: 'Through a PAM tool.' },
  { id: 'password-policy', question: 'What password requirements are enforced?', answer: '14 characters minimum.' },
  { id: 'payment-methods', question: 'Which payment methods do you accept?', answer: 'Invoice and card.' },
];
const ids = (list: LibraryEntry[]) => list.map((e) => e.id);

describe('library search terms', () => {
  const index = createLibrarySearchIndex(entries);

  it('an abbreviation finds the entries that spell it out, and the other way round', () => {
    expect(ids(index.search('mfa', 'all', TODAY))).toEqual(['workforce-auth', 'customer-auth']);
    expect(ids(index.search('2fa customer', 'all', TODAY))).toEqual(['customer-auth']);
    // Words as typed come first: the synonyms are the fallback when nothing has them.
    expect(ids(index.search('multi factor', 'all', TODAY))).toEqual(['workforce-auth']);
  });

  it('"mfa methods" finds the MFA entries first though no entry has every word', () => {
    expect(ids(index.search('mfa methods', 'all', TODAY)).slice(0, 2)).toEqual(['workforce-auth', 'customer-auth']);
  });

  it('a short synonym is matched as a whole word ("ir" must not match "their")', () => {
    expect(queryTerms('incident response').map((t) => t.typed)).toEqual(['incident response']);
    expect(ids(index.search('incident response', 'all', TODAY))).toEqual([]);
  });

  it('a typo puts the closest correction first, not the first entry in the library', () => {
    expect(ids(index.search('encyrpted', 'all', TODAY))[0]).toBe('enc-at-rest');
    expect(ids(index.search('exeptions', 'all', TODAY))[0]).toBe('exceptions');
    expect(ids(index.search('pasword', 'all', TODAY))[0]).toBe('password-policy');
    expect(ids(index.search('pasword requirments', 'all', TODAY))[0]).toBe('password-policy');
    expect(ids(index.search('privleged', 'all', TODAY))[0]).toBe('privileged-access');
  });
});
