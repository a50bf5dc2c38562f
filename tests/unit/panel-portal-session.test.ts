import { describe, expect, it } from 'vitest';
import type { FillEvent } from '../../lib/schema';
import {
  DEFAULT_TIMEOUTS,
  countUnsaved,
  observePage,
  pendingFills,
  planRefill,
  sessionStatus,
  timeoutFor,
  type SessionMarks,
} from '../../lib/panel/portal-session';
import { question } from './panel-fixtures';

const URL_A = 'https://acme.service-now.com/assessment_take2.do?x=1';
const T0 = Date.parse('2026-12-05T09:00:00Z');
const MIN = 60_000;

function fill(key: string, atMin: number, over: Partial<FillEvent> = {}): FillEvent {
  return {
    at: new Date(T0 + atMin * MIN).toISOString(),
    portal: 'servicenow',
    pageUrl: URL_A,
    pageTitle: 'Assessment',
    questionKey: key,
    questionText: `Question ${key}?`,
    value: `answer ${key}`,
    edited: false,
    result: 'filled',
    previous: null,
    ...over,
  };
}

describe('observePage', () => {
  it('marks a load, then a save, and starts again on a reload (keeping the last save seen)', () => {
    const loaded = observePage(undefined, URL_A, { pageId: 'p1', saves: 0 }, T0);
    expect(loaded).toEqual({ pageUrl: URL_A, pageId: 'p1', saves: 0, loadedAt: T0, savedAt: undefined });
    expect(observePage(loaded, URL_A, { pageId: 'p1', saves: 0 }, T0 + MIN)).toBe(loaded);
    const saved = observePage(loaded, URL_A, { pageId: 'p1', saves: 1 }, T0 + 2 * MIN);
    expect(saved.savedAt).toBe(T0 + 2 * MIN);
    const reloaded = observePage(saved, URL_A, { pageId: 'p2', saves: 0 }, T0 + 3 * MIN);
    expect([reloaded.loadedAt, reloaded.savedAt]).toEqual([T0 + 3 * MIN, T0 + 2 * MIN]);
  });
});

describe('pendingFills', () => {
  const marks: SessionMarks = { pageUrl: URL_A, pageId: 'p1', saves: 1, loadedAt: T0, savedAt: T0 + 5 * MIN };

  it('keeps the latest fill per question after the last save, on this page only; an undo or a failure takes it out', () => {
    const history = [
      fill('a', 2),
      fill('b', 6),
      fill('b', 7, { value: 'answer b, edited' }),
      fill('c', 8),
      fill('c', 9, { undo: true, value: null }),
      fill('d', 10, { result: 'rejected' }),
      fill('e', 11, { pageUrl: 'https://acme.service-now.com/other' }),
      fill('f', 12, { comment: 'why' }),
    ];
    expect(pendingFills(history, marks, T0 + 20 * MIN).map((f) => [f.questionKey, f.value, f.comment])).toEqual([
      ['b', 'answer b, edited', undefined],
      ['f', 'answer f', 'why'],
    ]);
  });

  it('with no save seen, looks back no further than the refill window', () => {
    const unsaved = { ...marks, savedAt: undefined };
    expect(pendingFills([fill('old', -13 * 60), fill('new', 1)], unsaved, T0 + 2 * MIN).map((f) => f.questionKey)).toEqual(['new']);
  });
});

describe('sessionStatus', () => {
  const marks: SessionMarks = { pageUrl: URL_A, pageId: 'p1', saves: 0, loadedAt: T0 };

  it('is quiet with nothing unsaved or with the warning off, counts down from the load or the last save, then warns and expires', () => {
    expect(sessionStatus(marks, 0, 30, T0 + 29 * MIN).level).toBe('quiet');
    expect(sessionStatus(marks, 3, 0, T0 + 29 * MIN).level).toBe('quiet');
    expect(sessionStatus(marks, 3, 30, T0 + 10 * MIN)).toEqual({ level: 'unsaved', minutesLeft: 20, unsaved: 3 });
    expect(sessionStatus(marks, 3, 30, T0 + 26 * MIN)).toEqual({ level: 'warn', minutesLeft: 4, unsaved: 3 });
    expect(sessionStatus(marks, 3, 30, T0 + 31 * MIN)).toEqual({ level: 'expired', minutesLeft: 0, unsaved: 3 });
    expect(sessionStatus({ ...marks, savedAt: T0 + 20 * MIN }, 1, 30, T0 + 31 * MIN).level).toBe('unsaved');
  });

  it('uses the per-portal defaults unless the analyst set a timeout', () => {
    expect(timeoutFor('servicenow', {})).toBe(30);
    expect(timeoutFor('generic', {})).toBe(DEFAULT_TIMEOUTS.generic);
    expect(timeoutFor('servicenow', { servicenow: 15 })).toBe(15);
  });
});

describe('planRefill', () => {
  const marks: SessionMarks = { pageUrl: URL_A, pageId: 'p2', saves: 0, loadedAt: T0 + 10 * MIN };
  const pending = pendingFills([fill('a', 1, { comment: 'because' }), fill('b', 2), fill('c', 3), fill('d', 11)], { ...marks, savedAt: undefined }, T0 + 12 * MIN);

  it('offers fills from before the reload whose fields are empty again, and never one whose field holds a value', () => {
    const questions = [
      question({ key: 'a', commentFieldId: 'c-a' }),
      question({ key: 'b', currentValue: 'typed by the analyst' }),
      question({ key: 'd' }),
    ];
    const plan = planRefill(pending, marks, questions);
    expect(plan.items.map((i) => [i.question.key, i.value, i.comment])).toEqual([['a', 'answer a', 'because']]);
    expect(plan.present).toBe(1);
    // Unsaved: the lost fill (a) and the one made since the reload (d); b survived the reload, so it was saved.
    expect(countUnsaved(pending, marks, plan)).toBe(2);
  });

  it('leaves a comment box alone when it holds text', () => {
    const plan = planRefill(pending, marks, [question({ key: 'a', commentFieldId: 'c-a', commentValue: 'kept' })]);
    expect(plan.items[0]?.comment).toBeUndefined();
  });
});
