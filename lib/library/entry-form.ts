// The library entry editor's form as plain data: the fields as the form shows them, and the entry they describe.
// Pure, so the rules (what counts as empty, how tags split, which fields are kept) are unit-tested.
import { stripMeta } from '../db/entries-repository';
import type { StoredEntry } from '../db/records';
import { entryStatus, type Citation, type EntryStatus, type LibraryEntry } from '../schema';
import { questionId } from './question-id';

export interface CitationDraft {
  title: string;
  section: string;
  url: string;
  /** Fields of the original citation the form does not show (e.g. a page number from a shared export). */
  rest?: Record<string, unknown>;
}

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());

/** The entry the form describes: the original (unknown fields included) with the form's fields on top. */
export function buildEntry(original: StoredEntry | undefined, form: EntryFormState): LibraryEntry {
  const base: Record<string, unknown> = original ? { ...stripMeta(original) } : {};
  const fields: Record<string, unknown> = {
    id: original?.id ?? (optional(form.id) ?? questionId(form.question)),
    question: form.question,
    alternateQuestions: lines(form.alternateQuestions),
    answer: form.answer,
    choice: optional(form.choice),
    tags: form.tags.split(/[;,]/).map((t) => t.trim()).filter(Boolean),
    citations: form.citations
      .filter((c) => c.title.trim() || c.section.trim() || c.url.trim())
      .map(
        (c): Citation => ({
          title: c.title.trim(),
          ...(optional(c.section) ? { section: c.section.trim() } : {}),
          ...(optional(c.url) ? { url: c.url.trim() } : {}),
          ...c.rest,
        }),
      ),
    owner: optional(form.owner),
    status: form.status,
    reviewedAt: optional(form.reviewedAt),
    expiresAt: optional(form.expiresAt),
  };
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) delete base[key];
    else base[key] = value;
  }
  const entry = base as LibraryEntry;
  if (!form.keepApproved && needsReviewAfterEdit(original, entry)) entry.status = 'draft';
  return entry;
}

/** What is filled (answer, option) and which questions it answers (wordings): an approved entry edited here needs review. */
const REVIEWED_FIELDS = ['question', 'alternateQuestions', 'answer', 'choice'] as const;

/**
 * An approved entry whose edit changes a reviewed field: saved as a draft (never bulk-filled) unless the editor
 * says they reviewed the change, so an edit is not filled into questionnaires before anyone checks it.
 */
export function needsReviewAfterEdit(original: LibraryEntry | undefined, edited: LibraryEntry): boolean {
  if (!original || entryStatus(original) !== 'approved' || entryStatus(edited) !== 'approved') return false;
  return REVIEWED_FIELDS.some((key) => JSON.stringify(original[key] ?? null) !== JSON.stringify(edited[key] ?? null));
}

export interface EntryFormState {
  id: string;
  question: string;
  alternateQuestions: string;
  answer: string;
  choice: string;
  tags: string;
  citations: CitationDraft[];
  owner: string;
  status: EntryStatus;
  reviewedAt: string;
  expiresAt: string;
  /** The editor reviewed this change to an approved entry and keeps it approved (else it is saved as a draft). */
  keepApproved: boolean;
}

export function initialForm(entry: StoredEntry | undefined): EntryFormState {
  return {
    id: entry?.id ?? '',
    question: entry?.question ?? '',
    alternateQuestions: (entry?.alternateQuestions ?? []).join('\n'),
    answer: entry?.answer ?? '',
    choice: entry?.choice ?? '',
    tags: (entry?.tags ?? []).join(', '),
    citations: (entry?.citations ?? []).map(({ title, section, url, ...rest }) => ({ title, section: section ?? '', url: url ?? '', rest })),
    owner: entry?.owner ?? '',
    status: entry?.status ?? (entry ? 'approved' : 'draft'),
    reviewedAt: entry?.reviewedAt ?? '',
    expiresAt: entry?.expiresAt ?? '',
    keepApproved: false,
  };
}
