// The hand-off sheet of one page (see lib/library/handoff.ts): the questions the panel cannot answer well enough,
// each with why, the page's context and a suggested owner, as CSV or XLSX for the people who can answer them.
import type { LibraryEntry, Proposal } from '../schema';
import { HANDOFF_COLUMNS, ownerSuggester, type HandoffColumn } from '../library/handoff';
import { currentProposal, type QuestionRow } from './question-rows';

/** Why a question goes to an owner, in words the owner reads; undefined when the panel can answer it. */
export function handoffReason(row: QuestionRow): string | undefined {
  if (row.status === 'filled' || row.status === 'edited') return undefined;
  if (row.question.kind === 'file') return undefined;
  const proposal = currentProposal(row);
  if (!proposal) return 'no answer in the library';
  if (proposal.stale) return `the closest answer (${proposal.entryId}) is past its review date`;
  if (proposal.draft) return `the closest answer (${proposal.entryId}) is a draft, not yet approved`;
  if (proposal.band !== 'high') return `the closest answer (${proposal.entryId}) is only a ${Math.round(proposal.confidence * 100)}% match; check it answers the question`;
  return undefined;
}

export interface HandoffPage {
  title: string;
  url: string;
}

export interface HandoffSheet {
  columns: readonly HandoffColumn[];
  rows: string[][];
}

/** A question's wording as the sheet compares them, kept per question (a list re-renders it on every change). */
const textKeys = new WeakMap<QuestionRow['question'], string>();
function textKeyOf(question: QuestionRow['question']): string {
  let key = textKeys.get(question);
  if (key === undefined) {
    key = question.text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
    textKeys.set(question, key);
  }
  return key;
}

/**
 * How many rows the sheet of `rows` would have (one per question text needing an owner), without building it: the
 * panel shows the count on every change of the list and builds the sheet only when it is exported.
 */
export function countHandoffRows(rows: readonly QuestionRow[]): number {
  const texts = new Set<string>();
  for (const row of rows) if (handoffReason(row)) texts.add(textKeyOf(row.question));
  return texts.size;
}

/** The sheet for the questions of one page that need an owner, in the panel's order. */
export function buildHandoffSheet(rows: readonly QuestionRow[], library: ReadonlyMap<string, LibraryEntry>, page: HandoffPage): HandoffSheet {
  const out: string[][] = [];
  // One row per question text: the importer derives an entry's id from its question, and one answer serves both.
  const byText = new Map<string, string[]>();
  const numberAt = HANDOFF_COLUMNS.indexOf('handoff_number');
  const suggestOwner = ownerSuggester(library.values());
  for (const row of rows) {
    const reason = handoffReason(row);
    if (!reason) continue;
    const textKey = textKeyOf(row.question);
    const seen = byText.get(textKey);
    if (seen) {
      if (row.question.number) seen[numberAt] = [seen[numberAt], row.question.number].filter(Boolean).join('; ');
      continue;
    }
    const proposal: Proposal | undefined = currentProposal(row);
    const closest = proposal ? library.get(proposal.entryId) : undefined;
    const cells: Record<HandoffColumn, string> = {
      question: row.question.text,
      answer: '',
      choice: '',
      citation_title: '',
      citation_section: '',
      citation_url: '',
      owner: suggestOwner(closest) ?? '',
      tags: (closest?.tags ?? []).join('; '),
      status: 'draft',
      handoff_options: row.question.options.join('\n'),
      handoff_reason: reason,
      handoff_number: row.question.number ?? '',
      handoff_section: row.question.section ?? '',
      handoff_page: page.title,
      handoff_url: page.url,
      handoff_closest_entry: closest?.id ?? '',
      handoff_closest_answer: closest?.answer ?? '',
    };
    const line = HANDOFF_COLUMNS.map((c) => cells[c]);
    byText.set(textKey, line);
    out.push(line);
  }
  return { columns: HANDOFF_COLUMNS, rows: out };
}

/** A file name that says what the sheet is and where it came from, e.g. questions-for-owners-acme-2026-12-06.csv. */
export function handoffFileName(page: HandoffPage, kind: 'csv' | 'xlsx', now: Date = new Date()): string {
  const host = (() => {
    try {
      return new URL(page.url).hostname;
    } catch {
      return '';
    }
  })();
  const slug = host.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 40);
  return `questions-for-owners${slug ? `-${slug}` : ''}-${now.toISOString().slice(0, 10)}.${kind}`;
}

/** The sheet as a downloadable file. */
export async function handoffFile(sheet: HandoffSheet, kind: 'csv' | 'xlsx'): Promise<Blob> {
  // The writers (papaparse, the XLSX writer) load on export only: the Questions view's chunk runs at every opening.
  const { writeTableCsv, writeTableXlsx } = await import('../library/export-library');
  if (kind === 'csv') return new Blob([writeTableCsv(sheet.columns, sheet.rows)], { type: 'text/csv;charset=utf-8' });
  return writeTableXlsx(sheet.columns, sheet.rows, {
    sheet: 'Questions for owners',
    rowName: (r) => `Question "${sheet.rows[r]?.[0]?.slice(0, 60) ?? r + 1}"`,
    fallback: 'Export the sheet as CSV instead.',
  });
}

