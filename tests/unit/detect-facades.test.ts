// @vitest-environment happy-dom
// Facades over native controls under happy-dom (styles only): the facade is the one question, with the hidden
// select's options as plain text; date-picker text boxes are dates; option captions written as markup are words.
import { describe, expect, it } from 'vitest';
import { collectUnits, isDatePickerInput } from '../../lib/detect/controls';
import { frontedSelect, plainOptionText } from '../../lib/detect/facades';

describe('facades over native selects', () => {
  it('lists a combobox that fronts a hidden select once, with the select options and its multiple flag', () => {
    document.body.innerHTML = `
      <div class="q"><label for="certs-ts">Which certifications do you hold?</label>
        <select id="certs" multiple hidden><option value="iso">ISO 27001</option><option value="soc">SOC 2</option></select>
        <div class="wrap"><div class="control"><input id="certs-ts" role="combobox" aria-expanded="false"></div></div>
      </div>`;
    const units = collectUnits(document);
    expect(units.map((u) => [u.el.id, u.kind, u.writer, u.options])).toEqual([['certs-ts', 'multi-choice', 'facade-select', ['ISO 27001', 'SOC 2']]]);
  });

  it('leaves a visible select and a combobox standing on its own alone', () => {
    document.body.innerHTML = `
      <div class="q"><select id="s"><option value="a">A</option></select><input id="c" role="combobox"></div>`;
    expect(frontedSelect(document.getElementById('c')!)).toBeNull();
    expect(collectUnits(document).map((u) => u.writer)).toEqual(['select', 'listbox']);
  });

  it('takes the search box of the open menu, naming the same list, as part of the facade (live search)', () => {
    document.body.innerHTML = `
      <div class="q"><label for="hosting">Country where customer data is hosted</label>
        <div class="picker">
          <select id="hosting" style="opacity: 0"><optgroup label="Europe"><option value="de">Germany</option></optgroup><optgroup label="Americas"><option value="ca">Canada</option></optgroup></select>
          <button id="toggle" type="button" role="combobox" aria-owns="bs-1" aria-haspopup="listbox">Choose a country</button>
          <div class="menu" style="display: none">
            <div class="search"><input id="search" type="search" role="combobox" aria-label="Search" aria-controls="bs-1"></div>
            <div id="bs-1" role="listbox"><ul><li><a role="option">Germany</a></li></ul></div>
          </div>
        </div>
      </div>`;
    expect(frontedSelect(document.getElementById('toggle')!)?.id).toBe('hosting');
    const units = collectUnits(document);
    expect(units.map((u) => [u.el.id, u.kind, u.writer, u.options])).toEqual([['toggle', 'single-choice', 'facade-select', ['Germany', 'Canada']]]);
    // A combobox naming another list is another widget: the select is no longer one facade's.
    document.getElementById('search')!.setAttribute('aria-controls', 'elsewhere');
    expect(frontedSelect(document.getElementById('toggle')!)).toBeNull();
  });

  it('takes a button that pops up a listbox as one choice, and the tab-less toggle of a combobox as part of its box', () => {
    document.body.innerHTML = `
      <div class="q"><label id="l1">Main hosting region</label>
        <button id="region" type="button" aria-haspopup="listbox" aria-expanded="false" aria-labelledby="l1">Select...</button></div>
      <div class="q"><label id="l2" for="keep">How long are audit logs kept?</label>
        <input id="keep" role="combobox" aria-expanded="false" aria-labelledby="l2">
        <button id="keep-toggle" type="button" tabindex="-1" aria-haspopup="listbox" aria-expanded="false">v</button></div>
      <div class="q"><button id="menu" type="button" aria-haspopup="menu">Actions</button></div>`;
    const units = collectUnits(document);
    expect(units.map((u) => [u.el.id, u.writer])).toEqual([['region', 'listbox'], ['keep', 'listbox']]);
  });

  it('reads markup captions as the words a person sees', () => {
    expect(plainOptionText('<span class="lvl">Special category</span> data')).toBe('Special category data');
    expect(plainOptionText('R&amp;D <b>only</b>')).toBe('R&D only');
    expect(plainOptionText('A < B and C > D')).toBe('A < B and C > D');
  });
});

describe('date pickers built on text boxes', () => {
  it('are dates by placeholder format, picker popup or date class', () => {
    const make = (html: string) => {
      document.body.innerHTML = html;
      return document.querySelector('input') as HTMLInputElement;
    };
    expect(isDatePickerInput(make('<input type="text" placeholder="YYYY-MM-DD">'))).toBe(true);
    expect(isDatePickerInput(make('<input type="text" placeholder="dd/mm/yyyy">'))).toBe(true);
    expect(isDatePickerInput(make('<input type="text" class="hasDatepicker">'))).toBe(true);
    expect(isDatePickerInput(make('<input type="text" aria-haspopup="dialog">'))).toBe(true);
    expect(isDatePickerInput(make('<input type="text" name="update_notes" placeholder="Your name">'))).toBe(false);
  });
});
