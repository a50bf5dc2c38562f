// Facade over a native select (a styled dropdown, tag box or multi-select that keeps a concealed <select>):
// the person opens the facade and clicks an option, so the writer does the same and the library updates its own
// model. The read-back is what the facade shows: a label counts only when the select holds it and the facade's
// visible text shows it. The list is closed after the fill (Escape, as a person would; never Enter).
import type { FieldValue, QuestionKind } from '../../schema';
import type { FieldWriter } from '../types';
import { optionsToAdd } from '../select-additions';
import { facadeBox, frontedSelect, plainOptionText } from '../../detect/facades';
import { FillRefusedError } from '../fill-errors';
import { closeList, pickInList, showsLabel, visibleText } from '../combobox-popup';

function sourceOf(control: Element): HTMLSelectElement {
  const select = frontedSelect(control);
  if (!select) throw new FillRefusedError('this list no longer keeps its answer in a select; fill it on the page yourself');
  return select;
}

function readShown(control: Element, kind: QuestionKind): FieldValue {
  const select = sourceOf(control);
  const text = visibleText(facadeBox(control, [select]));
  const held = Array.from(select.selectedOptions)
    .filter((o) => o.value !== '')
    .map((o) => plainOptionText(o.label || o.text));
  const shown = held.filter((label) => showsLabel(text, label));
  if (kind === 'multi-choice') return shown;
  return shown[0] ?? null;
}

export const facadeSelectWriter: FieldWriter = {
  id: 'facade-select',
  read: readShown,
  facade: (control) => [facadeBox(control, [sourceOf(control)])],
  async write(control, value, kind, options) {
    const select = sourceOf(control);
    const box = facadeBox(control, [select]);
    const missing = optionsToAdd(select, value, kind, (k) => readShown(control, k));
    if (missing.length === 0) return;
    try {
      for (const label of missing) await pickInList(control, box, label, options);
    } catch (err) {
      // The reason the fill stopped is reported, not a list that was slow to close.
      await closeList(control, box, options).catch(() => undefined);
      throw err;
    }
    await closeList(control, box, options);
  },
};
