// Which evidence a question's card proposes and how an attachment is recorded. Pure: no extension imports.
import type { AttachReply, AttachStatus, DetectedQuestion, FillEvent, HistoryResult } from '../schema';
import type { EvidenceMeta } from '../db/records';
import { isEvidenceExpired } from '../evidence/evidence-file';

/** The question's upload control: its attachment control, or the question itself when it asks only for a file. */
export function uploadFieldOf(question: DetectedQuestion): string | undefined {
  return question.attachmentFieldId ?? (question.kind === 'file' ? question.fieldId : undefined);
}

export interface EvidenceChoice {
  meta: EvidenceMeta;
  linked: boolean;
  expired: boolean;
}

/**
 * The evidence a card offers: files linked to the matched entry (the file lists the entry, or one of the entry's
 * citations points to the file) first, then the rest; expired ones last and never the default. The default is the
 * first linked, unexpired file (none when nothing is linked).
 */
export function evidenceChoices(
  all: readonly EvidenceMeta[],
  entryId: string | undefined,
  today: string,
  citedIds: readonly string[] = [],
): { choices: EvidenceChoice[]; proposed: string | undefined } {
  const isLinked = (meta: EvidenceMeta) => (entryId !== undefined && meta.entryIds.includes(entryId)) || citedIds.includes(meta.id);
  const choices = all.map((meta) => ({ meta, linked: isLinked(meta), expired: isEvidenceExpired(meta, today) }));
  const rank = (c: EvidenceChoice) => (c.expired ? 2 : 0) + (c.linked ? 0 : 1);
  choices.sort((a, b) => rank(a) - rank(b) || a.meta.title.localeCompare(b.meta.title));
  return { choices, proposed: choices.find((c) => c.linked && !c.expired)?.meta.id };
}

const RESULT_OF: Record<AttachStatus, HistoryResult> = {
  attached: 'filled',
  removed: 'filled',
  unconfirmed: 'unknown',
  kept: 'rejected',
  refused: 'refused',
  stale: 'stale',
  'not-found': 'not-found',
};

export function attachHistoryResult(status: AttachStatus): HistoryResult {
  return RESULT_OF[status];
}

export interface AttachContext {
  at: string;
  pageUrl: string;
  pageTitle: string;
  tabId?: number;
}

/** The history row written before the file leaves the panel (settled with the page's reply). */
export function pendingAttachEvent(context: AttachContext, question: DetectedQuestion, meta: EvidenceMeta, requestId: string, undo: boolean): FillEvent {
  const event: FillEvent = {
    at: context.at,
    portal: question.portal,
    pageUrl: context.pageUrl,
    pageTitle: context.pageTitle,
    questionKey: question.key,
    questionText: question.text,
    value: meta.fileName,
    edited: false,
    result: 'pending',
    previous: null,
    requestId,
    attachment: { evidenceId: meta.id, title: meta.title, fileName: meta.fileName, size: meta.size, sha256: meta.sha256 },
  };
  if (undo) event.undo = true;
  if (question.number) event.questionNumber = question.number;
  if (context.tabId !== undefined) event.tabId = context.tabId;
  if (question.frameUrl) event.frameUrl = question.frameUrl;
  if (question.frameOrigin) event.frameOrigin = question.frameOrigin;
  return event;
}

/** What the page's reply changes in that row. */
export function attachChanges(reply: AttachReply, resolvedAt: string): Pick<FillEvent, 'result' | 'actual' | 'message' | 'resolvedAt'> {
  const changes: Pick<FillEvent, 'result' | 'actual' | 'message' | 'resolvedAt'> = {
    result: attachHistoryResult(reply.status),
    actual: reply.shown.length > 0 ? reply.shown.join(', ') : null,
    resolvedAt,
  };
  if (reply.message) changes.message = reply.message;
  return changes;
}

/** Base64 of the bytes, in chunks (a 25 MB file would overflow one `String.fromCharCode` call). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}
