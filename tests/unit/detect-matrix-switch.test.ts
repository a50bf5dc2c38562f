// @vitest-environment happy-dom
// Matrix rows (one question per row, options named by the shared columns, in the page's order) and ARIA
// switches (no answer until aria-checked says on or off; "No" from no answer is an explicit off).
import { describe, expect, it } from 'vitest';
import { scanPage } from '../../lib/detect/scan-page';
import { FieldRegistry } from '../../lib/detect/field-registry';
import { switchWriter } from '../../lib/fill/writers/aria-switch';

function scan(html: string) {
  document.body.innerHTML = html;
  return scanPage(document, { adapters: [], layout: false, registry: new FieldRegistry('t') }).questions;
}

describe('matrix rows', () => {
  it('are one question per row, named by the row header, with the column headers as options in page order', () => {
    const questions = scan(`<table><thead><tr><th>#</th><th>Control</th><th>Yes</th><th>No</th><th>N/A</th></tr></thead><tbody>
      <tr><td>1</td><th>Firewall rules are reviewed quarterly</th><td><input type="radio" name="a" value="y"></td><td><input type="radio" name="a" value="n"></td><td><input type="radio" name="a" value="x"></td></tr>
      <tr><td>2</td><th>Antivirus runs on all endpoints</th><td><input type="radio" name="b" value="y"></td><td><input type="radio" name="b" value="n" checked></td><td><input type="radio" name="b" value="x"></td></tr>
      </tbody></table>`);
    expect(questions.map((q) => [q.number, q.text, q.kind, q.options, q.currentValue])).toEqual([
      ['1', 'Firewall rules are reviewed quarterly', 'yesno', ['Yes', 'No', 'N/A'], null],
      ['2', 'Antivirus runs on all endpoints', 'yesno', ['Yes', 'No', 'N/A'], 'No'],
    ]);
  });

  it('keep a rating scale in the order of its columns', () => {
    const questions = scan(`<table><tr><th></th><th>Poor</th><th>Fair</th><th>Good</th><th>Excellent</th></tr>
      <tr><td>How mature is your patch management?</td><td><input type="radio" name="p" value="4"></td><td><input type="radio" name="p" value="3"></td><td><input type="radio" name="p" value="2"></td><td><input type="radio" name="p" value="1"></td></tr></table>`);
    expect(questions.map((q) => [q.text, q.kind, q.options])).toEqual([['How mature is your patch management?', 'single-choice', ['Poor', 'Fair', 'Good', 'Excellent']]]);
  });
});

describe('ARIA switches', () => {
  it('are yes/no questions with no answer until aria-checked is set', () => {
    const questions = scan(`<div class="q"><span id="l1">Do you support single sign-on?</span><button type="button" role="switch" aria-labelledby="l1"></button></div>
      <div class="q"><span id="l2">Is audit logging on?</span><button type="button" role="switch" aria-checked="false" aria-labelledby="l2"></button></div>`);
    expect(questions.map((q) => [q.text, q.kind, q.options, q.currentValue, q.writer])).toEqual([
      ['Do you support single sign-on?', 'yesno', ['Yes', 'No'], null, 'switch'],
      ['Is audit logging on?', 'yesno', ['Yes', 'No'], 'No', 'switch'],
    ]);
  });

  it('a fill of "No" on a switch with no answer leaves an explicit off; "Yes" turns it on', async () => {
    document.body.innerHTML = '<button type="button" role="switch" id="s"></button>';
    const s = document.getElementById('s') as HTMLButtonElement;
    let clicks = 0;
    s.addEventListener('click', () => {
      clicks++;
      s.setAttribute('aria-checked', s.getAttribute('aria-checked') === 'true' ? 'false' : 'true');
    });
    expect(switchWriter.read(s, 'yesno')).toBeNull();
    await switchWriter.write(s, 'No', 'yesno', {});
    expect([switchWriter.read(s, 'yesno'), clicks]).toEqual(['No', 2]);
    await switchWriter.write(s, 'Yes', 'yesno', {});
    expect([switchWriter.read(s, 'yesno'), clicks]).toEqual(['Yes', 3]);
    await expect(switchWriter.write(s, 'Maybe', 'yesno', {})).rejects.toThrow('a switch takes Yes or No');
  });
});
