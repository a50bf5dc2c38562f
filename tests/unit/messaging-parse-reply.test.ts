// A large page scan from a frame is checked a slice of questions per task, with the same result as parsing it at once.
import { describe, expect, it } from 'vitest';
import { parseContentReply } from '../../lib/messaging/parse-reply';
import { ContentReplySchema } from '../../lib/schema';
import { question } from './panel-fixtures';

function scanReply(count: number, extra: Record<string, unknown> = {}) {
  return {
    type: 'scan-result',
    scan: {
      url: 'https://acme.service-now.com/survey',
      title: 'Vendor review',
      portal: 'servicenow',
      warnings: ['one'],
      // Keys a frame may send that the schema does not know are dropped, in the slices as at once.
      questions: [...Array(count)].map((_, i) => ({ ...question({ key: `q${i}`, section: `S${Math.floor(i / 50)}` }), unknownKey: i })),
      ...extra,
    },
  };
}

/** A clock that never moves: slices end at their count only, whatever the machine's load. */
const still = { ms: 8, now: () => 0 };

const countingYield = () => {
  const counter = { n: 0, yieldTask: async () => void counter.n++ };
  return counter;
};

describe('parseContentReply', () => {
  it('parses a large scan slice by slice, a task apart, to what the schema gives at once', async () => {
    const raw = scanReply(450);
    const tasks = countingYield();
    const sliced = await parseContentReply(raw, 100, tasks.yieldTask, still);
    const atOnce = ContentReplySchema.parse(raw);
    expect(sliced).toEqual({ success: true, data: atOnce });
    expect(tasks.n).toBe(5);
    expect(sliced.success && sliced.data.type === 'scan-result' && sliced.data.scan.questions[0]).not.toHaveProperty('unknownKey');
  });

  it('ends a slice when its time is spent, before its count, with the same result', async () => {
    const raw = scanReply(450);
    const tasks = countingYield();
    // Every reading of the clock is 3 ms later: a 10 ms slice starts at 3 and holds 4 questions (checked at 6, 9, 12, 15).
    let t = 0;
    const parsed = await parseContentReply(raw, 100, tasks.yieldTask, { ms: 10, now: () => (t += 3) });
    expect(parsed).toEqual({ success: true, data: ContentReplySchema.parse(raw) });
    expect(tasks.n).toBe(Math.ceil(450 / 4));
  });

  it('parses small scans and other replies at once', async () => {
    const tasks = countingYield();
    const fill = { type: 'fill-result', results: [{ fieldId: 'f', status: 'filled', actual: 'x', previous: null }] };
    expect(await parseContentReply(fill, 100, tasks.yieldTask)).toEqual({ success: true, data: ContentReplySchema.parse(fill) });
    expect(await parseContentReply(scanReply(100), 100, tasks.yieldTask)).toEqual({ success: true, data: ContentReplySchema.parse(scanReply(100)) });
    expect(tasks.n).toBe(0);
  });

  it('refuses a bad question in a later slice, naming it by its place in the whole scan', async () => {
    const raw = scanReply(450);
    (raw.scan.questions[321] as Record<string, unknown>).kind = 'spreadsheet';
    const parsed = await parseContentReply(raw, 100, countingYield().yieldTask);
    expect(parsed.success).toBe(false);
    expect(!parsed.success && parsed.message).toContain('321');
    expect(ContentReplySchema.safeParse(raw).success).toBe(false);
  });

  it('refuses a bad scan outside the questions before reading any slice', async () => {
    const tasks = countingYield();
    const parsed = await parseContentReply(scanReply(450, { portal: 'not-a-portal' }), 100, tasks.yieldTask);
    expect(parsed.success).toBe(false);
    expect(tasks.n).toBe(0);
    expect((await parseContentReply({ type: 'scan-result', scan: null }, 100, tasks.yieldTask)).success).toBe(false);
  });
});
