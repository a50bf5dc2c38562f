// One writer per widget kind. The fill engine resolves the field id, picks the writer by id,
// writes through the path the page's framework listens to, then reads the widget back.
import type { FieldValue, QuestionKind } from '../schema';

export interface WriteOptions {
  signal?: AbortSignal;
  /** Upper bound on waiting for a widget (e.g. a button group re-enabling), in ms. */
  timeoutMs?: number;
}

export interface FieldWriter {
  /** Matches RawQuestion.writer, e.g. `input`, `textarea`, `contenteditable`, `select`, `radio-group`,
   *  `checkbox-group`, `button-group`, `listbox`, `date`, `select2`, `quill`. */
  id: string;
  /** Read the widget's current value as the analyst sees it (option labels for choice widgets). */
  read(control: Element, kind: QuestionKind): FieldValue;
  /** The elements the analyst sees and uses to answer (a select2 facade, each radio, the Quill editor); the
   *  visibility guard tests these. Absent: the control itself. */
  facade?(control: Element): Element[];
  /**
   * The kind as the widget now shows it, when the scan could not know (a list read only once opened may turn out
   * to take several answers). Absent: the scan's kind.
   */
  kindNow?(control: Element, scanned: QuestionKind): QuestionKind;
  /** Write the value through the widget's own path. Must not submit or save a form. */
  write(control: Element, value: FieldValue, kind: QuestionKind, options: WriteOptions): Promise<void>;
}
