// The history read against the page: pending rows settled by reading the page back, Filled state and Undo
// derived from history rows (by key, or by text after a renumbering), and the reducer keeping them.
import { describe, expect, it } from 'vitest';
import { restoreFills, readBackChanges, settleOrphans, settlePending } from '../../lib/panel/fill-memory';
import { emptyRows, rowsReducer } from '../../lib/panel/question-rows';
import { planUndo } from '../../lib/panel/fill-plan';
import type { FillEvent, PageScan } from '../../lib/schema';
import { question } from './panel-fixtures';

const PAGE = 'https://vendors.buyer.example/review';

function row(over: Partial<FillEvent> & { questionKey: string }): FillEvent {
  return {
    at: '2026-12-01T10:00:00.000Z',
    portal: 'generic',
    pageUrl: PAGE,
    pageTitle: 'Review',
    questionText: `Question ${over.questionKey}?`,
    value: `Answer ${over.questionKey}`,
    edited: false,
    result: 'pending',
    previous: '',
    requestId: `r-${over.questionKey}`,
    tabId: 3,
    frameUrl: PAGE,
    ...over,
  };
}

function scan(questions: PageScan['questions'], url = PAGE): PageScan {
  return { url, title: 'Review', portal: 'generic', questions, warnings: [] };
}

describe('settling pending rows on the next scan', () => {
  const now = '2026-12-01T10:05:00.000Z';

  it('is filled only when the page holds the value; otherwise unknown, naming what the page shows', () => {
    const page = scan([question({ key: 'a', currentValue: 'Answer a' }), question({ key: 'b', currentValue: '' }), question({ key: 'c', currentValue: 'typed by hand' })]);
    const pending = [row({ questionKey: 'a' }), row({ questionKey: 'b' }), row({ questionKey: 'c' }), row({ questionKey: 'gone' })];
    const settled = Object.fromEntries(settlePending(pending, 3, page, new Set(), now).map((r) => [r.requestId, r.changes]));
    expect(settled['r-a']).toMatchObject({ result: 'filled', actual: 'Answer a', resolvedAt: now });
    expect(settled['r-b']).toMatchObject({ result: 'unknown', actual: '' });
    expect(settled['r-b']!.message).toContain('shows no answer');
    expect(settled['r-c']!.message).toContain('shows "typed by hand"');
    expect(settled['r-gone']).toMatchObject({ result: 'unknown' });
    expect(settled['r-gone']!.message).toContain('not on the page');
  });

  it('leaves rows of other tabs and rows this panel still awaits; a row of another page of the tab is unknown', () => {
    const page = scan([question({ key: 'a', currentValue: 'Answer a' })]);
    const pending = [row({ questionKey: 'a', tabId: 4 }), row({ questionKey: 'a', requestId: 'in-flight' }), row({ questionKey: 'a', requestId: 'elsewhere', pageUrl: `${PAGE}?p=2`, frameUrl: `${PAGE}?p=2` })];
    expect(settlePending(pending, 3, page, new Set(['in-flight']), now)).toEqual([
      { requestId: 'elsewhere', changes: expect.objectContaining({ result: 'unknown' }) },
    ]);
  });

  it('matches a question in a frame by the frame URL, never a same-keyed question of the top page', () => {
    const framed = 'https://vendors.buyer.example/frame?page=1';
    const page = scan([question({ key: 'a', currentValue: 'Answer a' }), question({ key: 'a', fieldId: 'f2', frameUrl: `${PAGE}/frame?page=2`, currentValue: '' })]);
    const [settled] = settlePending([row({ questionKey: 'a', frameUrl: framed })], 3, page, new Set(), now);
    expect(settled!.changes.result).toBe('unknown');
  });

  it('finds a renumbered question (new key) by its text when only one question has it', () => {
    const page = scan([question({ key: 'new-key', text: 'Question a?', currentValue: 'Answer a' })]);
    expect(readBackChanges(row({ questionKey: 'a' }), page.questions[0], now).result).toBe('filled');
    expect(settlePending([row({ questionKey: 'a' })], 3, page, new Set(), now)[0]!.changes.result).toBe('filled');
    const twice = scan([question({ key: 'k1', text: 'Question a?', currentValue: 'Answer a' }), question({ key: 'k2', fieldId: 'x', text: 'Question a?', currentValue: 'Answer a' })]);
    expect(settlePending([row({ questionKey: 'a' })], 3, twice, new Set(), now)[0]!.changes.result).toBe('unknown');
  });

  it('a choice and its comment must both be on the page', () => {
    const q = question({ key: 'a', kind: 'yesno', options: ['Yes', 'No'], currentValue: 'Yes', commentFieldId: 'c', commentValue: '' });
    expect(readBackChanges(row({ questionKey: 'a', value: 'Yes', comment: 'Always.' }), q, now).result).toBe('unknown');
    expect(readBackChanges(row({ questionKey: 'a', value: 'Yes', comment: 'Always.' }), { ...q, commentValue: 'Always.' }, now).result).toBe('filled');
  });

  it('rows of closed tabs are unknown', () => {
    const pending = [row({ questionKey: 'a', tabId: 9 }), row({ questionKey: 'b', tabId: 3 })];
    expect(settleOrphans(pending, new Set([3]), new Set(), now)).toEqual([{ requestId: 'r-a', changes: expect.objectContaining({ result: 'unknown' }) }]);
  });
});

describe('Filled state and Undo derived from the history', () => {
  it('restores a fill the page still holds, with an Undo that puts back the previous values', () => {
    const q = question({ key: 'a', kind: 'yesno', options: ['Yes', 'No'], currentValue: 'Yes', commentFieldId: 'c-a', commentValue: 'Always.' });
    const history = [row({ questionKey: 'a', seq: 1, result: 'filled', value: 'Yes', previous: 'No', comment: 'Always.', commentPrevious: 'before', entryId: 'mfa' })];
    const restored = restoreFills(history, scan([q]));
    expect(restored['a']).toMatchObject({ value: 'Yes', comment: 'Always.', entryId: 'mfa' });
    const target = { key: 'a', text: q.text };
    expect(planUndo(restored['a']!)).toEqual([
      { fieldId: 'f-a', value: 'No', question: target },
      { fieldId: 'c-a', value: 'before', question: target },
    ]);
  });

  it('restores nothing when the latest row is an undo, when the fill failed, or when the page no longer holds it', () => {
    const q = question({ key: 'a', currentValue: 'Answer a' });
    expect(restoreFills([row({ questionKey: 'a', seq: 1, result: 'filled' }), row({ questionKey: 'a', seq: 2, result: 'filled', undo: true, value: '' })], scan([q]))).toEqual({});
    expect(restoreFills([row({ questionKey: 'a', seq: 1, result: 'rejected' })], scan([q]))).toEqual({});
    expect(restoreFills([row({ questionKey: 'a', seq: 1, result: 'filled', value: 'other' })], scan([q]))).toEqual({});
    expect(restoreFills([row({ questionKey: 'a', seq: 1, result: 'unknown' })], scan([q]))).toEqual({});
    expect(Object.keys(restoreFills([row({ questionKey: 'a', seq: 1, result: 'filled' })], scan([q])))).toEqual(['a']);
  });

  it('follows a renumbered question to its new key by text', () => {
    const q = question({ key: 'renumbered', text: 'Question a?', currentValue: 'Answer a' });
    expect(Object.keys(restoreFills([row({ questionKey: 'a', seq: 1, result: 'filled' })], scan([q])))).toEqual(['renumbered']);
  });

  it('the reducer shows a restored fill as Filled (or Edited), and the session memory wins over it', () => {
    const q = question({ key: 'a', currentValue: 'Answer a' });
    const restored = restoreFills([row({ questionKey: 'a', seq: 1, result: 'filled', edited: true })], scan([q]));
    const state = rowsReducer(emptyRows, { type: 'scanned', questions: [q], proposals: {}, restored });
    expect(state.rows[0]).toMatchObject({ status: 'edited', lastFill: { value: 'Answer a' } });
    const skipped = rowsReducer(rowsReducer(emptyRows, { type: 'scanned', questions: [q], proposals: {} }), { type: 'skip', key: 'a' });
    expect(rowsReducer(skipped, { type: 'scanned', questions: [q], proposals: {}, restored }).rows[0]!.status).toBe('skipped');
  });

  it("a frame that navigated to another document does not keep the old document's Filled state", () => {
    const page1 = question({ key: 'a', fieldId: 'f1', frameUrl: `${PAGE}/frame?page=1` });
    const filled = rowsReducer(rowsReducer(emptyRows, { type: 'scanned', questions: [page1], proposals: {} }), {
      type: 'fill-finished',
      key: 'a',
      fill: { requests: [{ fieldId: 'f1', value: 'x', question: { key: 'a', text: 'Q' } }], results: [{ fieldId: 'f1', status: 'filled', actual: 'x', previous: '' }], value: 'x', edited: false },
    });
    expect(rowsReducer(filled, { type: 'scanned', questions: [page1], proposals: {} }).rows[0]!.status).toBe('filled');
    const page2 = question({ key: 'a', fieldId: 'f2', frameUrl: `${PAGE}/frame?page=2` });
    const moved = rowsReducer(filled, { type: 'scanned', questions: [page2], proposals: {} }).rows[0]!;
    expect([moved.status, moved.lastFill]).toEqual(['no-match', undefined]);
  });

  it('a fill result finds its row by field id when a re-scan renumbered the question meanwhile', () => {
    const before = rowsReducer(emptyRows, { type: 'scanned', questions: [question({ key: 'old', fieldId: 'f1' })], proposals: {} });
    const renumbered = rowsReducer(before, { type: 'scanned', questions: [question({ key: 'new', fieldId: 'f1' })], proposals: {} });
    const done = rowsReducer(renumbered, {
      type: 'fill-finished',
      key: 'old',
      fieldId: 'f1',
      fill: { requests: [{ fieldId: 'f1', value: 'x', question: { key: 'a', text: 'Q' } }], results: [{ fieldId: 'f1', status: 'filled', actual: 'x', previous: '' }], value: 'x', edited: false },
    });
    expect(done.rows[0]).toMatchObject({ key: 'new', status: 'filled' });
  });
});
