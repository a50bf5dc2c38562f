// @vitest-environment happy-dom
// Grouping (choice + comment, choice + attachment), the question-like filter, style visibility and stable keys.
import { describe, expect, it } from 'vitest';
import { collectGeneric } from '../../lib/detect/generic';
import { scanPage, stableKey } from '../../lib/detect/scan-page';
import { FieldRegistry } from '../../lib/detect/field-registry';
import type { RawQuestion } from '../../lib/detect/types';

function detect(html: string) {
  document.body.innerHTML = html;
  return collectGeneric(document, { layout: false }).questions.map((q) => ({
    text: q.text,
    kind: q.kind,
    comment: q.comment ? q.comment.getAttribute('name') : undefined,
    attachment: q.attachment ? q.attachment.getAttribute('name') : undefined,
  }));
}

describe('grouping', () => {
  it('a choice and the comment box right after it in one block are one question', () => {
    expect(
      detect(
        '<div class="q"><p>Do you run a SOC?</p><select name="soc"><option value="">-</option><option>Yes</option><option>No</option></select>' +
          '<label>Comments <textarea name="soc_c"></textarea></label></div>',
      ),
    ).toEqual([{ text: 'Do you run a SOC?', kind: 'yesno', comment: 'soc_c', attachment: undefined }]);
  });

  it('an attachment input after a question is its attachment, also after a comment box', () => {
    expect(
      detect(
        '<fieldset><legend>Is there a pen-test report?</legend><label><input type="radio" name="p">Yes</label><label><input type="radio" name="p">No</label>' +
          '<label>Please explain <textarea name="why"></textarea></label><label>Upload <input type="file" name="report"></label></fieldset>',
      ),
    ).toEqual([{ text: 'Is there a pen-test report?', kind: 'yesno', comment: 'why', attachment: 'report' }]);
  });

  it('a text question in the next block is its own question, not a comment', () => {
    expect(
      detect(
        '<div><p>Do you have a CISO?</p><select name="ciso"><option>Yes</option><option>No</option></select></div>' +
          '<div><label for="n">Name of your CISO</label><input id="n" name="name"></div>',
      ),
    ).toEqual([
      { text: 'Do you have a CISO?', kind: 'yesno', comment: undefined, attachment: undefined },
      { text: 'Name of your CISO', kind: 'text', comment: undefined, attachment: undefined },
    ]);
  });

  it('a table row ties its comment cell to the choice cell, never across rows', () => {
    expect(
      detect(
        '<table><tr><th>Q</th><th>A</th><th>Comment</th></tr>' +
          '<tr><td>Is data encrypted at rest?</td><td><select name="a"><option>Yes</option><option>No</option></select></td><td><textarea name="ac"></textarea></td></tr>' +
          '<tr><td>Describe key management.</td><td><textarea name="b"></textarea></td><td></td></tr></table>',
      ),
    ).toEqual([
      { text: 'Is data encrypted at rest?', kind: 'yesno', comment: 'ac', attachment: undefined },
      { text: 'Describe key management.', kind: 'textarea', comment: undefined, attachment: undefined },
    ]);
  });
});

describe('question-like filter and visibility', () => {
  it('skips search boxes, login forms, chat widgets, list filters and hidden copies', () => {
    const found = detect(
      '<form role="search"><input type="search" name="q" aria-label="Search"></form>' +
        '<form><label for="u">Username</label><input id="u" name="username"><label for="p">Password</label><input id="p" type="password"></form>' +
        '<div id="chat-widget"><textarea aria-label="Type a message"></textarea></div>' +
        '<label for="f">Filter by status</label><select id="f"><option>All</option><option>Open</option></select>' +
        '<div style="display:none"><label for="h">Hidden copy of the question?</label><input id="h"></div>' +
        '<div hidden><label for="h2">Collapsed template question?</label><input id="h2"></div>' +
        '<div style="opacity:0"><label for="h3">Invisible decoy question?</label><input id="h3"></div>' +
        '<label for="real">Do you have a data retention policy?</label><select id="real"><option>Yes</option><option>No</option></select>',
    );
    expect(found.map((q) => q.text)).toEqual(['Do you have a data retention policy?']);
  });
});

describe('stable keys', () => {
  const raw = (text: string, extra: Partial<RawQuestion> = {}): RawQuestion => ({
    control: document.body,
    kind: 'text',
    text,
    textSource: 'label-for',
    options: [],
    required: false,
    writer: 'input',
    ...extra,
  });

  it('depend on section, number and text (not on position), and separate identical texts by ordinal', () => {
    const seen = new Map<string, number>();
    const a = stableKey('generic', raw('Name?', { section: 'A' }), seen);
    const b = stableKey('generic', raw('Name?', { section: 'A' }), seen);
    const c = stableKey('generic', raw('Name?', { section: 'B' }), new Map());
    expect(new Set([a, b, c]).size).toBe(3);
    expect(stableKey('generic', raw('Name? ', { section: 'A' }), new Map())).toBe(a);
    expect(stableKey('servicenow', raw('x', { portalKey: 'abc123' }), new Map())).toBe('servicenow:abc123');
  });

  it('survive re-rendering the same markup and keep field ids for elements that stay', () => {
    document.body.innerHTML = '<h2>S</h2><label for="a">Alpha question?</label><input id="a"><label for="b">Beta question?</label><input id="b">';
    const registry = new FieldRegistry('n');
    const first = scanPage(document, { adapters: [], layout: false, registry });
    const again = scanPage(document, { adapters: [], layout: false, registry });
    expect(again.questions.map((q) => q.fieldId)).toEqual(first.questions.map((q) => q.fieldId));
    document.body.innerHTML = document.body.innerHTML;
    const rerendered = scanPage(document, { adapters: [], layout: false, registry });
    expect(rerendered.questions.map((q) => q.key)).toEqual(first.questions.map((q) => q.key));
    expect(rerendered.questions[0]?.fieldId).not.toBe(first.questions[0]?.fieldId);
    // The replaced elements' ids are forgotten, so a long session does not accumulate them.
    expect(registry.size).toBe(2);
    expect(registry.resolve(first.questions[0]!.fieldId)).toBeNull();
  });
});
