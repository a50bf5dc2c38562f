// select2 v3 (ServiceNow Service Portal choice lists): the page's model only hears select2's own change event,
// so the writer drives select2's UI — mousedown on the choice to open, mouseup on the result to pick — and
// verifies the chosen label. Setting the hidden <select> would change the DOM and leave the model untouched.
// Clearing (undo of a fill) also goes through the UI: the list's empty "-- None --" option, else allowClear's ×.
import type { FieldWriter, WriteOptions } from '../types';
import { normalizeText } from '../../detect/text';
import { selectOptions } from '../../detect/controls';
import { FillRefusedError } from '../fill-errors';
import { requireOption, wantedLabels } from '../option-match';
import { readUntilStable, waitFor } from '../wait-for';

const DEFAULT_TIMEOUT_MS = 3000;
/**
 * A ServiceNow survey re-renders a choice list in the digest after a pick: select2 shows "-- None --" for ~20 ms,
 * then the answer again. A read-back must hold this long before it is believed.
 */
const SETTLE_MS = 60;
/** How long the empty choice may show after a pick before the pick counts as rejected. */
const EMPTY_FLIP_MAX_MS = 2000;

/** The select2 container for a registered control: the container itself, or the original element it decorates. */
function containerOf(control: Element): Element {
  if (control.classList.contains('select2-container')) return control;
  const prev = control.previousElementSibling;
  if (prev?.classList.contains('select2-container')) return prev;
  throw new FillRefusedError('this field is not a select2 widget any more (no .select2-container)');
}

/** select2 v3 keeps the original element right after its container. */
function sourceOf(container: Element): HTMLSelectElement {
  const next = container.nextElementSibling;
  if (next?.tagName !== 'SELECT') throw new FillRefusedError('the select2 widget has no <select> after its container');
  return next as HTMLSelectElement;
}

/** The options that stand for "no answer": value "" with a label ("-- None --"), as spChoiceList renders them. */
function noneOptionLabels(container: Element): string[] {
  const next = container.nextElementSibling;
  if (next?.tagName !== 'SELECT') return [];
  return Array.from((next as HTMLSelectElement).options)
    .filter((o) => o.value === '')
    .map((o) => normalizeText(o.label || o.text))
    .filter(Boolean);
}

/** The text the widget shows, placeholder or "-- None --" included, for failure messages. */
function shownText(container: Element): string {
  return normalizeText(container.querySelector('.select2-chosen')?.textContent ?? '') || '(nothing)';
}

function readChosen(container: Element): string {
  const choice = container.querySelector('.select2-choice');
  if (!choice || choice.classList.contains('select2-default')) return '';
  const shown = normalizeText(container.querySelector('.select2-chosen')?.textContent ?? '');
  return noneOptionLabels(container).includes(shown) ? '' : shown;
}

function mouse(el: Element, type: 'mousedown' | 'mouseup'): void {
  const view = el.ownerDocument.defaultView;
  const Ctor = view?.MouseEvent ?? MouseEvent;
  el.dispatchEvent(new Ctor(type, { bubbles: true, cancelable: true, composed: true, button: 0, view }));
}

function isOpen(container: Element): boolean {
  return container.classList.contains('select2-dropdown-open');
}

/** The open dropdown: select2 v3 moves the active one to the body and gives it id select2-drop. */
function openDropdown(doc: Document): Element | null {
  const drop = doc.getElementById('select2-drop');
  return drop && drop.classList.contains('select2-drop-active') ? drop : null;
}

function close(container: Element): void {
  if (!isOpen(container)) return;
  const choice = container.querySelector('.select2-choice');
  if (choice) mouse(choice, 'mousedown');
}

/**
 * select2 raises its change event only when the picked id differs from the <select>'s current value. If the hidden
 * <select> already holds the target (set by a script without select2 knowing), the pick would show the label and
 * leave the model behind; clearing the value first, without any event, makes select2 announce the pick.
 */
function resyncSource(source: HTMLSelectElement, target: string): void {
  const option = Array.from(source.options).find((o) => o.value !== '' && normalizeText(o.label || o.text) === target);
  if (option && source.value === option.value) source.selectedIndex = -1;
}

/** Open the list, mouseup on the result labelled `target`, wait for the list to close. */
async function pick(container: Element, target: string, options: WriteOptions): Promise<void> {
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const choice = container.querySelector('.select2-choice');
  if (!choice) throw new FillRefusedError('the select2 widget has no .select2-choice to open');
  const doc = container.ownerDocument;
  mouse(choice, 'mousedown');
  try {
    const drop = await waitFor(() => isOpen(container) && openDropdown(doc), timeout, 'the select2 list to open', options.signal);
    const result = await waitFor(
      () =>
        Array.from(drop.querySelectorAll('.select2-result-selectable')).find(
          (li) => normalizeText(li.querySelector('.select2-result-label')?.textContent ?? '') === target,
        ),
      timeout,
      `option "${target}" in the select2 list`,
      options.signal,
    );
    mouse(result.querySelector('.select2-result-label') ?? result, 'mouseup');
    await waitFor(() => !isOpen(container), timeout, 'the select2 list to close', options.signal);
  } finally {
    close(container);
  }
}

/**
 * Back to no answer through select2's own UI, so the page's model hears it: pick the "-- None --" option when
 * the list has one, else press allowClear's × (`abbr.select2-search-choice-close`, a mousedown in select2 3.5).
 */
async function clear(container: Element, options: WriteOptions): Promise<void> {
  const [none] = noneOptionLabels(container);
  if (none !== undefined) {
    await pick(container, none, options);
  } else {
    const abbr = container.querySelector('abbr.select2-search-choice-close');
    if (!abbr || !container.classList.contains('select2-allowclear')) {
      throw new FillRefusedError('this select2 list has neither a "-- None --" option nor a clear button; choose another option instead');
    }
    mouse(abbr, 'mousedown');
    close(container);
  }
  await waitFor(() => readChosen(container) === '', options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 'the select2 list to show no answer', options.signal);
  const shown = await readUntilStable(() => readChosen(container), { wanted: (v) => v === '', quietMs: SETTLE_MS, signal: options.signal });
  if (shown !== '') throw new Error(`select2 shows "${shownText(container)}" after clearing`);
}

export const select2Writer: FieldWriter = {
  id: 'select2',
  read: (control) => readChosen(containerOf(control)),
  facade: (control) => {
    const container = containerOf(control);
    return [container.querySelector('.select2-choice') ?? container];
  },
  async write(control, value, _kind, options) {
    const container = containerOf(control);
    const wanted = wantedLabels(value);
    if (wanted.length > 1) throw new FillRefusedError('this select2 list takes one option, not several');
    const disabled = container.classList.contains('select2-container-disabled');
    const label = wanted[0];
    if (label === undefined) {
      if (readChosen(container) === '') return;
      if (disabled) throw new FillRefusedError('the select2 list is disabled');
      await clear(container, options);
      return;
    }
    const source = sourceOf(container);
    const labels = selectOptions(source);
    const target = labels[requireOption(label, labels)] as string;
    if (readChosen(container) === target) return;
    if (disabled) throw new FillRefusedError('the select2 list is disabled');
    resyncSource(source, target);
    await pick(container, target, options);
    const settled = () => readUntilStable(() => readChosen(container), { wanted: (v) => v === target, quietMs: SETTLE_MS, signal: options.signal });
    let shown = await settled();
    if (shown === '') {
      // The digest's re-render shows the empty choice until its timer puts the answer back: ~20 ms on an idle
      // machine, far longer on a busy one or in a tab the browser throttles. Empty is only believed after that.
      await waitFor(() => readChosen(container) !== '', EMPTY_FLIP_MAX_MS, 'the select2 list to show the pick again', options.signal).catch(() => undefined);
      shown = await settled();
    }
    if (shown !== target) throw new Error(`select2 shows "${shownText(container)}" after picking "${target}"`);
  },
};
