// The leftovers after a bulk fill (issue 13, points 2 and 3): the filter, the next unresolved question, the
// `n` key, and what "accept" does on a card that cannot be accepted as proposed.
import { describe, expect, it } from 'vitest';
import { acceptBlock, entryChangedSince } from '../../lib/panel/accept-check';
import { planBulkFill } from '../../lib/panel/bulk-fill';
import { groupBulkItems, tickedItems } from '../../lib/panel/bulk-groups';
import { commandForKey, SHORTCUTS } from '../../lib/panel/keyboard';
import { emptyRows, rowsReducer, type QuestionRow } from '../../lib/panel/question-rows';
import { countByFilter, matchesRowFilter, nextUnresolved } from '../../lib/panel/row-filter';
import { entry, proposal, question } from './panel-fixtures';

function rows(): QuestionRow[] {
  let state = rowsReducer(emptyRows, {
    type: 'scanned',
    questions: ['high', 'review', 'none', 'filled', 'skipped', 'failed', 'edited'].map((key) => question({ key })),
    proposals: {
      high: [proposal({ entryId: 'e' })],
      review: [proposal({ entryId: 'e', band: 'review', confidence: 0.7 })],
      filled: [proposal({ entryId: 'e' })],
      skipped: [proposal({ entryId: 'e' })],
      failed: [proposal({ entryId: 'e' })],
      edited: [proposal({ entryId: 'e' })],
    },
  });
  const fill = (key: string, edited: boolean, status: 'filled' | 'rejected') =>
    rowsReducer(state, {
      type: 'fill-finished',
      key,
      fill: { requests: [{ fieldId: `f-${key}`, value: 'x', question: { key, text: key } }], results: [{ fieldId: `f-${key}`, status, actual: 'x', previous: null }], value: 'x', edited },
    });
  state = fill('filled', false, 'filled');
  state = fill('edited', true, 'filled');
  state = fill('failed', false, 'rejected');
  state = rowsReducer(state, { type: 'skip', key: 'skipped' });
  return state.rows;
}

const keysOf = (list: QuestionRow[]) => list.map((r) => r.key);

describe('row filter', () => {
  it('shows what each filter names', () => {
    const all = rows();
    expect(keysOf(all.filter((r) => matchesRowFilter(r, 'attention')))).toEqual(['review', 'none', 'failed']);
    expect(keysOf(all.filter((r) => matchesRowFilter(r, 'proposed')))).toEqual(['high', 'review']);
    expect(keysOf(all.filter((r) => matchesRowFilter(r, 'filled')))).toEqual(['filled', 'edited']);
    expect(keysOf(all.filter((r) => matchesRowFilter(r, 'skipped')))).toEqual(['skipped']);
    expect(keysOf(all.filter((r) => matchesRowFilter(r, 'failed')))).toEqual(['failed']);
    expect(countByFilter(all)).toEqual({ all: 7, attention: 3, proposed: 2, filled: 2, skipped: 1, failed: 1 });
  });
});

describe('next unresolved', () => {
  it('skips filled and skipped rows and wraps round to the top', () => {
    const all = rows();
    expect(nextUnresolved(all, -1)).toBe(0);
    expect(nextUnresolved(all, 2)).toBe(5);
    expect(nextUnresolved(all, 5)).toBe(0);
    expect(nextUnresolved(all.filter((r) => r.key === 'filled' || r.key === 'skipped'), 0)).toBe(-1);
    expect(nextUnresolved([], -1)).toBe(-1);
  });

  it('is on the n key and in the shortcut list', () => {
    expect(commandForKey({ key: 'n' })).toBe('next-unresolved');
    expect(commandForKey({ key: 'n', inEditable: true })).toBeUndefined();
    expect(SHORTCUTS.find((s) => s.command === 'next-unresolved')?.label).toBe('Next unresolved question');
  });
});

describe('accept check', () => {
  const entries = new Map([entry({ id: 'e', answer: 'We rotate keys yearly.' }), entry({ id: 'yes', answer: 'Yes, always.', choice: 'Yes' })].map((e) => [e.id, e]));
  const scanned = (q: Parameters<typeof question>[0], proposals: ReturnType<typeof proposal>[]) =>
    rowsReducer(emptyRows, { type: 'scanned', questions: [question(q)], proposals: { [q.key]: proposals } }).rows[0]!;

  it('a no-match card says so instead of failing', () => {
    expect(acceptBlock(scanned({ key: 'q' }, []), entries)).toMatchObject({ kind: 'no-match', message: expect.stringMatching(/^Nothing to accept/) });
  });

  it('a proposal whose entry the panel does not hold yet is being brought up to date, not "no match"', () => {
    const block = acceptBlock(scanned({ key: 'q' }, [proposal({ entryId: 'not-shipped-yet' })]), entries);
    expect(block).toMatchObject({ kind: 'pending', message: expect.stringMatching(/brought up to date/) });
  });

  it('a choice question with no option for the answer offers its options', () => {
    const row = scanned({ key: 'q', kind: 'single-choice', options: ['Annually', 'Quarterly'] }, [proposal({ entryId: 'e' })]);
    expect(acceptBlock(row, entries)).toMatchObject({ kind: 'choose-option', options: ['Annually', 'Quarterly'] });
    const lookup = scanned({ key: 'q', kind: 'single-choice', options: [] }, [proposal({ entryId: 'e' })]);
    expect(acceptBlock(lookup, entries)).toMatchObject({ kind: 'choose-option', message: expect.stringContaining('type the option') });
  });

  it('a mapped option, a text question, and settled rows', () => {
    expect(acceptBlock(scanned({ key: 'q', kind: 'yesno', options: ['Yes', 'No'] }, [proposal({ entryId: 'yes', choice: 'Yes' })]), entries)).toBeUndefined();
    expect(acceptBlock(scanned({ key: 'q' }, [proposal({ entryId: 'e' })]), entries)).toBeUndefined();
    const skipped = rowsReducer({ rows: [scanned({ key: 'q' }, [proposal({ entryId: 'e' })])], memory: new Map(), hidden: [] }, { type: 'skip', key: 'q' }).rows[0]!;
    expect(acceptBlock(skipped, entries)?.kind).toBe('skipped');
  });
});

describe('bulk preview grouping', () => {
  it('groups the items by section in page order and fills only the ticked ones', () => {
    const questions = [
      question({ key: 'a1', section: 'Access' }),
      question({ key: 'e1', section: 'Encryption' }),
      question({ key: 'a2', section: 'Access' }),
      question({ key: 'n1' }),
    ];
    const rows = rowsReducer(emptyRows, {
      type: 'scanned',
      questions,
      proposals: Object.fromEntries(questions.map((q) => [q.key, [proposal({ entryId: 'e' })]])),
    }).rows;
    const plan = planBulkFill(rows, new Map([['e', entry({ id: 'e' })]]));
    const groups = groupBulkItems(plan.items);
    expect(groups.map((g) => [g.section, g.items.map((i) => i.key)])).toEqual([
      ['Access', ['a1', 'a2']],
      ['Encryption', ['e1']],
      ['Questions', ['n1']],
    ]);
    expect(tickedItems(plan.items, new Set(['a2', 'n1'])).map((i) => i.key)).toEqual(['a1', 'e1']);
    expect(tickedItems(plan.items, new Set())).toEqual(plan.items);
  });
});

describe('an entry changed since it was proposed', () => {
  const shown = entry({ id: 'enc', answer: 'Yes, AES-256.', choice: 'Yes', updatedAt: '2026-12-01T00:00:00.000Z', version: 2 });
  it('is not filled when removed or when its answer, choice, status or version moved', () => {
    expect(entryChangedSince(shown, { ...shown })).toBeUndefined();
    expect(entryChangedSince(shown, undefined)).toContain('was removed');
    expect(entryChangedSince(shown, { ...shown, answer: 'No.' })).toContain('changed since it was proposed');
    expect(entryChangedSince(shown, { ...shown, choice: 'No' })).toBeDefined();
    expect(entryChangedSince(shown, { ...shown, status: 'retired' })).toBeDefined();
    expect(entryChangedSince(shown, { ...shown, version: 3, updatedAt: '2026-12-02T00:00:00.000Z' })).toBeDefined();
    // A field the fill does not depend on (the tags) leaves it as shown.
    expect(entryChangedSince(shown, { ...shown, tags: ['crypto'] })).toBeUndefined();
  });
});
