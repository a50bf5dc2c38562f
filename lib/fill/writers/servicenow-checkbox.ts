// The classic assessment's yes/no checkbox (`ni.ASMTQUESTION:<id>`, mirrored into a hidden true/false input). An
// unchecked box is "No" only once the question holds an answer (saved before: its `sys_original.` twin is set; or
// filled here); a box nobody touched is unanswered, so a bulk fill includes it.
import type { FieldWriter } from '../types';
import { realClick } from '../dom-events';
import { checkboxGroupWriter } from './checkbox-group';
import { wantedLabels } from '../option-match';

/** Boxes this content script answered (No leaves the box unchecked, so the page shows no trace of it). */
const answered = new WeakSet<Element>();

function savedAnswer(box: HTMLInputElement): string {
  const name = box.id.replace(/^ni\./, '');
  return (box.ownerDocument.getElementById(`sys_original.${name}`) as HTMLInputElement | null)?.value ?? '';
}

export const servicenowCheckboxWriter: FieldWriter = {
  id: 'servicenow-checkbox',
  read(control) {
    const box = control as HTMLInputElement;
    if (box.checked) return 'Yes';
    return savedAnswer(box) !== '' || answered.has(box) ? 'No' : null;
  },
  async write(control, value, kind, options) {
    const box = control as HTMLInputElement;
    if (wantedLabels(value).length === 0) {
      // Back to unanswered (an undo): the box unchecked, as it was.
      if (box.checked) realClick(box);
      answered.delete(box);
      return;
    }
    await checkboxGroupWriter.write(control, value, kind, options);
    answered.add(box);
  },
};
