// @vitest-environment happy-dom
// The select2 v3 writer's guards: it reads the chosen label, and refuses bad values before touching the widget
// (no mousedown reaches select2, so nothing is half-written). Driving real select2 is proven in the e2e suite.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { select2Writer } from '../../lib/fill/writers/select2';
import { FillRefusedError } from '../../lib/fill/fill-errors';
import { NoSuchOptionError } from '../../lib/fill/option-match';

let container: Element;
let events: string[];
let listening: AbortController;

function markup(chosen: string | null, opts: { none?: boolean; allowClear?: boolean } = {}): string {
  const clear = opts.allowClear ? ' select2-allowclear' : '';
  return `<div class="select2-container${clear}" id="s2id_autogen7">
      <a class="select2-choice${chosen === null ? ' select2-default' : ''}"><span class="select2-chosen">${chosen ?? '-- None --'}</span>
      <abbr class="select2-search-choice-close"></abbr></a></div>
    <select name="ASMTQUESTION:abc"><option value="">${opts.none ? '-- None --' : ''}</option><option value="-1">Not Applicable</option>
      <option value="1">Yes</option><option value="0">No</option></select>`;
}

beforeEach(() => {
  document.body.innerHTML = markup(null);
  container = document.querySelector('.select2-container') as Element;
  events = [];
  listening = new AbortController();
  for (const type of ['mousedown', 'mouseup', 'click']) {
    document.addEventListener(type, (e) => events.push(`${type}:${(e.target as Element).className}`), { capture: true, signal: listening.signal });
  }
});

afterEach(() => listening.abort());

describe('select2 v3 writer', () => {
  it('reads the chosen label, and nothing while the placeholder shows', () => {
    expect(select2Writer.read(container, 'yesno')).toBe('');
    document.body.innerHTML = markup('Not Applicable');
    expect(select2Writer.read(document.querySelector('.select2-container') as Element, 'yesno')).toBe('Not Applicable');
    expect(select2Writer.read(document.querySelector('select') as Element, 'yesno')).toBe('Not Applicable');
  });

  it('refuses an option the list does not have, naming the options, before opening the list', async () => {
    const write = select2Writer.write(container, 'Maybe', 'yesno', {});
    await expect(write).rejects.toThrow(NoSuchOptionError);
    await expect(select2Writer.write(container, 'Maybe', 'yesno', {})).rejects.toThrow('"Not Applicable", "Yes", "No"');
    expect(events).toEqual([]);
  });

  it('refuses several labels, and clearing a list with neither a None option nor allowClear, before opening the list', async () => {
    await expect(select2Writer.write(container, ['Yes', 'No'], 'yesno', {})).rejects.toThrow(FillRefusedError);
    document.body.innerHTML = markup('Yes');
    const chosen = document.querySelector('.select2-container') as Element;
    await expect(select2Writer.write(chosen, null, 'yesno', {})).rejects.toThrow('neither a "-- None --" option nor a clear button');
    expect(events).toEqual([]);
  });

  it('reads a picked "-- None --" option as no answer, and clearing an empty list does nothing', async () => {
    document.body.innerHTML = markup('-- None --', { none: true });
    const none = document.querySelector('.select2-container') as Element;
    expect(select2Writer.read(none, 'yesno')).toBe('');
    await select2Writer.write(none, null, 'yesno', {});
    expect(events).toEqual([]);
  });

  it('clears through the None option by opening the list, or through allowClear\'s × with a mousedown', async () => {
    document.body.innerHTML = markup('Yes', { none: true });
    await expect(select2Writer.write(document.querySelector('.select2-container') as Element, null, 'yesno', { timeoutMs: 50 })).rejects.toThrow('the select2 list to open');
    expect(events).toEqual(['mousedown:select2-choice']);
    events.length = 0;
    document.body.innerHTML = markup('Yes', { allowClear: true });
    const abbr = document.querySelector('abbr') as Element;
    // Stands in for select2's handler: the × empties the selection.
    abbr.addEventListener('mousedown', () => {
      document.querySelector('.select2-choice')!.classList.add('select2-default');
    });
    await select2Writer.write(document.querySelector('.select2-container') as Element, null, 'yesno', { timeoutMs: 500 });
    expect(events).toEqual(['mousedown:select2-search-choice-close']);
    expect(select2Writer.read(document.querySelector('.select2-container') as Element, 'yesno')).toBe('');
  });

  it('does nothing when the chosen label already matches (synonyms included)', async () => {
    document.body.innerHTML = markup('Not Applicable');
    await select2Writer.write(document.querySelector('.select2-container') as Element, 'N/A', 'yesno', {});
    expect(events).toEqual([]);
  });

  it('opens the list with a mousedown on the choice, and reports a list that never opens', async () => {
    await expect(select2Writer.write(container, 'Yes', 'yesno', { timeoutMs: 50 })).rejects.toThrow('timed out after 50 ms waiting for the select2 list to open');
    expect(events).toEqual(['mousedown:select2-choice select2-default']);
  });

  it('refuses a control that is no longer a select2 widget', async () => {
    document.body.innerHTML = '<select><option>Yes</option></select>';
    await expect(select2Writer.write(document.querySelector('select') as Element, 'Yes', 'yesno', {})).rejects.toThrow(FillRefusedError);
  });
});
