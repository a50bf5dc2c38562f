// Whether "accept" can fill a question as proposed, and if not, what the card says instead of failing.
import type { LibraryEntry } from '../schema';
import { isChoiceQuestion, optionsReadAtFill, planFill } from './fill-plan';
import { currentProposal, type QuestionRow } from './question-rows';

export type AcceptBlock =
  | { kind: 'no-match' | 'skipped' | 'filled' | 'pending'; message: string }
  /** A choice question whose options none of the answer maps to: the card offers the options instead. */
  | { kind: 'choose-option'; message: string; options: readonly string[] };

export function acceptBlock(row: QuestionRow, entries: ReadonlyMap<string, LibraryEntry>): AcceptBlock | undefined {
  if (row.pending) return { kind: 'pending', message: 'This question is being filled.' };
  if (row.status === 'filled' || row.status === 'edited') return { kind: 'filled', message: 'Already filled; press u to undo it.' };
  if (row.status === 'skipped') return { kind: 'skipped', message: 'This question is skipped; press s to unskip it.' };
  const proposal = currentProposal(row);
  const entry = proposal && entries.get(proposal.entryId);
  if (!proposal) {
    return { kind: 'no-match', message: 'Nothing to accept: no library entry matches this question. Press / to search the library or e to type an answer.' };
  }
  // A proposal whose entry the panel does not hold (yet): the proposals are being brought up to date.
  if (!entry) return { kind: 'pending', message: 'This proposal is being brought up to date; press a again in a moment.' };
  if (isChoiceQuestion(row.question) && !planFill(row.question, { text: entry.answer, choice: proposal.choice }).ok) {
    const where = optionsReadAtFill(row.question) ? 'Its options show only when its list opens: press e and type the option.' : 'Pick one of its options on the card, or press e to edit.';
    return { kind: 'choose-option', message: `No option of this question matches the answer. ${where}`, options: row.question.options };
  }
  return undefined;
}

/**
 * Why a fill must not go ahead with the entry as the card showed it (`shown`), given the entry as stored now
 * (`current`, undefined when it is gone): it was removed, or its answer, choice, status or dates changed since
 * (edited in another view or window). Undefined when it is the same entry.
 */
export function entryChangedSince(shown: LibraryEntry, current: LibraryEntry | undefined): string | undefined {
  if (!current) return `The library entry "${shown.id}" was removed since it was proposed; nothing was filled.`;
  const fields = (e: LibraryEntry) => [e.answer, e.choice ?? null, e.status ?? null, e.updatedAt ?? null, e.expiresAt ?? null, e.version ?? null];
  if (JSON.stringify(fields(shown)) !== JSON.stringify(fields(current))) {
    return `The library entry "${shown.id}" changed since it was proposed; nothing was filled. Its proposal is being brought up to date: review it and accept again.`;
  }
  return undefined;
}
