// Radio groups: a real click on the chosen radio (frameworks listen to click; the browser then fires input and
// change). The control is the group's container, or a single radio whose group is found by name.
import type { FieldWriter } from '../types';
import { realClick } from '../dom-events';
import { requireOption, wantedLabels } from '../option-match';
import { answerRadios, optionLabel } from '../../detect/controls';
import { FillRefusedError } from '../fill-errors';

export function radiosOf(control: Element): HTMLInputElement[] {
  if (control.tagName === 'INPUT' && (control as HTMLInputElement).type === 'radio') {
    const radio = control as HTMLInputElement;
    const scope: ParentNode = radio.form ?? (radio.getRootNode() as ParentNode);
    return answerRadios(Array.from(scope.querySelectorAll<HTMLInputElement>('input[type="radio"]')).filter((r) => r.name === radio.name));
  }
  const all = Array.from(control.querySelectorAll<HTMLInputElement>('input[type="radio"]'));
  const name = all[0]?.name;
  return answerRadios(name ? all.filter((r) => r.name === name) : all);
}

export const radioGroupWriter: FieldWriter = {
  id: 'radio-group',
  facade: radiosOf,
  read(control) {
    const checked = radiosOf(control).find((r) => r.checked);
    return checked ? optionLabel(checked) : null;
  },
  async write(control, value) {
    const radios = radiosOf(control);
    const wanted = wantedLabels(value);
    if (wanted.length === 0) throw new FillRefusedError('a radio group cannot be cleared; pick an option instead');
    if (wanted.length > 1) throw new FillRefusedError(`a radio group takes one label, got ${wanted.length}`);
    const target = radios[requireOption(wanted[0] as string, radios.map(optionLabel))] as HTMLInputElement;
    if (!target.checked) realClick(target);
  },
};
