// The shared answer-library export format (docs/LIBRARY_FORMAT.md), as zod schemas.
// Everything read from a file or from IndexedDB is parsed through these before use.
import { z } from 'zod';

export const LIBRARY_FORMAT = 'answer-library';
export const LIBRARY_FORMAT_VERSION = 1;
/** The largest per-entry version number a file may carry: far beyond any real edit count, and leaves room to count on. */
export const MAX_ENTRY_VERSION = 999_999_999;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):?(\d{2}))?)?$/;

/** A day that exists in the calendar (month 1-12, day within that month, leap years counted). */
function isRealDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The value has the ISO shape and names a real day and time of day (hour 0-23, minutes and seconds 0-59, offset up to 23:59). */
function isRealDateTime(value: string): boolean {
  const parts = ISO_DATE_TIME.exec(value);
  if (!parts) return false;
  const [, year, month, day, hour = '0', minute = '0', second = '0', offsetHours = '0', offsetMinutes = '0'] = parts;
  return isRealDay(Number(year), Number(month), Number(day)) && Number(hour) <= 23 && Number(minute) <= 59 && Number(second) <= 59 && Number(offsetHours) <= 23 && Number(offsetMinutes) <= 59;
}

const isoDate = z.string().superRefine((value, context) => {
  const parts = ISO_DATE.exec(value);
  if (!parts) context.addIssue({ code: 'custom', message: 'expected an ISO date like 2026-06-01' });
  else if (!isRealDay(Number(parts[1]), Number(parts[2]), Number(parts[3]))) context.addIssue({ code: 'custom', message: `${value} is not a real date (expected year-month-day like 2026-06-01)` });
});
const isoDateTime = z.string().superRefine((value, context) => {
  if (!ISO_DATE_TIME.test(value)) context.addIssue({ code: 'custom', message: 'expected an ISO date-time like 2026-06-01T09:30:00Z' });
  else if (!isRealDateTime(value)) context.addIssue({ code: 'custom', message: `${value} is not a real date and time (expected like 2026-06-01T09:30:00Z)` });
});

export const CitationSchema = z.looseObject({
  title: z.string().trim().min(1, 'a citation needs a title'),
  section: z.string().optional(),
  url: z.string().optional(),
  /** An evidence file in this browser's library (lib/db/evidence-repository.ts) that this citation points to. */
  evidenceId: z.string().max(200).optional(),
});
export type Citation = z.infer<typeof CitationSchema>;

export const EntryStatusSchema = z.enum(['approved', 'draft', 'retired']);
export type EntryStatus = z.infer<typeof EntryStatusSchema>;

/** One approved answer. Unknown fields are kept (forward compatibility). */
export const LibraryEntrySchema = z.looseObject({
  id: z.string().min(1, 'id is empty').max(200, 'id is longer than 200 characters'),
  question: z.string().trim().min(1, 'question is empty'),
  alternateQuestions: z.array(z.string()).optional(),
  answer: z.string().trim().min(1, 'answer is empty'),
  choice: z.string().optional(),
  tags: z.array(z.string()).optional(),
  citations: z.array(CitationSchema).optional(),
  owner: z.string().optional(),
  status: EntryStatusSchema.optional(),
  reviewedAt: isoDate.optional(),
  expiresAt: isoDate.optional(),
  updatedAt: isoDateTime.optional(),
  /** The entry's version number, bumped on every change (docs/LIBRARY_FORMAT.md); absent in files written before versions. */
  version: z.number().int('version must be a whole number').positive('version must be 1 or more').max(MAX_ENTRY_VERSION, `version is larger than ${MAX_ENTRY_VERSION}`).optional(),
  /** A fictional entry from the bundled sample library: shown as such, never bulk-filled, removable in one step. */
  sample: z.boolean().optional(),
});
export type LibraryEntry = z.infer<typeof LibraryEntrySchema>;

/** The file envelope. `entries` is validated entry by entry so one bad row is reported, not fatal. */
export const LibraryExportEnvelopeSchema = z.looseObject({
  format: z.literal(LIBRARY_FORMAT),
  version: z.number().int().positive(),
  exportedAt: z.string().optional(),
  source: z.string().optional(),
  entries: z.array(z.unknown()),
});

export const LibraryExportSchema = LibraryExportEnvelopeSchema.extend({
  entries: z.array(LibraryEntrySchema),
});
export type LibraryExport = z.infer<typeof LibraryExportSchema>;

/** Effective status: a missing status means approved. */
export function entryStatus(entry: Pick<LibraryEntry, 'status'>): EntryStatus {
  return entry.status ?? 'approved';
}

/** Stale = past its expiry date (compared as ISO dates, so no time-zone surprises). */
export function isStale(entry: Pick<LibraryEntry, 'expiresAt'>, today: string = new Date().toISOString().slice(0, 10)): boolean {
  return entry.expiresAt !== undefined && entry.expiresAt < today;
}
