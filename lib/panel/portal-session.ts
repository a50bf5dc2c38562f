// Portal sessions, as the panel tracks them per tab: fills made since the portal last saved (derived from the fill
// history), how long until a typical idle sign-out, and, after a reload or sign-out that lost values, which fills
// could be put back (only into fields that are empty again; nothing already on the page is overwritten).
// Pure functions: the clock, the history and the scan are passed in.
import { z } from 'zod';
import type { DetectedQuestion, FieldValue, FillEvent, PortalId } from '../schema';
import { hasValue } from './fill-plan';

/** Idle minutes before a portal signs the analyst out; 0 turns the warning off. */
export const SessionTimeoutsSchema = z.record(z.string(), z.number().min(0).max(24 * 60));
export type SessionTimeouts = z.infer<typeof SessionTimeoutsSchema>;

export const SESSION_TIMEOUTS_SETTING = 'portalSessionTimeouts';

/**
 * ServiceNow signs out after 30 idle minutes by default (and typing without saving is not activity). OneTrust
 * and ProcessUnity time out too (ProcessUnity shows an inactivity warning); their defaults are not documented,
 * so 30 minutes is assumed. A buyer's own site: unknown, no warning unless the analyst sets one.
 */
export const DEFAULT_TIMEOUTS: Readonly<Record<PortalId, number>> = { servicenow: 30, onetrust: 30, processunity: 30, generic: 0 };

/** The warning shows this long before the expected sign-out. */
export const WARN_BEFORE_MIN = 5;

/** Fills older than this are not offered again after a reload, whatever the last save seen. */
export const REFILL_WINDOW_MS = 12 * 60 * 60 * 1000;

export function timeoutFor(portal: PortalId, settings: SessionTimeouts): number {
  return settings[portal] ?? DEFAULT_TIMEOUTS[portal];
}

/** What the page reports about its life: an id per loaded document set, and how many saves it has seen. */
export interface PageLife {
  pageId: string;
  saves: number;
}

/** The panel's marks for one tab: when it saw this page load and the last save (panel clock, ms). */
export interface SessionMarks {
  pageUrl: string;
  pageId: string;
  saves: number;
  loadedAt: number;
  savedAt?: number;
}

/** Update the marks with what a scan reports: a new page load, a new save, or nothing new. */
export function observePage(prev: SessionMarks | undefined, pageUrl: string, life: PageLife, now: number): SessionMarks {
  if (!prev || prev.pageId !== life.pageId) {
    // A new load: its saves start from zero; the last save seen before it still bounds what may be lost.
    return { pageUrl, pageId: life.pageId, saves: life.saves, loadedAt: now, savedAt: life.saves > 0 ? now : prev?.savedAt };
  }
  if (life.saves > prev.saves) return { ...prev, pageUrl, saves: life.saves, savedAt: now };
  return prev.pageUrl === pageUrl ? prev : { ...prev, pageUrl };
}

export interface PendingFill {
  questionKey: string;
  questionText: string;
  value: FieldValue;
  comment?: string;
  at: number;
}

/**
 * The fills of this page made after the last save seen: the latest fill per question that stuck (an undo takes
 * its question out), within the refill window.
 */
export function pendingFills(history: readonly FillEvent[], marks: SessionMarks, now: number): PendingFill[] {
  const since = Math.max(marks.savedAt ?? 0, now - REFILL_WINDOW_MS);
  const latest = new Map<string, FillEvent>();
  for (const e of history) {
    const at = Date.parse(e.at);
    if (e.pageUrl !== marks.pageUrl || !(at > since)) continue;
    const seen = latest.get(e.questionKey);
    if (!seen || Date.parse(seen.at) <= at) latest.set(e.questionKey, e);
  }
  const out: PendingFill[] = [];
  for (const e of latest.values()) {
    if (e.undo || (e.result !== 'filled' && e.result !== 'truncated')) continue;
    const fill: PendingFill = { questionKey: e.questionKey, questionText: e.questionText, value: e.value, at: Date.parse(e.at) };
    if (e.comment) fill.comment = e.comment;
    out.push(fill);
  }
  return out.sort((a, b) => a.at - b.at);
}

export type SessionLevel = 'quiet' | 'unsaved' | 'warn' | 'expired';

export interface SessionStatus {
  level: SessionLevel;
  /** Whole minutes until the expected sign-out (0 once past it). */
  minutesLeft: number;
  unsaved: number;
}

/**
 * Unsaved fills against the idle clock. The portal last heard from the analyst at the page load or the last
 * save (a fill typed into the page does not count: ServiceNow's idle timer ignores it).
 */
export function sessionStatus(marks: SessionMarks, unsaved: number, timeoutMin: number, now: number): SessionStatus {
  if (unsaved === 0 || timeoutMin <= 0) return { level: 'quiet', minutesLeft: 0, unsaved };
  const lastContact = Math.max(marks.loadedAt, marks.savedAt ?? 0);
  const leftMs = lastContact + timeoutMin * 60_000 - now;
  const minutesLeft = Math.max(0, Math.ceil(leftMs / 60_000));
  if (leftMs <= 0) return { level: 'expired', minutesLeft: 0, unsaved };
  return { level: leftMs <= WARN_BEFORE_MIN * 60_000 ? 'warn' : 'unsaved', minutesLeft, unsaved };
}

/**
 * Fills at risk: those made since this page loaded, plus those lost by the reload (their fields are empty again).
 * A fill from before the reload whose value is still on the page was saved: a reload keeps only saved values.
 */
export function countUnsaved(pending: readonly PendingFill[], marks: SessionMarks, refill: RefillPlan): number {
  return pending.filter((f) => f.at >= marks.loadedAt).length + refill.items.length;
}

export interface RefillItem {
  question: DetectedQuestion;
  value: FieldValue;
  comment?: string;
}

export interface RefillPlan {
  items: RefillItem[];
  /** Fills whose field holds a value now: never overwritten. */
  present: number;
}

/**
 * After a reload (fills made before this page loaded): the fills whose question is on the page again with its
 * field empty. A field that holds anything, the analyst's own typing included, is left alone; so is a comment
 * box that is not empty.
 */
export function planRefill(pending: readonly PendingFill[], marks: SessionMarks, questions: readonly DetectedQuestion[]): RefillPlan {
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const items: RefillItem[] = [];
  let present = 0;
  for (const fill of pending) {
    if (fill.at >= marks.loadedAt) continue;
    const question = byKey.get(fill.questionKey);
    if (!question) continue;
    if (hasValue(question.currentValue)) {
      present++;
      continue;
    }
    const item: RefillItem = { question, value: fill.value };
    if (fill.comment && question.commentFieldId && !hasValue(question.commentValue ?? null)) item.comment = fill.comment;
    items.push(item);
  }
  return { items, present };
}
