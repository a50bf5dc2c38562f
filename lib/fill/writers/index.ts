// Every widget writer, looked up by RawQuestion.writer / DetectedQuestion.writer.
// Generic writers first; portal widget writers (select2, Quill, OneTrust buttons) are appended below them.
import type { FieldWriter } from '../types';
import { inputWriter, textareaWriter } from './text-input';
import { contenteditableWriter } from './contenteditable';
import { selectWriter } from './native-select';
import { radioGroupWriter } from './radio-group';
import { checkboxGroupWriter } from './checkbox-group';
import { buttonGroupWriter } from './button-group';
import { listboxWriter } from './aria-listbox';
import { switchWriter } from './aria-switch';
import { facadeSelectWriter } from './facade-select';
import { plainListWriter } from './plain-list';
import { dateWriter } from './date-input';
import { dateSectionsWriter } from './date-sections';
import { fileWriter } from './file-input';
import { quillWriter } from './quill';
import { onetrustButtonsWriter, onetrustRichTextWriter } from './onetrust-buttons';
import { onetrustLookupWriter } from './onetrust-lookup';
import { select2Writer } from './select2';
import { servicenowCheckboxWriter } from './servicenow-checkbox';

export const fieldWriters: FieldWriter[] = [
  inputWriter,
  textareaWriter,
  contenteditableWriter,
  selectWriter,
  radioGroupWriter,
  checkboxGroupWriter,
  buttonGroupWriter,
  listboxWriter,
  switchWriter,
  facadeSelectWriter,
  plainListWriter,
  dateWriter,
  dateSectionsWriter,
  fileWriter,
  quillWriter,
  onetrustButtonsWriter,
  onetrustRichTextWriter,
  onetrustLookupWriter,
  select2Writer,
  servicenowCheckboxWriter,
];

export function findWriter(id: string): FieldWriter | undefined {
  return fieldWriters.find((w) => w.id === id);
}
