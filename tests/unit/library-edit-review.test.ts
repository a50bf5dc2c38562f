// Editing an approved entry (issue 13, point 6): a change to what is filled or which questions it answers makes
// the entry a draft (never bulk-filled) unless the editor says they reviewed it; other edits keep it approved.
import { describe, expect, it } from 'vitest';
import type { StoredEntry } from '../../lib/db/records';
import { buildEntry, initialForm, needsReviewAfterEdit } from '../../lib/library/entry-form';
import { planBulkFill } from '../../lib/panel/bulk-fill';
import { emptyRows, rowsReducer } from '../../lib/panel/question-rows';
import { proposal, question } from './panel-fixtures';

const approved: StoredEntry = {
  id: 'enc',
  question: 'Is data encrypted at rest?',
  alternateQuestions: ['Do you encrypt stored data?'],
  answer: 'Yes, with AES-256.',
  choice: 'Yes',
  tags: ['encryption'],
  citations: [{ title: 'Crypto Standard' }],
  owner: 'sec@x.example',
  status: 'approved',
};

describe('editing an approved entry', () => {
  it('a changed answer, option or wording saves it as a draft', () => {
    const form = initialForm(approved);
    expect(buildEntry(approved, { ...form, answer: 'Yes, with AES-128.' }).status).toBe('draft');
    expect(buildEntry(approved, { ...form, choice: 'No' }).status).toBe('draft');
    expect(buildEntry(approved, { ...form, question: 'Is all data encrypted at rest?' }).status).toBe('draft');
    expect(buildEntry(approved, { ...form, alternateQuestions: 'Do you encrypt stored data?\nDo you encrypt backups?' }).status).toBe('draft');
  });

  it('an entry without a status counts as approved', () => {
    const { status: _s, ...unmarked } = approved;
    expect(buildEntry(unmarked, { ...initialForm(unmarked), answer: 'No.' }).status).toBe('draft');
  });

  it('the editor can say they reviewed it and keep it approved', () => {
    expect(buildEntry(approved, { ...initialForm(approved), answer: 'Yes, with AES-128.', keepApproved: true }).status).toBe('approved');
  });

  it('tags, owner, citations and dates do not need a review; drafts and new entries are left as they are', () => {
    const form = initialForm(approved);
    expect(buildEntry(approved, { ...form, tags: 'crypto', owner: 'ciso@x.example', reviewedAt: '2026-12-01' }).status).toBe('approved');
    expect(buildEntry(approved, form).status).toBe('approved');
    expect(buildEntry({ ...approved, status: 'draft' }, { ...initialForm({ ...approved, status: 'draft' }), answer: 'New.' }).status).toBe('draft');
    expect(needsReviewAfterEdit(undefined, { ...approved })).toBe(false);
    // Retiring is a status change by hand, not an edit to review.
    expect(buildEntry(approved, { ...form, answer: 'Gone.', status: 'retired' }).status).toBe('retired');
  });

  it('so the edited entry is not bulk-filled before review', () => {
    const edited = buildEntry(approved, { ...initialForm(approved), answer: 'Yes, with AES-128.' });
    const rows = rowsReducer(emptyRows, { type: 'scanned', questions: [question({ key: 'q' })], proposals: { q: [proposal({ entryId: 'enc' })] } }).rows;
    expect(planBulkFill(rows, new Map([['enc', edited]])).items).toEqual([]);
  });
});
