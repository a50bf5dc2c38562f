// Fields we never write: disabled, read-only, hidden, covered by something else (clickjacking), or in a
// sandboxed / opaque-origin frame. Every fill path passes through `refusalReason` first; the scan marks hidden
// questions with the same `hiddenReasonOf`, so the panel can say why and leave them out of bulk fill.
import { isServedDocument } from '../detect/deep-query';
import { isStyleVisible, VisibilityCheck } from '../detect/visibility';
import { labelsOf } from '../detect/label-index';
import { findWriter } from './writers';

/** Writers that answer by picking an option in a popup list. */
const LIST_WRITERS = new Set(['listbox', 'facade-select']);

function isDisabled(el: Element): boolean {
  if ((el as HTMLInputElement).disabled === true) return true;
  if (el.closest('fieldset[disabled]')) return true;
  return el.closest('[aria-disabled="true"]') !== null;
}

function isReadOnly(el: Element): boolean {
  if ((el as HTMLInputElement).readOnly === true) return true;
  if (el.getAttribute('aria-readonly') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  return editable === 'false';
}

function frameRefusal(el: Element): string | null {
  const view = el.ownerDocument.defaultView;
  if (!view || view.origin === 'null') return 'the field is in a sandboxed or opaque-origin frame';
  if (!isServedDocument(el.ownerDocument)) return 'the field is in a frame the page wrote itself (about:blank, srcdoc)';
  return null;
}

/** Clickjacking pages dim the whole document or filter it (AliasVault's and Bitwarden's checks). */
const MIN_PAGE_OPACITY = 0.9;

function pageRefusal(el: Element): string | null {
  const view = el.ownerDocument.defaultView;
  if (!view) return null;
  for (const node of [el.ownerDocument.documentElement, el.ownerDocument.body]) {
    if (!node) continue;
    const style = view.getComputedStyle(node);
    if (Number.parseFloat(style.opacity) < MIN_PAGE_OPACITY) return 'the page is made transparent';
    if (style.filter && style.filter !== 'none') return 'the page is filtered (possible overlay trick)';
  }
  return null;
}

function isCheckable(el: Element): boolean {
  return el.tagName === 'INPUT' && ((el as HTMLInputElement).type === 'checkbox' || (el as HTMLInputElement).type === 'radio');
}

/** The elements the analyst uses to answer through `writer`: the widget's facade, else the control itself. */
function usedElements(control: Element, writer: string): Element[] {
  try {
    const used = findWriter(writer)?.facade?.(control);
    return used && used.length > 0 ? used : [control];
  } catch {
    return [control];
  }
}

/**
 * Why the analyst cannot see the control of a question (every element they would use: each radio, the select2
 * facade...), or null. A radio or checkbox may be drawn by its label instead (custom-styled inputs); a text
 * field's label is no stand-in for the field.
 */
export function hiddenReasonOf(control: Element, writer: string, check: VisibilityCheck): string | null {
  for (const used of usedElements(control, writer)) {
    if (check.mode === 'fill') check.release();
    const reason = check.hiddenReason(used);
    if (!reason) continue;
    if (isCheckable(used) && labelsOf(used).some((label) => check.hiddenReason(label) === null)) continue;
    return reason;
  }
  return null;
}

/** Why `el` must not be filled, or null when it may be. With `layout`, also scrolls it into view and hit-tests it. */
export function refusalReason(el: Element, layout: boolean, writer = ''): string | null {
  const frame = frameRefusal(el);
  if (frame) return frame;
  if (isDisabled(el)) return 'the field is disabled';
  // A combobox's read-only text box is the face of a list one picks from, not a field one types in.
  const picked = el.getAttribute('role') === 'combobox' && LIST_WRITERS.has(writer) && el.getAttribute('aria-readonly') !== 'true';
  if (isReadOnly(el) && !picked) return 'the field is read-only';
  if (!layout) return isStyleVisible(el) || labelsOf(el).some((l) => isStyleVisible(l)) ? null : 'the field is hidden';
  const page = pageRefusal(el);
  if (page) return page;
  const check = new VisibilityCheck('fill');
  try {
    const hidden = hiddenReasonOf(el, writer, check);
    return hidden ? `the field is hidden: ${hidden}` : null;
  } finally {
    check.release();
  }
}
