// Widgets drawn over something else. A styled dropdown, tag box or multi-select (a "facade") often keeps a native
// <select> hidden behind it: the person uses the facade, the page reads the select. One question, one control:
// the facade is the control, with the select's options as the person sees them (plain words, never markup).
// Options rendered into a shadow root's <slot> count as the listbox's own.
import { CONTROL_SELECTOR } from './controls';
import { normalizeText } from './text';

/** Below this many pixels a native control is a stand-in the library keeps for forms and screen readers. */
const STAND_IN_PX = 2;

/** A native select the person cannot see or use: hidden, transparent, clipped to nothing or a pixel wide. */
export function isConcealedControl(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.hasAttribute('hidden')) return true;
    const style = view.getComputedStyle(node);
    if (style.display === 'none') return true;
    if (node === el && (style.visibility === 'hidden' || Number.parseFloat(style.opacity) === 0)) return true;
  }
  const style = view.getComputedStyle(el);
  if (/inset\(50%\)/.test(style.clipPath) || /rect\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\)/.test(style.clip)) return true;
  const rect = el.getBoundingClientRect();
  // Without layout (unit tests) every box is 0x0: only styles decide there.
  const laidOut = el.ownerDocument.documentElement.getBoundingClientRect().width > 0;
  return laidOut && (rect.width < STAND_IN_PX || rect.height < STAND_IN_PX);
}

/** Text boxes a list library keeps inside its box for searching the options; any other control rules a box out. */
const LIST_SEARCH_INPUTS = new Set(['text', 'search']);

/**
 * The box drawn for a concealed native <select> by a library that uses no ARIA at all (Chosen): inserted right
 * after the select, a plain element the person clicks, holding nothing but shown text, option lists and at most
 * one search box of its own. Null when the select has no such neighbour.
 */
export function plainListBox(select: HTMLSelectElement): Element | null {
  const box = select.nextElementSibling;
  if (!box || box.hasAttribute('role') || box.matches(CONTROL_SELECTOR) || box.querySelector('label, legend, h1, h2, h3, h4, h5, h6')) return null;
  const inside = Array.from(box.querySelectorAll(CONTROL_SELECTOR));
  if (inside.length > 1) return null;
  if (inside.some((c) => c.tagName !== 'INPUT' || !LIST_SEARCH_INPUTS.has((c as HTMLInputElement).type) || c.hasAttribute('role'))) return null;
  // Something to click (a link, a search box, a focusable part) and a list to show.
  if (!box.querySelector('a, input, [tabindex]') || !box.querySelector('ul, ol') || !isConcealedControl(select)) return null;
  const view = box.ownerDocument.defaultView;
  if (view && view.getComputedStyle(box).display === 'none') return null;
  return box;
}

/** The concealed select a plain list box (see `plainListBox`) stands for. */
export function plainListSelect(box: Element): HTMLSelectElement | null {
  const select = box.previousElementSibling;
  return select?.tagName === 'SELECT' && plainListBox(select as HTMLSelectElement) === box ? (select as HTMLSelectElement) : null;
}

/** Facade roles: the element a person clicks to open a list of options. */
const FACADE_SELECTOR = '[role="combobox"], [role="listbox"]';

/** Ids a combobox or listbox names as its list (aria-controls, aria-owns). */
function listIds(el: Element): string[] {
  return ['aria-controls', 'aria-owns'].flatMap((attr) => (el.getAttribute(attr) ?? '').split(/\s+/).filter(Boolean));
}

/**
 * Two facade roles of one widget: a list's own search box (a combobox in the open menu, bootstrap-select's live
 * search) names the same list as the button that opens it.
 */
export function sharesList(a: Element, b: Element): boolean {
  if (a === b) return true;
  const ids = listIds(a);
  return ids.length > 0 && listIds(b).some((id) => ids.includes(id));
}

/**
 * The concealed native <select> a combobox or listbox fronts: one inside it, or the only select of the nearest
 * ancestor (up to three levels) that holds no other facade (the list's own search box is no other facade). Null
 * when the widget stands on its own.
 */
export function frontedSelect(facade: Element): HTMLSelectElement | null {
  if (facade.tagName === 'SELECT' || facade.tagName === 'OPTION') return null;
  const inside = facade.querySelectorAll('select');
  if (inside.length === 1) return isConcealedControl(inside[0] as Element) ? (inside[0] as HTMLSelectElement) : null;
  if (inside.length > 1) return null;
  let node: Element | null = facade.parentElement;
  for (let depth = 0; node && depth < 3; depth++, node = node.parentElement) {
    if (node.tagName === 'FORM' || node.tagName === 'BODY') return null;
    const selects = node.querySelectorAll('select');
    if (selects.length === 0) continue;
    if (selects.length > 1) return null;
    const facades = Array.from(node.querySelectorAll(FACADE_SELECTOR)).filter(
      (f) => (!f.closest('[role="listbox"]') || f === facade) && (f === facade || !sharesList(f, facade)),
    );
    const outer = facades.filter((f) => !facades.some((g) => g !== f && g.contains(f)));
    if (outer.length !== 1 || !outer[0]?.contains(facade)) return null;
    const select = selects[0] as HTMLSelectElement;
    return isConcealedControl(select) ? select : null;
  }
  return null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * An option label as a person sees it: a label written as markup shows its words only. The tags are dropped as
 * text (no DOM is built from the page's string) and the common character references decoded.
 */
export function plainOptionText(text: string): string {
  if (!/<[a-z/!][^>]*>/i.test(text)) return normalizeText(text);
  const words = text
    .replace(/<[a-z/!][^>]*>/gi, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
      if (ref[0] !== '#') return ENTITIES[ref.toLowerCase()] ?? whole;
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    });
  return normalizeText(words);
}

/** The real options of a fronted select (no placeholder), as plain text. */
export function frontedOptions(select: HTMLSelectElement): string[] {
  return Array.from(select.options)
    .filter((o) => o.value !== '' && !o.disabled)
    .map((o) => plainOptionText(o.label || o.text));
}

/**
 * The box a person sees for a facade: the highest ancestor of the control that holds no other control (its own
 * list, the fronted select and hidden inputs aside) and no label. A 4 px search input inside a styled box is
 * used through that box.
 */
export function facadeBox(control: Element, own: Element[] = []): Element {
  let box = control;
  for (let parent = box.parentElement; parent; parent = parent.parentElement) {
    if (parent.tagName === 'FORM' || parent.tagName === 'BODY' || parent.tagName === 'LABEL' || parent.tagName === 'FIELDSET') break;
    if (parent.querySelector('label, legend')) break;
    const others = Array.from(parent.querySelectorAll(CONTROL_SELECTOR)).filter(
      (c) =>
        c !== control &&
        !control.contains(c) &&
        !own.some((o) => o === c || o.contains(c)) &&
        (c as HTMLInputElement).type !== 'hidden' &&
        !isConcealedControl(c) &&
        !c.closest('[role="listbox"]') &&
        c.getAttribute('role') !== 'listbox',
    );
    if (others.length > 0) break;
    box = parent;
  }
  return box;
}

/** Elements a slot shows (flattened), or the slot's fallback children when nothing is assigned. */
export function slotContent(slot: HTMLSlotElement): Element[] {
  const assigned = typeof slot.assignedElements === 'function' ? slot.assignedElements({ flatten: true }) : [];
  return assigned.length > 0 ? assigned : Array.from(slot.children);
}

/** The role=option elements of a listbox, those slotted into it from the light DOM included, in order. */
export function listboxOptionElements(listbox: Element): Element[] {
  const found: Element[] = [];
  const visit = (el: Element) => {
    if (el.getAttribute('role') === 'option') {
      found.push(el);
      return;
    }
    if (el.tagName === 'SLOT') {
      for (const child of slotContent(el as HTMLSlotElement)) visit(child);
      return;
    }
    for (const child of Array.from(el.children)) visit(child);
  };
  for (const child of Array.from(listbox.children)) visit(child);
  return found;
}

/** Options of lists that render them only while open, read once by opening them (see deferred-lists.ts). */
export interface RememberedList {
  options: string[];
  multiple: boolean;
}
export const rememberedLists = new WeakMap<Element, RememberedList>();
