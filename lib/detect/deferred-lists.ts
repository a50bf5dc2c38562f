// Comboboxes whose list exists only while open (react-select and its kin): their options and whether they take
// several answers are unknown until a person opens them. Before a generic scan each such list is opened, read and
// closed once (the answer is left as it was), and remembered for the scan, as portal adapters do for theirs.
import { rootsOfDocument } from './deep-query';
import { controlledListbox } from './controls';
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

/** Open, read and close every closed combobox list of `doc`; resolves to how many were read. */
export async function readClosedLists(doc: Document, signal?: AbortSignal): Promise<number> {
  let read = 0;
  const candidates = rootsOfDocument(doc).flatMap((root) => Array.from(root.querySelectorAll('[role="combobox"]'))).filter(needsOpening);
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
