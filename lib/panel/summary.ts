// The summary line: detected / proposed / filled / needs attention, for the page and for each section.
import { currentProposal, type QuestionRow } from './question-rows';

export interface Counts {
  detected: number;
  proposed: number;
  filled: number;
  attention: number;
}

export interface SectionSummary extends Counts {
  section: string;
}

/** A row needs the analyst: it failed, has no match, or its proposal is not safe to take as is. */
export function needsAttention(row: QuestionRow): boolean {
  if (row.matching && row.status === 'no-match') return false;
  if (row.status === 'failed' || row.status === 'no-match') return true;
  if (row.status !== 'proposed') return false;
  const p = currentProposal(row);
  return !p || p.band !== 'high' || p.stale || p.draft;
}

function count(rows: readonly QuestionRow[]): Counts {
  let proposed = 0;
  let filled = 0;
  let attention = 0;
  for (const row of rows) {
    if (row.proposals.length > 0) proposed++;
    if (row.status === 'filled' || row.status === 'edited') filled++;
    if (needsAttention(row)) attention++;
  }
  return { detected: rows.length, proposed, filled, attention };
}

export const NO_SECTION = 'Questions';

export function summarize(rows: readonly QuestionRow[]): { page: Counts; sections: SectionSummary[] } {
  const bySection = new Map<string, QuestionRow[]>();
  for (const row of rows) {
    const name = row.question.section ?? NO_SECTION;
    const list = bySection.get(name);
    if (list) list.push(row);
    else bySection.set(name, [row]);
  }
  return {
    page: count(rows),
    sections: [...bySection].map(([section, list]) => ({ section, ...count(list) })),
  };
}

export function formatCounts(c: Counts): string {
  return `${c.detected} detected · ${c.proposed} proposed · ${c.filled} filled · ${c.attention} need attention`;
}
