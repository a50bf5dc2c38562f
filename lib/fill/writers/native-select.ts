// Native <select>: pick options by label, set through the native setter (single) or `selected` (multiple),
// then input and change. Read back as option labels; the placeholder entry (empty value) reads as null.
import type { FieldWriter } from '../types';
import { blurField, fireChange, fireInput, focusField, setNativeValue } from '../dom-events';
import { requireOption, wantedLabels } from '../option-match';
import { normalizeText } from '../../detect/text';
import { FillRefusedError } from '../fill-errors';

function labelOf(o: HTMLOptionElement): string {
  return normalizeText(o.label || o.text);
}

function realOptions(select: HTMLSelectElement): HTMLOptionElement[] {
  return Array.from(select.options).filter((o) => o.value !== '' && !o.disabled);
}

export const selectWriter: FieldWriter = {
  id: 'select',
  read(el) {
    const select = el as HTMLSelectElement;
    const chosen = Array.from(select.selectedOptions).filter((o) => o.value !== '');
    if (select.multiple) return chosen.map(labelOf);
    return chosen[0] ? labelOf(chosen[0]) : null;
  },
  async write(el, value) {
    const select = el as HTMLSelectElement;
    const options = realOptions(select);
    const labels = options.map(labelOf);
    const wanted = wantedLabels(value);
    if (!select.multiple && wanted.length > 1) throw new FillRefusedError(`a single-choice list takes one label, got ${wanted.length}`);
    const picks = wanted.map((w) => options[requireOption(w, labels)] as HTMLOptionElement);
    focusField(select);
    if (select.multiple) {
      for (const o of Array.from(select.options)) o.selected = picks.includes(o);
    } else if (picks[0]) {
      setNativeValue(select, picks[0].value);
    } else {
      const placeholder = Array.from(select.options).find((o) => o.value === '');
      if (placeholder) setNativeValue(select, '');
      else select.selectedIndex = -1;
    }
    fireInput(select);
    fireChange(select);
    blurField(select);
  },
};
