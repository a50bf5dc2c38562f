// @vitest-environment happy-dom
// Names hidden from sight but not from assistive technology, comment boxes in several layouts, and lists drawn
// without ARIA over a concealed select (Chosen).
import { describe, expect, it } from 'vitest';
import { collectGeneric } from '../../lib/detect/generic';

function detect(html: string) {
  document.body.innerHTML = html;
  return collectGeneric(document, { layout: false }).questions.map((q) => ({
    text: q.text,
    kind: q.kind,
    options: q.options,
    comment: q.comment ? q.comment.getAttribute('name') : undefined,
  }));
}

const YES_NO = '<label><input type="radio" name="NAME" value="y"> Yes</label><label><input type="radio" name="NAME" value="n"> No</label>';
const yesNo = (name: string) => YES_NO.replaceAll('NAME', name);

describe('names a person does not see', () => {
  it('an aria-hidden caption with a visually hidden legend: the legend names the group, the panel title names nothing', () => {
    const found = detect(
      '<section><h3>Access control</h3><fieldset><legend class="sr-only">Is access reviewed?</legend>' +
        `<div aria-hidden="true">Is access reviewed?</div>${yesNo('r')}</fieldset></section>`,
    );
    expect(found).toEqual([{ text: 'Is access reviewed?', kind: 'yesno', options: ['Yes', 'No'], comment: undefined }]);
  });

  it('a group named by a hidden aria-labelledby node', () => {
    const found = detect(
      '<div role="group" aria-labelledby="n"><span id="n" hidden>Where is MFA enforced?</span>' +
        '<div aria-hidden="true">Where is MFA enforced?</div>' +
        '<label><input type="checkbox" name="m" value="a"> Remote access</label><label><input type="checkbox" name="m" value="b"> Email</label></div>',
    );
    expect(found).toEqual([{ text: 'Where is MFA enforced?', kind: 'multi-choice', options: ['Remote access', 'Email'], comment: undefined }]);
  });
});

describe('comment boxes belong to the choice above them', () => {
  it('in the next table row', () => {
    const found = detect(
      `<table><tr><td>Is there a change process?</td><td>${yesNo('c')}</td></tr>` +
        '<tr><td colspan="2"><label for="cc">Justification</label><textarea id="cc" name="cc"></textarea></td></tr></table>',
    );
    expect(found).toEqual([{ text: 'Is there a change process?', kind: 'yesno', options: ['Yes', 'No'], comment: 'cc' }]);
  });

  it('in a block of its own whose caption names the question; a "Describe" prompt after it stays a question', () => {
    const found = detect(
      '<div class="panel"><div><label for="e">Is customer data erased on exit?</label>' +
        '<select id="e" name="e"><option value=""></option><option>Yes</option><option>No</option></select></div>' +
        '<div><label for="ec">Comments on customer data erasure</label><textarea id="ec" name="ec"></textarea></div>' +
        '<div><label for="d">Describe how you handle an incident</label><textarea id="d" name="d"></textarea></div></div>',
    );
    expect(found.map((q) => [q.text, q.comment])).toEqual([
      ['Is customer data erased on exit?', 'ec'],
      ['Describe how you handle an incident', undefined],
    ]);
  });

  it('a comment box in its own block whose caption names another subject is a question of its own', () => {
    const found = detect(
      '<div class="panel"><div><label for="e">Is customer data erased on exit?</label>' +
        '<select id="e" name="e"><option value=""></option><option>Yes</option><option>No</option></select></div>' +
        '<div><label for="ec">Comments on staff screening</label><textarea id="ec" name="ec"></textarea></div>' +
        '<div><label for="n">Name of your DPO</label><input id="n" name="n"></div></div>',
    );
    expect(found.map((q) => [q.text, q.comment])).toEqual([
      ['Is customer data erased on exit?', undefined],
      ['Comments on staff screening', undefined],
      ['Name of your DPO', undefined],
    ]);
  });
});

describe('a list drawn without ARIA over a concealed select', () => {
  const chosenLike = (multiple: boolean) =>
    `<div class="q"><label for="r">Primary region</label><select id="r" name="r" ${multiple ? 'multiple' : ''} style="display:none">` +
    '<option value=""></option><option value="eu">European Union</option><option value="ch">Switzerland</option></select>' +
    (multiple
      ? '<div class="box"><ul class="choices"><li class="field"><input type="text" class="search" value="Pick"></li></ul><div class="drop"><ul class="results"></ul></div></div>'
      : '<div class="box"><a class="single"><span>Choose a region</span></a><div class="drop"><div><input type="text" class="search"></div><ul class="results"></ul></div></div>') +
    '<label for="rc">Comments</label><textarea id="rc" name="rc"></textarea></div>';

  it('the box is the one question, with the select\'s options; its search box is not a question', () => {
    for (const multiple of [false, true]) {
      document.body.innerHTML = chosenLike(multiple);
      const [q, ...rest] = collectGeneric(document, { layout: false }).questions;
      expect(rest).toEqual([]);
      expect({ text: q?.text, kind: q?.kind, options: q?.options, writer: q?.writer, comment: q?.comment?.getAttribute('name') }).toEqual({
        text: 'Primary region',
        kind: multiple ? 'multi-choice' : 'single-choice',
        options: ['European Union', 'Switzerland'],
        writer: 'plain-list',
        comment: 'rc',
      });
      expect(q?.control.classList.contains('box')).toBe(true);
    }
  });

  it('keeps its place among the questions around it', () => {
    document.body.innerHTML = '<div><label for="n">Legal name</label><input id="n" name="n"></div>' + chosenLike(false) +
      '<div><label for="c">Contact email</label><input id="c" name="c"></div>';
    expect(collectGeneric(document, { layout: false }).questions.map((q) => q.text)).toEqual(['Legal name', 'Primary region', 'Contact email']);
  });

  it('a concealed select followed by an ordinary block is no list box', () => {
    document.body.innerHTML =
      '<div><label for="s">Region</label><select id="s" name="s" style="display:none"><option>EU</option></select>' +
      '<div><ul><li>Note</li></ul><label for="t">Legal name</label><input id="t" name="t"></div></div>';
    const found = collectGeneric(document, { layout: false }).questions;
    expect(found.map((q) => q.writer)).not.toContain('plain-list');
    expect(found.map((q) => q.text)).toContain('Legal name');
  });
});
