// @vitest-environment happy-dom
// The ServiceNow adapter on markup shaped like each page kind: recognition by URL and markup, questions with
// number/text/kind/options/comment/required, the hidden mobile copy ignored, and drift warnings.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { servicenowAdapter, servicenowPageKind } from '../../lib/detect/portals/servicenow';
import { servicenowCheckboxWriter } from '../../lib/fill/writers/servicenow-checkbox';

const fixtures = resolve(import.meta.dirname, '../fixtures/portals/servicenow');
const SN = 'https://acme.service-now.com';
const Q = (n: number) => `a1f0c3e21b2a4d10b8e2f1a7c9d04e0${n}`;

function bodyOf(file: string): string {
  const html = readFileSync(resolve(fixtures, file), 'utf8');
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? '';
  return body.replace(/<script[\s\S]*?<\/script>/gi, '');
}

/** A rendered sp-survey-field the way the Take Survey widget leaves it in the DOM. */
function field(n: number, label: string, control: string, extra = ''): string {
  return `<sp-survey-field><div class="form-group">
    <label class="question-label" id="label_${Q(n)}"><span class="question-number">${n}.</span>
      <span class="question-text">${label}</span>${extra}</label>
    ${control}</div></sp-survey-field>`;
}

const select2 = (n: number, options: string[]) => `<div class="select2-container form-control" id="s2id_autogen${n}">
  <a class="select2-choice select2-default"><span class="select2-chosen">-- None --</span><span class="select2-arrow"></span></a>
  <input class="select2-focusser select2-offscreen" type="text"></div>
  <select class="select2-offscreen" name="ASMTQUESTION:${Q(n)}"><option value=""></option>${options
    .map((o, i) => `<option value="${o === 'Not Applicable' ? '-1' : i}">${o}</option>`)
    .join('')}</select>`;

const mandatory = '<span class="field-decorations"><span class="fa fa-asterisk mandatory" title="Mandatory">*</span></span>';

function surveyForm(fields: string): string {
  return `<sp-survey-form><form><div class="survey-heading"><h3 class="title-label">Vendor Security Assessment</h3>
    <span class="sp-survey-progress">Page 1 of 2</span></div>
    <div class="sp-survey-category"><h4 class="category-label">Access Control</h4>${fields}</div>
    <div class="sp-survey-pager"><button type="button">Save</button><button type="button">Next</button></div></form></sp-survey-form>`;
}

describe('ServiceNow page recognition', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('knows the Service Portal survey by its page id on ServiceNow hosts, and by its markup elsewhere', () => {
    expect(servicenowPageKind(document, new URL(`${SN}/sp?id=take_survey&instance_id=abc`))).toBe('sp-take-survey');
    expect(servicenowPageKind(document, new URL('https://fermi.servicenowservices.com/esc?id=public_survey'))).toBe('sp-take-survey');
    expect(servicenowPageKind(document, new URL('https://grc.example.org/sp?id=take_survey'))).toBeUndefined();
    expect(servicenowPageKind(document, new URL(`${SN}/sp?id=index`))).toBeUndefined();
    document.body.innerHTML = '<section id="sp_survey_root"></section>';
    expect(servicenowPageKind(document, new URL('https://grc.example.org/portal'))).toBe('sp-take-survey');
  });

  it('knows the classic assessment, the two shells and the third-party portal', () => {
    expect(servicenowPageKind(document, new URL(`${SN}/assessment_take2.do?sysparm_assessable_type=x`))).toBe('classic-assessment');
    expect(servicenowPageKind(document, new URL(`${SN}/svdp`))).toBe('svdp');
    expect(servicenowAdapter.recognize(document, new URL(`${SN}/incident.do`))).toBe(false);
    document.body.innerHTML = '<iframe id="gsft_main"></iframe>';
    expect(servicenowPageKind(document, new URL(`${SN}/nav_to.do?uri=x`))).toBe('ui16-shell');
    document.body.innerHTML = '<macroponent-f51912f4c700201072b211d4d8c26010></macroponent-f51912f4c700201072b211d4d8c26010>';
    expect(servicenowPageKind(document, new URL('https://now.example.org/now/nav/ui/classic/params/target/x'))).toBe('next-experience-shell');
    document.body.innerHTML = bodyOf('classic-assessment-take2.html');
    expect(servicenowPageKind(document, new URL('https://grc.example.org/assessment'))).toBe('classic-assessment');
  });

  it('declares the manifest host patterns of ServiceNow and its government cloud', () => {
    expect(servicenowAdapter.hostPatterns).toEqual(['*://*.service-now.com/*', '*://*.servicenowservices.com/*']);
  });
});

describe('Service Portal take_survey', () => {
  const url = new URL(`${SN}/sp?id=take_survey&instance_id=abc`);

  beforeEach(() => {
    const desktop = surveyForm(
      field(1, 'Company legal name', `<input type="text" class="form-control" name="ASMTQUESTION:${Q(1)}">`, mandatory) +
        field(3, 'Do you enforce MFA for all remote access?', select2(3, ['Not Applicable', 'Yes', 'No']) +
          `<div class="add_info_no_padding"><label>Justification</label><textarea name="ADDINFO:ASMTQUESTION:${Q(3)}"></textarea></div>`, mandatory) +
        field(5, 'How often are privileged access rights reviewed?', select2(5, ['Not Applicable', 'Monthly', 'Quarterly'])) +
        field(6, 'Rate the maturity of key management', `<div class="sps-scale" role="radiogroup">
          <label class="sps-scale-radio-label"><input type="radio" name="ASMTQUESTION:${Q(6)}" value="-1"> Not Applicable</label>
          <label class="sps-scale-radio-label"><input type="radio" name="ASMTQUESTION:${Q(6)}" value="1"> Initial</label>
          <label class="sps-scale-radio-label"><input type="radio" name="ASMTQUESTION:${Q(6)}" value="2"> Managed</label></div>`) +
        field(7, 'Which MFA methods are supported?', `<div class="sps-multi" role="group">
          <label class="sps-checkbox-label"><input type="checkbox" name="ASMTDEFINITION:d01_${Q(7)}" aria-label="TOTP"> TOTP</label>
          <label class="sps-checkbox-label"><input type="checkbox" name="ASMTDEFINITION:d02_${Q(7)}" aria-label="FIDO2"> FIDO2</label></div>`) +
        field(8, 'Date of last penetration test', `<div class="input-group"><input type="text" name="ASMTQUESTION:${Q(8)}" ng-model-options="{updateOn: 'blur'}">
          <span class="input-group-btn"><button type="button">cal</button></span></div>`) +
        field(9, 'Customer data is encrypted at rest', `<div class="input-group-checkbox"><label class="sps-checkbox-label"><input type="checkbox" name="ASMTQUESTION:${Q(9)}"> Confirmed</label></div>`),
    );
    const mobile = surveyForm(field(1, 'Company legal name', `<input type="text" class="form-control" name="ASMTQUESTION:${Q(1)}">`, mandatory));
    document.body.innerHTML = `<section id="sp_survey_root"><div class="visible-xs" style="display:none">${mobile}</div>
      <div class="hidden-xs">${desktop}</div></section>`;
  });

  it('reads every question of the visible copy once, with kinds, options, comment, required and section', () => {
    const scan = servicenowAdapter.collect(document, url);
    expect(scan.warnings).toEqual([]);
    expect(scan.pageKind).toBe('sp-take-survey');
    expect(scan.sections).toEqual({ names: ['Page 1', 'Page 2'], open: 0 });
    const rows = scan.questions.map((q) => [q.number, q.text, q.kind, q.writer, q.options, q.required, q.section, q.portalKey]);
    expect(rows).toEqual([
      ['1', 'Company legal name', 'text', 'input', [], true, 'Access Control', Q(1)],
      ['3', 'Do you enforce MFA for all remote access?', 'yesno', 'select2', ['Not Applicable', 'Yes', 'No'], true, 'Access Control', Q(3)],
      ['5', 'How often are privileged access rights reviewed?', 'single-choice', 'select2', ['Not Applicable', 'Monthly', 'Quarterly'], false, 'Access Control', Q(5)],
      ['6', 'Rate the maturity of key management', 'single-choice', 'radio-group', ['Not Applicable', 'Initial', 'Managed'], false, 'Access Control', Q(6)],
      ['7', 'Which MFA methods are supported?', 'multi-choice', 'checkbox-group', ['TOTP', 'FIDO2'], false, 'Access Control', Q(7)],
      ['8', 'Date of last penetration test', 'date', 'date', [], false, 'Access Control', Q(8)],
      ['9', 'Customer data is encrypted at rest', 'yesno', 'checkbox-group', ['Yes', 'No'], false, 'Access Control', Q(9)],
    ]);
    const mfa = scan.questions[1];
    expect(mfa?.control.classList.contains('select2-container')).toBe(true);
    expect(mfa?.comment?.getAttribute('name')).toBe(`ADDINFO:ASMTQUESTION:${Q(3)}`);
    expect(scan.questions[0]?.control.closest('.hidden-xs')).not.toBeNull();
  });

  it('reads the mobile copy instead when only it is shown', () => {
    (document.querySelector('.visible-xs') as HTMLElement).style.display = 'block';
    (document.querySelector('.hidden-xs') as HTMLElement).style.display = 'none';
    const scan = servicenowAdapter.collect(document, url);
    expect(scan.questions.map((q) => q.text)).toEqual(['Company legal name']);
    expect(scan.questions[0]?.control.closest('.visible-xs')).not.toBeNull();
  });

  it('reports no questions and no drift while only the intro panel is shown', () => {
    document.body.innerHTML = '<section id="sp_survey_root"><div class="panel"><h3 class="title-label">Survey</h3><button>Get Started</button></div></section>';
    expect(servicenowAdapter.collect(document, url)).toEqual({ pageKind: 'sp-take-survey', questions: [], warnings: [] });
  });

  it('warns when the survey page has no survey form (markup drift)', () => {
    document.body.innerHTML = '<div class="sp-page-root"><div class="panel">Something else</div></div>';
    const scan = servicenowAdapter.collect(document, url);
    expect(scan.questions).toEqual([]);
    expect(scan.warnings).toEqual([expect.stringMatching(/no visible sp-survey-form.*markup may have changed/)]);
  });

  it('warns about a question block whose label or control went missing', () => {
    const fields = document.querySelectorAll('.hidden-xs sp-survey-field');
    fields[0]?.querySelector('.question-label')?.remove();
    fields[1]?.querySelector('.select2-container')?.nextElementSibling?.remove();
    fields[1]?.querySelector('.select2-container')?.remove();
    const scan = servicenowAdapter.collect(document, url);
    expect(scan.questions.map((q) => q.number)).toEqual(['5', '6', '7', '8', '9']);
    expect(scan.warnings).toEqual([
      expect.stringContaining('without a .question-label'),
      expect.stringContaining('no answer control found for "Do you enforce MFA for all remote access?"'),
    ]);
  });
});

describe('classic assessment_take2.do', () => {
  const url = new URL(`${SN}/assessment_take2.do?sysparm_assessable_type=x`);
  const C = (n: number) => `c3a1e5f0b2d44f6a9e8d7c6b5a4f3e0${n}`;

  beforeEach(() => {
    document.body.innerHTML = bodyOf('classic-assessment-take2.html');
  });

  it('reads every question row with kind, options, required marker, category and comment', () => {
    const scan = servicenowAdapter.collect(document, url);
    expect(scan.warnings).toEqual([]);
    expect(scan.pageKind).toBe('classic-assessment');
    const rows = scan.questions.map((q) => [q.number, q.text, q.kind, q.writer, q.options, q.required, q.section, q.portalKey]);
    // The form shows no numbers (none are made up); categories are known by their OPEN/CLOSED toggles.
    expect(rows).toEqual([
      [undefined, 'How mature is your vulnerability management program?', 'single-choice', 'radio-group',
        ['Not Applicable', 'Ad hoc', 'Repeatable', 'Defined', 'Managed', 'Optimized'], true, 'Security Operations', C(1)],
      [undefined, 'We maintain a documented incident response plan', 'yesno', 'servicenow-checkbox', ['Yes', 'No'], false, 'Security Operations', C(2)],
      [undefined, 'Is customer data encrypted at rest?', 'yesno', 'select', ['Yes', 'No', 'Not Applicable'], true, 'Security Operations', C(3)],
      [undefined, 'Describe your backup and restore strategy', 'textarea', 'textarea', [], true, 'Data Protection', C(4)],
      [undefined, 'Name of your Chief Information Security Officer', 'text', 'input', [], false, 'Data Protection', C(5)],
      [undefined, 'Which certifications does your service hold?', 'multi-choice', 'checkbox-group',
        ['ISO/IEC 27001', 'SOC 2 Type II', 'PCI DSS'], false, 'Data Protection', C(6)],
      [undefined, 'Date of your most recent external penetration test', 'date', 'date', [], false, 'Data Protection', C(7)],
    ]);
    expect(scan.questions[1]?.control.id).toBe(`ni.ASMTQUESTION:${C(2)}`);
    expect(scan.questions[2]?.comment?.id).toBe(`ADDINFO:ASMTQUESTION:${C(3)}`);
  });

  it('keeps a number the page shows at the start of a label', () => {
    const label = document.getElementById(`label_ASMTQUESTION:${C(4)}`)!;
    label.textContent = `2.1 ${label.textContent}`;
    const q = servicenowAdapter.collect(document, url).questions[3];
    expect([q?.number, q?.text]).toEqual(['2.1', 'Describe your backup and restore strategy']);
  });

  it('leaves out the questions of a collapsed category', () => {
    document.querySelector('tbody.cat_data')?.setAttribute('style', 'display:none');
    expect(servicenowAdapter.collect(document, url).questions.map((q) => q.portalKey)).toEqual([C(1), C(2), C(3)]);
  });

  it('warns when the page is recognised but its question labels are gone (markup drift)', () => {
    for (const label of document.querySelectorAll('[id^="label_ASMTQUESTION:"]')) label.id = label.id.replace('label_', 'lbl_');
    const scan = servicenowAdapter.collect(document, url);
    expect(scan.questions).toEqual([]);
    expect(scan.warnings).toEqual([expect.stringContaining('no label_ASMTQUESTION labels were found')]);
  });

  it('warns about a row that lost its status indicator or its control', () => {
    document.getElementById(`status.ASMTQUESTION:${C(4)}`)?.remove();
    document.getElementById(`ASMTQUESTION:${C(5)}`)?.remove();
    const scan = servicenowAdapter.collect(document, url);
    expect(scan.questions.map((q) => q.portalKey)).toEqual([C(1), C(2), C(3), C(4), C(6), C(7)]);
    expect(scan.warnings).toEqual([
      expect.stringContaining('no status.ASMTQUESTION indicator for "Describe your backup and restore strategy"'),
      expect.stringContaining(`no answer control found for "Name of your Chief Information Security Officer" (ASMTQUESTION:${C(5)})`),
    ]);
  });
});

describe('classic yes/no checkbox', () => {
  const C2 = 'c3a1e5f0b2d44f6a9e8d7c6b5a4f3e02';
  const box = () => document.getElementById(`ni.ASMTQUESTION:${C2}`) as HTMLInputElement;
  const saved = () => document.getElementById(`sys_original.ASMTQUESTION:${C2}`) as HTMLInputElement;

  beforeEach(() => {
    document.body.innerHTML = bodyOf('classic-assessment-take2.html');
  });

  it('reads an untouched box as unanswered, a saved false as No, a checked box as Yes', () => {
    expect(servicenowCheckboxWriter.read(box(), 'yesno')).toBeNull();
    saved().value = 'false';
    expect(servicenowCheckboxWriter.read(box(), 'yesno')).toBe('No');
    box().checked = true;
    expect(servicenowCheckboxWriter.read(box(), 'yesno')).toBe('Yes');
  });

  it('answers No without a click, and an undo (no value) makes the question unanswered again', async () => {
    let clicks = 0;
    box().addEventListener('click', () => clicks++);
    await servicenowCheckboxWriter.write(box(), 'No', 'yesno', {});
    expect([servicenowCheckboxWriter.read(box(), 'yesno'), clicks]).toEqual(['No', 0]);
    await servicenowCheckboxWriter.write(box(), 'Yes', 'yesno', {});
    expect([servicenowCheckboxWriter.read(box(), 'yesno'), clicks]).toEqual(['Yes', 1]);
    await servicenowCheckboxWriter.write(box(), null, 'yesno', {});
    expect([servicenowCheckboxWriter.read(box(), 'yesno'), box().checked]).toEqual([null, false]);
  });
});

describe('shells and the third-party portal', () => {
  it('warns when the Next Experience shell holds no content frame', () => {
    document.body.innerHTML = '<macroponent-f51912f4c700201072b211d4d8c26010></macroponent-f51912f4c700201072b211d4d8c26010>';
    const host = document.body.firstElementChild as HTMLElement;
    host.attachShadow({ mode: 'open' }).innerHTML = '<sn-polaris-layout></sn-polaris-layout>';
    const scan = servicenowAdapter.collect(document, new URL(`${SN}/now/nav/ui/classic/params/target/assessment_take2.do`));
    expect(scan).toEqual({ pageKind: 'next-experience-shell', questions: [], warnings: [expect.stringContaining('no iframe#gsft_main')] });
  });

  it('reads question cards inside an open shadow root, with sections, numbers and comments', () => {
    document.body.innerHTML = '<sn-sae-assessment></sn-sae-assessment>';
    const root = (document.body.firstElementChild as HTMLElement).attachShadow({ mode: 'open' });
    root.innerHTML = `<nav><button class="sae-section-tab" aria-current="step">Governance</button><button class="sae-section-tab">Operations</button></nav>
      <section class="sae-section"><h3 class="sae-section-title">Governance</h3>
      <div class="sae-question-card" data-question-id="q1"><span class="sae-question-number">1.1</span><span class="sae-question-text">Policy approved?</span>
        <span class="sae-required">*</span><div class="sae-response"><div role="radiogroup">
        <input type="radio" id="r1" name="r" value="Yes"><label for="r1">Yes</label><input type="radio" id="r2" name="r" value="No"><label for="r2">No</label></div></div>
        <div class="sae-comments"><label>Comments</label><textarea class="sae-comment-input"></textarea></div></div>
      <div class="sae-question-card" data-question-id="q2"><span class="sae-question-number">1.2</span><span class="sae-question-text">Downtime in hours</span>
        <div class="sae-response"><input type="number"></div><div class="sae-comments"><textarea></textarea></div></div></section>`;
    const scan = servicenowAdapter.collect(document, new URL(`${SN}/svdp`));
    expect(scan.warnings).toEqual([]);
    expect(scan.sections).toEqual({ names: ['Governance', 'Operations'], open: 0 });
    expect(scan.questions.map((q) => [q.number, q.text, q.kind, q.writer, q.options, q.required, q.section, q.portalKey, q.comment?.tagName])).toEqual([
      ['1.1', 'Policy approved?', 'yesno', 'radio-group', ['Yes', 'No'], true, 'Governance', 'q1', 'TEXTAREA'],
      ['1.2', 'Downtime in hours', 'number', 'input', [], false, 'Governance', 'q2', 'TEXTAREA'],
    ]);
  });

  it('warns when /svdp shows no question cards (markup drift)', () => {
    document.body.innerHTML = '<main><div class="questionnaire"></div></main>';
    const scan = servicenowAdapter.collect(document, new URL(`${SN}/svdp`));
    expect(scan.warnings).toEqual([expect.stringContaining('no question cards were found')]);
  });
});
