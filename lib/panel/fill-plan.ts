// Turns an answer (text + optional option label) into the fill requests for one detected question:
// the option goes into the choice control, the answer text into its comment box when there is one.
import type { DetectedQuestion, FieldValue, FillRequest, FillTarget } from '../schema';

export interface AnswerDraft {
  text: string;
  /** Option label for choice questions (already mapped onto the question's options, or typed by the analyst). */
  choice?: string;
}

export type FillPlan =
  | { ok: true; requests: FillRequest[]; value: FieldValue; comment?: string }
  | { ok: false; reason: string };

const CHOICE_KINDS = new Set<DetectedQuestion['kind']>(['yesno', 'single-choice', 'multi-choice']);

export function isChoiceQuestion(question: Pick<DetectedQuestion, 'kind'>): boolean {
  return CHOICE_KINDS.has(question.kind);
}

/** The question's own option label for `choice`, compared without case and surrounding space. */
export function findOption(options: readonly string[], choice: string | undefined): string | undefined {
  if (!choice) return undefined;
  const wanted = choice.trim().toLowerCase();
  return options.find((o) => o.trim().toLowerCase() === wanted);
}

/**
 * A choice question whose option is looked up in the page's list when it is filled: a list that renders its
 * options only while open (none known), or one that searches as one types (OneTrust's lookup).
 */
export function optionsReadAtFill(question: Pick<DetectedQuestion, 'kind' | 'options' | 'optionsSearchable'>): boolean {
  return isChoiceQuestion(question) && (question.options.length === 0 || question.optionsSearchable === true);
}

/**
 * The option button of a text question that the answer stands for: OneTrust's lone "Not applicable" beside an
 * editor. A proposal whose choice is that option clicks it rather than typing the answer into the editor.
 */
export function textQuestionOption(question: Pick<DetectedQuestion, 'kind' | 'options'>, choice: string | undefined): string | undefined {
  return isChoiceQuestion(question) ? undefined : findOption(question.options, choice);
}

/** The question as the analyst sees it now: every request for it carries this, so a changed page refuses it. */
export function fillTarget(question: Pick<DetectedQuestion, 'key' | 'text'>): FillTarget {
  return { key: question.key, text: question.text };
}

export function planFill(question: DetectedQuestion, answer: AnswerDraft): FillPlan {
  const text = answer.text.trim();
  const target = fillTarget(question);
  if (question.kind === 'file') return { ok: false, reason: 'This is an attachment field; attach the file in the portal yourself.' };
  if (!isChoiceQuestion(question)) {
    const button = textQuestionOption(question, answer.choice);
    if (button) return { ok: true, value: button, requests: [{ fieldId: question.fieldId, value: button, question: target }] };
    if (!text) return { ok: false, reason: 'The answer is empty.' };
    // A number field would reject prose (the page resets it): the analyst edits the answer down to the figure.
    if (question.kind === 'number' && !/^[-+]?\d+(?:[.,]\d+)?$/.test(text)) {
      return { ok: false, reason: 'This field takes a number and the answer is text; edit the answer to the number.' };
    }
    return { ok: true, value: text, requests: [{ fieldId: question.fieldId, value: text, question: target }] };
  }
  // Options that exist only while the list is open: the writer matches the label against them when it opens
  // the list, and refuses (naming the options) when none fits.
  const listed = findOption(question.options, answer.choice);
  const option = optionsReadAtFill(question) ? listed ?? (answer.choice?.trim() || undefined) : listed;
  if (!option) {
    const asked = answer.choice ? `"${answer.choice}" is not one of its options` : 'no option was chosen';
    const known = optionsReadAtFill(question) && question.options.length === 0 ? 'its options show only when its list is open; type one when editing' : question.options.join(', ');
    return { ok: false, reason: `Choose an option: ${asked} (${known}).` };
  }
  const value: FieldValue = question.kind === 'multi-choice' ? [option] : option;
  const requests: FillRequest[] = [{ fieldId: question.fieldId, value, question: target }];
  if (question.commentFieldId && text) {
    requests.push({ fieldId: question.commentFieldId, value: text, question: target });
    return { ok: true, value, comment: text, requests };
  }
  return { ok: true, value, requests };
}

/** True when the page already holds an answer, so a bulk fill must not overwrite it. */
export function hasValue(value: FieldValue | undefined): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  return value.trim().length > 0;
}

/**
 * Requests that put back what the fields held before a fill (only fields the fill actually reached). Undo is a
 * fill: each request carries the question the original fill was for, so the same stale, visibility and frame
 * checks apply, and a box the page has since given to another question is refused.
 */
export function planUndo(fill: { requests: readonly FillRequest[]; results: readonly { fieldId: string; status: string; previous: FieldValue }[] }): FillRequest[] {
  return fill.results.flatMap((r) => {
    const request = fill.requests.find((q) => q.fieldId === r.fieldId);
    if (!request || r.status === 'not-found' || r.status === 'stale' || r.status === 'refused') return [];
    return [{ fieldId: r.fieldId, value: r.previous ?? (null as FieldValue), question: request.question }];
  });
}
