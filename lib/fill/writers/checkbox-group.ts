// Checkbox groups (multi-choice) and single checkboxes (yes/no): real clicks on exactly the boxes whose state
// must change, so the page's click handlers run once per change.
import type { FieldWriter } from '../types';
import { realClick } from '../dom-events';
import { matchOption, requireOption, wantedLabels } from '../option-match';
import { optionLabel } from '../../detect/controls';
import { FillRefusedError } from '../fill-errors';

export function checkboxesOf(control: Element): HTMLInputElement[] {
  if (control.tagName === 'INPUT') return [control as HTMLInputElement];
  return Array.from(control.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'));
}

export const checkboxGroupWriter: FieldWriter = {
  id: 'checkbox-group',
  facade: checkboxesOf,
  read(control, kind) {
    const boxes = checkboxesOf(control);
    if (kind === 'yesno' && boxes.length === 1) return boxes[0]?.checked ? 'Yes' : 'No';
    return boxes.filter((b) => b.checked).map(optionLabel);
  },
  async write(control, value, kind) {
    const boxes = checkboxesOf(control);
    const wanted = wantedLabels(value);
    let target: boolean[];
    if (kind === 'yesno' && boxes.length === 1) {
      if (wanted.length !== 1) throw new FillRefusedError('a single checkbox takes Yes or No');
      const yes = matchOption(wanted[0] as string, ['Yes', 'No']);
      if (yes < 0) throw new FillRefusedError(`a single checkbox takes Yes or No, got "${wanted[0]}"`);
      target = [yes === 0];
    } else {
      const labels = boxes.map(optionLabel);
      const picked = new Set(wanted.map((w) => requireOption(w, labels)));
      target = boxes.map((_, i) => picked.has(i));
    }
    boxes.forEach((box, i) => {
      if (box.checked !== target[i]) realClick(box);
    });
  },
};
