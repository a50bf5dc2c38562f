// Button groups (aria-pressed buttons, role=radio/checkbox elements): click the option, then wait until the
// group is enabled again (portals disable the buttons while they save) before the next click or the read-back.
import type { FieldWriter, WriteOptions } from '../types';
import { realClick } from '../dom-events';
import { requireOption, wantedLabels } from '../option-match';
import { optionLabel } from '../../detect/controls';
import { waitFor } from '../wait-for';
import { FillRefusedError } from '../fill-errors';

const BUTTON_SELECTOR = '[role="radio"], [role="checkbox"], button[aria-pressed], [role="button"][aria-pressed]';
const DEFAULT_TIMEOUT_MS = 3000;

export function buttonsOf(control: Element): Element[] {
  return Array.from(control.querySelectorAll(BUTTON_SELECTOR)).filter((b) => b.tagName !== 'INPUT');
}

function isSelected(b: Element): boolean {
  return b.getAttribute('aria-pressed') === 'true' || b.getAttribute('aria-checked') === 'true' || b.getAttribute('aria-selected') === 'true';
}

function isDisabled(b: Element): boolean {
  return (b as HTMLButtonElement).disabled === true || b.getAttribute('aria-disabled') === 'true';
}

async function clickWhenEnabled(buttons: Element[], target: Element, options: WriteOptions): Promise<void> {
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  await waitFor(() => !isDisabled(target), timeout, 'the option to be enabled', options.signal);
  realClick(target);
  // A portal that saves on click disables the group a moment later; wait for it to come back.
  await new Promise((ok) => setTimeout(ok, 0));
  await waitFor(() => buttons.every((b) => !isDisabled(b)), timeout, 'the button group to be enabled again', options.signal);
}

export const buttonGroupWriter: FieldWriter = {
  id: 'button-group',
  facade: buttonsOf,
  read(control, kind) {
    const selected = buttonsOf(control).filter(isSelected).map(optionLabel);
    if (kind === 'multi-choice') return selected;
    return selected[0] ?? null;
  },
  async write(control, value, kind, options) {
    const buttons = buttonsOf(control);
    const labels = buttons.map(optionLabel);
    const wanted = wantedLabels(value);
    const multiple = kind === 'multi-choice';
    if (!multiple && wanted.length !== 1) throw new FillRefusedError('a single-choice button group takes exactly one label');
    const picked = new Set(wanted.map((w) => requireOption(w, labels)));
    for (const [i, b] of buttons.entries()) {
      const want = picked.has(i);
      if (want === isSelected(b)) continue;
      if (!multiple && !want) continue;
      await clickWhenEnabled(buttons, b, options);
    }
  },
};
