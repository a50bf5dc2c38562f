// The fill engine: resolve each opaque id, refuse what must not be written, write through the widget's
// writer, read back and classify. Results carry the previous value so the side panel can undo.
import type { FieldValue, FillRequest, FillResult, FillStatus, PageScan, QuestionKind } from '../schema';
import type { FieldRegistry } from '../detect/field-registry';
import { comparableText } from '../detect/text';
import { findWriter } from './writers';
import { refusalReason } from './fill-guards';
import { sameValue } from './option-match';
import { FillRefusedError } from './fill-errors';
import { NoSuchOptionError } from './option-match';
import { settle } from './dom-events';
import { readUntilStable } from './wait-for';

/** The question a field belongs to now, from a fresh scan. */
export interface FieldOwner {
  key: string;
  text: string;
}

/** The question (key and text) each field id belongs to in `scan`: main control, comment box and attachment. */
export function fieldOwners(scan: Pick<PageScan, 'questions'>): Map<string, FieldOwner> {
  const owners = new Map<string, FieldOwner>();
  for (const q of scan.questions) {
    const owner = { key: q.key, text: q.text };
    for (const id of [q.fieldId, q.commentFieldId, q.attachmentFieldId]) if (id) owners.set(id, owner);
  }
  return owners;
}

export interface FillContext {
  registry: FieldRegistry;
  /**
   * The question of every field id as the page shows it now (a fresh scan); absent id = no longer detected.
   * Asked before and after each write: the page may re-bind its boxes while a batch is being filled.
   */
  owners: () => Map<string, FieldOwner>;
  /** Use layout (visibility, hit testing). False only under a DOM without layout (unit tests). */
  layout: boolean;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** How long a covered field is looked at again before it is refused (COVER_SETTLE_MS). */
  coverSettleMs?: number;
}

const TEXT_KINDS = new Set<QuestionKind>(['text', 'textarea', 'richtext', 'number', 'date']);

function result(fieldId: string, status: FillStatus, previous: FieldValue, actual: FieldValue, message?: string): FillResult {
  return message ? { fieldId, status, previous, actual, message } : { fieldId, status, previous, actual };
}

function isTruncation(actual: FieldValue, wanted: FieldValue, kind: QuestionKind): boolean {
  return TEXT_KINDS.has(kind) && typeof actual === 'string' && typeof wanted === 'string' && actual.length > 0 && actual.length < wanted.length && wanted.replace(/\r\n?/g, '\n').startsWith(actual.replace(/\r\n?/g, '\n'));
}

/**
 * Why the field no longer belongs to the question the analyst chose, or null. Every request is checked, the
 * comment box and undo included: a page that re-binds its boxes or rewrites a question gets nothing.
 */
export function stalenessOf(request: FillRequest, now: FieldOwner | undefined, owners?: ReadonlyMap<string, FieldOwner>): string | null {
  if (now === undefined) return 'the field is no longer detected as a question';
  if (comparableText(now.text) !== comparableText(request.question.text)) return `the question now reads "${now.text}"`;
  // Same wording under another key: the box moved to a twin question only if the chosen one is still on the page
  // (another field holds its key). A chosen key gone from the page is the same question renumbered or moved.
  if (now.key !== request.question.key && (owners === undefined || keyShown(owners, request.question.key))) {
    return 'the field now belongs to another question with the same wording';
  }
  return null;
}

function keyShown(owners: ReadonlyMap<string, FieldOwner>, key: string): boolean {
  for (const owner of owners.values()) if (owner.key === key) return true;
  return false;
}

function isEmptyValue(value: FieldValue): boolean {
  if (value === null) return true;
  return Array.isArray(value) ? value.length === 0 : value.trim() === '';
}

/** The page gave the field to another question while it was written: restore what it held and report stale. */
async function putBack(el: Element, previous: FieldValue, kind: QuestionKind, writer: NonNullable<ReturnType<typeof findWriter>>, fieldId: string, why: string): Promise<FillResult> {
  let restored = true;
  try {
    await writer.write(el, previous ?? '', kind, {});
  } catch {
    restored = false;
  }
  const now = writer.read(el, kind);
  return result(fieldId, 'stale', previous, now, `${why} (the page changed it while it was filled; ${restored ? 'the previous value was put back' : 'check this field on the page'})`);
}

/**
 * How long a field found covered at fill time is looked at again before it is refused: the cover may be the page's
 * own popup on its way out (the previous field's calendar or list fading after its fill, slower on a busy machine).
 * The field is written only if a check finds it uncovered, as before; a cover that stays costs this long.
 */
export const COVER_SETTLE_MS = 1_000;
const COVER_RECHECK_MS = 50;
const COVERED = 'covered by another element';

/**
 * refusalReason, looked at again every 50 ms while the only reason is a cover, for up to `ctx.coverSettleMs`. A
 * field first found covered must then be found clear by two checks in a row, 50 ms apart: a page that flickers a
 * cover gains little from the retries (it has to leave the field in plain view for that long).
 */
async function refusalOnceCoverSettles(el: Element, ctx: FillContext, writer: string): Promise<string | null> {
  let refusal = refusalReason(el, ctx.layout, writer);
  if (!ctx.layout || !refusal?.endsWith(COVERED)) return refusal;
  const until = performance.now() + (ctx.coverSettleMs ?? COVER_SETTLE_MS);
  let clear = 0;
  while (clear < 2 && performance.now() < until && !ctx.signal?.aborted) {
    await new Promise((resolve) => setTimeout(resolve, COVER_RECHECK_MS));
    refusal = refusalReason(el, ctx.layout, writer);
    if (refusal && !refusal.endsWith(COVERED)) return refusal;
    clear = refusal ? 0 : clear + 1;
  }
  return clear >= 2 ? null : (refusal ?? `the field is hidden: ${COVERED}`);
}

export async function fillField(request: FillRequest, ctx: FillContext): Promise<FillResult> {
  const { fieldId, value } = request;
  const el = ctx.registry.resolve(fieldId);
  const entry = ctx.registry.entry(fieldId);
  if (!el || !entry) return result(fieldId, 'not-found', null, null, 'the field is no longer on the page');
  const writer = findWriter(entry.writer);
  if (!writer) return result(fieldId, 'refused', null, null, `no writer "${entry.writer}" is registered`);
  const scanned = entry.kind;
  const kindNow = (): QuestionKind => writer.kindNow?.(el, scanned) ?? scanned;
  const read = (): FieldValue => writer.read(el, kindNow());
  const previous = read();

  const refusal = await refusalOnceCoverSettles(el, ctx, entry.writer);
  if (refusal) return result(fieldId, 'refused', previous, previous, refusal);

  const owners = ctx.owners();
  const staleness = stalenessOf(request, owners.get(fieldId), owners);
  if (staleness) return result(fieldId, 'stale', previous, previous, staleness);
  if (request.onlyIfEmpty && !isEmptyValue(previous)) return result(fieldId, 'stale', previous, previous, 'the field gained a value after the preview; it was kept');

  if (sameValue(previous, value, kindNow())) return result(fieldId, 'unchanged', previous, previous);

  try {
    await writer.write(el, value, kindNow(), { signal: ctx.signal, timeoutMs: ctx.timeoutMs });
  } catch (err) {
    if (err instanceof FillRefusedError || err instanceof NoSuchOptionError) return result(fieldId, 'refused', previous, read(), err.message);
    return result(fieldId, 'rejected', previous, read(), err instanceof Error ? err.message : String(err));
  }
  await settle();
  // The read-back counts only in the document that was scanned: a frame that navigated or was replaced
  // mid-fill leaves the old element behind, still holding the value nobody sees.
  if (ctx.registry.resolve(fieldId) !== el) return result(fieldId, 'not-found', previous, null, 'the page removed the field, or its frame navigated, while it was filled');
  const ownersAfter = ctx.owners();
  const rebound = stalenessOf(request, ownersAfter.get(fieldId), ownersAfter);
  if (rebound) return putBack(el, previous, kindNow(), writer, fieldId, rebound);
  const actual = await readUntilStable(read, { wanted: (v) => sameValue(v, value, kindNow()), signal: ctx.signal });
  if (sameValue(actual, value, kindNow())) return result(fieldId, 'filled', previous, actual);
  if (isTruncation(actual, value, kindNow())) return result(fieldId, 'truncated', previous, actual, `the field keeps ${String(actual).length} of ${String(value).length} characters`);
  return result(fieldId, 'rejected', previous, actual, `the page shows ${describeShown(actual)} after the fill`);
}

/** What a field shows, in words for a failure message. */
function describeShown(value: FieldValue): string {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return 'no answer';
  return `"${Array.isArray(value) ? value.join('; ') : value}"`;
}

/** Fill in order, one at a time: widgets that save on change must not see overlapping writes. */
export async function fillFields(requests: FillRequest[], ctx: FillContext): Promise<FillResult[]> {
  const results: FillResult[] = [];
  for (const request of requests) {
    if (ctx.signal?.aborted) break;
    const outcome = await fillField(request, ctx);
    results.push(request.requestId ? { ...outcome, requestId: request.requestId } : outcome);
  }
  return results;
}
