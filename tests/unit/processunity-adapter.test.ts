// @vitest-environment happy-dom
// The ProcessUnity adapter: recognised by its documented URL shape, questions from the generic detector,
// warnings for the documented states that block answering (view mode, Inactivity Warning).
import { describe, expect, it } from 'vitest';
import { createProcessUnityAdapter, isProcessUnityPage, navOf } from '../../lib/detect/portals/processunity';

const adapter = createProcessUnityAdapter({ layout: false });
const url = new URL('https://app.processunity.net/acme/Default.aspx?nav=ASSESSMENTS%2fMyQuestionnaires%2fDetails&id=48213');

const shell = (actions: string, rows: string, dialog = '') => `
  <form id="aspnetForm"><input type="hidden" name="__VIEWSTATE" value="x">
  <div class="pu-actionbar">${actions}</div>
  <table class="pu-properties">${rows}</table>
  <div id="puModalBackdrop" style="display:${dialog ? 'flex' : 'none'}"><div class="pu-dialog" role="dialog"><h3>Inactivity Warning</h3>${dialog}</div></div>
  </form>`;

const viewRows = `<tr class="pu-section-header"><td colspan="2">General Information</td></tr>
  <tr><td><span>1.1 Legal name of the vendor entity</span></td><td><span class="pu-readonly"></span></td></tr>`;

const editRows = `<tr class="pu-section-header"><td colspan="2">General Information</td></tr>
  <tr><td><span class="pu-required">*</span><label for="p1041">1.1 Legal name of the vendor entity</label></td><td><input type="text" id="p1041" name="ctl00$p1041"></td></tr>
  <tr><td><span>2.2 Describe how security incidents are reported.</span></td><td><textarea id="p1044" name="ctl00$p1044"></textarea></td></tr>
  <tr class="pu-section-header"><td colspan="2">Information Security</td></tr>
  <tr><td><label for="p1043">2.1 Documented security program?</label><span class="pu-tooltip" title="Pick one.">?</span></td><td><select id="p1043" name="ctl00$p1043"><option value="">-- Select --</option><option>Yes</option><option>No</option></select></td></tr>
  <tr><td><span>2.5 Certifications held</span></td><td><table id="p1047"><tr><td><input type="checkbox" id="p1047_0" name="ctl00$p1047$0"><label for="p1047_0">ISO 27001</label></td></tr>
    <tr><td><input type="checkbox" id="p1047_1" name="ctl00$p1047$1"><label for="p1047_1">SOC 2</label></td></tr></table></td></tr>`;

describe('ProcessUnity page recognition', () => {
  it('matches /<tenant>/Default.aspx on processunity.net hosts only', () => {
    expect(isProcessUnityPage(url)).toBe(true);
    expect(isProcessUnityPage(new URL('https://eu.processunity.net/acme/default.aspx'))).toBe(true);
    expect(isProcessUnityPage(new URL('https://app.processunity.net/acme/token'))).toBe(false);
    expect(isProcessUnityPage(new URL('https://processunity.net.evil.example/acme/Default.aspx'))).toBe(false);
    expect(isProcessUnityPage(new URL('https://processunity.zendesk.com/acme/Default.aspx'))).toBe(false);
  });

  it('reads the nav parameter as area/group/task', () => {
    expect(navOf(url)).toBe('ASSESSMENTS/MyQuestionnaires/Details');
    expect(navOf(new URL('https://app.processunity.net/acme/Default.aspx'))).toBeUndefined();
  });
});

describe('ProcessUnity collect', () => {
  it('tells the analyst to click Edit when the record is read-only', () => {
    document.body.innerHTML = shell('<a href="Default.aspx?mode=edit">Edit</a>', viewRows);
    const scan = adapter.collect(document, url);
    expect(scan.questions).toEqual([]);
    expect(scan.pageKind).toBe('default-aspx:ASSESSMENTS/MyQuestionnaires/Details');
    expect(scan.warnings).toEqual(['ProcessUnity shows this record read-only: click Edit in the action bar, then scan again.']);
  });

  it('lets the generic detector find the questions of the edit form, with its own label provenance', () => {
    document.body.innerHTML = shell('<a>Cancel</a><a>Save</a>', editRows);
    const scan = adapter.collect(document, url);
    expect(scan.warnings).toEqual([]);
    expect(scan.questions.map((q) => [q.number, q.text, q.kind, q.textSource, q.required, q.section])).toEqual([
      ['1.1', 'Legal name of the vendor entity', 'text', 'label-for', true, 'General Information'],
      ['2.2', 'Describe how security incidents are reported.', 'textarea', 'table-row', false, 'General Information'],
      ['2.1', 'Documented security program?', 'yesno', 'label-for', false, 'Information Security'],
      ['2.5', 'Certifications held', 'multi-choice', 'table-row', false, 'Information Security'],
    ]);
  });

  it('turns a WebForms CheckBoxList into one multi-choice question and reads tooltips as help', () => {
    document.body.innerHTML = shell('<a>Save</a>', editRows);
    const scan = adapter.collect(document, url);
    const list = scan.questions.find((q) => q.number === '2.5');
    expect(list?.control.id).toBe('p1047');
    expect(list?.options).toEqual(['ISO 27001', 'SOC 2']);
    expect(list?.writer).toBe('checkbox-group');
    expect(scan.questions.find((q) => q.number === '2.1')?.helpText).toBe('Pick one.');
    expect(scan.questions.some((q) => /ISO 27001|SOC 2/.test(q.text))).toBe(false);
  });

  it('warns while the Inactivity Warning dialog is open', () => {
    document.body.innerHTML = shell('<a>Save</a>', editRows, '<button>Continue Session</button>');
    expect(adapter.collect(document, url).warnings).toContain(
      "ProcessUnity's Inactivity Warning dialog is open: continue the session before filling.",
    );
  });
});
