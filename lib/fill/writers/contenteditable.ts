// Contenteditable editors: select the editor's contents and insert plain text through the editing command, so
// the editor sees the same beforeinput/input a paste would produce. Text only: never HTML from the library.
import type { FieldWriter } from '../types';
import { blurField, fireInput, focusField } from '../dom-events';
import { requireText } from '../fill-errors';

function readEditor(el: Element): string {
  const text = (el as HTMLElement).innerText ?? el.textContent ?? '';
  return text.replace(/\n+$/, '');
}

/** Fallback when the editing command is unavailable: one text line per block, built with DOM nodes. */
function replaceWithText(el: Element, text: string): void {
  const doc = el.ownerDocument;
  el.replaceChildren(
    ...text.split('\n').map((line) => {
      const block = doc.createElement('div');
      if (line) block.textContent = line;
      else block.appendChild(doc.createElement('br'));
      return block;
    }),
  );
  fireInput(el, text);
}

export const contenteditableWriter: FieldWriter = {
  id: 'contenteditable',
  read: (el) => readEditor(el),
  async write(el, value) {
    const text = requireText(value, 'contenteditable');
    const doc = el.ownerDocument;
    focusField(el);
    const selection = doc.getSelection();
    let inserted = false;
    if (selection && typeof doc.execCommand === 'function') {
      const range = doc.createRange();
      range.selectNodeContents(el);
      selection.removeAllRanges();
      selection.addRange(range);
      inserted = text === '' ? doc.execCommand('delete', false) : doc.execCommand('insertText', false, text);
    }
    if (!inserted) replaceWithText(el, text);
    blurField(el);
  },
};
