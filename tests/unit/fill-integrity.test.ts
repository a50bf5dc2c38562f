// @vitest-environment happy-dom
// Fill integrity, the pure parts: a request is stale when its field now belongs to another question; keyboard
// selection follows the question, not the list position; the bulk preview is re-checked at confirm; frames are
// trusted by origin; section controls that submit or save are refused and our clicks cancel submits.
import { describe, expect, it } from 'vitest';
import { stalenessOf } from '../../lib/fill/fill-fields';
import { stepSelection } from '../../lib/panel/keyboard';
import { describeBulkChanges, recheckBulkPlan } from '../../lib/panel/bulk-recheck';
import type { BulkItem } from '../../lib/panel/bulk-fill';
import { judgeFrames } from '../../lib/messaging/frame-trust';
import { submitRisk } from '../../lib/fill/submit-guard';
import { navigationClick, realClick } from '../../lib/fill/dom-events';
import { question } from './panel-fixtures';

const A = { key: 'a', text: 'Is data encrypted at rest?' };

describe('stalenessOf', () => {
  it('passes the field of the chosen question and refuses a re-bound, rewritten or vanished one', () => {
    expect(stalenessOf({ fieldId: 'x', value: 'v', question: A }, { key: 'a', text: ' is data  encrypted at rest? ' })).toBeNull();
    expect(stalenessOf({ fieldId: 'x', value: 'v', question: A }, { key: 'b', text: 'Do you share data?' })).toBe('the question now reads "Do you share data?"');
    expect(stalenessOf({ fieldId: 'x', value: 'v', question: A }, { key: 'b', text: A.text })).toBe('the field now belongs to another question with the same wording');
    expect(stalenessOf({ fieldId: 'x', value: 'v', question: A }, undefined)).toBe('the field is no longer detected as a question');
    // The same wording under a new key: a twin question took the box only while the chosen key is still shown.
    const twin = new Map([['x', { key: 'b', text: A.text }], ['y', { key: 'a', text: A.text }]]);
    expect(stalenessOf({ fieldId: 'x', value: 'v', question: A }, twin.get('x'), twin)).toBe('the field now belongs to another question with the same wording');
    const renumbered = new Map([['x', { key: 'b', text: A.text }], ['y', { key: 'c', text: 'Another question?' }]]);
    expect(stalenessOf({ fieldId: 'x', value: 'v', question: A }, renumbered.get('x'), renumbered)).toBeNull();
  });
});

describe('stepSelection', () => {
  it('moves by question key, so a question inserted above the selection does not take its place', () => {
    expect(stepSelection(['a', 'b', 'c'], undefined, 1)).toBe('a');
    expect(stepSelection(['a', 'b', 'c'], 'b', 1)).toBe('c');
    expect(stepSelection(['a', 'b', 'c'], 'c', 1)).toBe('c');
    expect(stepSelection(['a', 'new', 'b', 'c'], 'b', -1)).toBe('new');
    expect(stepSelection([], 'b', 1)).toBeUndefined();
  });
});

function item(key: string, commentFieldId?: string): BulkItem {
  const q = { key, text: `Question ${key}?` };
  const requests = [{ fieldId: `f-${key}`, value: 'Yes', question: q }];
  if (commentFieldId) requests.push({ fieldId: commentFieldId, value: 'Because.', question: q });
  return { key, text: q.text, entryId: `e-${key}`, confidence: 0.95, plan: { ok: true, value: 'Yes', requests } };
}

describe('recheckBulkPlan', () => {
  it('keeps items still as previewed (writing only into empty fields) and names what changed for the rest', () => {
    const fresh = [
      question({ key: 'same', commentFieldId: 'c-same' }),
      question({ key: 'typed', currentValue: 'No' }),
      question({ key: 'rewritten', text: 'Do you share data?' }),
      question({ key: 'renumbered', fieldId: 'f-moved', text: 'Question moved?' }),
      question({ key: 'rebound', commentFieldId: 'c-other' }),
    ];
    const { items, changes } = recheckBulkPlan(
      [item('same', 'c-same'), item('typed'), item('rewritten'), item('moved'), item('rebound', 'c-rebound'), item('gone')],
      fresh,
    );
    expect(items.map((i) => i.key)).toEqual(['same']);
    expect(items[0]!.plan.requests.every((r) => r.onlyIfEmpty === true)).toBe(true);
    expect(changes).toEqual([
      { key: 'typed', text: 'Question typed?', reason: 'gained a value on the page' },
      { key: 'rewritten', text: 'Question rewritten?', reason: 'question changed' },
      { key: 'moved', text: 'Question moved?', reason: 'question moved' },
      { key: 'rebound', text: 'Question rebound?', reason: 'question moved' },
      { key: 'gone', text: 'Question gone?', reason: 'question left the page' },
    ]);
    expect(describeBulkChanges(changes.slice(0, 2))).toBe(
      '2 left out because the page changed since the preview (gained a value on the page: “Question typed?”; question changed: “Question rewritten?”).',
    );
    expect(describeBulkChanges([])).toBe('');
  });
});

describe('judgeFrames', () => {
  const frames = [
    { frameId: 0, origin: 'https://acme.service-now.com' },
    { frameId: 3, origin: 'https://acme.service-now.com' },
    { frameId: 4, origin: 'https://evil.service-now.com' },
    { frameId: 5, origin: 'https://evil.service-now.com' },
    { frameId: 6, origin: 'null' },
  ];
  it('trusts the top frame and its origin, refuses other origins (portal hosts included) and lists each once', () => {
    expect(judgeFrames(frames, [])).toEqual({ topOrigin: 'https://acme.service-now.com', trusted: [0, 3], refusedOrigins: ['https://evil.service-now.com'] });
  });
  it('trusts an origin the analyst allowed for the tab', () => {
    expect(judgeFrames(frames, ['https://evil.service-now.com']).trusted).toEqual([0, 3, 4, 5]);
  });
});

describe('the submit guard', () => {
  function make(html: string): HTMLElement {
    document.body.innerHTML = html;
    return document.querySelector('[data-t]') as HTMLElement;
  }
  it('names submit buttons, untyped buttons in forms and save/submit captions; passes plain navigation', () => {
    expect(submitRisk(make('<form><button data-t>Next</button></form>'))).toMatch(/without type="button"/);
    expect(submitRisk(make('<form><input type="submit" value="Next" data-t></form>'))).toBe('it is a submit button');
    expect(submitRisk(make('<button type="button" data-t>Save &amp; next</button>'))).toBe('its label says "Save"');
    expect(submitRisk(make('<a role="tab" data-t>Finish</a>'))).toBe('its label says "Finish"');
    expect(submitRisk(make('<form><button type="button" data-t>Next</button></form>'))).toBeNull();
    expect(submitRisk(make('<button data-t>Vendor profile 3/3 Completed</button>'))).toBeNull();
  });

  it('refuses to click a submitting section control, and cancels the submit a click would start', () => {
    let submits = 0;
    let clicks = 0;
    const next = make('<form id="f"><button data-t>Next</button></form>');
    document.getElementById('f')!.addEventListener('submit', () => submits++);
    next.addEventListener('click', () => clicks++);
    expect(() => navigationClick(next)).toThrow(/not clicked/);
    expect(clicks).toBe(0);
    realClick(next);
    expect(clicks).toBe(1);
    expect(submits).toBe(0);
  });
});
