// @vitest-environment happy-dom
// MUI shapes: a spin-button date field (one question, read from aria-valuenow, its concealed input not a question
// of its own), a Rating (radios captioned by the labels before them, its "Empty" radio no option) and a native
// checkbox switch (no answer until set).
import { describe, expect, it } from 'vitest';
import { scanPage } from '../../lib/detect/scan-page';
import { FieldRegistry } from '../../lib/detect/field-registry';
import { dateSectionsWriter } from '../../lib/fill/writers/date-sections';
import { switchWriter } from '../../lib/fill/writers/aria-switch';

function scan(html: string) {
  document.body.innerHTML = html;
  return scanPage(document, { adapters: [], layout: false, registry: new FieldRegistry('t') }).questions;
}

const section = (label: string, max: number, now?: number) =>
  `<span role="spinbutton" aria-label="${label}" aria-valuemin="1" aria-valuemax="${max}"${now === undefined ? '' : ` aria-valuenow="${now}"`} contenteditable="true" tabindex="0">${now ?? label}</span>`;

const dateField = (values: [number?, number?, number?] = []) => `<div><label for="d1" id="d1-label">Date of the last external penetration test</label>
  <div role="group" aria-labelledby="d1-label"><div contenteditable="false">${section('Month', 12, values[0])}<span>/</span>${section('Day', 31, values[1])}<span>/</span>${section('Year', 9999, values[2])}</div>
  <button type="button" aria-label="Choose date">C</button><input id="d1" aria-hidden="true" tabindex="-1" value="" name="pentest"></div></div>`;

describe('a spin-button date field', () => {
  it('is one date question, labelled by its group, its concealed input no question of its own', () => {
    const questions = scan(dateField());
    expect(questions.map((q) => [q.text, q.kind, q.writer, q.currentValue])).toEqual([['Date of the last external penetration test', 'date', 'date-sections', '']]);
  });

  it('reads its sections by their ranges, whatever their order and captions', () => {
    document.body.innerHTML = dateField([2, 14, 2026]);
    const group = document.querySelector('[role="group"]') as Element;
    expect(dateSectionsWriter.read(group, 'date')).toBe('2026-02-14');
    document.body.innerHTML = dateField([2, undefined, 2026]);
    expect(dateSectionsWriter.read(document.querySelector('[role="group"]') as Element, 'date')).toBeNull();
  });

  it('refuses what is not a YYYY-MM-DD date before touching a section', async () => {
    document.body.innerHTML = dateField();
    const group = document.querySelector('[role="group"]') as Element;
    await expect(dateSectionsWriter.write(group, '14/02/2026', 'date', {})).rejects.toThrow('YYYY-MM-DD');
  });

  it('is not a date when a section is missing: spin buttons alone are no question', () => {
    const questions = scan(`<div role="group" aria-label="Quantity">${section('Hours', 23)}${section('Minutes', 59)}</div>`);
    expect(questions).toEqual([]);
  });
});

describe('a Rating', () => {
  it('is one choice named by the text before it, options in page order, without its "Empty" radio', () => {
    const questions = scan(`<div><legend>How mature is your vulnerability management?</legend><span>
      ${['Initial', 'Repeatable', 'Defined'].map((l, i) => `<label for="r${i}"><span>${l}</span></label><input id="r${i}" type="radio" name="m" value="${i + 1}">`).join('')}
      <label><input type="radio" name="m" value="" checked><span>Empty</span></label></span></div>`);
    expect(questions.map((q) => [q.text, q.kind, q.options, q.currentValue])).toEqual([
      ['How mature is your vulnerability management?', 'single-choice', ['Initial', 'Repeatable', 'Defined'], null],
    ]);
  });
});

describe('a native checkbox switch', () => {
  it('is a yes/no switch with no answer while unchecked and untouched; "No" is stored with two clicks', async () => {
    const questions = scan(`<label><input id="s" type="checkbox" role="switch"><span>Do you run a public bug bounty programme?</span></label>`);
    expect(questions.map((q) => [q.text, q.kind, q.writer, q.currentValue])).toEqual([['Do you run a public bug bounty programme?', 'yesno', 'switch', null]]);
    const input = document.getElementById('s') as HTMLInputElement;
    const changes: boolean[] = [];
    input.addEventListener('change', () => changes.push(input.checked));
    await switchWriter.write(input, 'No', 'yesno', {});
    expect(changes).toEqual([true, false]);
    expect(switchWriter.read(input, 'yesno')).toBe('No');
    await switchWriter.write(input, 'Yes', 'yesno', {});
    expect(switchWriter.read(input, 'yesno')).toBe('Yes');
  });
});
