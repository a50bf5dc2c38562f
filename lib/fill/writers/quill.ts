// Quill editors (`.ql-editor`): write plain text through the browser's editing command so Quill's own model
// (its MutationObserver, then text-change) takes the change; line breaks become Quill lines. A content script
// cannot reach the page's Quill object, so the text is read back from Quill's block structure instead.
import type { FieldWriter } from '../types';
import { blurField, focusField, settle } from '../dom-events';
import { requireText } from '../fill-errors';

const BLOCK_LISTS = new Set(['OL', 'UL']);

/** The editor element of a control: the `.ql-editor` itself or the one inside a Quill container. */
export function quillEditorOf(control: Element): HTMLElement {
  const editor = control.classList.contains('ql-editor') ? control : control.querySelector('.ql-editor');
  if (!editor) throw new Error('no Quill editor (.ql-editor) in this field');
  return editor as HTMLElement;
}

function lineText(block: Element): string {
  // Quill's cursor and embed guards are zero-width no-break spaces, not text.
  return (block.textContent ?? '').replace(/\uFEFF/g, '');
}

/** The editor's text as Quill's getText() gives it (one line per block, list items included), minus the final newline. */
export function readQuillText(editor: Element): string {
  const lines: string[] = [];
  for (const block of Array.from(editor.children)) {
    if (BLOCK_LISTS.has(block.tagName)) for (const item of Array.from(block.children)) lines.push(lineText(item));
    else lines.push(lineText(block));
  }
  const text = lines.join('\n');
  return text.trim() === '' ? '' : text.replace(/\n+$/, '');
}

function selectAll(editor: HTMLElement): void {
  const doc = editor.ownerDocument;
  const range = doc.createRange();
  range.selectNodeContents(editor);
  const selection = doc.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/** Quill's clipboard module turns a paste of text/plain into model inserts: the fallback when the command is refused. */
function pastePlainText(editor: HTMLElement, text: string): void {
  const view = editor.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  const data = new (view?.DataTransfer ?? DataTransfer)();
  data.setData('text/plain', text);
  editor.dispatchEvent(new (view?.ClipboardEvent ?? ClipboardEvent)('paste', { clipboardData: data, bubbles: true, cancelable: true }));
}

function sameText(editor: Element, text: string): boolean {
  return readQuillText(editor) === text.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
}

export async function writeQuillText(editor: HTMLElement, value: string): Promise<void> {
  const text = value.replace(/\r\n?/g, '\n');
  if (editor.getAttribute('contenteditable') === 'false') throw new Error('the Quill editor is read-only');
  focusField(editor);
  selectAll(editor);
  const doc = editor.ownerDocument;
  if (text === '') doc.execCommand('delete', false);
  else doc.execCommand('insertText', false, text);
  // Quill applies DOM mutations in its observer callback; give it a turn before reading back.
  await settle(0);
  if (!sameText(editor, text)) {
    selectAll(editor);
    pastePlainText(editor, text);
    await settle(0);
  }
  blurField(editor);
  await settle(0);
}

export const quillWriter: FieldWriter = {
  id: 'quill',
  read: (control) => readQuillText(quillEditorOf(control)),
  facade: (control) => [quillEditorOf(control)],
  async write(control, value) {
    await writeQuillText(quillEditorOf(control), requireText(value, 'quill'));
  },
};
