// A date field made of spin buttons (MUI X's sections field): each section is focused and its digits typed one by
// one through the editing command, as a person's typing would insert them; the field's own state is read back
// from the sections' aria-valuenow. Nothing is typed outside the sections, and no Enter is pressed.
import type { FieldWriter } from '../types';
import { blurField, settle } from '../dom-events';
import { FillRefusedError, requireText } from '../fill-errors';
import { dateSectionsOf, readDateSections, type DatePart, type DateSections } from '../../detect/date-sections';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function fieldOf(control: Element): DateSections {
  const field = dateSectionsOf(control);
  if (!field) throw new FillRefusedError('the date field no longer has its year, month and day sections');
  return field;
}

/** Type `digits` into one section: select what it shows, then insert each digit as typed text. */
async function typeInto(field: DateSections, part: DatePart, digits: string): Promise<void> {
  const doc = field.group.ownerDocument;
  (field.parts[part] as HTMLElement).focus({ preventScroll: true });
  await settle();
  for (const digit of digits) {
    // The field re-renders its sections as they change: the section is looked up again before every digit.
    const section = fieldOf(field.group).parts[part];
    const selection = doc.getSelection();
    if (!selection || typeof doc.execCommand !== 'function') throw new FillRefusedError('this page does not accept typed text in its date sections');
    const range = doc.createRange();
    range.selectNodeContents(section);
    selection.removeAllRanges();
    selection.addRange(range);
    doc.execCommand('insertText', false, digit);
    await settle();
  }
}

export const dateSectionsWriter: FieldWriter = {
  id: 'date-sections',
  read: (control) => readDateSections(fieldOf(control)),
  async write(control, value) {
    const text = requireText(value, 'date').trim();
    const parts = ISO_DATE.exec(text);
    if (!parts) throw new FillRefusedError(`a date field takes YYYY-MM-DD, got "${text}"`);
    const [, year, month, day] = parts as unknown as [string, string, string, string];
    const field = fieldOf(control);
    // Year first: the day's range (28 to 31) follows the month and year already entered.
    await typeInto(field, 'year', year);
    await typeInto(field, 'month', month);
    await typeInto(field, 'day', day);
    const active = fieldOf(control).group.ownerDocument.activeElement;
    if (active && field.group.contains(active)) blurField(active);
    await settle();
  },
};
