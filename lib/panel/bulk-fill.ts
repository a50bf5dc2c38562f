// "Fill all high-confidence": which questions a bulk fill would write, with what, and why others are left out.
// Only approved, fresh, high-band proposals from the team's library (never a sample entry) on empty fields qualify; the analyst confirms the preview first.
import type { LibraryEntry } from '../schema';
import { hasValue, isChoiceQuestion, planFill, type FillPlan } from './fill-plan';
import { currentProposal, type QuestionRow } from './question-rows';

export interface BulkItem {
  key: string;
  number?: string;
  text: string;
  /** The page's section of the question, for grouping the preview. */
  section?: string;
  entryId: string;
  confidence: number;
  plan: Extract<FillPlan, { ok: true }>;
}

export interface BulkExclusion {
  key: string;
  reason: string;
}

export interface BulkPlan {
  items: BulkItem[];
  excluded: BulkExclusion[];
}

export function planBulkFill(rows: readonly QuestionRow[], entries: ReadonlyMap<string, LibraryEntry>): BulkPlan {
  const items: BulkItem[] = [];
  const excluded: BulkExclusion[] = [];
  for (const row of rows) {
    const proposal = currentProposal(row);
    const skip = (reason: string) => excluded.push({ key: row.key, reason });
    if (row.status !== 'proposed') {
      skip(row.status === 'no-match' ? 'no match' : `already ${row.status}`);
      continue;
    }
    if (!proposal) {
      skip('no match');
      continue;
    }
    if (proposal.band !== 'high') {
      skip('confidence below high');
      continue;
    }
    if (proposal.stale) {
      skip('the library entry is stale');
      continue;
    }
    if (proposal.draft) {
      skip('the library entry is a draft');
      continue;
    }
    const entry = entries.get(proposal.entryId);
    if (!entry) {
      skip('the library entry is gone');
      continue;
    }
    if (entry.sample) {
      skip('the library entry is a fictional sample');
      continue;
    }
    if (entry.status === 'retired' || entry.status === 'draft') {
      skip(`the library entry is ${entry.status}`);
      continue;
    }
    if (row.question.hidden) {
      skip('hidden on the page');
      continue;
    }
    if (hasValue(row.question.currentValue)) {
      skip('the page already has an answer');
      continue;
    }
    const plan = planFill(row.question, { text: entry.answer, choice: proposal.choice });
    if (!plan.ok) {
      skip(row.question.kind === 'file' ? 'attachment field' : isChoiceQuestion(row.question) ? 'no option matches the answer' : plan.reason);
      continue;
    }
    items.push({ key: row.key, number: row.question.number, text: row.question.text, section: row.question.section, entryId: entry.id, confidence: proposal.confidence, plan });
  }
  return { items, excluded };
}
