// The popup list of a combobox-like widget (a facade over a native select, an ARIA combobox, a web component's
// select): open it as a person would, click an option by its caption, close it again. Keys pressed are
// ArrowDown (open) and Escape (close), never Enter, which can submit a form.
import type { WriteOptions } from './types';
import { realClick, settle } from './dom-events';
import { controlledListbox } from '../detect/controls';
import { listboxOptionElements } from '../detect/facades';
import { normalizeText, readableText } from '../detect/text';
import { waitFor } from './wait-for';

const DEFAULT_TIMEOUT_MS = 3000;
/** How long a click gets to open the list before the keyboard is tried. */
const CLICK_OPEN_MS = 400;

/** A key press (down and up) on `el`; only navigation keys are ever pressed by a fill. */
export function pressKey(el: Element, key: 'ArrowDown' | 'Escape', keyCode: number): void {
  const Key = el.ownerDocument.defaultView?.KeyboardEvent ?? KeyboardEvent;
  for (const type of ['keydown', 'keyup']) {
    el.dispatchEvent(new Key(type, { key, code: key, keyCode, which: keyCode, bubbles: true, cancelable: true, composed: true } as KeyboardEventInit));
  }
}

/** The rendered text of an element (what a person reads), or its readable text where there is no layout. */
export function visibleText(el: Element): string {
  const inner = (el as HTMLElement).innerText;
  return typeof inner === 'string' ? inner : readableText(el);
}

/** Does `text` show `label` as a whole phrase ("No" is not shown by "Not applicable")? */
export function showsLabel(text: string, label: string): boolean {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'iu').test(normalizeText(text));
}

/** Is this list on screen (not display:none, not visibility:hidden) with options in it? */
export function isListShown(listbox: Element | null): listbox is Element {
  if (!listbox || !listbox.isConnected) return false;
  const shown = typeof listbox.checkVisibility === 'function'
    ? listbox.checkVisibility({ visibilityProperty: true, opacityProperty: true })
    : (listbox as HTMLElement).offsetParent !== null;
  return shown && listboxOptionElements(listbox).length > 0;
}

/** The list a facade opens: the one it names (aria-controls / aria-owns), else one inside its box. */
export function facadeList(control: Element, box: Element): Element | null {
  const named = controlledListbox(control);
  if (named) return named;
  // A tag box may hold several listboxes (its chips are one): the list is the one with options, shown first.
  const lists = Array.from(box.querySelectorAll('[role="listbox"]')).filter((l) => listboxOptionElements(l).length > 0);
  return lists.find((l) => isListShown(l)) ?? lists[0] ?? null;
}

export function optionCaption(o: Element): string {
  return normalizeText(readableText(o)) || normalizeText(visibleText(o));
}

/**
 * Is the facade's list open? A control that says so (aria-expanded) is believed, unless the list it names still
 * shows (a closing animation); otherwise the list must show.
 */
export function isListOpen(control: Element, box: Element): boolean {
  const expanded = control.getAttribute('aria-expanded');
  const named = controlledListbox(control);
  if (expanded !== null) return expanded === 'true' || isListShown(named) || layerStays(control);
  return isListShown(facadeList(control, box)) || layerStays(control);
}

/**
 * The layer a list was opened in, when it lives outside the control's box: a portal (`role="presentation"`, as
 * MUI's menus and poppers have) that fades out after the list closes and covers the page until it is gone.
 */
const openedLayers = new WeakMap<Element, Element>();

function rememberLayer(control: Element, box: Element, list: Element): void {
  const layer = list.closest('[role="presentation"]');
  if (layer && !layer.contains(box) && !box.contains(layer)) openedLayers.set(control, layer);
}

/** Is the layer of the control's last opened list still on the page (its exit transition still running)? */
function layerStays(control: Element): boolean {
  const layer = openedLayers.get(control);
  if (!layer) return false;
  const stays = layer.isConnected && (typeof layer.checkVisibility !== 'function' || layer.checkVisibility({ visibilityProperty: true }));
  if (!stays) openedLayers.delete(control);
  return stays;
}

/** The layer of the control's open list holds `el` (focus moves into a menu that lives in a portal). */
function inOpenLayer(control: Element, el: Element): boolean {
  return openedLayers.get(control)?.contains(el) === true;
}

/**
 * Open the list as a person would: focus (some lists open on focus, and a click would close them again), then a
 * click, then the keyboard's ArrowDown (the ARIA combobox key for "open") when a click is not what it listens to.
 */
export async function openList(control: Element, box: Element, options: WriteOptions): Promise<Element> {
  const list = await waitForOpenList(control, box, options);
  rememberLayer(control, box, list);
  return list;
}

async function waitForOpenList(control: Element, box: Element, options: WriteOptions): Promise<Element> {
  const ready = () => (control.getAttribute('aria-expanded') !== 'false' && isListOpen(control, box) ? (shownLists(control, box)[0] ?? null) : null);
  const now = ready();
  if (now) return now;
  (control as HTMLElement).focus?.({ preventScroll: true });
  await settle();
  const focused = ready();
  if (focused) return focused;
  realClick(control);
  const clicked = await waitFor(ready, CLICK_OPEN_MS, 'the list to open', options.signal).catch(() => null);
  if (clicked) return clicked;
  pressKey(control, 'ArrowDown', 40);
  return waitFor(ready, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 'the list to open', options.signal);
}

/** The shown lists of a facade: the one it names, and those inside its box (a tag box's chips may be one). */
function shownLists(control: Element, box: Element): Element[] {
  const named = controlledListbox(control);
  const lists = [...(named ? [named] : []), ...Array.from(box.querySelectorAll('[role="listbox"]'))];
  return lists.filter((l) => isListShown(l));
}

/** Click the option captioned `label` in the open list (opening it first). */
export async function pickInList(control: Element, box: Element, label: string, options: WriteOptions): Promise<void> {
  await openList(control, box, options);
  const option = await waitFor(
    () =>
      shownLists(control, box)
        .flatMap((l) => listboxOptionElements(l))
        .find((o) => o.getAttribute('aria-disabled') !== 'true' && o.getAttribute('aria-selected') !== 'true' && optionCaption(o) === label) ??
      shownLists(control, box)
        .flatMap((l) => listboxOptionElements(l))
        .find((o) => o.getAttribute('aria-disabled') !== 'true' && optionCaption(o) === label),
    options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    `option "${label}" in the open list`,
    options.signal,
  );
  realClick(option);
  await settle();
}

/**
 * Close the list the fill opened: Escape where the focus is, then a click outside if it still shows; resolves
 * once it no longer shows (a closing animation would cover the next question), or throws when it stays open.
 */
export async function closeList(control: Element, box: Element, options: WriteOptions = {}): Promise<void> {
  closeListNow(control, box);
  const closed = await waitFor(() => !isListOpen(control, box), CLICK_OPEN_MS, 'the list to close', options.signal).catch(() => false);
  // A list that toggles only from its own button is closed by clicking that button again (once the others had
  // their time). A control that already says it is closed (aria-expanded="false") is animating closed, however
  // slowly: a click would open it again.
  if (!closed && control.getAttribute('aria-expanded') !== 'false') realClick(control);
  await waitFor(() => !isListOpen(control, box), options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 'the list to close', options.signal);
}

function closeListNow(control: Element, box: Element): void {
  const doc = control.ownerDocument;
  const active = (control.getRootNode() as Document | ShadowRoot).activeElement ?? doc.activeElement;
  // Escape goes where the focus is: in the box, or in a menu that took the focus into its own layer.
  const target = active && (box.contains(active) || inOpenLayer(control, active)) ? active : control;
  const view = doc.defaultView;
  if (isListOpen(control, box)) pressKey(target, 'Escape', 27);
  if (isListOpen(control, box)) {
    const Mouse = view?.MouseEvent ?? MouseEvent;
    for (const type of ['mousedown', 'mouseup', 'click']) doc.body.dispatchEvent(new Mouse(type, { bubbles: true, cancelable: true, view }));
  }
  if (active instanceof (view?.HTMLElement ?? HTMLElement) && box.contains(active)) active.blur();
}

