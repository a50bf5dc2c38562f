// Single-line inputs and textareas: native value setter, then input, change and blur. A maxlength is honoured
// the way typing would honour it (the text is cut), and the engine reports the result as `truncated`.
import type { FieldWriter } from '../types';
import { blurField, fireChange, fireInput, focusField, setNativeValue } from '../dom-events';
import { requireText } from '../fill-errors';

function writeText(el: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  const max = el.maxLength;
  const value = max >= 0 && text.length > max ? text.slice(0, max) : text;
  focusField(el);
  setNativeValue(el, value);
  fireInput(el, value);
  fireChange(el);
  blurField(el);
}

export const inputWriter: FieldWriter = {
  id: 'input',
  read: (el) => (el as HTMLInputElement).value,
  async write(el, value) {
    writeText(el as HTMLInputElement, requireText(value, 'input'));
  },
};

export const textareaWriter: FieldWriter = {
  id: 'textarea',
  read: (el) => (el as HTMLTextAreaElement).value,
  async write(el, value) {
    writeText(el as HTMLTextAreaElement, requireText(value, 'textarea'));
  },
};
