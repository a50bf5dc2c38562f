// The history record of one fill (or undo): written `pending` from what the panel saw before the request leaves,
// then changed by the content script's results (matched by request id).
import type { DetectedQuestion, FieldValue, FillChanges, FillEvent, FillRequest, FillResult, LibraryEntry, Proposal } from '../schema';
import { describeFillOutcome } from './question-rows';

export interface FillContext {
  at: string;
  /** The tab's page as scanned. */
  pageUrl: string;
  pageTitle: string;
  tabId?: number;
}

export interface FilledAnswer {
  value: FieldValue;
  comment?: string;
  edited: boolean;
  entry?: Pick<LibraryEntry, 'id' | 'updatedAt' | 'citations' | 'version'>;
  proposal?: Pick<Proposal, 'confidence' | 'band'>;
  undo?: boolean;
}

function originOf(url: string): string | undefined {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/** The row written before the request leaves: what the panel saw (page, frame, question, previous value) and sends. */
export function pendingFillEvent(context: FillContext, question: DetectedQuestion, answer: FilledAnswer, requestId: string): FillEvent {
  const frameUrl = question.frameUrl ?? context.pageUrl;
  const event: FillEvent = {
    at: context.at,
    portal: question.portal,
    pageUrl: context.pageUrl,
    pageTitle: context.pageTitle,
    questionKey: question.key,
    questionNumber: question.number,
    questionText: question.text,
    entryId: answer.entry?.id,
    entryUpdatedAt: answer.entry?.updatedAt,
    // An entry stored before versions were kept is its version 1 (recorded as such when it first changes).
    entryVersion: answer.entry ? (answer.entry.version ?? 1) : undefined,
    value: answer.value,
    comment: answer.comment,
    edited: answer.edited,
    confidence: answer.proposal?.confidence,
    band: answer.proposal?.band,
    result: 'pending',
    previous: question.currentValue,
    undo: answer.undo || undefined,
    requestId,
    tabId: context.tabId,
    frameUrl,
    frameOrigin: originOf(frameUrl),
    citations: answer.entry?.citations,
  };
  if (question.commentFieldId && answer.comment !== undefined) event.commentPrevious = question.commentValue ?? null;
  return event;
}

/** The row's outcome from the content script's results: the worst status of its requests, in the analyst's words. */
export function resultChanges(
  question: Pick<DetectedQuestion, 'fieldId' | 'commentFieldId'>,
  requests: Pick<FillRequest, 'fieldId' | 'value'>[],
  results: FillResult[],
  resolvedAt: string,
): FillChanges {
  const main = results.find((r) => r.fieldId === question.fieldId) ?? results[0];
  const comment = question.commentFieldId ? results.find((r) => r.fieldId === question.commentFieldId) : undefined;
  const outcome = describeFillOutcome(requests, results);
  const worst = outcome.ok ? main : (results.find((r) => r.status !== 'filled' && r.status !== 'unchanged') ?? main);
  const changes: FillChanges = { result: worst?.status ?? 'not-found', actual: main?.actual ?? null, resolvedAt };
  const message = outcome.reason ?? main?.message;
  if (message) changes.message = message;
  // A field the fill never reached reports no previous value: keep the one the scan saw.
  if (main && main.status !== 'not-found') changes.previous = main.previous;
  if (comment && comment.status !== 'not-found') changes.commentPrevious = comment.previous;
  return changes;
}
