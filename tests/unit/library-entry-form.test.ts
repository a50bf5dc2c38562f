import { describe, expect, it } from 'vitest';
import type { StoredEntry } from '../../lib/db/records';
import { buildEntry, initialForm } from '../../lib/library/entry-form';
import { questionId } from '../../lib/library/question-id';

const stored: StoredEntry = {
  id: 'enc',
  question: 'Encrypted?',
  alternateQuestions: ['Do you encrypt?'],
  answer: 'Yes.',
  choice: 'Yes',
  tags: ['encryption'],
  citations: [{ title: 'Crypto Standard', section: '4.2', page: 12 }],
  owner: 'sec@x.example',
  reviewedAt: '2026-01-01',
  riskRating: { inherent: 'low' },
  _meta: { importedAt: '2026-01-02T00:00:00Z' },
};

describe('entry form', () => {
  it('an untouched form gives back the same entry (unknown fields kept, bookkeeping dropped)', () => {
    const { _meta, ...plain } = stored;
    expect(buildEntry(stored, initialForm(stored))).toEqual({ ...plain, status: 'approved' });
  });

  it('drops emptied optional fields, splits tags on commas or semicolons, trims citations', () => {
    const form = {
      ...initialForm(stored),
      choice: '  ',
      owner: '',
      tags: 'a, b; c ,',
      alternateQuestions: '\n  One  \n\nTwo\n',
      citations: [
        { title: ' Policy ', section: ' ', url: ' https://x.example/p ' },
        { title: '', section: '', url: '' },
      ],
      reviewedAt: '',
      status: 'draft' as const,
    };
    const entry = buildEntry(stored, form);
    expect(entry).not.toHaveProperty('choice');
    expect(entry).not.toHaveProperty('owner');
    expect(entry).not.toHaveProperty('reviewedAt');
    expect(entry.tags).toEqual(['a', 'b', 'c']);
    expect(entry.alternateQuestions).toEqual(['One', 'Two']);
    expect(entry.citations).toEqual([{ title: 'Policy', url: 'https://x.example/p' }]);
    expect(entry.status).toBe('draft');
    expect(entry.riskRating).toEqual({ inherent: 'low' });
  });

  it('a new entry is a draft and gets an id from its question unless one is typed', () => {
    const blank = initialForm(undefined);
    expect(blank.status).toBe('draft');
    const entry = buildEntry(undefined, { ...blank, question: 'Is MFA on?', answer: 'Yes.' });
    expect(entry).toEqual({ id: questionId('Is MFA on?'), question: 'Is MFA on?', answer: 'Yes.', status: 'draft' });
    expect(buildEntry(undefined, { ...blank, id: ' mfa ', question: 'Q?', answer: 'A.' }).id).toBe('mfa');
  });
});
