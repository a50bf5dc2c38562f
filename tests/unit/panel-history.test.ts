import { describe, expect, it } from 'vitest';
import { csvCell, exportFileName, filterHistory, historyToCsv, historyToJson, localDay } from '../../lib/panel/history-export';
import { buildFillEvent } from '../../lib/panel/fill-event';
import type { FillEvent } from '../../lib/schema';
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

  it('writes a header and one quoted row per event, multi-line values intact', () => {
    const csv = historyToCsv([event({ value: 'Line 1\nLine "2"', confidence: 0.912, edited: true })]);
    const [header, ...rest] = csv.split('\r\n');
    expect(header).toBe('at,portal,pageTitle,pageUrl,questionNumber,questionText,entryId,entryUpdatedAt,value,comment,edited,confidence,band,result,message,undo');
    expect(rest.join('\r\n')).toContain('"Line 1\nLine ""2"""');
    expect(rest.join('\r\n')).toContain(',yes,0.91,,filled,,no');
  });

  it('round-trips JSON with a format marker and names files by date', () => {
    const json = JSON.parse(historyToJson([event({})], '2026-11-28T00:00:00Z'));
    expect(json).toMatchObject({ format: 'fill-history', version: 1, events: [{ questionKey: 'k' }] });
    expect(exportFileName('csv', '2026-11-28T01:02:03Z')).toBe('fill-history-2026-11-28.csv');
  });
});

describe('buildFillEvent', () => {
  it('records the entry version, confidence, value and the worst result of the fill', () => {
    const q = question({ key: 'q1', number: '1.2', kind: 'yesno', options: ['Yes', 'No'], commentFieldId: 'c1' });
    const e = buildFillEvent(
      { at: '2026-11-28T00:00:00Z', pageUrl: 'u', pageTitle: 't' },
      q,
      { value: 'Yes', comment: 'Always.', edited: false, entry: { id: 'enc', updatedAt: '2026-06-01T09:30:00Z' }, proposal: { confidence: 0.95, band: 'high' } },
      [
        { fieldId: 'f-q1', value: 'Yes' },
        { fieldId: 'c1', value: 'Always.' },
      ],
      [
        { fieldId: 'f-q1', status: 'filled', actual: 'Yes', previous: null },
        { fieldId: 'c1', status: 'truncated', actual: 'Alw', previous: '' },
      ],
    );
    expect(e).toMatchObject({ questionNumber: '1.2', entryId: 'enc', entryUpdatedAt: '2026-06-01T09:30:00Z', confidence: 0.95, result: 'truncated', previous: null });
    expect(e.message).toContain('cut the answer short');
  });
});
