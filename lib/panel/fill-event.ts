// Builds the history record of one fill (or undo) from the page, the question, the answer and the result.
import type { DetectedQuestion, FieldValue, FillEvent, FillRequest, FillResult, LibraryEntry, Proposal } from '../schema';
import { describeFillOutcome } from './question-rows';

export interface FillContext {
  at: string;
  pageUrl: string;
  pageTitle: string;
}

export interface FilledAnswer {
  value: FieldValue;
  comment?: string;
  edited: boolean;
  entry?: Pick<LibraryEntry, 'id' | 'updatedAt'>;
  proposal?: Pick<Proposal, 'confidence' | 'band'>;
  undo?: boolean;
}

export function buildFillEvent(
  context: FillContext,
  question: DetectedQuestion,
  answer: FilledAnswer,
  requests: FillRequest[],
  results: FillResult[],
): FillEvent {
  const main = results.find((r) => r.fieldId === question.fieldId) ?? results[0];
  const outcome = describeFillOutcome(requests, results);
  const worst = outcome.ok ? main : results.find((r) => r.status !== 'filled' && r.status !== 'unchanged') ?? main;
  return {
    at: context.at,
    portal: question.portal,
    pageUrl: context.pageUrl,
    pageTitle: context.pageTitle,
    questionKey: question.key,
    questionNumber: question.number,
    questionText: question.text,
    entryId: answer.entry?.id,
    entryUpdatedAt: answer.entry?.updatedAt,
    value: answer.value,
    comment: answer.comment,
    edited: answer.edited,
    confidence: answer.proposal?.confidence,
    band: answer.proposal?.band,
    result: worst?.status ?? 'not-found',
    previous: main?.previous ?? null,
    message: outcome.reason ?? main?.message,
    undo: answer.undo || undefined,
  };
}
