// ARIA listbox and combobox: open the widget the way a user does, wait for the options, pick each by label
// with a click, close the list again. Options slotted into a web component's listbox count as its own. Reading
// prefers the options marked aria-selected; a list rendered only while open is read through what its box shows.
import type { FieldWriter } from '../types';
import { realClick } from '../dom-events';
import { requireOption, wantedLabels } from '../option-match';
import { facadeBox, listboxOptionElements, rememberedLists } from '../../detect/facades';
import { controlledListbox, isListOpener } from '../../detect/controls';
import { normalizeText, readableText } from '../../detect/text';
import { FillRefusedError } from '../fill-errors';
import { closeList, facadeList, openList, optionCaption, pickInList, showsLabel, visibleText } from '../combobox-popup';

function optionText(o: Element): string {
  let text = '';
  for (let c = o.firstChild; c; c = c.nextSibling) text += ' ' + (c.nodeType === 3 ? c.nodeValue ?? '' : c.nodeType === 1 ? readableText(c) : '');
  return normalizeText(text) || optionCaption(o);
}

function optionsOf(listbox: Element): Element[] {
  return listboxOptionElements(listbox).filter((o) => o.getAttribute('aria-disabled') !== 'true');
}

function listOf(control: Element): Element | null {
  return control.getAttribute('role') === 'listbox' ? control : facadeList(control, facadeBox(control));
}

/** What the box of a closed combobox shows as its answer: its text without the placeholder, one line per chip. */
function shownAnswer(control: Element): string[] {
  const box = facadeBox(control);
  const placeholders = Array.from(box.querySelectorAll('[class*="placeholder" i]'), (p) => normalizeText(visibleText(p)));
  return visibleText(box)
    .split('\n')
    .map(normalizeText)
    .filter((line) => line && !placeholders.includes(line));
}

export const listboxWriter: FieldWriter = {
  id: 'listbox',
  facade: (control) => (control.tagName === 'INPUT' ? [facadeBox(control)] : [control]),
  read(control, kind) {
    const listbox = listOf(control);
    const options = listbox ? optionsOf(listbox) : [];
    const selected = options.filter((o) => o.getAttribute('aria-selected') === 'true').map(optionText);
    if (selected.length > 0 || (options.length > 0 && control.tagName === 'INPUT')) return kind === 'multi-choice' ? selected : (selected[0] ?? null);
    if (control.tagName === 'INPUT' && !(control as HTMLInputElement).readOnly && options.length === 0) {
      // A closed single-choice combobox that shows its answer in its own text box (MUI's Autocomplete).
      const own = normalizeText((control as HTMLInputElement).value);
      if (kind !== 'multi-choice' && own) return own;
      const shown = shownAnswer(control);
      return kind === 'multi-choice' ? shown : (shown[0] ?? null);
    }
    if (kind === 'multi-choice') {
      // A closed select-like combobox shows its answers inside itself, one chip a line (MUI's multiple Select).
      if (control.getAttribute('role') === 'combobox' && options.length === 0) return visibleText(control).split('\n').map(normalizeText).filter(Boolean);
      // A closed list button shows its answers in its caption, in whatever layout: the known options it shows.
      const known = rememberedLists.get(control)?.options;
      if (isListOpener(control) && options.length === 0 && known) return known.filter((label) => showsLabel(visibleText(control), label));
      return selected;
    }
    const own = control.tagName === 'INPUT' ? (control as HTMLInputElement).value : optionText(control);
    return normalizeText(own) || null;
  },
  kindNow(control, scanned) {
    return scanned === 'single-choice' && rememberedLists.get(control)?.multiple ? 'multi-choice' : scanned;
  },
  async write(control, value, kind, options) {
    const wanted = wantedLabels(value);
    const standalone = control.getAttribute('role') === 'listbox';
    let multiple = kind === 'multi-choice';
    // Whether the scan could read the list while closed; a list that opens only on demand names itself once open.
    const readClosed = standalone || controlledListbox(control) !== null || rememberedLists.has(control);
    if (!multiple && wanted.length !== 1 && readClosed) throw new FillRefusedError('a single-choice list takes exactly one label');
    const box = standalone ? control : facadeBox(control);
    try {
      // Every label is checked against the options before the first click, so a bad label changes nothing.
      const first = standalone ? control : await openList(control, box, options);
      const known = optionsOf(first).map(optionText);
      if (!readClosed) {
        // A list the scan could not read (it was never opened): what it offers is known now.
        multiple = multiple || first.getAttribute('aria-multiselectable') === 'true';
        rememberedLists.set(control, { options: known, multiple });
      }
      if (!multiple && wanted.length !== 1) throw new FillRefusedError('a single-choice list takes exactly one label');
      const already = multiple ? wantedLabels(listboxWriter.read(control, 'multi-choice')) : [];
      for (const label of wanted) if (!already.includes(label)) requireOption(label, [...known, ...already]);
      for (const label of wanted) {
        if (already.includes(label)) continue;
        if (standalone) {
          const opts = optionsOf(control);
          const target = opts[requireOption(label, opts.map(optionText))] as Element;
          if (multiple && target.getAttribute('aria-selected') === 'true') continue;
          realClick(target);
          await new Promise((ok) => setTimeout(ok, 0));
          continue;
        }
        const list = await openList(control, box, options);
        const opts = optionsOf(list);
        const target = opts[requireOption(label, opts.map(optionText))] as Element;
        if (multiple && target.getAttribute('aria-selected') === 'true') continue;
        await pickInList(control, box, optionText(target), options);
      }
    } catch (err) {
      // The reason the fill stopped (an unknown option, say) is reported, not a list that was slow to close.
      if (!standalone) await closeList(control, box, options).catch(() => undefined);
      throw err;
    }
    if (!standalone) await closeList(control, box, options);
  },
};
