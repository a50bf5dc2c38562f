// A list drawn without ARIA over a concealed native select (Chosen): a box that opens a plain <ul> of options
// on a click. The writer clicks the box, then the option by its caption, as a person would, so the library runs
// its own selection path; it closes the list with Escape (never Enter). The read-back is what the box shows (the
// single choice or the chips), counted only for options the select also holds.
import type { FieldValue, QuestionKind } from '../../schema';
import type { FieldWriter, WriteOptions } from '../types';
import { optionsToAdd } from '../select-additions';
import { plainListSelect, plainOptionText } from '../../detect/facades';
import { normalizeText } from '../../detect/text';
import { styleHiddenReason } from '../../detect/visibility';
import { FillRefusedError } from '../fill-errors';
import { pressKey, showsLabel } from '../combobox-popup';
import { realClick, settle } from '../dom-events';
import { waitFor } from '../wait-for';

const TIMEOUT_MS = 3000;
/** How long one click gets to open the list before the next place is tried. */
const OPEN_MS = 400;

function sourceOf(box: Element): HTMLSelectElement {
  const select = plainListSelect(box);
  if (!select) throw new FillRefusedError('this list no longer keeps its answer in a select; fill it on the page yourself');
  return select;
}

/** The box's option lists: lists with no text box in them (a tag box's chips share a list with its search box). */
function optionLists(box: Element): Element[] {
  return Array.from(box.querySelectorAll('ul, ol')).filter((list) => !list.querySelector('input'));
}

/** What the box shows as its answer: its text without the option lists and the search box. */
function shownAnswer(box: Element): string {
  const lists = optionLists(box);
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === 3) parts.push(node.nodeValue ?? '');
    if (node.nodeType !== 1 || lists.includes(node as Element)) return;
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
  };
  visit(box);
  return normalizeText(parts.join(' '));
}

/** Option items a person can see and click now, with their captions. */
function shownItems(box: Element): Array<{ item: Element; caption: string }> {
  return optionLists(box)
    .flatMap((list) => Array.from(list.querySelectorAll('li')))
    .filter((item) => !item.querySelector('li') && styleHiddenReason(item) === null)
    .map((item) => ({ item, caption: normalizeText(item.textContent ?? '') }));
}

function readShown(box: Element, kind: QuestionKind): FieldValue {
  const select = sourceOf(box);
  const text = shownAnswer(box);
  const shown = Array.from(select.selectedOptions)
    .filter((o) => o.value !== '')
    .map((o) => plainOptionText(o.label || o.text))
    .filter((label) => showsLabel(text, label));
  return kind === 'multi-choice' ? shown : (shown[0] ?? null);
}

/**
 * Where a person clicks to open the list: the box, then its shown part (the chosen value, the chips). A tag box
 * that still has the focus after a pick opens again only from its chips.
 */
function openTargets(box: Element): Element[] {
  const lists = optionLists(box);
  const parts = Array.from(box.querySelectorAll('a, ul')).filter((el) => !lists.some((l) => l.contains(el)));
  return [box, ...parts];
}

async function pick(box: Element, label: string, options: WriteOptions): Promise<void> {
  const find = () => shownItems(box).find((i) => i.caption === label)?.item;
  for (const target of openTargets(box)) {
    if (find()) break;
    realClick(target);
    await waitFor(find, OPEN_MS, 'the list to open', options.signal).catch(() => undefined);
  }
  const item = await waitFor(find, options.timeoutMs ?? TIMEOUT_MS, `option "${label}" in the open list`, options.signal);
  realClick(item);
  await settle();
}

async function close(box: Element, options: WriteOptions): Promise<void> {
  const open = () => shownItems(box).length > 0;
  if (!open()) return;
  const active = box.ownerDocument.activeElement;
  pressKey(active && box.contains(active) ? active : box, 'Escape', 27);
  await settle();
  if (open()) {
    const doc = box.ownerDocument;
    const Mouse = doc.defaultView?.MouseEvent ?? MouseEvent;
    for (const type of ['mousedown', 'mouseup', 'click']) doc.body.dispatchEvent(new Mouse(type, { bubbles: true, cancelable: true, view: doc.defaultView }));
  }
  await waitFor(() => !open(), options.timeoutMs ?? TIMEOUT_MS, 'the list to close', options.signal);
}

export const plainListWriter: FieldWriter = {
  id: 'plain-list',
  read: readShown,
  async write(box, value, kind, options) {
    const select = sourceOf(box);
    const missing = optionsToAdd(select, value, kind, (k) => readShown(box, k));
    if (missing.length === 0) return;
    try {
      for (const label of missing) await pick(box, label, options);
    } catch (err) {
      // The reason the fill stopped is reported, not a list that was slow to close.
      await close(box, options).catch(() => undefined);
      throw err;
    }
    await close(box, options);
  },
};
