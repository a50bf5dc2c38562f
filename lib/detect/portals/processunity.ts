// ProcessUnity (app.processunity.net/<tenant>/Default.aspx?nav=...): only the page shell is publicly documented
// (URL shape, Edit mode, Inactivity Warning dialog; properties with Section Headers, Required flags, Tooltips), so
// the generic detector finds the questions and this adapter adds what is known: the page kind from `nav`, warnings
// for the documented states that block answering, and ASP.NET WebForms conventions the generic pass misses.
import type { AdapterScan, PortalAdapter, RawQuestion } from '../types';
import { collectGeneric } from '../generic';
import { optionLabel } from '../controls';
import { isVisible, type VisibilityOptions } from '../visibility';
import { normalizeText, readableText, splitQuestionNumber } from '../text';

/** `/<tenant>/Default.aspx`, the WebForms entry page every ProcessUnity screen is served from. */
const DEFAULT_ASPX = /^\/[^/]+\/default\.aspx$/i;

export function isProcessUnityPage(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return (host === 'processunity.net' || host.endsWith('.processunity.net')) && DEFAULT_ASPX.test(url.pathname);
}

/** `nav` encodes area/group/task (e.g. `ASSESSMENTS/MyQuestionnaires/Details`). */
export function navOf(url: URL): string | undefined {
  const nav = url.searchParams.get('nav');
  return nav ? nav.replace(/\\/g, '/') : undefined;
}

function visibleWithText(doc: Document, selector: string, text: RegExp, visibility: VisibilityOptions): boolean {
  return Array.from(doc.querySelectorAll(selector)).some((el) => text.test(normalizeText(el.textContent ?? '')) && isVisible(el, visibility));
}

/**
 * A WebForms CheckBoxList renders `<table id=X>` with one `<input type=checkbox id=X_n>` per item (one row each
 * when vertical), which the generic pass sees as separate yes/no boxes: one multi-choice question per table.
 */
function checkBoxLists(doc: Document): Array<{ table: HTMLTableElement; boxes: HTMLInputElement[] }> {
  const lists: Array<{ table: HTMLTableElement; boxes: HTMLInputElement[] }> = [];
  for (const table of Array.from(doc.querySelectorAll<HTMLTableElement>('table[id]'))) {
    const boxes = Array.from(table.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'));
    const isItem = (b: HTMLInputElement) => b.id.startsWith(`${table.id}_`) && /^\d+$/.test(b.id.slice(table.id.length + 1));
    if (boxes.length >= 2 && boxes.every(isItem)) {
      lists.push({ table, boxes });
    }
  }
  return lists;
}

/** In a property table, the control-free cell beside the cell holding `control` (rows of nested option tables skipped). */
function labelCellOf(control: Element): HTMLTableCellElement | null {
  for (let row = control.closest('tr'); row; row = row.parentElement?.closest('tr') ?? null) {
    const cells = Array.from(row.cells);
    if (!cells.some((c) => c.contains(control))) continue;
    const label = cells.find((c) => !c.contains(control) && !c.querySelector('input, select, textarea'));
    if (label) return label;
  }
  return null;
}

/** Marker elements inside a label cell: a lone `*` (Required) and tooltip icons (`title` on an element without words). */
function cellMarkers(cell: Element): { required: boolean; tooltips: Element[]; text: string } {
  const tooltips: Element[] = [];
  let required = false;
  const skip = new Set<Element>();
  for (const el of Array.from(cell.querySelectorAll('*'))) {
    const own = normalizeText(el.textContent ?? '');
    if (own === '*') {
      required = true;
      skip.add(el);
    } else if (el.hasAttribute('title') && !/\p{L}/u.test(own)) {
      tooltips.push(el);
      skip.add(el);
    }
  }
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 1 && skip.has(node as Element)) return;
    if (node.nodeType === 3) parts.push(node.nodeValue ?? '');
    else node.childNodes.forEach(walk);
  };
  walk(cell);
  return { required, tooltips, text: normalizeText(parts.join(' ')) };
}

/** The last Section Header row before `row`: a row of one cell spanning the table, without controls. */
function sectionHeaderBefore(row: HTMLTableRowElement): string | undefined {
  for (let r = row.previousElementSibling; r; r = r.previousElementSibling) {
    if (!(r instanceof r.ownerDocument.defaultView!.HTMLTableRowElement)) continue;
    const cells = Array.from(r.cells);
    if (cells.length === 1 && (cells[0]?.colSpan ?? 1) >= 2 && !r.querySelector('input, select, textarea')) {
      return readableText(r) || undefined;
    }
  }
  return undefined;
}

/** Clean what the generic pass read from a property row: required marker, tooltip, number, Section Header. */
function refineFromPropertyRow(q: RawQuestion): RawQuestion {
  const cell = labelCellOf(q.control);
  if (!cell) return q;
  const marks = cellMarkers(cell);
  const out: RawQuestion = { ...q, required: q.required || marks.required };
  if (q.textSource === 'table-row' && marks.text) {
    const split = splitQuestionNumber(marks.text);
    out.text = split.text;
    if (split.number) out.number = split.number;
  }
  const tip = marks.tooltips.map((t) => normalizeText(t.getAttribute('title') ?? '')).filter(Boolean).join(' ');
  if (tip && !out.helpText) out.helpText = tip;
  const row = cell.closest('tr');
  const section = row ? sectionHeaderBefore(row) : undefined;
  if (section) out.section = section;
  return out;
}

function applyWebFormsConventions(doc: Document, questions: RawQuestion[]): RawQuestion[] {
  const lists = checkBoxLists(doc);
  const merged: RawQuestion[] = [];
  const done = new Set<HTMLTableElement>();
  for (const q of questions) {
    const list = lists.find((l) => l.table.contains(q.control) || l.boxes.includes(q.control as HTMLInputElement));
    if (!list) {
      merged.push(refineFromPropertyRow(q));
      continue;
    }
    if (done.has(list.table)) continue;
    done.add(list.table);
    const cell = labelCellOf(list.table);
    const split = splitQuestionNumber(cell ? cellMarkers(cell).text : q.text);
    const group: RawQuestion = {
      control: list.table,
      kind: 'multi-choice',
      text: split.text,
      textSource: 'table-row',
      options: list.boxes.map(optionLabel),
      required: false,
      writer: 'checkbox-group',
    };
    if (split.number) group.number = split.number;
    merged.push(refineFromPropertyRow(group));
  }
  return merged;
}

export function createProcessUnityAdapter(visibility: VisibilityOptions): PortalAdapter {
  return {
    id: 'processunity',
    hostPatterns: ['*://*.processunity.net/*'],
    recognize: (_doc, url) => isProcessUnityPage(url),
    collect(doc, url): AdapterScan {
      const scan = collectGeneric(doc, visibility);
      const warnings = [...scan.warnings];
      const nav = navOf(url);
      if (scan.questions.length === 0 && visibleWithText(doc, 'a, button, input[type="button"], input[type="submit"]', /^edit$/i, visibility)) {
        warnings.push('ProcessUnity shows this record read-only: click Edit in the action bar, then scan again.');
      }
      if (visibleWithText(doc, '[role="dialog"], .modal, .pu-dialog', /inactivity warning/i, visibility)) {
        warnings.push('ProcessUnity\'s Inactivity Warning dialog is open: continue the session before filling.');
      }
      const questions = applyWebFormsConventions(doc, scan.questions);
      return { ...scan, questions, warnings, pageKind: nav ? `default-aspx:${nav}` : 'default-aspx' };
    },
  };
}

export const processunityAdapter = createProcessUnityAdapter({ layout: true });
