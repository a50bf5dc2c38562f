// Upload controls: a file input (visible, or hidden behind the page's own "Add attachment" button) or a portal's
// attachment button that opens a dialog. Text fills never go here: a file is attached only by lib/fill/attach-file.ts,
// on the analyst's click, with an evidence file from the library.
import type { FieldWriter } from '../types';
import { FillRefusedError } from '../fill-errors';
import { isStyleVisible } from '../../detect/visibility';

/** The button or label the page shows for a hidden file input (what the analyst would click). */
export function uploadTrigger(input: Element): Element[] {
  const doc = input.ownerDocument;
  const id = input.id;
  const found: Element[] = [];
  if (id) {
    for (const el of Array.from(doc.querySelectorAll('label[for], [aria-controls]'))) {
      const refs = (el.getAttribute('for') ?? el.getAttribute('aria-controls') ?? '').split(/\s+/);
      if (refs.includes(id)) found.push(el);
    }
  }
  if (found.length === 0 && input.parentElement) {
    const button = Array.from(input.parentElement.querySelectorAll('button, [role="button"]')).find((b) => /attach|upload|add file|browse/i.test(b.textContent ?? ''));
    if (button) found.push(button);
  }
  return found;
}

export const fileWriter: FieldWriter = {
  id: 'file',
  read(el) {
    if (el.tagName !== 'INPUT') return null;
    const files = (el as HTMLInputElement).files;
    return files && files.length > 0 ? Array.from(files, (f) => f.name).join(', ') : null;
  },
  facade(el) {
    if (el.tagName !== 'INPUT' || isStyleVisible(el)) return [el];
    const trigger = uploadTrigger(el);
    return trigger.length > 0 ? trigger : [el];
  },
  async write() {
    throw new FillRefusedError('an upload control takes an evidence file: use Attach on the card');
  },
};
