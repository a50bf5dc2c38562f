// Pass 2: ordered label strategies. Each looks for a unit's question text in one place and says where it
// found it (the `LabelSource`), so fixtures can assert why a question was recognised, not only that it was.
import type { LabelSource } from '../schema';
import { CONTROL_SELECTOR, type ControlUnit } from './controls';
import { getByIdInScope } from './deep-query';
import { normalizeText, readableText, referencedText } from './text';
import type { LabelIndex } from './label-index';

export interface LabelHit {
  text: string;
  source: LabelSource;
  /** A question number found beside the text (e.g. the id cell of a table row). */
  number?: string;
}

export type LabelStrategy = (unit: ControlUnit) => LabelHit | null;

/** Texts shorter than this are captions ("Yes", "*"), not questions. */
const MIN_TEXT = 2;

function hit(text: string, source: LabelSource, number?: string): LabelHit | null {
  const t = normalizeText(text);
  if (t.length < MIN_TEXT || !/\p{L}/u.test(t)) return null;
  return number ? { text: t, source, number } : { text: t, source };
}

function isGroup(unit: ControlUnit): boolean {
  return unit.el !== unit.members[0];
}

function containsControl(node: Node): boolean {
  return node.nodeType === 1 && ((node as Element).matches(CONTROL_SELECTOR) || (node as Element).querySelector(CONTROL_SELECTOR) !== null);
}

export const byAriaLabelledBy: LabelStrategy = (unit) => {
  const ids = unit.el.getAttribute('aria-labelledby');
  if (!ids) return null;
  // A dropdown that names itself by its shown value or its highlighted option (jQuery UI's selectmenu does) names
  // the answer, not the question: references into the control itself or into an option list are skipped. A group
  // may hold its own (often hidden) name node, as long as that node holds none of the controls.
  const insideOk = (n: Element) => !unit.el.contains(n) || (isGroup(unit) && !containsControl(n));
  const text = ids
    .split(/\s+/)
    .map((id) => getByIdInScope(unit.el, id))
    .filter((n): n is Element => n !== null && insideOk(n) && !n.closest('[role="option"], [role="listbox"]'))
    .map((n) => referencedText(n))
    .join(' ');
  return hit(text, 'aria-labelledby');
};

/**
 * Options slotted into a web component (radios of a radio group element): the group that names them is the
 * radiogroup / group / fieldset around their slot, inside the component's shadow root.
 */
export const bySlotGroup: LabelStrategy = (unit) => {
  const slot = (unit.members[0] as Element | undefined)?.assignedSlot;
  const group = slot?.closest('[role="radiogroup"], [role="group"], fieldset');
  if (!group) return null;
  const ids = group.getAttribute('aria-labelledby');
  if (ids) {
    const text = ids
      .split(/\s+/)
      .map((id) => getByIdInScope(group, id))
      .filter((n): n is Element => n !== null)
      .map((n) => referencedText(n))
      .join(' ');
    const found = hit(text, 'aria-labelledby');
    if (found) return found;
  }
  const legend = Array.from(group.children).find((c) => c.tagName === 'LEGEND');
  if (legend) return hit(readableText(legend), 'fieldset-legend');
  return hit(group.getAttribute('aria-label') ?? '', 'aria-label');
};

/** `<label for>` of a single control; a wrapping `<label>` counts as `label-wrap`. */
export function byLabelElement(index: LabelIndex): LabelStrategy {
  return (unit) => {
  if (isGroup(unit)) return null;
  const el = unit.el;
  const labels = [...index.labelsOf(el), ...(unit.fronts ? index.labelsOf(unit.fronts) : [])];
  for (const label of labels) {
    const forId = label.getAttribute('for');
    const source: LabelSource = forId && (forId === el.id || forId === unit.fronts?.id) ? 'label-for' : 'label-wrap';
    const found = hit(readableText(label), source);
    if (found) return found;
  }
  return null;
  };
}

/** The legend of the smallest fieldset around a radio/checkbox group that holds only this question. */
export function byFieldsetLegend(isOnlyUnitIn: (container: Element, unit: ControlUnit) => boolean): LabelStrategy {
  return (unit) => {
    const fieldset = unit.el.closest('fieldset') ?? (unit.el.tagName === 'FIELDSET' ? unit.el : null);
    if (!fieldset) return null;
    const legend = Array.from(fieldset.children).find((c) => c.tagName === 'LEGEND');
    if (!legend || !isOnlyUnitIn(fieldset, unit)) return null;
    return hit(readableText(legend), 'fieldset-legend');
  };
}

/** A control inside `<dd>` is labelled by the `<dt>` before it. */
export const byDefinitionList: LabelStrategy = (unit) => {
  const dd = unit.el.closest('dd');
  if (!dd) return null;
  for (let sib = dd.previousElementSibling; sib; sib = sib.previousElementSibling) {
    if (sib.tagName === 'DT') return hit(readableText(sib), 'definition-list');
  }
  return null;
};

const NUMBER_CELL = /^(?:[A-Z]{1,4}[-.]?)?\d+(?:\.\d+)*[a-z]?\.?$/u;

/**
 * In a table row: the longest text cell without controls is the question; a short numbered cell is its number.
 * A group spread over the row's cells (a matrix row: one option per shared column) is the row itself.
 */
export const byTableRow: LabelStrategy = (unit) => {
  // A matrix row names itself; a row of option cells nested in a layout table's cell is named by that outer row.
  if (unit.el.tagName === 'TR') return rowLabel(unit.el, null, unit.options) ?? rowLabel(unit.el.parentElement?.closest('td, th')?.parentElement ?? null, unit.el.parentElement?.closest('td, th') ?? null);
  const cell = unit.el.closest('td, th');
  return rowLabel(cell?.parentElement ?? null, cell);
};

function rowLabel(row: Element | null, cell: Element | null, captions: string[] = []): LabelHit | null {
  if (!row || row.tagName !== 'TR') return null;
  let best = '';
  let number: string | undefined;
  for (const c of Array.from(row.children)) {
    if (c === cell || containsControl(c)) continue;
    const text = readableText(c);
    // A cell that only captions an option of the row ("Yes" beside its radio) is not the question.
    if (captions.includes(text)) continue;
    if (!number && NUMBER_CELL.test(text)) {
      number = text.replace(/\.$/, '');
      continue;
    }
    if (text.length > best.length) best = text;
  }
  return hit(best, 'table-row', number);
}

/** The column header above the control's cell (same index in the first header row). */
export const byTableHeader: LabelStrategy = (unit) => {
  const cell = unit.el.closest('td, th') as HTMLTableCellElement | null;
  const table = cell?.closest('table');
  if (!cell || !table) return null;
  const headerRow = table.querySelector('thead tr') ?? table.querySelector('tr');
  if (!headerRow || headerRow === cell.parentElement) return null;
  let col = 0;
  for (const c of Array.from(cell.parentElement?.children ?? [])) {
    if (c === cell) break;
    col += (c as HTMLTableCellElement).colSpan || 1;
  }
  let at = 0;
  for (const h of Array.from(headerRow.children)) {
    const span = (h as HTMLTableCellElement).colSpan || 1;
    if (col >= at && col < at + span) return hit(readableText(h), 'table-header');
    at += span;
  }
  return null;
};

export const byAriaLabel: LabelStrategy = (unit) => hit(unit.el.getAttribute('aria-label') ?? '', 'aria-label');

/**
 * Text before the control: previous siblings of the control and of up to four ancestors, stopping at a sibling
 * that holds another control (that text belongs to another question), as Chromium's div-table heuristic does.
 */
export const byPrecedingText: LabelStrategy = (unit) => {
  // For a group, start at the first option: the question often sits inside the group's container, before it.
  const first = unit.members[0] ?? unit.el;
  // An option's own caption (`<label for>` beside its radio, as MUI's Rating lays them out) is not the question.
  const captions = new Set<Node>(unit.members.flatMap((m) => Array.from((m as HTMLInputElement).labels ?? [])));
  let node: Element | null = isGroup(unit) ? (first.closest('label') ?? first) : unit.el;
  for (let depth = 0; node && depth < 5; depth++) {
    for (let sib = node.previousSibling; sib; sib = sib.previousSibling) {
      if (captions.has(sib)) continue;
      if (containsControl(sib)) return null;
      const text = sib.nodeType === 3 ? sib.nodeValue ?? '' : sib.nodeType === 1 ? readableText(sib) : '';
      const found = hit(text, 'preceding-text');
      if (found) return found;
    }
    const parent: Element | null = node.parentElement;
    if (!parent || parent.tagName === 'FORM' || parent.tagName === 'BODY' || parent.tagName === 'TD' || parent.tagName === 'DD') return null;
    node = parent;
  }
  return null;
};

export const byPlaceholder: LabelStrategy = (unit) =>
  hit(unit.el.getAttribute('placeholder') ?? unit.el.getAttribute('data-placeholder') ?? '', 'placeholder');

export const byTitle: LabelStrategy = (unit) => hit(unit.el.getAttribute('title') ?? '', 'title');

/** Help text: what `aria-describedby` points at. */
export function describedBy(el: Element): string | undefined {
  const ids = el.getAttribute('aria-describedby');
  if (!ids) return undefined;
  const text = ids
    .split(/\s+/)
    .map((id) => getByIdInScope(el, id))
    .filter((n): n is Element => n !== null)
    .map((n) => referencedText(n))
    .join(' ');
  return normalizeText(text) || undefined;
}

/** The strategies in the order they are tried; the first hit wins. */
export function labelStrategies(isOnlyUnitIn: (container: Element, unit: ControlUnit) => boolean, index: LabelIndex): LabelStrategy[] {
  return [
    byAriaLabelledBy,
    bySlotGroup,
    byLabelElement(index),
    byFieldsetLegend(isOnlyUnitIn),
    byDefinitionList,
    byTableRow,
    byAriaLabel,
    byPrecedingText,
    byTableHeader,
    byPlaceholder,
    byTitle,
  ];
}

export function findLabel(unit: ControlUnit, strategies: LabelStrategy[]): LabelHit | null {
  for (const strategy of strategies) {
    const found = strategy(unit);
    if (found) return found;
  }
  return null;
}
