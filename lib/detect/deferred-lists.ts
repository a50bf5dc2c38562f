// Comboboxes whose list exists only while open (react-select and its kin): their options and whether they take
// several answers are unknown until a person opens them. Options the page already holds (a fronted native select,
// a listbox referenced by aria-controls/aria-owns, the widget's own option elements) are read without opening.
// The rest are opened, read and closed once, only on a scan the analyst asked for (the answer is left as it was,
// and so are focus and scroll), and remembered for later scans. Any other scan reports them as choices whose
// options are read when filled.
import { rootsOfDocument } from './deep-query';
import { controlledListbox, LIST_OPENER_SELECTOR } from './controls';
import { facadeBox, frontedSelect, listboxOptionElements, rememberedLists } from './facades';
import { isLaidOutVisible } from './visibility';
import { closeList, facadeList, openList, optionCaption } from '../fill/combobox-popup';

/** At most this many closed lists are opened per scan (a page of hundreds is read at fill time instead). */
const MAX_LISTS = 40;

function needsOpening(el: Element): boolean {
  if (rememberedLists.has(el) || controlledListbox(el) || frontedSelect(el)) return false;
  if ((el as HTMLInputElement).disabled || el.getAttribute('aria-disabled') === 'true') return false;
  const box = facadeBox(el);
  if (Array.from(box.querySelectorAll('[role="listbox"]')).some((l) => listboxOptionElements(l).length > 0)) return false;
  return isLaidOutVisible(box);
}

/** Elements that scroll, from `el` up to the document (shadow hosts crossed), with their scroll offsets. */
function scrollPositions(el: Element): Array<[Element, number, number]> {
  const found: Array<[Element, number, number]> = [];
  for (let node: Node | null = el; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    if (node.nodeType === 1 && ((node as Element).scrollTop !== 0 || (node as Element).scrollLeft !== 0)) found.push([node as Element, (node as Element).scrollTop, (node as Element).scrollLeft]);
  }
  return found;
}

/** The focused element, inside shadow roots too. */
function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Put focus and scroll back where the person left them. */
function restoreView(doc: Document, focused: Element | null, scrolled: Array<[Element, number, number]>, windowAt: [number, number]): void {
  const now = deepActiveElement(doc);
  if (now !== focused) {
    if (focused && focused !== doc.body && typeof (focused as HTMLElement).focus === 'function') (focused as HTMLElement).focus({ preventScroll: true });
    else (now as HTMLElement | null)?.blur?.();
  }
  for (const [el, top, left] of scrolled) {
    if (el.scrollTop !== top || el.scrollLeft !== left) el.scrollTo?.(left, top);
  }
  const view = doc.defaultView;
  if (view && (view.scrollX !== windowAt[0] || view.scrollY !== windowAt[1])) view.scrollTo(windowAt[0], windowAt[1]);
}

/**
 * Open, read and close every closed combobox list of `doc` that cannot be read otherwise; resolves to how many
 * were read. Only for a scan the analyst asked for.
 */
export async function readClosedLists(doc: Document, signal?: AbortSignal): Promise<number> {
  let read = 0;
  const candidates = rootsOfDocument(doc).flatMap((root) => Array.from(root.querySelectorAll(LIST_OPENER_SELECTOR))).filter(needsOpening);
  if (candidates.length === 0) return 0;
  const focused = deepActiveElement(doc);
  const view = doc.defaultView;
  const windowAt: [number, number] = [view?.scrollX ?? 0, view?.scrollY ?? 0];
  const scrolled = [...new Map(candidates.flatMap(scrollPositions).map((s) => [s[0], s] as const)).values()];
  try {
    read = await readEach(candidates, signal);
  } finally {
    restoreView(doc, focused, scrolled, windowAt);
  }
  return read;
}

async function readEach(candidates: Element[], signal?: AbortSignal): Promise<number> {
  let read = 0;
  for (const el of candidates.slice(0, MAX_LISTS)) {
    if (signal?.aborted) break;
    const box = facadeBox(el);
    try {
      const list = await openList(el, box, { signal, timeoutMs: 1000 });
      const options = listboxOptionElements(list).filter((o) => o.getAttribute('aria-disabled') !== 'true').map(optionCaption).filter(Boolean);
      rememberedLists.set(el, { options, multiple: list.getAttribute('aria-multiselectable') === 'true' });
      read++;
    } catch {
      // A list that does not open is left to be read when it is filled.
    } finally {
      await closeList(el, box, { signal, timeoutMs: 1000 }).catch(() => undefined);
    }
  }
  return read;
}
