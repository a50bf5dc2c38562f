// ARIA listbox and combobox: open the widget the way a user does, wait for the options, pick each by label
// with a click. Reading prefers the options marked aria-selected, then the combobox's own text or value.
import type { FieldWriter, WriteOptions } from '../types';
import { realClick } from '../dom-events';
import { requireOption, wantedLabels } from '../option-match';
import { controlledListbox } from '../../detect/controls';
import { normalizeText, readableText } from '../../detect/text';
import { waitFor } from '../wait-for';
import { FillRefusedError } from '../fill-errors';

const DEFAULT_TIMEOUT_MS = 3000;

function optionText(o: Element): string {
  let text = '';
  for (let c = o.firstChild; c; c = c.nextSibling) text += ' ' + (c.nodeType === 3 ? c.nodeValue ?? '' : c.nodeType === 1 ? readableText(c) : '');
  return normalizeText(text);
}

function optionsOf(listbox: Element): Element[] {
  return Array.from(listbox.querySelectorAll('[role="option"]')).filter((o) => o.getAttribute('aria-disabled') !== 'true');
}

function isOpen(combobox: Element, listbox: Element | null): boolean {
  if (!listbox) return false;
  const expanded = combobox.getAttribute('aria-expanded');
  return expanded !== 'false' && optionsOf(listbox).length > 0 && (listbox as HTMLElement).offsetParent !== null;
}

async function openListbox(combobox: Element, options: WriteOptions): Promise<Element> {
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!isOpen(combobox, controlledListbox(combobox))) {
    (combobox as HTMLElement).focus?.({ preventScroll: true });
    realClick(combobox);
  }
  return waitFor(() => {
    const lb = controlledListbox(combobox);
    return lb && isOpen(combobox, lb) ? lb : null;
  }, timeout, 'the listbox to open', options.signal);
}

/** Close a combobox we opened (Escape, as a user would; a click on the toggle if it stays open). */
function closeListbox(combobox: Element): void {
  combobox.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  if (isOpen(combobox, controlledListbox(combobox))) realClick(combobox);
}

export const listboxWriter: FieldWriter = {
  id: 'listbox',
  read(control, kind) {
    const listbox = control.getAttribute('role') === 'listbox' ? control : controlledListbox(control);
    const selected = listbox ? optionsOf(listbox).filter((o) => o.getAttribute('aria-selected') === 'true').map(optionText) : [];
    if (kind === 'multi-choice') return selected;
    if (selected[0]) return selected[0];
    const own = control.tagName === 'INPUT' ? (control as HTMLInputElement).value : optionText(control);
    return normalizeText(own) || null;
  },
  async write(control, value, kind, options) {
    const wanted = wantedLabels(value);
    const multiple = kind === 'multi-choice';
    if (!multiple && wanted.length !== 1) throw new FillRefusedError('a single-choice list takes exactly one label');
    const standalone = control.getAttribute('role') === 'listbox';
    // Every label is checked against the options before the first click, so a bad label changes nothing.
    const first = standalone ? control : await openListbox(control, options);
    const known = optionsOf(first).map(optionText);
    try {
      for (const label of wanted) requireOption(label, known);
    } catch (err) {
      if (!standalone) closeListbox(control);
      throw err;
    }
    for (const label of wanted) {
      const listbox = standalone ? control : await openListbox(control, options);
      const opts = optionsOf(listbox);
      const target = opts[requireOption(label, opts.map(optionText))] as Element;
      if (multiple && target.getAttribute('aria-selected') === 'true') continue;
      realClick(target);
      await new Promise((ok) => setTimeout(ok, 0));
    }
  },
};
