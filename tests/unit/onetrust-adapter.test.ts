// @vitest-environment happy-dom
// The OneTrust adapter on hand-built respondent-view markup: numbers, texts, kinds, options, sections, warnings.
import { beforeEach, describe, expect, it } from 'vitest';
import { onetrustAdapter, readSections } from '../../lib/detect/portals/onetrust';
import { readQuillText } from '../../lib/fill/writers/quill';

const url = new URL('https://app-eu.onetrust.com/app/#/pia/assessment/wizard/info/0f7c/1');

function card(id: string, number: string, name: string, body: string, extra = ''): string {
  return `<aa-assessment-detail-question data-question-id="${id}"><div class="aa-question__container">
    <div class="aa-question__header"><span class="aa-question__number"><span class="aa-question__number-text">${number}</span></span>
    <span class="aa-question__name">${name}</span>${extra}</div>
    <div class="aa-question__response">${body}</div>
    <div class="aa-question__footer"><button class="vt-button vt-button--ghost" aria-label="Attachment for ${name}. 0 attachments available.">A</button>
    <button class="vt-button vt-button--ghost" aria-label="Comments for ${name}. 0 Comments available.">C</button></div></div></aa-assessment-detail-question>`;
}

const buttons = (labels: string[], selected = '') =>
  labels.map((l) => `<div class="aa-question__button"><button class="vt-button full-width ${l === selected ? 'vt-button--primary' : 'vt-button--secondary'}">${l}</button></div>`).join('');

function section(name: string, active: boolean, cards: string): string {
  return `<div class="aa-section-list__staged-delivery--section"><ot-collapse>
    <div class="ot-collapse__header${active ? ' ot-collapse__header--active' : ''}"><button class="ot-collapse__header-btn" aria-expanded="${active}">${name} <span>1/4</span></button></div>
    <div class="ot-collapse__body"><aa-detail><div class="questions-container">${cards}</div></aa-detail></div></ot-collapse></div>`;
}

const uuid = (n: number) => `b0c1e7a2-11aa-4c1e-9d01-${String(n).padStart(12, '0')}`;

beforeEach(() => {
  document.body.innerHTML = `<app-root><downgrade-assessment-detail><section class="aa-section-list">
    ${section('Welcome', false, '')}
    ${section('Access Control', true, [
      card(uuid(1), '2.1', 'Is MFA enforced?', `<div class="aa-question__button-row">${buttons(['Yes', 'No'], 'Yes')}</div>`, '<span class="aa-question__required">*</span>'),
      card(uuid(2), '2.2', 'Which IdPs?', `<aa-multichoice-buttons><div class="aa-question__multichoice">${buttons(['SAML', 'OIDC', 'None'])}</div></aa-multichoice-buttons>`),
      card(uuid(3), '2.4', 'Describe reviews.', '<aa-rich-text-editor><div ot-rich-text-editor-element><div class="ql-container"><div class="ql-editor" contenteditable="true"><p>one</p><p><br></p><p>two</p></div></div></div></aa-rich-text-editor>'),
      card(uuid(4), '2.5', 'Certifications?', '<aa-rich-text-editor><div ot-rich-text-editor-element><div class="ql-editor" contenteditable="true"><p><br></p></div></div></aa-rich-text-editor><div class="aa-question__button-row aa-question__na"><button class="vt-button vt-button--secondary">Not applicable</button></div>'),
      card(uuid(5), '2.6', 'Owner name', '<input class="vt-input-element" type="text">'),
      card(uuid(6), '2.7', 'Region', '<aa-multichoice-dropdown><ot-lookup><input class="ot-lookup__input" role="combobox"></ot-lookup></aa-multichoice-dropdown>'),
      card(uuid(7), '2.8', 'Encrypted?', `<div class="aa-question__button-row">${buttons(['At rest only', 'No'])}</div><aa-rich-text-editor><div ot-rich-text-editor-element><div class="ql-editor" contenteditable="true"><p><br></p></div></div></aa-rich-text-editor>`),
    ].join(''))}
    ${section('Data Protection', false, '')}
  </section></downgrade-assessment-detail></app-root>`;
});

describe('OneTrust adapter', () => {
  it('recognises the respondent view by its components, not by host', () => {
    expect(onetrustAdapter.recognize(document, new URL('https://grc.example.org/'))).toBe(true);
    document.body.innerHTML = '<form><input id="ot_form-element_0"></form>';
    expect(onetrustAdapter.recognize(document, url)).toBe(false);
  });

  it('reports all sections and which one is open', () => {
    expect(readSections(document)).toEqual({ names: ['Welcome', 'Access Control', 'Data Protection'], open: 1 });
  });

  it('reads number, text, kind, options, section, required and the writer of every card', () => {
    const scan = onetrustAdapter.collect(document, url);
    expect(scan.warnings).toEqual([]);
    expect(scan.pageKind).toBe('onetrust-assessment');
    const rows = scan.questions.map((q) => [q.number, q.text, q.kind, q.options, q.writer, q.required]);
    expect(rows).toEqual([
      ['2.1', 'Is MFA enforced?', 'yesno', ['Yes', 'No'], 'onetrust-buttons', true],
      ['2.2', 'Which IdPs?', 'multi-choice', ['SAML', 'OIDC', 'None'], 'onetrust-buttons', false],
      ['2.4', 'Describe reviews.', 'richtext', [], 'quill', false],
      ['2.5', 'Certifications?', 'richtext', ['Not applicable'], 'onetrust-richtext', false],
      ['2.6', 'Owner name', 'text', [], 'input', false],
      ['2.7', 'Region', 'single-choice', [], 'onetrust-lookup', false],
      ['2.8', 'Encrypted?', 'single-choice', ['At rest only', 'No'], 'onetrust-buttons', false],
    ]);
    expect(scan.questions.every((q) => q.section === 'Access Control' && q.textSource === 'adapter:onetrust')).toBe(true);
    expect(scan.questions[0]?.portalKey).toBe(uuid(1));
  });

  it('never takes footer buttons for options and pairs a choice with its text box', () => {
    const scan = onetrustAdapter.collect(document, url);
    const composed = scan.questions.find((q) => q.number === '2.8');
    expect(composed?.comment?.classList.contains('ql-editor')).toBe(true);
    expect(composed?.commentWriter).toBe('quill');
    expect(scan.questions.flatMap((q) => q.options).some((o) => /attachment|comments/i.test(o))).toBe(false);
  });

  it('warns, instead of guessing, when a card has no known widget or no name', () => {
    const container = document.querySelectorAll('.questions-container')[1] as Element;
    container.insertAdjacentHTML('beforeend', card(uuid(9), '2.9', 'Upload your SOC 2 report', '<div class="aa-attachment-only"></div>'));
    container.insertAdjacentHTML('beforeend', card(uuid(10), '2.10', '', '<input class="vt-input-element">'));
    const scan = onetrustAdapter.collect(document, url);
    expect(scan.questions).toHaveLength(7);
    expect(scan.warnings).toEqual([
      'OneTrust question 2.9 ("Upload your SOC 2 report") has no answer widget this adapter knows; it was skipped',
      'OneTrust question 2.10 has no .aa-question__name text; it was skipped',
    ]);
  });

  it('reads the older assessment-detail-question cards too', () => {
    document.body.innerHTML = `<downgrade-assessment-detail><assessment-detail-question-group>${card(uuid(1), '1.1', 'Legacy?', `<div class="aa-question__button-row">${buttons(['Yes', 'No'])}</div>`)
      .replaceAll('aa-assessment-detail-question', 'assessment-detail-question')}</assessment-detail-question-group></downgrade-assessment-detail>`;
    const scan = onetrustAdapter.collect(document, url);
    expect(scan.questions.map((q) => [q.number, q.text, q.kind])).toEqual([['1.1', 'Legacy?', 'yesno']]);
    expect(scan.warnings).toEqual(['OneTrust assessment: no section list (.aa-section-list__staged-delivery--section) found']);
  });

  it('decides single or multi choice from the buttons, not from the aa-multichoice-buttons component around them', () => {
    const container = document.querySelectorAll('.questions-container')[1] as Element;
    const checkable = (labels: string[]) =>
      labels.map((l) => `<div><button class="vt-button full-width vt-button--secondary" role="checkbox" aria-checked="false">${l}</button></div>`).join('');
    container.innerHTML = [
      card(uuid(11), '3.1', 'Backups tested?', `<aa-multichoice-buttons><div class="aa-question__button-row">${buttons(['Yes', 'No'], 'No')}</div></aa-multichoice-buttons>`),
      card(uuid(12), '3.2', 'Hosting?', `<aa-multichoice-buttons><div class="aa-question__button-row">${buttons(['AWS', 'Azure', 'On premises'])}</div></aa-multichoice-buttons>`),
      card(uuid(13), '3.3', 'Regions?', `<aa-multichoice-buttons><div class="aa-question__multichoice">${checkable(['EU', 'US'])}</div></aa-multichoice-buttons>`),
    ].join('');
    const scan = onetrustAdapter.collect(document, url);
    expect(scan.questions.map((q) => [q.number, q.kind, q.options])).toEqual([
      ['3.1', 'yesno', ['Yes', 'No']],
      ['3.2', 'single-choice', ['AWS', 'Azure', 'On premises']],
      ['3.3', 'multi-choice', ['EU', 'US']],
    ]);
  });

  it('opens a section of a list that is rebuilt on every click, finding the section again by index and name', async () => {
    const list = document.querySelector('.aa-section-list') as Element;
    const names = ['Welcome', 'Access Control', 'Data Protection'];
    let renders = 0;
    const render = (open: number, loading: boolean) => {
      renders++;
      list.innerHTML = names.map((n, i) => section(n, i === open, i === open && loading ? '<ot-loading></ot-loading>' : i === open ? card(uuid(20 + i), `${i}.1`, `Q${i}?`, '<input class="vt-input-element">') : '')).join('');
      list.querySelectorAll('button.ot-collapse__header-btn').forEach((b, i) =>
        b.addEventListener('click', () => {
          render(i, true);
          setTimeout(() => render(i, false), 60);
        }),
      );
    };
    render(1, false);
    expect(await onetrustAdapter.openSection!(document, 2)).toBe(true);
    expect(readSections(document)).toEqual({ names, open: 2 });
    expect(onetrustAdapter.collect(document, url).questions.map((q) => q.text)).toEqual(['Q2?']);
    expect(renders).toBe(3);
  });

  it('says no section is open while the accordion is collapsed', () => {
    document.querySelectorAll('aa-assessment-detail-question').forEach((c) => c.remove());
    document.querySelector('.ot-collapse__header--active')?.classList.remove('ot-collapse__header--active');
    document.querySelectorAll('[aria-expanded]').forEach((b) => b.setAttribute('aria-expanded', 'false'));
    expect(readSections(document)?.open).toBeNull();
  });
});

describe('Quill read-back', () => {
  it('gives one line per block, empty lines kept, list items as lines, no trailing newline', () => {
    const editor = document.createElement('div');
    editor.innerHTML = '<p>one</p><p><br></p><ol><li data-list="bullet">a</li><li data-list="bullet">b\uFEFF</li></ol><p>end</p><p><br></p>';
    expect(readQuillText(editor)).toBe('one\n\na\nb\nend');
    editor.innerHTML = '<p><br></p>';
    expect(readQuillText(editor)).toBe('');
  });
});
