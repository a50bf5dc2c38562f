import { describe, expect, it } from 'vitest';
import { planBulkFill } from '../../lib/panel/bulk-fill';
import { emptyRows, rowsReducer } from '../../lib/panel/question-rows';
import { formatCounts, summarize } from '../../lib/panel/summary';
import { entry, proposal, question } from './panel-fixtures';

function rows() {
  const questions = [
    question({ key: 'ok', section: 'Encryption' }),
    question({ key: 'stale', section: 'Encryption' }),
    question({ key: 'draft', section: 'Access' }),
    question({ key: 'review', section: 'Access' }),
    question({ key: 'answered', currentValue: 'Already there', section: 'Access' }),
    question({ key: 'choice', kind: 'yesno', options: ['Yes', 'No'], commentFieldId: 'c', section: 'Access' }),
    question({ key: 'none', section: 'Access' }),
  ];
  return rowsReducer(emptyRows, {
    type: 'scanned',
    questions,
    proposals: {
      ok: [proposal({ entryId: 'e-ok' })],
      stale: [proposal({ entryId: 'e-stale', stale: true })],
      draft: [proposal({ entryId: 'e-draft', draft: true })],
      review: [proposal({ entryId: 'e-ok', band: 'review', confidence: 0.7 })],
      answered: [proposal({ entryId: 'e-ok' })],
      choice: [proposal({ entryId: 'e-yes', choice: 'Yes' })],
    },
  }).rows;
}

const entries = new Map(
  [entry({ id: 'e-ok' }), entry({ id: 'e-stale', expiresAt: '2020-01-01' }), entry({ id: 'e-draft', status: 'draft' }), entry({ id: 'e-yes', answer: 'Yes, always.' })].map((e) => [e.id, e]),
);

describe('planBulkFill', () => {
  it('takes only high, fresh, approved proposals on empty fields and says why the others are left out', () => {
    const plan = planBulkFill(rows(), entries);
    expect(plan.items.map((i) => i.key)).toEqual(['ok', 'choice']);
    expect(Object.fromEntries(plan.excluded.map((e) => [e.key, e.reason]))).toEqual({
      stale: 'the library entry is stale',
      draft: 'the library entry is a draft',
      review: 'confidence below high',
      answered: 'the page already has an answer',
      none: 'no match',
    });
    expect(plan.items[1]!.plan.requests.map((r) => r.value)).toEqual(['Yes', 'Yes, always.']);
  });

  it('says "no option matches the answer" when a choice question has no mapped option', () => {
    const r = rowsReducer(emptyRows, {
      type: 'scanned',
      questions: [question({ key: 'freq', kind: 'single-choice', options: ['Monthly', 'Yearly'] })],
      proposals: { freq: [proposal({ entryId: 'e-ok' })] },
    }).rows;
    expect(planBulkFill(r, entries).excluded).toEqual([{ key: 'freq', reason: 'no option matches the answer' }]);
  });

  it('never bulk-fills a draft even when the proposal did not flag it', () => {
    const r = rows().filter((x) => x.key === 'ok');
    const plan = planBulkFill(r, new Map([['e-ok', entry({ id: 'e-ok', status: 'draft' })]]));
    expect(plan.items).toEqual([]);
  });
});

describe('summarize', () => {
  it('counts detected, proposed, filled and needing attention per page and per section', () => {
    const s = summarize(rows());
    expect(s.page).toEqual({ detected: 7, proposed: 6, filled: 0, attention: 4 });
    expect(s.sections.map((x) => [x.section, x.detected, x.attention])).toEqual([
      ['Encryption', 2, 1],
      ['Access', 5, 3],
    ]);
    expect(formatCounts(s.page)).toBe('7 detected · 6 proposed · 0 filled · 4 need attention');
  });
});
