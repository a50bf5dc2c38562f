// The review queue: the entries a library's owners should look at now (expired, expiring soon, drafts, no owner, no
// citation), grouped by owner, with "mark reviewed" (a new review date and the next expiry from the team's review
// period) and a CSV for the owners. Pure: the Library view and the repository use it.
import { csvCell } from './table-columns';
import { entryStatus, type LibraryEntry } from '../schema';

export const REVIEW_REASONS = ['expired', 'expiring', 'draft', 'no-owner', 'no-citation'] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

export const REVIEW_REASON_LABEL: Record<ReviewReason, string> = {
  expired: 'expired',
  expiring: 'expires soon',
  draft: 'draft',
  'no-owner': 'no owner',
  'no-citation': 'no citation',
};

/** The team's review period when none is set: a year, the usual cadence for security answer libraries. */
export const DEFAULT_REVIEW_PERIOD_DAYS = 365;
export const MAX_REVIEW_PERIOD_DAYS = 3 * 365;
/** "Expiring soon" when no window is chosen. */
export const DEFAULT_DUE_WITHIN_DAYS = 30;

export interface ReviewItem<E extends LibraryEntry = LibraryEntry> {
  entry: E;
  reasons: ReviewReason[];
}

export interface ReviewGroup<E extends LibraryEntry = LibraryEntry> {
  /** The owner as written on the entries (trimmed), or undefined for entries without one. */
  owner: string | undefined;
  items: ReviewItem<E>[];
}

/** `day` (YYYY-MM-DD) plus `days`, as a YYYY-MM-DD date (calendar arithmetic in UTC, so no time-zone drift). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function ownerOf(entry: LibraryEntry): string | undefined {
  const owner = entry.owner?.trim();
  return owner ? owner : undefined;
}

/** Why an entry needs review today (empty: it does not). Retired and sample entries are never in the queue. */
export function reviewReasons(entry: LibraryEntry, today: string, dueWithinDays: number = DEFAULT_DUE_WITHIN_DAYS): ReviewReason[] {
  const status = entryStatus(entry);
  if (status === 'retired' || entry.sample) return [];
  const reasons: ReviewReason[] = [];
  if (entry.expiresAt !== undefined) {
    if (entry.expiresAt < today) reasons.push('expired');
    else if (entry.expiresAt <= addDays(today, dueWithinDays)) reasons.push('expiring');
  }
  if (status === 'draft') reasons.push('draft');
  if (!ownerOf(entry)) reasons.push('no-owner');
  if (!entry.citations?.some((c) => c.title.trim() !== '')) reasons.push('no-citation');
  return reasons;
}

/** The most urgent first: expired, then by expiry date (soonest first), then drafts, then the rest by id. */
function urgency(a: ReviewItem, b: ReviewItem): number {
  const rank = (i: ReviewItem) => Math.min(...i.reasons.map((r) => REVIEW_REASONS.indexOf(r)));
  return rank(a) - rank(b) || (a.entry.expiresAt ?? '9999').localeCompare(b.entry.expiresAt ?? '9999') || a.entry.id.localeCompare(b.entry.id);
}

/**
 * The queue, grouped by owner (owners in alphabetical order, entries without an owner last), each group most urgent
 * first. `dueWithinDays` is how far ahead "expires soon" looks.
 */
export function reviewQueue<E extends LibraryEntry>(entries: readonly E[], today: string, dueWithinDays: number = DEFAULT_DUE_WITHIN_DAYS): ReviewGroup<E>[] {
  const groups = new Map<string | undefined, ReviewItem<E>[]>();
  for (const entry of entries) {
    const reasons = reviewReasons(entry, today, dueWithinDays);
    if (reasons.length === 0) continue;
    const owner = ownerOf(entry);
    const list = groups.get(owner) ?? [];
    list.push({ entry, reasons });
    groups.set(owner, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === undefined ? 1 : b === undefined ? -1 : a.localeCompare(b, undefined, { sensitivity: 'base' })))
    .map(([owner, items]) => ({ owner, items: items.sort(urgency) }));
}

/**
 * What "mark reviewed" changes: reviewed today, and the next expiry one review period from today. The status stays
 * as it is (a draft is approved by editing it, which is a decision about its text, not its date).
 */
export function reviewedChanges(today: string, periodDays: number): Pick<LibraryEntry, 'reviewedAt' | 'expiresAt'> {
  return { reviewedAt: today, expiresAt: addDays(today, periodDays) };
}

export const REVIEW_CSV_COLUMNS = ['owner', 'id', 'question', 'reasons', 'expiresAt', 'reviewedAt', 'status', 'citation'] as const;

/** The queue as CSV for the owners (formula-safe cells, CRLF, a byte-order mark so spreadsheets read UTF-8). */
export function reviewQueueCsv(groups: readonly ReviewGroup[]): string {
  const lines = [REVIEW_CSV_COLUMNS.join(',')];
  for (const group of groups) {
    for (const { entry, reasons } of group.items) {
      const row: Record<(typeof REVIEW_CSV_COLUMNS)[number], string> = {
        owner: group.owner ?? '',
        id: entry.id,
        question: entry.question,
        reasons: reasons.map((r) => REVIEW_REASON_LABEL[r]).join('; '),
        expiresAt: entry.expiresAt ?? '',
        reviewedAt: entry.reviewedAt ?? '',
        status: entryStatus(entry),
        citation: (entry.citations ?? []).map((c) => (c.section ? `${c.title} ${c.section}` : c.title)).join('; '),
      };
      lines.push(REVIEW_CSV_COLUMNS.map((c) => csvCell(row[c])).join(','));
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
