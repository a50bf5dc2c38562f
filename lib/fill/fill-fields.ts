// The fill engine: resolve each opaque id, refuse what must not be written, write through the widget's
// writer, read back and classify. Results carry the previous value so the side panel can undo.
import type { FieldValue, FillRequest, FillResult, FillStatus, QuestionKind } from '../schema';
import type { FieldRegistry } from '../detect/field-registry';
import { comparableText } from '../detect/text';
import { findWriter } from './writers';
import { refusalReason } from './fill-guards';
import { sameValue } from './option-match';
import { FillRefusedError } from './fill-errors';
import { NoSuchOptionError } from './option-match';
import { settle } from './dom-events';

export interface FillContext {
  registry: FieldRegistry;
  /** Question text of every field id as the page shows it now (a fresh scan); absent id = no longer detected. */
  currentTexts: Map<string, string>;
  /** Use layout (visibility, hit testing). False only under a DOM without layout (unit tests). */
  layout: boolean;
  signal?: AbortSignal;
  timeoutMs?: number;
}

const TEXT_KINDS = new Set<QuestionKind>(['text', 'textarea', 'richtext', 'number', 'date']);

function result(fieldId: string, status: FillStatus, previous: FieldValue, actual: FieldValue, message?: string): FillResult {
  return message ? { fieldId, status, previous, actual, message } : { fieldId, status, previous, actual };
}

function isTruncation(actual: FieldValue, wanted: FieldValue, kind: QuestionKind): boolean {
  return TEXT_KINDS.has(kind) && typeof actual === 'string' && typeof wanted === 'string' && actual.length > 0 && actual.length < wanted.length && wanted.replace(/\r\n?/g, '\n').startsWith(actual.replace(/\r\n?/g, '\n'));
}

export async function fillField(request: FillRequest, ctx: FillContext): Promise<FillResult> {
  const { fieldId, value } = request;
  const el = ctx.registry.resolve(fieldId);
  const entry = ctx.registry.entry(fieldId);
  if (!el || !entry) return result(fieldId, 'not-found', null, null, 'the field is no longer on the page');
  const writer = findWriter(entry.writer);
  if (!writer) return result(fieldId, 'refused', null, null, `no writer "${entry.writer}" is registered`);
  const kind = entry.kind;
  const read = (): FieldValue => writer.read(el, kind);
  const previous = read();

  const refusal = refusalReason(el, ctx.layout);
  if (refusal) return result(fieldId, 'refused', previous, previous, refusal);

  const now = ctx.currentTexts.get(fieldId);
  if (now === undefined) return result(fieldId, 'stale', previous, previous, 'the field is no longer detected as a question');
  if (request.expectedText !== undefined && comparableText(now) !== comparableText(request.expectedText)) {
    return result(fieldId, 'stale', previous, previous, `the question now reads "${now}"`);
  }

  if (sameValue(previous, value, kind)) return result(fieldId, 'unchanged', previous, previous);

  try {
    await writer.write(el, value, kind, { signal: ctx.signal, timeoutMs: ctx.timeoutMs });
  } catch (err) {
    if (err instanceof FillRefusedError || err instanceof NoSuchOptionError) return result(fieldId, 'refused', previous, read(), err.message);
    return result(fieldId, 'rejected', previous, read(), err instanceof Error ? err.message : String(err));
  }
  await settle();
  if (!el.isConnected) return result(fieldId, 'not-found', previous, null, 'the page removed the field while it was filled');
  const actual = read();
  if (sameValue(actual, value, kind)) return result(fieldId, 'filled', previous, actual);
  if (isTruncation(actual, value, kind)) return result(fieldId, 'truncated', previous, actual, `the field keeps ${String(actual).length} of ${String(value).length} characters`);
  return result(fieldId, 'rejected', previous, actual, 'the page did not keep the value');
}

/** Fill in order, one at a time: widgets that save on change must not see overlapping writes. */
export async function fillFields(requests: FillRequest[], ctx: FillContext): Promise<FillResult[]> {
  const results: FillResult[] = [];
  for (const request of requests) {
    if (ctx.signal?.aborted) break;
    results.push(await fillField(request, ctx));
  }
  return results;
}
