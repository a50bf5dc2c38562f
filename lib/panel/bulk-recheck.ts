// The bulk preview is a promise: at confirm, each previewed item is checked against a fresh scan of the page.
// An item whose field gained a value, whose question changed, moved or left the page is not filled, and the
// analyst is told which and why. The content script checks again at write time (key, text, empty field).
import type { DetectedQuestion } from '../schema';
import { comparableText } from '../detect/text';
import type { BulkItem } from './bulk-fill';
import { hasValue } from './fill-plan';

export type BulkChangeReason = 'gained a value on the page' | 'question changed' | 'question moved' | 'question left the page';

export interface BulkChange {
  key: string;
  text: string;
  reason: BulkChangeReason;
}

export interface BulkRecheck {
  /** Items still exactly as previewed, to be filled. */
  items: BulkItem[];
  /** Items left out, with what changed since the preview. */
  changes: BulkChange[];
}

type Fresh = Pick<DetectedQuestion, 'key' | 'text' | 'fieldId' | 'commentFieldId' | 'currentValue' | 'commentValue'>;

/** What changed for one previewed item, or null when it is still exactly as previewed. */
function changeOf(item: BulkItem, byKey: Map<string, Fresh>, byField: Map<string, Fresh>): BulkChangeReason | null {
  const [main, comment] = item.plan.requests;
  const now = byKey.get(item.key);
  if (!now) {
    const holder = main ? byField.get(main.fieldId) : undefined;
    if (!holder) return 'question left the page';
    return comparableText(holder.text) === comparableText(item.text) ? 'question moved' : 'question changed';
  }
  if (comparableText(now.text) !== comparableText(item.text)) return 'question changed';
  if (now.fieldId !== main?.fieldId || (comment !== undefined && now.commentFieldId !== comment.fieldId)) return 'question moved';
  if (hasValue(now.currentValue) || (comment !== undefined && hasValue(now.commentValue))) return 'gained a value on the page';
  return null;
}

export function recheckBulkPlan(items: readonly BulkItem[], fresh: readonly Fresh[]): BulkRecheck {
  const byKey = new Map(fresh.map((q) => [q.key, q]));
  const byField = new Map(fresh.map((q) => [q.fieldId, q]));
  const kept: BulkItem[] = [];
  const changes: BulkChange[] = [];
  for (const item of items) {
    const reason = changeOf(item, byKey, byField);
    if (reason) changes.push({ key: item.key, text: item.text, reason });
    else kept.push(withOnlyIfEmpty(item));
  }
  return { items: kept, changes };
}

/** Every request of a bulk item writes only into an empty field: a value typed while the fill runs is kept. */
function withOnlyIfEmpty(item: BulkItem): BulkItem {
  return { ...item, plan: { ...item.plan, requests: item.plan.requests.map((r) => ({ ...r, onlyIfEmpty: true })) } };
}

/** One sentence for the analyst: how many were left out, and for each reason, which questions. */
export function describeBulkChanges(changes: readonly BulkChange[]): string {
  if (changes.length === 0) return '';
  const byReason = new Map<BulkChangeReason, string[]>();
  for (const c of changes) byReason.set(c.reason, [...(byReason.get(c.reason) ?? []), `“${c.text}”`]);
  const parts = [...byReason].map(([reason, texts]) => `${reason}: ${texts.join(', ')}`);
  return `${changes.length} left out because the page changed since the preview (${parts.join('; ')}).`;
}
