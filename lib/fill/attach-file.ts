// Attaches one file to a question's upload control through the page's own path, then reads back the name the page
// shows. A file input gets the File through DataTransfer with input and change events; a portal attachment button
// is clicked and the file dropped on its dialog's drop zone. Nothing is submitted or saved here.
import type { AttachReply } from '../schema';
import { isStyleVisible } from '../detect/visibility';
import { uploadTrigger } from './writers/file-input';

const SLEEP_MS = 50;
/** How long a page may take to confirm an upload (its own request, then its list re-rendered). */
export const CONFIRM_TIMEOUT_MS = 10_000;
const DIALOG_TIMEOUT_MS = 3_000;

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

type View = Window & typeof globalThis;

function viewOf(el: Element): View {
  return (el.ownerDocument.defaultView ?? window) as View;
}

function isFileInput(el: Element): el is HTMLInputElement {
  return el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'file';
}

/** Whether the input's `accept` list lets the file in (extensions and MIME types, `image/*` style too). */
export function acceptsFile(accept: string, file: { name: string; type: string }): boolean {
  const rules = accept
    .split(',')
    .map((r) => r.trim().toLowerCase())
    .filter((r) => r.length > 0);
  if (rules.length === 0) return true;
  const name = file.name.toLowerCase();
  const type = file.type.toLowerCase();
  return rules.some((r) => (r.startsWith('.') ? name.endsWith(r) : r.endsWith('/*') ? type.startsWith(r.slice(0, -1)) : type === r));
}

/** The open dialog that holds a drop zone or a file input, if the page shows one. */
function openUploadDialog(doc: Document): Element | null {
  const dialogs = Array.from(doc.querySelectorAll('[role="dialog"], dialog[open], [aria-modal="true"]')).filter((d) => isStyleVisible(d));
  return dialogs.reverse().find((d) => dropZoneIn(d) !== null || d.querySelector('input[type="file"]') !== null) ?? null;
}

function dropZoneIn(scope: Element): Element | null {
  const marked = scope.querySelector('[data-drop-zone], [class*="drop-zone"], [class*="dropzone"], [class*="drop_zone"]');
  if (marked) return marked;
  return Array.from(scope.querySelectorAll('div, section, label')).find((el) => /drag (and|&) drop|drop files? here/i.test(el.textContent ?? '') && el.children.length <= 4) ?? null;
}

function makeTransfer(view: View, files: File[]): DataTransfer {
  const transfer = new view.DataTransfer();
  for (const f of files) transfer.items.add(f);
  return transfer;
}

function putOnInput(input: HTMLInputElement, files: File[]): void {
  input.files = makeTransfer(viewOf(input), files).files;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

function dropOn(zone: Element, file: File): void {
  const view = viewOf(zone);
  const transfer = makeTransfer(view, [file]);
  for (const type of ['dragenter', 'dragover', 'drop'] as const) {
    zone.dispatchEvent(new view.DragEvent(type, { bubbles: true, cancelable: true, composed: true, dataTransfer: transfer }));
  }
}

/** Text that says a file is still on its way, not yet the page's (an upload in progress). */
const IN_PROGRESS = /uploading|in progress|pending|queued|\d+\s*%/i;

/** An element in `scope` that lists `name` as done: its own text is the name, or holds it without progress words. */
function listsFile(scope: Element, name: string): boolean {
  if (!(scope.textContent ?? '').includes(name)) return false;
  for (const el of [scope, ...Array.from(scope.querySelectorAll('*'))]) {
    if (el.children.length > 0 && el.tagName !== 'LI' && el.tagName !== 'A') continue;
    const text = (el.textContent ?? '').trim();
    if (text === name || (text.includes(name) && !IN_PROGRESS.test(text))) return true;
  }
  return false;
}

/** The nearest ancestor (at most `depth` up) of `from` whose text holds `name`, checked for a finished listing. */
function shownAround(from: Element, name: string, depth = 6): boolean {
  let node: Element | null = from;
  for (let i = 0; node && i <= depth; i++, node = node.parentElement) if ((node.textContent ?? '').includes(name)) return listsFile(node, name);
  return false;
}

/** The places the page may show the question's files: around the control (and its trigger), and an open dialog. */
function shownIn(control: Element, name: string, dialog: Element | null): boolean {
  const anchors = [control, ...(isFileInput(control) ? uploadTrigger(control) : [])];
  if (anchors.some((a) => shownAround(a, name))) return true;
  return dialog !== null && dialog.isConnected && listsFile(dialog, name);
}

function inputNames(control: Element): string[] {
  return isFileInput(control) && control.files ? Array.from(control.files, (f) => f.name) : [];
}

async function waitShown(control: Element, name: string, dialog: () => Element | null, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (shownIn(control, name, dialog())) return true;
    if (signal?.aborted || Date.now() >= deadline) return false;
    await sleep(SLEEP_MS);
  }
}

export interface AttachOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** Hands `file` to the control's upload path and reports what the page shows afterwards. */
export async function attachFile(control: Element, file: File, options: AttachOptions = {}): Promise<Omit<AttachReply, 'type'>> {
  const timeoutMs = options.timeoutMs ?? CONFIRM_TIMEOUT_MS;
  let dialog: Element | null = null;
  if (isFileInput(control)) {
    if (control.accept && !acceptsFile(control.accept, file)) {
      return { status: 'refused', shown: inputNames(control), message: `The page's upload control accepts only ${control.accept}; "${file.name}" was not attached.` };
    }
    const keep = control.multiple && control.files ? Array.from(control.files).filter((f) => f.name !== file.name) : [];
    putOnInput(control, [...keep, file]);
    // A visible native input shows the chosen file itself: what it holds is the page's state.
    if (isStyleVisible(control)) {
      const names = inputNames(control);
      if (names.includes(file.name)) {
        await waitShown(control, file.name, () => null, Math.min(timeoutMs, 1000), options.signal);
        return { status: 'attached', shown: names };
      }
      return { status: 'unconfirmed', shown: names, message: `The page did not keep "${file.name}" in its file input.` };
    }
  } else {
    (control as HTMLElement).click();
    const doc = control.ownerDocument;
    const deadline = Date.now() + DIALOG_TIMEOUT_MS;
    while (!(dialog = openUploadDialog(doc)) && Date.now() < deadline && !options.signal?.aborted) await sleep(SLEEP_MS);
    if (!dialog) return { status: 'refused', shown: [], message: 'The attachment button opened no upload dialog with a drop zone or file input; attach the file in the portal yourself.' };
    const zone = dropZoneIn(dialog);
    const input = dialog.querySelector<HTMLInputElement>('input[type="file"]');
    if (zone) dropOn(zone, file);
    else if (input) putOnInput(input, [file]);
  }
  const openDialog = dialog;
  const ok = await waitShown(control, file.name, () => openDialog ?? openUploadDialog(control.ownerDocument), timeoutMs, options.signal);
  if (openDialog?.isConnected) closeDialog(openDialog);
  return ok
    ? { status: 'attached', shown: [file.name] }
    : { status: 'unconfirmed', shown: inputNames(control), message: `The page did not show "${file.name}" within ${Math.round(timeoutMs / 1000)} s; check the question's attachments in the portal.` };
}

/** Closes an upload dialog by its own Close / Done button (never a Save or Submit). */
function closeDialog(dialog: Element): void {
  const close = Array.from(dialog.querySelectorAll<HTMLElement>('button')).find((b) => /^(close|done|cancel)$/i.test((b.getAttribute('aria-label') ?? b.textContent ?? '').trim()));
  close?.click();
}

/** Undo: clears the file from a file input; a page that keeps an uploaded file is reported, not fought. */
export async function detachFile(control: Element, fileName: string, options: AttachOptions = {}): Promise<Omit<AttachReply, 'type'>> {
  const keptMessage = `The portal keeps the uploaded file "${fileName}"; remove it from the question's attachments in the portal yourself.`;
  if (!isFileInput(control)) return { status: 'kept', shown: [fileName], message: keptMessage };
  const remaining = Array.from(control.files ?? []).filter((f) => f.name !== fileName);
  putOnInput(control, remaining);
  // Give the page a moment to re-render its list from the input before reading it.
  const deadline = Date.now() + Math.min(options.timeoutMs ?? 1000, 1000);
  while (shownIn(control, fileName, null) && Date.now() < deadline && !options.signal?.aborted) await sleep(SLEEP_MS);
  const names = inputNames(control);
  if (names.includes(fileName)) return { status: 'kept', shown: names, message: `The page put "${fileName}" back into its file input; remove it in the portal yourself.` };
  if (shownIn(control, fileName, null)) return { status: 'kept', shown: [fileName], message: keptMessage };
  return { status: 'removed', shown: names };
}
