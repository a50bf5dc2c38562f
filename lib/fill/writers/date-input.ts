// Date inputs: a native date input takes ISO `YYYY-MM-DD`; text inputs used as dates (pickers) commit on blur,
// so the value is set, announced with input/change, and the field is blurred.
import type { FieldWriter } from '../types';
import { blurField, fireChange, fireInput, focusField, setNativeValue } from '../dom-events';
import { FillRefusedError, requireText } from '../fill-errors';
import { pressKey } from '../combobox-popup';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const dateWriter: FieldWriter = {
  id: 'date',
  read: (el) => (el as HTMLInputElement).value,
  async write(el, value) {
    const input = el as HTMLInputElement;
    const text = requireText(value, 'date').trim();
    if (input.type === 'date' && text !== '' && !ISO_DATE.test(text)) {
      throw new FillRefusedError(`a date field takes YYYY-MM-DD, got "${text}"`);
    }
    focusField(input);
    setNativeValue(input, text);
    fireInput(input, text);
    fireChange(input);
    // A text box with a picker opens its calendar on focus; Escape closes it as a person would (never Enter).
    if (input.type !== 'date') pressKey(input, 'Escape', 27);
    blurField(input);
  },
};
