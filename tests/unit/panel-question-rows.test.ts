import { describe, expect, it } from 'vitest';
import { describeFillOutcome, emptyRows, rowsReducer, type RowsState } from '../../lib/panel/question-rows';
import type { DetectedQuestion } from '../../lib/schema';
import { proposal, question } from './panel-fixtures';

function scanned(state: RowsState = emptyRows): RowsState {
  return rowsReducer(state, {
    type: 'scanned',
    questions: [question({ key: 'q1' }), question({ key: 'q2' })],
    proposals: { q1: [proposal({ entryId: 'e1' }), proposal({ entryId: 'e2', confidence: 0.6, band: 'review' })] },
  });
}

const filled = (fieldId: string, actual: string) => ({ fieldId, status: 'filled' as const, actual, previous: '' });

describe('rowsReducer', () => {
  it('keeps rows matching until their batch arrives, and stops every row waiting when matching stops', () => {
    let state = rowsReducer(emptyRows, { type: 'scanned', questions: [question({ key: 'q1' }), question({ key: 'q2' }), question({ key: 'q3' })], proposals: {}, matching: ['q1', 'q2', 'q3'] });
    expect(state.rows.map((r) => !!r.matching)).toEqual([true, true, true]);
    state = rowsReducer(state, { type: 'proposed', proposals: { q1: [proposal({ entryId: 'e1' })] } });
    expect(state.rows.map((r) => !!r.matching)).toEqual([false, true, true]);
    state = rowsReducer(state, { type: 'matching-stopped' });
    expect(state.rows.map((r) => !!r.matching)).toEqual([false, false, false]);
    expect(state.rows[0]!.status).toBe('proposed');
    expect(rowsReducer(state, { type: 'matching-stopped' })).toBe(state);
  });

  it('marks questions with proposals as proposed and the others as no match', () => {
    const state = scanned();
    expect(state.rows.map((r) => r.status)).toEqual(['proposed', 'no-match']);
  });

  it('moves a row to filled, edited or failed with the reason from the result', () => {
    let state = scanned();
    const requests = [{ fieldId: 'f-q1', value: 'A', question: { key: 'q1', text: 'Question q1?' } }];
    state = rowsReducer(state, { type: 'fill-started', keys: ['q1'] });
    expect(state.rows[0]!.pending).toBe(true);
    state = rowsReducer(state, { type: 'fill-finished', key: 'q1', fill: { requests, results: [filled('f-q1', 'A')], value: 'A', edited: true } });
    expect(state.rows[0]).toMatchObject({ status: 'edited', pending: false });
    state = rowsReducer(state, {
      type: 'fill-finished',
      key: 'q1',
      fill: { requests, results: [{ fieldId: 'f-q1', status: 'rejected', actual: '', previous: '', message: 'read-only' }], value: 'A', edited: false },
    });
    expect(state.rows[0]!.status).toBe('failed');
    expect(state.rows[0]!.failure).toBe('The portal rejected the value. read-only');
  });

  it('keeps filled and skipped states and a picked candidate across a re-scan (section switch, re-render)', () => {
    let state = scanned();
    state = rowsReducer(state, { type: 'choose', key: 'q1', index: 1 });
    state = rowsReducer(state, { type: 'skip', key: 'q2' });
    state = rowsReducer(state, { type: 'scanned', questions: [question({ key: 'q3' })], proposals: {} });
    expect(state.rows.map((r) => r.key)).toEqual(['q3']);
    state = scanned(state);
    expect(state.rows[0]!.proposals[state.rows[0]!.chosen]!.entryId).toBe('e2');
    expect(state.rows[1]!.status).toBe('skipped');
  });

  it('toggles skip back to the row’s own state and undo clears the fill', () => {
    let state = scanned();
    state = rowsReducer(state, { type: 'skip', key: 'q1' });
    expect(state.rows[0]!.status).toBe('skipped');
    state = rowsReducer(state, { type: 'skip', key: 'q1' });
    expect(state.rows[0]!.status).toBe('proposed');
    state = rowsReducer(state, { type: 'fill-finished', key: 'q1', fill: { requests: [{ fieldId: 'f-q1', value: 'A', question: { key: 'q1', text: 'Question q1?' } }], results: [filled('f-q1', 'A')], value: 'A', edited: false } });
    state = rowsReducer(state, { type: 'undone', key: 'q1', results: [filled('f-q1', '')] });
    expect(state.rows[0]).toMatchObject({ status: 'proposed', lastFill: undefined });
  });

  it('marks questions that appear on a later scan (dependent questions), and keeps the mark', () => {
    let state = scanned();
    expect(state.rows.some((r) => r.appeared)).toBe(false);
    state = rowsReducer(state, { type: 'scanned', questions: [question({ key: 'q1' }), question({ key: 'q1b' }), question({ key: 'q2' })], proposals: {} });
    expect(state.rows.map((r) => !!r.appeared)).toEqual([false, true, false]);
    state = rowsReducer(state, { type: 'scanned', questions: [question({ key: 'q1' }), question({ key: 'q1b' })], proposals: {} });
    expect(state.rows[1]!.appeared).toBe(true);
    expect(rowsReducer(state, { type: 'reset' }).memory.size).toBe(0);
  });

  it('does not mark the questions of a newly opened section', () => {
    let state = rowsReducer(emptyRows, { type: 'scanned', questions: [question({ key: 'a1', section: 'A' })], proposals: {} });
    state = rowsReducer(state, { type: 'scanned', questions: [question({ key: 'b1', section: 'B' })], proposals: {} });
    expect(state.rows[0]!.appeared).toBeUndefined();
  });

  it("the engine's new answer replaces its own earlier choice; only the analyst's pick survives it", () => {
    // The library changed (an import removed e1): the engine now proposes nothing for q1, e3 for q2.
    let state = scanned();
    state = rowsReducer(state, { type: 'proposed', proposals: { q1: [], q2: [proposal({ entryId: 'e3' })] } });
    expect(state.rows[0]).toMatchObject({ status: 'no-match', proposals: [] });
    expect(state.rows[1]!.proposals.map((p) => p.entryId)).toEqual(['e3']);
    // The analyst picked the runner-up e2: it stays beside the engine's new answer, still shown.
    let picked = rowsReducer(scanned(), { type: 'choose', key: 'q1', index: 1 });
    picked = rowsReducer(picked, { type: 'proposed', proposals: { q1: [proposal({ entryId: 'e4' })] } });
    expect(picked.rows[0]!.proposals.map((p) => p.entryId)).toEqual(['e4', 'e2']);
    expect(picked.rows[0]!.proposals[picked.rows[0]!.chosen]!.entryId).toBe('e2');
    // One found by searching the library too.
    let searched = rowsReducer(scanned(), { type: 'add-proposal', key: 'q2', proposal: proposal({ entryId: 'manual' }) });
    searched = rowsReducer(searched, { type: 'proposed', proposals: { q2: [] } });
    expect(searched.rows[1]!.proposals.map((p) => p.entryId)).toEqual(['manual']);
  });

  it('a re-scan whose proposals are still being computed keeps the shown proposal until they come; a known answer replaces it', () => {
    const state = scanned();
    const pending = rowsReducer(state, { type: 'scanned', questions: [question({ key: 'q1' }), question({ key: 'q2' })], proposals: {}, matching: ['q1', 'q2'] });
    expect(pending.rows[0]!.proposals.map((p) => p.entryId)).toEqual(['e1']);
    const known = rowsReducer(state, { type: 'scanned', questions: [question({ key: 'q1' }), question({ key: 'q2' })], proposals: { q1: [] } });
    expect(known.rows[0]).toMatchObject({ status: 'no-match', proposals: [] });
  });

  it('adds a proposal found by searching the library and shows it', () => {
    let state = scanned();
    state = rowsReducer(state, { type: 'add-proposal', key: 'q2', proposal: proposal({ entryId: 'manual', band: 'review' }) });
    expect(state.rows[1]).toMatchObject({ status: 'proposed', chosen: 0 });
    expect(state.rows[1]!.proposals[0]!.entryId).toBe('manual');
  });
});

describe('changes on the page after a fill', () => {
  it('flags a filled field whose value changed on the page, and clears the flag when it matches again', () => {
    let state = scanned();
    state = rowsReducer(state, { type: 'fill-finished', key: 'q1', fill: { requests: [{ fieldId: 'f-q1', value: 'A', question: { key: 'q1', text: 'Question q1?' } }], results: [filled('f-q1', 'A')], value: 'A', edited: false } });
    const rescan = (value: string) =>
      rowsReducer(state, { type: 'scanned', questions: [question({ key: 'q1', currentValue: value }), question({ key: 'q2' })], proposals: { q1: [proposal({ entryId: 'e1' })] } });
    expect(rescan('A').rows[0]!.changedOnPage).toBeUndefined();
    expect(rescan('B').rows[0]).toMatchObject({ status: 'filled', changedOnPage: 'B' });
    expect(rescan('').rows[0]!.changedOnPage).toBe('');
  });
});

describe('describeFillOutcome', () => {
  it('accepts unchanged only when the field already holds the requested value', () => {
    const req = [{ fieldId: 'a', value: 'Yes' }];
    expect(describeFillOutcome(req, [{ fieldId: 'a', status: 'unchanged', actual: 'Yes', previous: 'Yes' }]).ok).toBe(true);
    expect(describeFillOutcome(req, [{ fieldId: 'a', status: 'unchanged', actual: 'No', previous: 'No' }]).ok).toBe(false);
  });

  it('reports a truncation with the kept length and a missing reply', () => {
    const req = [{ fieldId: 'a', value: 'abcdef' }];
    expect(describeFillOutcome(req, [{ fieldId: 'a', status: 'truncated', actual: 'abc', previous: '' }]).reason).toContain('kept 3 characters');
    expect(describeFillOutcome(req, []).reason).toContain('did not answer');
  });

  describe('filled questions the page hid', () => {
    const page = (keys: string[], over: Partial<DetectedQuestion> = {}) => keys.map((key) => question({ key, section: 'Access', ...over, number: key.slice(1) }));
    const fillRow = (state: RowsState, key: string, edited = false) => {
      const requests = [{ fieldId: `f-${key}`, value: 'Yes', question: { key, text: `Question ${key}?` } }];
      return rowsReducer(state, { type: 'fill-finished', key, fill: { requests, results: [filled(`f-${key}`, 'Yes')], value: 'Yes', edited } });
    };
    const scan = (state: RowsState, questions: DetectedQuestion[]) => rowsReducer(state, { type: 'scanned', questions, proposals: {} });

    it('lists a filled question that left while its neighbours stayed, until it shows again', () => {
      let state = scan(emptyRows, page(['q1', 'q2', 'q3']));
      state = fillRow(state, 'q2', true);
      state = fillRow(state, 'q3');
      // The answer q2 depends on changed: the page hides q2 (and q3, filled too, stays).
      state = scan(state, page(['q1', 'q3']));
      expect(state.hidden).toEqual([{ key: 'q2', fieldId: 'f-q2', number: '2', text: 'Question q2?', section: 'Access' }]);
      // Another scan with q2 still hidden keeps the notice (same object: nothing to redraw).
      const again = scan(state, page(['q1', 'q3']));
      expect(again.hidden).toBe(state.hidden);
      // Shown again: no longer listed, and the row still holds its fill (undo is there).
      state = scan(again, page(['q1', 'q2', 'q3']));
      expect(state.hidden).toEqual([]);
      expect(state.rows.find((r) => r.key === 'q2')).toMatchObject({ status: 'edited' });
    });

    it('does not list questions that were not filled, were undone, or left with their whole section or page', () => {
      let state = scan(emptyRows, page(['q1', 'q2', 'q3']));
      state = fillRow(state, 'q1');
      state = fillRow(state, 'q2');
      state = rowsReducer(state, { type: 'undone', key: 'q2', results: [filled('f-q2', '')] });
      // q2 (undone) and q3 (never filled) leave: nothing to say.
      expect(scan(state, page(['q1'])).hidden).toEqual([]);
      // The next section replaces this one (no question of "Access" stays): a section left, not a question hidden.
      expect(scan(state, page(['q4', 'q5'], { section: 'Data' })).hidden).toEqual([]);
      // A page without sections that swaps every question: the same.
      let plain = scan(emptyRows, page(['q1', 'q2'], { section: undefined }));
      plain = fillRow(plain, 'q1');
      expect(scan(plain, page(['q7', 'q8'], { section: undefined })).hidden).toEqual([]);
      // A question of another frame staying is not a neighbour.
      let framed = scan(emptyRows, [...page(['q1']), ...page(['q2'], { frameUrl: 'https://portal.example/frame' })]);
      framed = fillRow(framed, 'q1');
      expect(scan(framed, page(['q2'], { frameUrl: 'https://portal.example/frame' })).hidden).toEqual([]);
    });

    it('finds a renumbered question by its field, and forgets the notice when dismissed', () => {
      let state = scan(emptyRows, page(['q1', 'q2', 'q3']));
      state = fillRow(state, 'q3');
      // A question shown above renumbers q3: a new key, the same field.
      const renumbered = { ...question({ key: 'q3b', section: 'Access', number: '4' }), fieldId: 'f-q3' };
      expect(scan(state, [...page(['q1', 'q2']), renumbered]).hidden).toEqual([]);
      state = scan(state, page(['q1', 'q2']));
      expect(state.hidden.map((h) => h.key)).toEqual(['q3']);
      // Shown again under a new number: no longer hidden.
      expect(scan(state, [...page(['q1', 'q2']), renumbered]).hidden).toEqual([]);
      state = rowsReducer(state, { type: 'dismiss-hidden' });
      expect(state.hidden).toEqual([]);
      expect(rowsReducer(state, { type: 'dismiss-hidden' })).toBe(state);
      expect(rowsReducer(state, { type: 'reset' }).hidden).toEqual([]);
    });
  });
});
