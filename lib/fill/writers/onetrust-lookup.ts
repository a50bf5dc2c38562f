// OneTrust lookup (`ot-lookup`: an input that opens a listbox of `[id^=listbox-option-unique-id-]` options): open it,
// pick the option by label with a click, typing the label to filter when the list does not show it, and confirm
// the input shows the pick. A label with no option closes the list and puts back what the input showed.
import type { FieldWriter, WriteOptions } from '../types';
import { fireInput, realClick, setNativeValue, settle } from '../dom-events';
import { matchOption, NoSuchOptionError, wantedLabels } from '../option-match';
import { waitFor } from '../wait-for';
import { FillRefusedError } from '../fill-errors';
import { normalizeText } from '../../detect/text';
import { getByIdInScope } from '../../detect/deep-query';

const DEFAULT_TIMEOUT_MS = 5000;
/** How long a typed filter may take to re-render the options (the real component asks its server). */
const FILTER_WAIT_MS = 1500;

function listboxOf(input: HTMLInputElement): Element | null {
  const id = input.getAttribute('aria-controls') ?? input.getAttribute('aria-owns');
  const controlled = id ? getByIdInScope(input, id) : null;
  if (controlled) return controlled.getAttribute('role') === 'listbox' ? controlled : controlled.querySelector('[role="listbox"]');
  return input.closest('ot-lookup')?.querySelector('[role="listbox"]') ?? null;
}

export function optionsOf(input: HTMLInputElement): HTMLElement[] {
  const listbox = listboxOf(input);
  return listbox ? Array.from(listbox.querySelectorAll<HTMLElement>('[role="option"]')).filter((o) => o.getAttribute('aria-disabled') !== 'true') : [];
}

export const optionText = (o: Element) => normalizeText(o.textContent ?? '');
const text = optionText;

function findOption(input: HTMLInputElement, label: string): HTMLElement | undefined {
  const options = optionsOf(input);
  const i = matchOption(label, options.map(text));
  return i >= 0 ? options[i] : undefined;
}

export function closeLookup(input: HTMLInputElement): void {
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  input.blur();
}

/** Open the lookup's list (focus and click, as a user does) and wait for its options; returns them. */
export async function openLookup(input: HTMLInputElement, timeoutMs: number, signal?: AbortSignal): Promise<HTMLElement[]> {
  if (optionsOf(input).length === 0) {
    input.focus({ preventScroll: true });
    realClick(input);
  }
  return waitFor(() => {
    const shown = optionsOf(input);
    return shown.length > 0 ? shown : null;
  }, timeoutMs, 'the lookup options to open', signal);
}

async function pick(input: HTMLInputElement, label: string, options: WriteOptions): Promise<string> {
  await openLookup(input, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, options.signal);
  let option = findOption(input, label);
  if (!option) {
    // Long lists show their first options only: type the label to filter.
    setNativeValue(input, label);
    fireInput(input, label);
    option = await waitFor(() => findOption(input, label), FILTER_WAIT_MS, 'a matching option', options.signal).catch(() => undefined);
  }
  if (!option) throw new NoSuchOptionError(label, optionsOf(input).map(text));
  const chosen = text(option);
  realClick(option);
  await settle(0);
  return chosen;
}

export const onetrustLookupWriter: FieldWriter = {
  id: 'onetrust-lookup',
  read(control) {
    return normalizeText((control as HTMLInputElement).value ?? '') || null;
  },
  async write(control, value, _kind, options) {
    const input = control as HTMLInputElement;
    const wanted = wantedLabels(value);
    if (wanted.length !== 1) throw new FillRefusedError('a OneTrust lookup takes exactly one option');
    const label = wanted[0] as string;
    const before = input.value;
    for (let attempt = 0; attempt < 2; attempt++) {
      let chosen: string;
      try {
        chosen = await pick(input, label, options);
      } catch (err) {
        // Nothing half-written: the typed filter goes, the list closes.
        if (input.value !== before) {
          setNativeValue(input, before);
          fireInput(input, before);
        }
        closeLookup(input);
        throw err;
      }
      const closed = () => input.getAttribute('aria-expanded') !== 'true' || optionsOf(input).length === 0;
      const shown = await waitFor(() => normalizeText(input.value) === chosen && closed(), options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 'the lookup to show the pick', options.signal).catch(() => false);
      if (shown) return;
    }
    closeLookup(input);
    throw new Error(`the OneTrust lookup does not show "${label}" after two picks`);
  },
};
