import { describe, expect, it } from 'vitest';
import { countHistory, csvCell, exportFileName, filterHistory, formatHistoryCounts, historyToCsv, historyToJson, localDay } from '../../lib/panel/history-export';
import { pendingFillEvent, resultChanges } from '../../lib/panel/fill-event';
import { FillEventSchema, type FillEvent } from '../../lib/schema';
import { question } from './panel-fixtures';

function event(over: Partial<FillEvent>): FillEvent {
  return {
    at: '2026-11-20T10:00:00.000Z',
    portal: 'servicenow',
    pageUrl: 'https://acme.service-now.com/sp',
    pageTitle: 'Vendor assessment',
    questionKey: 'k',
    questionText: 'Is data encrypted at rest?',
    value: 'Yes',
    edited: false,
    result: 'filled',
    previous: '',
    ...over,
  };
}

describe('filterHistory', () => {
  const events = [
    event({ questionKey: 'a' }),
    event({ questionKey: 'b', portal: 'onetrust', at: '2026-11-25T08:00:00Z', result: 'rejected' }),
    event({ questionKey: 'c', questionText: 'Do you run pen tests?', at: '2026-11-27T23:59:00Z' }),
  ];
  const utcDay = (iso: string) => iso.slice(0, 10);
  const keys = (f: Parameters<typeof filterHistory>[1]) => filterHistory(events, f, utcDay).map((e) => e.questionKey);

  it('filters by portal, result, inclusive date range and text', () => {
    expect(keys({ portal: 'onetrust' })).toEqual(['b']);
    expect(keys({ result: 'filled' })).toEqual(['a', 'c']);
    expect(keys({ from: '2026-11-25', to: '2026-11-27' })).toEqual(['b', 'c']);
    expect(keys({ text: 'PEN TEST' })).toEqual(['c']);
    expect(keys({})).toEqual(['a', 'b', 'c']);
  });

  it('compares dates by the calendar day the analyst lives in', () => {
    const inTokyo = (iso: string) => new Date(new Date(iso).getTime() + 9 * 3600_000).toISOString().slice(0, 10);
    // 23:59 UTC on the 27th is already the 28th in Tokyo.
    expect(filterHistory(events, { from: '2026-11-28' }, inTokyo).map((e) => e.questionKey)).toEqual(['c']);
    expect(localDay('not a date')).toBe('not a date');
  });
});

describe('CSV export', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('plain')).toBe('plain');
  });

  it('neutralises full-width formula signs and quotes cells holding ";" (locales that split on it)', () => {
    expect(csvCell('\uFF1DSUM(A1)')).toBe("'\uFF1DSUM(A1)");
    expect(csvCell('\uFF20x')).toBe("'\uFF20x");
    expect(csvCell('a; =b')).toBe('"a; =b"');
    expect(csvCell('\n=cmd')).toBe(`"'\n=cmd"`);
  });

  it('writes a header and one quoted row per event, multi-line values intact', () => {
    const csv = historyToCsv([event({ value: 'Line 1\nLine "2"', confidence: 0.912, edited: true })]);
    const [header, ...rest] = csv.split('\r\n');
    expect(header).toBe(
      'at,action,portal,pageTitle,pageUrl,frameUrl,questionNumber,questionText,entryId,entryUpdatedAt,citation,value,previous,comment,edited,confidence,band,result,message,entryVersion',
    );
    expect(rest.join('\r\n')).toContain('"Line 1\nLine ""2"""');
    expect(rest.join('\r\n')).toContain(',yes,0.91,,filled,');
  });

  it('exports an undo as action "undo" with the previous page value and the citation, formula-safe', () => {
    const undo = event({
      undo: true,
      value: '',
      previous: '=cmd|calc',
      citations: [{ title: '@Security policy', section: '4.2', url: 'https://trust.example/p' }],
      frameUrl: 'https://forms.buyer.example/q',
    });
    const [header, row] = historyToCsv([undo]).split('\r\n');
    expect(header!.split(',').slice(0, 2)).toEqual(['at', 'action']);
    expect(row).toContain(",undo,servicenow,");
    expect(row).toContain(",https://forms.buyer.example/q,");
    expect(row).toContain(`"'@Security policy, 4.2 (https://trust.example/p)",,'=cmd|calc,`);
    const json = JSON.parse(historyToJson([event({}), undo], '2026-11-28T00:00:00Z'));
    expect(json.events.map((e: { action: string }) => e.action)).toEqual(['fill', 'undo']);
  });

  it('never counts an undo as a fill', () => {
    const counts = countHistory([event({}), event({ result: 'rejected' }), event({ undo: true }), event({ result: 'pending' }), event({ result: 'unknown' })]);
    expect(counts).toEqual({ fills: 4, filled: 1, undos: 1, pending: 1 });
    expect(formatHistoryCounts(counts)).toBe('4 fills (1 kept by the page) · 1 undo · 1 pending');
  });

  it('round-trips JSON with a format marker and names files by date', () => {
    const json = JSON.parse(historyToJson([event({})], '2026-11-28T00:00:00Z'));
    expect(json).toMatchObject({ format: 'fill-history', version: 2, events: [{ action: 'fill', questionKey: 'k' }] });
    expect(exportFileName('csv', '2026-11-28T01:02:03Z')).toBe('fill-history-2026-11-28.csv');
  });
});

describe('pendingFillEvent and resultChanges', () => {
  const q = question({ key: 'q1', number: '1.2', kind: 'yesno', options: ['Yes', 'No'], commentFieldId: 'c1', currentValue: 'No', commentValue: 'old' });
  const context = { at: '2026-11-28T00:00:00Z', pageUrl: 'https://acme.service-now.com/sp', pageTitle: 't', tabId: 7 };
  const answer = {
    value: 'Yes',
    comment: 'Always.',
    edited: false,
    entry: { id: 'enc', updatedAt: '2026-06-01T09:30:00Z', citations: [{ title: 'Policy', section: '4.2' }] },
    proposal: { confidence: 0.95, band: 'high' as const },
  };

  it('records what the panel saw before the request leaves: pending, with the request id, tab, frame and previous values', () => {
    const e = pendingFillEvent(context, q, answer, 'r-1');
    expect(e).toMatchObject({
      result: 'pending',
      requestId: 'r-1',
      tabId: 7,
      questionNumber: '1.2',
      entryId: 'enc',
      entryUpdatedAt: '2026-06-01T09:30:00Z',
      // An entry without a version number (stored before versions) is its version 1.
      entryVersion: 1,
      citations: [{ title: 'Policy', section: '4.2' }],
      previous: 'No',
      commentPrevious: 'old',
      frameUrl: 'https://acme.service-now.com/sp',
      frameOrigin: 'https://acme.service-now.com',
    });
    expect(FillEventSchema.safeParse(e).success).toBe(true);
    expect(pendingFillEvent(context, q, { ...answer, entry: { ...answer.entry, version: 4 } }, 'r-2').entryVersion).toBe(4);
    expect(historyToCsv([pendingFillEvent(context, q, { ...answer, entry: { ...answer.entry, version: 4 } }, 'r-2')]).split('\r\n')[1]).toMatch(/,4$/);
  });

  it("records a frame's own URL and origin, not the top page's", () => {
    const inFrame = question({ key: 'f1', frameUrl: 'https://forms.buyer.example/q?page=1' });
    expect(pendingFillEvent(context, inFrame, answer, 'r-2')).toMatchObject({ frameUrl: 'https://forms.buyer.example/q?page=1', frameOrigin: 'https://forms.buyer.example', pageUrl: context.pageUrl });
  });

  it('takes the worst result of the fill, with the previous values the content script read', () => {
    const changes = resultChanges(
      q,
      [
        { fieldId: 'f-q1', value: 'Yes' },
        { fieldId: 'c1', value: 'Always.' },
      ],
      [
        { fieldId: 'f-q1', status: 'filled', actual: 'Yes', previous: null },
        { fieldId: 'c1', status: 'truncated', actual: 'Alw', previous: '' },
      ],
      '2026-11-28T00:00:01Z',
    );
    expect(changes).toMatchObject({ result: 'truncated', previous: null, commentPrevious: '', actual: 'Yes', resolvedAt: '2026-11-28T00:00:01Z' });
    expect(changes.message).toContain('cut the answer short');
  });

  it('a field the fill never reached keeps the previous value the scan saw, and is not filled', () => {
    const changes = resultChanges(q, [{ fieldId: 'f-q1', value: 'Yes' }], [{ fieldId: 'f-q1', status: 'not-found', actual: null, previous: null, message: 'gone' }], 'now');
    expect(changes.result).toBe('not-found');
    expect('previous' in changes).toBe(false);
  });
});
