// Pass 1 of the generic detector: find the fillable controls of a tree scope and classify each into a unit
// (one text box, one select, one radio group, one button group...) with its kind, writer and option labels.
import type { QuestionKind } from '../schema';
import { comparableText, normalizeText, readableText } from './text';
import { getByIdInScope, type QueryRoot } from './deep-query';
import { labelsOf, type LabelIndex } from './label-index';
import { frontedOptions, frontedSelect, listboxOptionElements, plainListBox, rememberedLists } from './facades';
import { dateSectionsOf } from './date-sections';

/** Every element that can hold an answer, or be part of a group that does. */
export const CONTROL_SELECTOR = [
  'input',
  'select',
  'textarea',
  '[contenteditable]:not([contenteditable="false"])',
  '[role="textbox"]',
  '[role="combobox"]',
  'button[aria-haspopup="listbox"]:not([role]):not([tabindex="-1"])',
  '[role="listbox"]',
  '[role="radio"]',
  '[role="checkbox"]',
  '[role="switch"]',
  '[role="spinbutton"]',
  'button[aria-pressed]',
  '[role="button"][aria-pressed]',
].join(', ');

/**
 * A list opener: a combobox, or a plain button that pops up a listbox (Headless UI's Listbox, the ARIA
 * "select-only" pattern without the role). Both are one choice question whose list may exist only while open. A
 * list button kept out of the tab order is the toggle of a combobox's text box (Headless UI's ComboboxButton).
 */
export const LIST_OPENER_SELECTOR = '[role="combobox"], button[aria-haspopup="listbox"]:not([role]):not([tabindex="-1"])';
export function isListOpener(el: Element): boolean {
  return el.matches(LIST_OPENER_SELECTOR);
}

const TEXT_INPUT_TYPES = new Set(['', 'text', 'email', 'url', 'tel']);
/** A text box that is a date picker: a date format as placeholder, a picker popup, or "date" in its class or id. */
const DATE_FORMAT = /\b(yyyy|yy|dd|mm)\b[-/. ]?(mm|dd|yyyy|yy)\b/i;
const DATE_NAME = /datepicker|date-?picker|(^|[-_\s])date([-_\s]|$)/i;
const DATE_INPUT_TYPES = new Set(['date', 'datetime-local', 'month', 'week', 'time']);

/** A control, or a group of controls that answer one question together. */
export interface ControlUnit {
  /** The element registered for the question: the control itself, or the group's container. */
  el: Element;
  /** The individual controls (radios, checkboxes, buttons; or just `el`). */
  members: Element[];
  kind: QuestionKind;
  writer: string;
  options: string[];
  /** Attachment inputs are companions, never questions of their own unless nothing precedes them. */
  isFile: boolean;
  /** The concealed native select a facade fronts (its labels name the question too). */
  fronts?: Element;
}

const YES = new Set(['yes', 'y', 'true']);
const NO = new Set(['no', 'n', 'false']);
const NA = new Set(['n/a', 'na', 'not applicable', 'n.a', 'not-applicable']);

/** Options that are exactly Yes/No (optionally N/A) make a yes/no question. */
export function isYesNoOptions(options: string[]): boolean {
  const c = options.map(comparableText);
  if (c.length < 2 || c.length > 3) return false;
  return c.some((o) => YES.has(o)) && c.some((o) => NO.has(o)) && c.every((o) => YES.has(o) || NO.has(o) || NA.has(o));
}

function choiceKind(options: string[], multiple: boolean): QuestionKind {
  if (multiple) return 'multi-choice';
  return isYesNoOptions(options) ? 'yesno' : 'single-choice';
}

/** The caption of one option control: its labels, aria-label, or the text right after it. */
export function optionLabel(el: Element): string {
  return optionLabelIn(el);
}

/** `optionLabel` with a scan's label index (fast for many controls). */
export function optionLabelIn(el: Element, index?: LabelIndex): string {
  const labelled = el.getAttribute('aria-labelledby');
  if (labelled) {
    const text = labelled
      .split(/\s+/)
      .map((id) => getByIdInScope(el, id))
      .filter((n): n is Element => n !== null)
      .map((n) => readableText(n))
      .join(' ');
    if (text) return normalizeText(text);
  }
  const labels = index ? index.labelsOf(el) : labelsOf(el);
  if (labels.length > 0) {
    const text = Array.from(labels, (l) => readableText(l)).join(' ');
    if (text) return text;
  }
  const aria = el.getAttribute('aria-label');
  if (aria) return normalizeText(aria);
  if (el.tagName !== 'INPUT') {
    const text = readableOwnText(el);
    if (text) return text;
  }
  for (let sib = el.nextSibling; sib; sib = sib.nextSibling) {
    if (sib.nodeType === 1 && (sib as Element).matches(CONTROL_SELECTOR)) break;
    const text = sib.nodeType === 3 ? normalizeText(sib.nodeValue ?? '') : sib.nodeType === 1 ? readableText(sib) : '';
    if (text) return text;
  }
  const column = columnHeaderOf(el);
  if (column) return column;
  return normalizeText(el.getAttribute('value') ?? el.getAttribute('title') ?? '');
}

/**
 * The header of the table column a control's cell sits in, when the cell says nothing itself: a matrix row's
 * options are named by the shared columns above them.
 */
function columnHeaderOf(el: Element): string {
  const cell = el.closest('td, th') as HTMLTableCellElement | null;
  const row = cell?.parentElement;
  const table = row?.closest('table');
  if (!cell || !row || !table || readableText(cell)) return '';
  const headerRow = table.querySelector('thead tr') ?? table.querySelector('tr');
  if (!headerRow || headerRow === row) return '';
  let col = 0;
  for (const c of Array.from(row.children)) {
    if (c === cell) break;
    col += (c as HTMLTableCellElement).colSpan || 1;
  }
  let at = 0;
  for (const h of Array.from(headerRow.children)) {
    const span = (h as HTMLTableCellElement).colSpan || 1;
    if (col >= at && col < at + span) return readableText(h);
    at += span;
  }
  return '';
}

/** Text of a button-like element, its own children included (buttons are skipped by readableText). */
function readableOwnText(el: Element): string {
  let text = '';
  for (let child = el.firstChild; child; child = child.nextSibling) {
    text += ' ' + (child.nodeType === 3 ? child.nodeValue ?? '' : child.nodeType === 1 ? readableText(child) : '');
  }
  return normalizeText(text);
}

/** Options of a native select, without placeholder entries (empty value, e.g. "-- Select --"). */
export function selectOptions(select: HTMLSelectElement): string[] {
  return Array.from(select.options)
    .filter((o) => o.value !== '' && !o.disabled)
    .map((o) => normalizeText(o.label || o.text));
}

/** Options of an ARIA listbox (role=option descendants). */
export function listboxOptions(listbox: Element): string[] {
  return listboxOptionElements(listbox).map((o) => readableOwnText(o)).filter(Boolean);
}

/** A text input used as a date picker (see DATE_FORMAT, DATE_NAME). */
export function isDatePickerInput(input: HTMLInputElement): boolean {
  if (DATE_FORMAT.test(input.placeholder)) return true;
  const popup = input.getAttribute('aria-haspopup');
  if (popup === 'dialog' || popup === 'grid') return true;
  return [input.className, input.id, input.name].some((s) => typeof s === 'string' && DATE_NAME.test(s));
}

/** The listbox a combobox controls (aria-controls / aria-owns), in its tree scope. */
export function controlledListbox(combobox: Element): Element | null {
  for (const attr of ['aria-controls', 'aria-owns']) {
    const ids = combobox.getAttribute(attr);
    if (!ids) continue;
    for (const id of ids.split(/\s+/)) {
      const target = getByIdInScope(combobox, id);
      if (target) return target.getAttribute('role') === 'listbox' ? target : target.querySelector('[role="listbox"]');
    }
  }
  return null;
}

/** Lowest common ancestor of several elements of one tree scope. */
export function commonAncestor(elements: Element[]): Element {
  const [first, ...rest] = elements;
  if (!first) throw new Error('commonAncestor needs at least one element');
  let anc: Element = first;
  while (rest.some((el) => !anc.contains(el)) && anc.parentElement) anc = anc.parentElement;
  return anc;
}

function isEditableRoot(el: Element): boolean {
  const parent = el.parentElement;
  if (!parent) return true;
  const inherited = parent.closest('[contenteditable]');
  return !inherited || inherited.getAttribute('contenteditable') === 'false';
}

/** Classify the controls of one tree scope into units, in document order. */
export function collectUnits(root: QueryRoot | Element, index?: LabelIndex): ControlUnit[] {
  const label = (el: Element) => optionLabelIn(el, index);
  const units: ControlUnit[] = [];
  const radioGroups = new Map<string, Element[]>();
  const checkboxGroups = new Map<Element, Element[]>();
  const buttonGroups = new Map<Element, Element[]>();
  const controlledListboxes = new Set<Element>();
  const dateGroups = new Set<Element>();
  const order = new Map<Element, number>();

  const all = root.querySelectorAll(CONTROL_SELECTOR);
  all.forEach((el, i) => order.set(el, i));
  for (const el of all) {
    if (isListOpener(el)) {
      const lb = controlledListbox(el);
      if (lb) controlledListboxes.add(lb);
    }
  }
  // Facades over concealed native selects: the facade is the question's control, the select is not listed.
  const facades = new Map<Element, HTMLSelectElement>();
  const fronted = new Set<Element>();
  const facadeParts = new Set<Element>();
  for (const el of all) {
    const role = el.getAttribute('role');
    if (role !== 'combobox' && role !== 'listbox') continue;
    if (controlledListboxes.has(el) || [...facades.keys()].some((f) => f.contains(el))) continue;
    const select = frontedSelect(el);
    if (!select) continue;
    // A second facade role of the same select is part of that widget (the search box of its open menu).
    if (fronted.has(select)) {
      facadeParts.add(el);
      continue;
    }
    facades.set(el, select);
    fronted.add(select);
  }
  // Boxes drawn without ARIA over concealed selects (Chosen): the box is the control, its search box is not.
  const plainBoxes = new Map<Element, HTMLSelectElement>();
  for (const el of all) {
    if (el.tagName !== 'SELECT' || fronted.has(el)) continue;
    const box = plainListBox(el as HTMLSelectElement);
    if (box) plainBoxes.set(el, el as HTMLSelectElement).set(box, el as HTMLSelectElement);
  }
  const insideFacade = (el: Element) =>
    [...facades.keys()].some((f) => f !== el && f.contains(el)) || [...plainBoxes.keys()].some((b) => b.tagName !== 'SELECT' && b.contains(el));

  for (const el of all) {
    const tag = el.tagName;
    const role = el.getAttribute('role');
    if (fronted.has(el) || facadeParts.has(el) || insideFacade(el)) continue;
    const select = facades.get(el);
    if (select) {
      const options = frontedOptions(select);
      units.push({ el, members: [el], kind: choiceKind(options, select.multiple), writer: 'facade-select', options, isFile: false, fronts: select });
      continue;
    }
    if (tag === 'INPUT') {
      const input = el as HTMLInputElement;
      const type = input.type.toLowerCase();
      if (type === 'radio') {
        // Radios group by name within their form (or tree scope); nameless radios by their shared parent block.
        const key = input.name
          ? `${objectId(input.form ?? root)}:${input.name}`
          : `p:${objectId(input.closest('label')?.parentElement ?? input.parentElement ?? input)}`;
        const list = radioGroups.get(key) ?? [];
        list.push(input);
        radioGroups.set(key, list);
        continue;
      }
      if (type === 'checkbox' && role === 'switch') {
        units.push({ el, members: [el], kind: 'yesno', writer: 'switch', options: ['Yes', 'No'], isFile: false });
        continue;
      }
      if (type === 'checkbox') {
        const container = checkboxContainer(input);
        const list = checkboxGroups.get(container) ?? [];
        list.push(input);
        checkboxGroups.set(container, list);
        continue;
      }
      if (type === 'file') {
        units.push({ el, members: [el], kind: 'file', writer: 'file', options: [], isFile: true });
        continue;
      }
      if (role === 'combobox') {
        units.push(comboboxUnit(el));
        continue;
      }
      // The concealed input a spin-button date field keeps its value in is that field's, not a question.
      if (dateSectionsOf(el)) continue;
      if (TEXT_INPUT_TYPES.has(type) && isDatePickerInput(input)) units.push({ el, members: [el], kind: 'date', writer: 'date', options: [], isFile: false });
      else if (TEXT_INPUT_TYPES.has(type)) units.push({ el, members: [el], kind: 'text', writer: 'input', options: [], isFile: false });
      else if (type === 'number') units.push({ el, members: [el], kind: 'number', writer: 'input', options: [], isFile: false });
      else if (DATE_INPUT_TYPES.has(type)) units.push({ el, members: [el], kind: 'date', writer: 'date', options: [], isFile: false });
      continue;
    }
    if (tag === 'SELECT') {
      const select = el as HTMLSelectElement;
      const box = plainBoxes.has(select) ? select.nextElementSibling : null;
      if (box) {
        const options = frontedOptions(select);
        units.push({ el: box, members: [box], kind: choiceKind(options, select.multiple), writer: 'plain-list', options, isFile: false, fronts: select });
        continue;
      }
      const options = selectOptions(select);
      units.push({ el, members: [el], kind: choiceKind(options, select.multiple), writer: 'select', options, isFile: false });
      continue;
    }
    if (tag === 'TEXTAREA') {
      units.push({ el, members: [el], kind: 'textarea', writer: 'textarea', options: [], isFile: false });
      continue;
    }
    if (role === 'spinbutton') {
      // The sections of one date field are one question; other spin buttons hold no answer of their own.
      const date = dateSectionsOf(el);
      if (date && !dateGroups.has(date.group)) {
        dateGroups.add(date.group);
        // The group is a member too: an empty field under its floating label shows the box, not the sections.
        units.push({ el: date.group, members: [el, date.group], kind: 'date', writer: 'date-sections', options: [], isFile: false });
      }
      continue;
    }
    if (role === 'switch') {
      // A switch that is not a native checkbox: yes/no, with no answer until aria-checked says on or off.
      units.push({ el, members: [el], kind: 'yesno', writer: 'switch', options: ['Yes', 'No'], isFile: false });
      continue;
    }
    if (role === 'radio' || role === 'checkbox' || el.hasAttribute('aria-pressed')) {
      const container = el.closest('[role="radiogroup"], [role="group"], [role="toolbar"]') ?? el.parentElement ?? el;
      const list = buttonGroups.get(container) ?? [];
      list.push(el);
      buttonGroups.set(container, list);
      continue;
    }
    if (role === 'combobox' || isListOpener(el)) {
      units.push(comboboxUnit(el));
      continue;
    }
    if (role === 'listbox') {
      if (controlledListboxes.has(el)) continue;
      const options = listboxOptions(el);
      const multiple = el.getAttribute('aria-multiselectable') === 'true';
      units.push({ el, members: [el], kind: choiceKind(options, multiple), writer: 'listbox', options, isFile: false });
      continue;
    }
    if (el.hasAttribute('contenteditable') || role === 'textbox') {
      if (!isEditableRoot(el)) continue;
      units.push({ el, members: [el], kind: 'richtext', writer: 'contenteditable', options: [], isFile: false });
    }
  }

  for (const group of radioGroups.values()) {
    const members = answerRadios(group as HTMLInputElement[]);
    const options = members.map(label);
    units.push({ el: groupContainer(members), members, kind: choiceKind(options, false), writer: 'radio-group', options, isFile: false });
  }
  for (const members of checkboxGroups.values()) {
    const options = members.map(label);
    const single = members.length === 1;
    units.push({
      el: single ? (members[0] as Element) : groupContainer(members),
      members,
      kind: single ? 'yesno' : 'multi-choice',
      writer: 'checkbox-group',
      options: single ? ['Yes', 'No'] : options,
      isFile: false,
    });
  }
  for (const [container, members] of buttonGroups) {
    const options = members.map(label);
    // role=checkbox buttons and independent toggles (aria-pressed outside a radiogroup) allow several answers,
    // unless the toggles are exactly Yes/No.
    const toggles = members.every((m) => m.hasAttribute('aria-pressed')) && container.getAttribute('role') !== 'radiogroup';
    const multiple = members.every((m) => m.getAttribute('role') === 'checkbox') || (toggles && !isYesNoOptions(options));
    units.push({ el: container, members, kind: choiceKind(options, multiple), writer: 'button-group', options, isFile: false });
  }

  // Groups were appended after the single controls: restore document order by their first member.
  const pos = (u: ControlUnit) => order.get(u.members[0] as Element) ?? (u.fronts ? order.get(u.fronts) : undefined) ?? 0;
  return units.sort((a, b) => pos(a) - pos(b));
}

/**
 * The radios of a group that are answers: a radio with an empty value beside valued ones is the group's "no
 * answer yet" state (MUI's Rating keeps one, captioned "Empty"), not an option a person picks.
 */
export function answerRadios(radios: HTMLInputElement[]): HTMLInputElement[] {
  const valued = radios.filter((r) => r.getAttribute('value') !== '');
  return valued.length > 0 ? valued : radios;
}

const objectIds = new WeakMap<object, number>();
let nextObjectId = 0;
function objectId(obj: object): number {
  let id = objectIds.get(obj);
  if (id === undefined) {
    id = nextObjectId++;
    objectIds.set(obj, id);
  }
  return id;
}

function comboboxUnit(el: Element): ControlUnit {
  const lb = controlledListbox(el);
  const remembered = lb ? undefined : rememberedLists.get(el);
  const options = lb ? listboxOptions(lb) : (remembered?.options ?? []);
  const multiple = lb ? lb.getAttribute('aria-multiselectable') === 'true' : remembered?.multiple === true;
  return { el, members: [el], kind: choiceKind(options, multiple), writer: 'listbox', options, isFile: false };
}

/** The container of a radio or checkbox group: a fieldset / ARIA group if present, else the lowest common ancestor. */
function groupContainer(members: Element[]): Element {
  const first = members[0] as Element;
  const explicit = first.closest('fieldset, [role="radiogroup"], [role="group"]');
  if (explicit && members.every((m) => explicit.contains(m))) {
    const lca = commonAncestor(members);
    return explicit.contains(lca) && lca !== explicit && members.length > 1 ? lca : explicit;
  }
  if (members.length === 1) return first.closest('label') ?? first;
  return commonAncestor(members);
}

/**
 * Checkboxes with distinct names still form one question when they share a fieldset, ARIA group, cell or list;
 * otherwise the nearest ancestor that holds only checkboxes as controls.
 */
function checkboxContainer(input: HTMLInputElement): Element {
  const explicit = input.closest('fieldset, [role="group"], td, dd');
  if (explicit) return explicit;
  let container: Element = input.closest('label') ?? input;
  for (let depth = 0; depth < 4; depth++) {
    const parent = container.parentElement;
    if (!parent) break;
    const controls = parent.querySelectorAll(CONTROL_SELECTOR);
    if (Array.from(controls).some((c) => (c as HTMLInputElement).type !== 'checkbox')) break;
    container = parent;
  }
  return container;
}
