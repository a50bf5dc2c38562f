// @vitest-environment happy-dom
// Writers and the fill engine under happy-dom (style-only visibility): event paths, option matching by label,
// read-back statuses, refusals, and that nothing submits a form.
import { beforeEach, describe, expect, it } from 'vitest';
import { FieldRegistry } from '../../lib/detect/field-registry';
import { scanPage } from '../../lib/detect/scan-page';
import { fieldOwners, fillFields } from '../../lib/fill/fill-fields';
import { matchOption, sameValue } from '../../lib/fill/option-match';
import { fieldWriters } from '../../lib/fill/writers';
import type { FillRequest, PageScan } from '../../lib/schema';

let registry: FieldRegistry;
let scan: PageScan;
let submits: number;

function load(html: string): void {
  document.body.innerHTML = `<form id="f">${html}</form>`;
  submits = 0;
  document.getElementById('f')!.addEventListener('submit', (e) => {
    e.preventDefault();
    submits++;
  });
  registry = new FieldRegistry('u');
  scan = scanPage(document, { adapters: [], layout: false, registry });
}

function id(text: string): string {
  const q = scan.questions.find((x) => x.text.includes(text));
  if (!q) throw new Error(`no question ${text} in ${scan.questions.map((x) => x.text).join(' | ')}`);
  return q.fieldId;
}

/** The question that owned `fieldId` at the first scan: what the analyst chose it for. */
function chosenFor(fieldId: string): FillRequest['question'] {
  const q = scan.questions.find((x) => [x.fieldId, x.commentFieldId, x.attachmentFieldId].includes(fieldId));
  return { key: q?.key ?? 'never-scanned', text: q?.text ?? 'never scanned' };
}

/** Fill as the content script does: requests carry the question as first scanned, checked against a fresh scan. */
async function fill(requests: Array<Omit<FillRequest, 'question'>>) {
  const owners = () => fieldOwners(scanPage(document, { adapters: [], layout: false, registry }));
  return fillFields(requests.map((r) => ({ ...r, question: chosenFor(r.fieldId) })), { registry, owners, layout: false });
}

describe('writer registry', () => {
  it('holds every generic writer once, under a unique id', () => {
    const ids = fieldWriters.map((w) => w.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['input', 'textarea', 'contenteditable', 'select', 'radio-group', 'checkbox-group', 'button-group', 'listbox', 'date', 'file']) expect(ids).toContain(id);
  });
});

describe('option matching', () => {
  it('matches exactly, loosely, then by Yes/No/N/A synonyms', () => {
    expect(matchOption('Yes', ['No', 'Yes'])).toBe(1);
    expect(matchOption('yes.', ['No', 'Yes'])).toBe(1);
    expect(matchOption('N/A', ['Yes', 'No', 'Not applicable'])).toBe(2);
    expect(matchOption('true', ['Y', 'N'])).toBe(0);
    expect(matchOption('Maybe', ['Yes', 'No'])).toBe(-1);
  });
  it('compares text exactly (line endings aside) and choices by label', () => {
    expect(sameValue('a\r\nb', 'a\nb', 'textarea')).toBe(true);
    expect(sameValue('Yes', 'yes', 'text')).toBe(false);
    expect(sameValue('Yes', 'yes', 'yesno')).toBe(true);
    expect(sameValue(['B', 'A'], ['A', 'B'], 'multi-choice')).toBe(true);
    expect(sameValue(['A'], ['A', 'B'], 'multi-choice')).toBe(false);
    expect(sameValue(null, '', 'text')).toBe(true);
  });
});

describe('writers and statuses', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('input: native setter then input, change, blur; a second identical fill is unchanged', async () => {
    load('<label for="a">Company name</label><input id="a" name="a">');
    const events: string[] = [];
    const input = document.getElementById('a') as HTMLInputElement;
    for (const t of ['input', 'change', 'blur']) input.addEventListener(t, () => events.push(t));
    const [r] = await fill([{ fieldId: id('Company'), value: 'Northwind' }]);
    expect(r).toMatchObject({ status: 'filled', previous: '', actual: 'Northwind' });
    expect(events).toEqual(['input', 'change', 'blur']);
    const [again] = await fill([{ fieldId: id('Company'), value: 'Northwind' }]);
    expect(again?.status).toBe('unchanged');
    expect(submits).toBe(0);
  });

  it('textarea with maxlength is cut like typing would cut it and reported truncated', async () => {
    load('<label for="t">Describe your SDLC</label><textarea id="t" maxlength="10"></textarea>');
    const [r] = await fill([{ fieldId: id('SDLC'), value: 'Threat modelling for every feature' }]);
    expect(r).toMatchObject({ status: 'truncated', actual: 'Threat mod' });
  });

  it('select picks by label and refuses an unknown label without changing anything', async () => {
    load('<label for="s">Hosting region</label><select id="s"><option value="">-</option><option value="eu">European Union</option><option value="us">United States</option></select>');
    const select = document.getElementById('s') as HTMLSelectElement;
    const [ok, bad] = await fill([
      { fieldId: id('Hosting'), value: 'european union' },
      { fieldId: id('Hosting'), value: 'Mars' },
    ]);
    expect(ok).toMatchObject({ status: 'filled', actual: 'European Union', previous: null });
    expect(bad).toMatchObject({ status: 'refused', actual: 'European Union' });
    expect(bad?.message).toContain('"Mars"');
    expect(select.value).toBe('eu');
  });

  it('a multiple select takes a list of labels and reads back the selected ones', async () => {
    load('<label for="m">Certifications held</label><select id="m" multiple><option>ISO 27001</option><option>SOC 2</option><option>PCI DSS</option></select>');
    const q = scan.questions[0]!;
    expect(q).toMatchObject({ kind: 'multi-choice', writer: 'select', options: ['ISO 27001', 'SOC 2', 'PCI DSS'] });
    const changes: number[] = [];
    document.getElementById('m')!.addEventListener('change', () => changes.push(1));
    const [r, bad] = await fill([
      { fieldId: q.fieldId, value: ['PCI DSS', 'iso 27001'] },
      { fieldId: q.fieldId, value: ['SOC 2', 'HIPAA'] },
    ]);
    expect(r).toMatchObject({ status: 'filled', previous: [], actual: ['ISO 27001', 'PCI DSS'] });
    expect(bad).toMatchObject({ status: 'refused', actual: ['ISO 27001', 'PCI DSS'] });
    expect(changes).toEqual([1]);
  });

  it('radios and checkboxes are clicked (the click handler runs), exactly once per change', async () => {
    load(
      '<fieldset><legend>Do you encrypt backups?</legend><label><input type="radio" name="r" value="y">Yes</label><label><input type="radio" name="r" value="n">No</label></fieldset>' +
        '<fieldset><legend>Which clouds?</legend><label><input type="checkbox" name="c1">AWS</label><label><input type="checkbox" name="c2">Azure</label><label><input type="checkbox" name="c3">GCP</label></fieldset>',
    );
    const clicks: string[] = [];
    document.body.addEventListener('click', (e) => clicks.push((e.target as HTMLInputElement).name + ':' + (e.target as HTMLInputElement).value));
    const results = await fill([
      { fieldId: id('encrypt'), value: 'No' },
      { fieldId: id('clouds'), value: ['GCP', 'AWS'] },
      { fieldId: id('clouds'), value: ['GCP'] },
    ]);
    expect(results.map((r) => r.status)).toEqual(['filled', 'filled', 'filled']);
    expect(results[1]).toMatchObject({ previous: [], actual: ['AWS', 'GCP'] });
    expect(clicks).toEqual(['r:n', 'c1:on', 'c3:on', 'c1:on']);
  });

  it('contenteditable gets plain text, never markup', async () => {
    load('<p id="l">Describe your incident process</p><div contenteditable="true" aria-labelledby="l" id="e"></div>');
    const [r] = await fill([{ fieldId: id('incident'), value: '<img src=x onerror=alert(1)>\nline two' }]);
    expect(r?.status).toBe('filled');
    const editor = document.getElementById('e')!;
    expect(editor.querySelector('img')).toBeNull();
    expect(editor.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('refuses disabled, read-only and hidden fields; reports not-found, stale and rejected', async () => {
    load(
      '<label for="d">Disabled field</label><input id="d" disabled>' +
        '<label for="r">Read-only field</label><input id="r" readonly>' +
        '<div id="wrap"><label for="h">Soon hidden field</label><input id="h"></div>' +
        '<label for="g">Soon removed field</label><input id="g">' +
        '<label for="s" id="sl">Original question text</label><input id="s">' +
        '<label for="x">Field the page resets</label><input id="x">',
    );
    const ids = ['Disabled', 'Read-only', 'hidden', 'removed', 'Original', 'resets'].map(id);
    document.getElementById('wrap')!.style.display = 'none';
    document.getElementById('g')!.remove();
    document.getElementById('sl')!.textContent = 'Changed question text';
    const x = document.getElementById('x') as HTMLInputElement;
    x.addEventListener('change', () => {
      x.value = '';
    });
    const results = await fill([
      { fieldId: ids[0]!, value: 'v' },
      { fieldId: ids[1]!, value: 'v' },
      { fieldId: ids[2]!, value: 'v' },
      { fieldId: ids[3]!, value: 'v' },
      { fieldId: ids[4]!, value: 'v' },
      { fieldId: ids[5]!, value: 'v' },
    ]);
    expect(results.map((r) => [r.status, r.message])).toEqual([
      ['refused', 'the field is disabled'],
      ['refused', 'the field is read-only'],
      ['refused', 'the field is hidden'],
      ['not-found', 'the field is no longer on the page'],
      ['stale', 'the question now reads "Changed question text"'],
      ['rejected', 'the page shows no answer after the fill'],
    ]);
    expect((document.getElementById('s') as HTMLInputElement).value).toBe('');
  });

  it('a file input is detected as an attachment but never filled', async () => {
    load('<fieldset><legend>Do you have a policy?</legend><label><input type="radio" name="p">Yes</label><label><input type="radio" name="p">No</label><input type="file" name="f"></fieldset>');
    const q = scan.questions[0]!;
    expect(q.attachmentFieldId).toBeDefined();
    const [r] = await fill([{ fieldId: q.attachmentFieldId!, value: 'policy.pdf' }]);
    expect(r?.status).toBe('refused');
  });
});
