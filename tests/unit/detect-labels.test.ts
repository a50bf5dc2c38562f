// @vitest-environment happy-dom
// Label strategies one by one, their order, and the text helpers they rely on.
import { beforeEach, describe, expect, it } from 'vitest';
import { collectUnits } from '../../lib/detect/controls';
import { indexMembers, isOnlyUnitIn } from '../../lib/detect/grouping';
import { findLabel, labelStrategies, type LabelHit } from '../../lib/detect/labels';
import { LabelIndex } from '../../lib/detect/label-index';
import { splitQuestionNumber, splitRequiredMarker, normalizeText } from '../../lib/detect/text';

function labelsOf(html: string): Array<LabelHit | null> {
  document.body.innerHTML = html;
  const units = collectUnits(document);
  const unitOf = indexMembers(units);
  const strategies = labelStrategies((c, u) => isOnlyUnitIn(c, u, unitOf), new LabelIndex());
  return units.map((u) => findLabel(u, strategies));
}

describe('label strategies', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('label[for] and a wrapping label are told apart', () => {
    expect(labelsOf('<label for="a">Company name</label><input id="a"><label>Country <input></label>')).toEqual([
      { text: 'Company name', source: 'label-for' },
      { text: 'Country', source: 'label-wrap' },
    ]);
  });

  it('aria-labelledby wins over label[for] and joins several ids', () => {
    expect(labelsOf('<span id="x">Backups</span><span id="y">tested yearly?</span><label for="b">ignored</label><input id="b" aria-labelledby="x y">')).toEqual([
      { text: 'Backups tested yearly?', source: 'aria-labelledby' },
    ]);
  });

  it('a fieldset legend labels a radio group only when the fieldset holds that one question', () => {
    const single = labelsOf('<fieldset><legend>Do you encrypt backups?</legend><label><input type="radio" name="r">Yes</label><label><input type="radio" name="r">No</label></fieldset>');
    expect(single).toEqual([{ text: 'Do you encrypt backups?', source: 'fieldset-legend' }]);
    const shared = labelsOf(
      '<fieldset><legend>Section B</legend><div><p>First?</p><label><input type="radio" name="a">Yes</label><label><input type="radio" name="a">No</label></div>' +
        '<div><p>Second?</p><label><input type="radio" name="b">Yes</label><label><input type="radio" name="b">No</label></div></fieldset>',
    );
    expect(shared).toEqual([
      { text: 'First?', source: 'preceding-text' },
      { text: 'Second?', source: 'preceding-text' },
    ]);
  });

  it('a control in <dd> takes the <dt> before it', () => {
    expect(labelsOf('<dl><dt>Data residency?</dt><dd><input></dd></dl>')).toEqual([{ text: 'Data residency?', source: 'definition-list' }]);
  });

  it('a table row gives the longest text cell as the question and a short numbered cell as its number', () => {
    expect(labelsOf('<table><tr><th>#</th><th>Q</th><th>A</th></tr><tr><td>3.2</td><td>Is access logged?</td><td><select><option>Yes</option></select></td></tr></table>')).toEqual([
      { text: 'Is access logged?', source: 'table-row', number: '3.2' },
    ]);
  });

  it('a column header is the fallback for a cell with no question text in its row', () => {
    expect(labelsOf('<table><thead><tr><th>Vendor</th><th>Contact email</th></tr></thead><tr><td><input></td><td><input></td></tr></table>')).toEqual([
      { text: 'Vendor', source: 'table-header' },
      { text: 'Contact email', source: 'table-header' },
    ]);
  });

  it('aria-label, preceding text, placeholder and title, in that order', () => {
    expect(labelsOf('<div><input aria-label="Name of the DPO" placeholder="x"></div>')).toEqual([{ text: 'Name of the DPO', source: 'aria-label' }]);
    expect(labelsOf('<div><p>How many staff?</p><input placeholder="number"></div>')).toEqual([{ text: 'How many staff?', source: 'preceding-text' }]);
    expect(labelsOf('<div><textarea placeholder="Describe your SDLC"></textarea></div>')).toEqual([{ text: 'Describe your SDLC', source: 'placeholder' }]);
    expect(labelsOf('<div><input title="Audit firm"></div>')).toEqual([{ text: 'Audit firm', source: 'title' }]);
  });

  it('preceding text stops at a sibling that holds another control (that text belongs to another question)', () => {
    expect(labelsOf('<div><p>First question?</p><input name="a"><input name="b"></div>')).toEqual([
      { text: 'First question?', source: 'preceding-text' },
      null,
    ]);
  });

  it('captions without letters are not questions', () => {
    expect(labelsOf('<label for="z">*</label><input id="z">')).toEqual([null]);
  });
});

describe('text helpers', () => {
  it('split question numbers and required markers', () => {
    expect(splitQuestionNumber('4.1 Do you test?')).toEqual({ number: '4.1', text: 'Do you test?' });
    expect(splitQuestionNumber('Q12: Name?')).toEqual({ number: '12', text: 'Name?' });
    expect(splitQuestionNumber('A.1.2) Scope?')).toEqual({ number: 'A.1.2', text: 'Scope?' });
    expect(splitQuestionNumber('2026 was a good year')).toEqual({ text: '2026 was a good year' });
    expect(splitQuestionNumber('Company name')).toEqual({ text: 'Company name' });
    expect(splitRequiredMarker('Legal name *')).toEqual({ text: 'Legal name', required: true });
    expect(splitRequiredMarker('Legal name (required)')).toEqual({ text: 'Legal name', required: true });
    expect(splitRequiredMarker('Legal name')).toEqual({ text: 'Legal name', required: false });
    expect(normalizeText('  a\u0000\n\t b ')).toBe('a b');
  });
});
