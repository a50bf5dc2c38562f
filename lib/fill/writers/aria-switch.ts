// A switch: an ARIA switch (role="switch" on an element that is not a checkbox) is on or off as aria-checked says,
// and holds no answer while aria-checked is absent or "mixed". A native checkbox switch (MUI's Switch) is on when
// checked; off is an answer only once it has been set (by a fill), since an untouched switch says nothing.
// A fill clicks it as a person does; reaching "No" from no answer can take two clicks (on, then off), so the page
// records an explicit No rather than nothing.
import type { FieldWriter } from '../types';
import { realClick, settle } from '../dom-events';
import { matchOption, wantedLabels } from '../option-match';
import { FillRefusedError } from '../fill-errors';

/** Native switches this page's fills have set: unchecked is "No" for these, no answer for the others. */
const setSwitches = new WeakSet<Element>();

function isNative(control: Element): control is HTMLInputElement {
  return control.tagName === 'INPUT';
}

function state(control: Element): boolean | null {
  if (isNative(control)) return control.checked ? true : setSwitches.has(control) ? false : null;
  const checked = control.getAttribute('aria-checked');
  return checked === 'true' ? true : checked === 'false' ? false : null;
}

export const switchWriter: FieldWriter = {
  id: 'switch',
  read(control) {
    const on = state(control);
    return on === null ? null : on ? 'Yes' : 'No';
  },
  async write(control, value) {
    const wanted = wantedLabels(value);
    const yes = wanted.length === 1 ? matchOption(wanted[0] as string, ['Yes', 'No']) : -1;
    if (yes < 0) throw new FillRefusedError(`a switch takes Yes or No${wanted.length === 1 ? `, got "${wanted[0]}"` : ''}`);
    const target = yes === 0;
    for (let clicks = 0; clicks < 2 && state(control) !== target; clicks++) {
      realClick(control);
      await settle();
    }
    if (isNative(control)) setSwitches.add(control);
  },
};
