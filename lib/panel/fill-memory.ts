// The history read against the page: pending rows whose result never came are settled by reading the page back,
// and the Filled state (with its Undo) of each question comes back from the history rows of its page.
import type { DetectedQuestion, FieldValue, FillChanges, FillEvent, FillResolution, PageScan } from '../schema';
import { comparableText } from '../detect/text';
import { sameValue } from '../fill/option-match';
import type { LastFill } from './question-rows';

/** The URL of the document a question lives in (a frame's own, else the page's). */
function documentOf(question: Pick<DetectedQuestion, 'frameUrl'>, pageUrl: string): string {
  return question.frameUrl ?? pageUrl;
}

function rowDocument(row: Pick<FillEvent, 'frameUrl' | 'pageUrl'>): string {
  return row.frameUrl ?? row.pageUrl;
}

interface QuestionIndex {
  byKey: Map<string, DetectedQuestion>;
  /** Built on first use: only a row whose key the page no longer has (renumbered) is looked up by text. */
  readonly byText: Map<string, DetectedQuestion[]>;
}

/**
 * The scan's questions by document + key and by document + text, built once per scan. The text index normalises
 * every question's wording (15 ms at 1,000 questions on a loaded machine, on the re-scan after every fill), so it
 * waits until a lookup by key misses.
 */
export function indexQuestions(scan: Pick<PageScan, 'url' | 'questions'>): QuestionIndex {
  const byKey = new Map<string, DetectedQuestion>();
  for (const q of scan.questions) byKey.set(`${documentOf(q, scan.url)}\n${q.key}`, q);
  let byText: Map<string, DetectedQuestion[]> | undefined;
  return {
    byKey,
    get byText() {
      if (!byText) {
        byText = new Map();
        for (const q of scan.questions) {
          const slot = `${documentOf(q, scan.url)}\n${comparableText(q.text)}`;
          const same = byText.get(slot);
          if (same) same.push(q);
          else byText.set(slot, [q]);
        }
      }
      return byText;
    },
  };
}

/**
 * The question a history row was about: same document and the same key, else (a page that renumbered its
 * questions changes their keys) the one question of that document with the same text.
 */
export function findQuestionOf(row: Pick<FillEvent, 'questionKey' | 'questionText' | 'frameUrl' | 'pageUrl'>, index: QuestionIndex): DetectedQuestion | undefined {
  const doc = rowDocument(row);
  const byKey = index.byKey.get(`${doc}\n${row.questionKey}`);
  if (byKey) return byKey;
  const byText = index.byText.get(`${doc}\n${comparableText(row.questionText)}`);
  return byText?.length === 1 ? byText[0] : undefined;
}

function describeValue(value: FieldValue | undefined): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return 'no answer';
  return `"${Array.isArray(value) ? value.join('; ') : value}"`;
}

/** Whether the page shows what the row wrote (the answer, and its comment when there was one). */
export function pageHolds(row: Pick<FillEvent, 'value' | 'comment'>, question: DetectedQuestion): boolean {
  if (!sameValue(question.currentValue, row.value, question.kind)) return false;
  return row.comment === undefined || sameValue(question.commentValue ?? null, row.comment, 'textarea');
}

const NO_RESULT = 'No result came back from the page (the panel closed, the extension reloaded or the page changed during the fill)';

/** A pending row settled from the page as it is now: `filled` only when the page shows the value, else `unknown`. */
export function readBackChanges(row: FillEvent, question: DetectedQuestion | undefined, resolvedAt: string): FillChanges {
  if (!question) return { result: 'unknown', message: `${NO_RESULT}, and the question is not on the page to check.`, resolvedAt };
  if (pageHolds(row, question)) {
    return { result: 'filled', actual: question.currentValue, message: `${NO_RESULT}; read back later, the page holds this value.`, resolvedAt };
  }
  return {
    result: 'unknown',
    actual: question.currentValue,
    message: `${NO_RESULT}, and the page shows ${describeValue(question.currentValue)}: the value did not arrive or did not stay.`,
    resolvedAt,
  };
}

/**
 * Settles the pending rows of the tab the panel just scanned. Rows of another page of the tab (it navigated) are
 * `unknown`; rows still awaited by this panel (`inFlight`) are left alone.
 */
export function settlePending(pending: readonly FillEvent[], tabId: number, scan: PageScan, inFlight: ReadonlySet<string>, resolvedAt: string): FillResolution[] {
  const resolutions: FillResolution[] = [];
  const index = indexQuestions(scan);
  for (const row of pending) {
    if (row.result !== 'pending' || row.tabId !== tabId || !row.requestId || inFlight.has(row.requestId)) continue;
    if (row.attachment) {
      // An upload cannot be read back from the field's value; the page's list is the analyst's to check.
      resolutions.push({ requestId: row.requestId, changes: { result: 'unknown', message: `${NO_RESULT}; check the question's attachments in the portal.`, resolvedAt } });
      continue;
    }
    const question = row.pageUrl === scan.url ? findQuestionOf(row, index) : undefined;
    resolutions.push({ requestId: row.requestId, changes: readBackChanges(row, question, resolvedAt) });
  }
  return resolutions;
}

/** Pending rows of tabs that no longer exist: nothing can be read back, so they are `unknown`. */
export function settleOrphans(pending: readonly FillEvent[], openTabs: ReadonlySet<number>, inFlight: ReadonlySet<string>, resolvedAt: string): FillResolution[] {
  return pending
    .filter((row) => row.result === 'pending' && row.requestId && !inFlight.has(row.requestId) && (row.tabId === undefined || !openTabs.has(row.tabId)))
    .map((row) => ({ requestId: row.requestId!, changes: { result: 'unknown', message: `${NO_RESULT}, and its tab is closed.`, resolvedAt } }));
}

function reachedField(row: FillEvent): boolean {
  return row.result === 'filled' || row.result === 'unchanged';
}

/** The fill behind a question's Undo, rebuilt from its history row for the question's current field ids. */
export function lastFillFromRow(row: FillEvent, question: DetectedQuestion): LastFill {
  // Its undo is checked against the question as it reads now (the one the history row was matched to).
  const target = { key: question.key, text: question.text };
  const requests: LastFill['requests'] = [{ fieldId: question.fieldId, value: row.value, question: target }];
  const results: LastFill['results'] = [{ fieldId: question.fieldId, status: 'filled', actual: row.value, previous: row.previous }];
  if (question.commentFieldId && row.comment !== undefined) {
    requests.push({ fieldId: question.commentFieldId, value: row.comment, question: target });
    results.push({ fieldId: question.commentFieldId, status: 'filled', actual: row.comment, previous: row.commentPrevious ?? null });
  }
  return { requests, results, value: row.value, comment: row.comment, edited: row.edited, entryId: row.entryId };
}

/**
 * The questions of `scan` that the history says were filled and that still show the filled value, keyed by the
 * question's current key, with what their Undo puts back. The latest fill or undo that reached a field decides.
 */
export function restoreFills(history: readonly FillEvent[], scan: PageScan): Record<string, LastFill> {
  const latest = new Map<string, FillEvent>();
  const index = indexQuestions(scan);
  for (const row of history) {
    // Attachments are not answers: they never make a question show as filled.
    if (row.pageUrl !== scan.url || !reachedField(row) || row.attachment) continue;
    const question = findQuestionOf(row, index);
    if (!question) continue;
    const seen = latest.get(question.key);
    if (!seen || (row.seq ?? 0) > (seen.seq ?? 0)) latest.set(question.key, row);
  }
  const restored: Record<string, LastFill> = {};
  for (const question of scan.questions) {
    const row = latest.get(question.key);
    if (row && !row.undo && pageHolds(row, question)) restored[question.key] = lastFillFromRow(row, question);
  }
  return restored;
}
