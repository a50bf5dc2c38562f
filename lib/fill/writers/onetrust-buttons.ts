// OneTrust option buttons (`button.vt-button.full-width`, selected = `vt-button--primary`, multi-choice also
// `aria-checked`): every click starts a save that disables the question's buttons and ignores clicks meanwhile,
// so each click waits for the group to be enabled, then confirms the selection and clicks once more if it did
// not take. Also the text question with a lone "Not applicable" button beside its Quill editor.
import type { FieldWriter, WriteOptions } from '../types';
import { realClick, settle } from '../dom-events';
import { requireOption, wantedLabels } from '../option-match';
import { waitFor } from '../wait-for';
import { FillRefusedError } from '../fill-errors';
import { normalizeText } from '../../detect/text';
import { naButtonOf } from '../../detect/portals/onetrust';
import { quillEditorOf, readQuillText, writeQuillText } from './quill';

const OPTION_BUTTON = 'button.vt-button.full-width';
const DEFAULT_TIMEOUT_MS = 5000;

function optionButtons(control: Element): HTMLButtonElement[] {
  return Array.from(control.querySelectorAll<HTMLButtonElement>(OPTION_BUTTON));
}

function label(b: Element): string {
  return normalizeText(b.textContent ?? '');
}

export function isOptionSelected(b: Element): boolean {
  return b.classList.contains('vt-button--primary') || b.getAttribute('aria-checked') === 'true' || b.getAttribute('aria-pressed') === 'true';
}

/** The question's buttons (options and the N/A button): the save disables all of them. */
function questionButtons(b: Element): HTMLButtonElement[] {
  const card = b.closest('aa-assessment-detail-question, assessment-detail-question') ?? b.parentElement ?? b;
  return Array.from(card.querySelectorAll<HTMLButtonElement>('button.vt-button')).filter((x) => !x.closest('.aa-question__footer'));
}

const enabled = (buttons: HTMLButtonElement[]) => buttons.every((x) => !x.disabled && x.getAttribute('aria-disabled') !== 'true');

/** Click `b` until its selected state is `want`: wait for the group, click, wait for the save, confirm; retry once. */
export async function toggleTo(b: HTMLButtonElement, want: boolean, options: WriteOptions): Promise<void> {
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const group = questionButtons(b);
  for (let attempt = 0; attempt < 2; attempt++) {
    await waitFor(() => enabled(group), timeout, `the buttons of "${label(b)}" to be enabled`, options.signal);
    if (isOptionSelected(b) === want) return;
    realClick(b);
    // The save disables the buttons right after the click (or a tick later); wait until it is over.
    await settle(50);
    await waitFor(() => enabled(group), timeout, `the save after clicking "${label(b)}"`, options.signal);
    if (isOptionSelected(b) === want) return;
  }
  throw new Error(`the OneTrust option "${label(b)}" is still ${want ? 'not selected' : 'selected'} after two clicks`);
}

export const onetrustButtonsWriter: FieldWriter = {
  id: 'onetrust-buttons',
  facade: optionButtons,
  read(control, kind) {
    const selected = optionButtons(control).filter(isOptionSelected).map(label);
    if (kind === 'multi-choice') return selected;
    return selected[0] ?? null;
  },
  async write(control, value, kind, options) {
    const buttons = optionButtons(control);
    const labels = buttons.map(label);
    const wanted = wantedLabels(value);
    const multiple = kind === 'multi-choice';
    if (!multiple && wanted.length > 1) throw new FillRefusedError(`a single-choice question takes one option, got ${wanted.length}`);
    // Resolve every label before the first click, so an unknown one changes nothing.
    const picked = new Set(wanted.map((w) => requireOption(w, labels)));
    if (multiple) {
      for (const [i, b] of buttons.entries()) await toggleTo(b, picked.has(i), options);
      return;
    }
    const [target] = [...picked];
    if (target === undefined) {
      // No answer: clicking the selected option again clears it.
      for (const b of buttons) if (isOptionSelected(b)) await toggleTo(b, false, options);
      return;
    }
    await toggleTo(buttons[target] as HTMLButtonElement, true, options);
  },
};

/** Text question with a lone "Not applicable" button: that label selects the button, any other text goes to Quill. */
export const onetrustRichTextWriter: FieldWriter = {
  id: 'onetrust-richtext',
  facade: (card) => [quillEditorOf(card)],
  read(card) {
    const na = naButtonOf(card);
    if (na && isOptionSelected(na)) return label(na);
    return readQuillText(quillEditorOf(card));
  },
  async write(card, value, _kind, options) {
    if (Array.isArray(value)) throw new FillRefusedError('a text question takes text, not a list of options');
    const na = naButtonOf(card);
    const text = value ?? '';
    // Only the button's own label selects it: the read-back is that label, so "N/A" stays text the analyst wrote.
    if (na && normalizeText(text) === label(na)) {
      await toggleTo(na, true, options);
      return;
    }
    if (na && isOptionSelected(na)) await toggleTo(na, false, options);
    await writeQuillText(quillEditorOf(card), text);
  },
};
