// Choosing an option by its label: exact, then case/punctuation-insensitive, then Yes/No/N/A synonyms.
// A value that matches no option is an error naming the options, so nothing is half-written.
import type { FieldValue, QuestionKind } from '../schema';
import { comparableText } from '../detect/text';

const SYNONYMS: string[][] = [
  ['yes', 'y', 'true'],
  ['no', 'n', 'false'],
  ['n/a', 'na', 'not applicable', 'n.a', 'not-applicable', 'none'],
];

export class NoSuchOptionError extends Error {
  constructor(value: string, options: string[]) {
    super(`no option "${value}" among: ${options.map((o) => `"${o}"`).join(', ') || '(none)'}`);
    this.name = 'NoSuchOptionError';
  }
}

/** Index of the option matching `value`, or -1. */
export function matchOption(value: string, options: string[]): number {
  const exact = options.indexOf(value);
  if (exact >= 0) return exact;
  const want = comparableText(value);
  const loose = options.findIndex((o) => comparableText(o) === want);
  if (loose >= 0) return loose;
  const family = SYNONYMS.find((f) => f.includes(want));
  if (!family) return -1;
  return options.findIndex((o) => family.includes(comparableText(o)));
}

export function requireOption(value: string, options: string[]): number {
  const i = matchOption(value, options);
  if (i < 0) throw new NoSuchOptionError(value, options);
  return i;
}

/** The labels a value asks for: one for a single choice, several for a multi choice, none for null. */
export function wantedLabels(value: FieldValue): string[] {
  if (value === null) return [];
  return Array.isArray(value) ? value : value === '' ? [] : [value];
}

const TEXT_KINDS = new Set<QuestionKind>(['text', 'textarea', 'richtext', 'number', 'date', 'file']);

function normalizeLines(v: string, kind: QuestionKind): string {
  const s = v.replace(/\r\n?/g, '\n');
  // Rich text editors add block breaks around paragraphs; only the words and line structure count.
  return kind === 'richtext' ? s.replace(/[ \t\u00a0]+/g, ' ').replace(/\n{2,}/g, '\n').trim() : s;
}

function isEmpty(v: FieldValue): boolean {
  return v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/** Does the read-back value equal the requested one? Text exactly (line endings aside); choices by label. */
export function sameValue(actual: FieldValue, wanted: FieldValue, kind: QuestionKind): boolean {
  if (isEmpty(wanted) || isEmpty(actual)) return isEmpty(wanted) && isEmpty(actual);
  if (TEXT_KINDS.has(kind)) {
    return typeof actual === 'string' && typeof wanted === 'string' && normalizeLines(actual, kind) === normalizeLines(wanted, kind);
  }
  const a = wantedLabels(actual);
  const w = wantedLabels(wanted);
  if (a.length !== w.length) return false;
  return w.every((label) => matchOption(label, a) >= 0);
}
