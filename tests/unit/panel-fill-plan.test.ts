import { describe, expect, it } from 'vitest';
import { findOption, hasValue, planFill, planUndo } from '../../lib/panel/fill-plan';
import { question } from './panel-fixtures';

describe('planFill', () => {
  it('writes the answer text into a text question and carries the question text for the stale check', () => {
    const plan = planFill(question({ key: 'q1', kind: 'textarea' }), { text: '  We encrypt.  ' });
    expect(plan).toEqual({ ok: true, value: 'We encrypt.', requests: [{ fieldId: 'f-q1', value: 'We encrypt.', question: { key: 'q1', text: 'Question q1?' } }] });
  });

  it('puts the option into the choice and the answer text into the comment box', () => {
    const q = question({ key: 'q2', kind: 'yesno', options: ['Yes', 'No', 'N/A'], commentFieldId: 'c-q2' });
    const plan = planFill(q, { text: 'Yes, AES-256.', choice: 'yes' });
    expect(plan.ok && plan.requests).toEqual([
      { fieldId: 'f-q2', value: 'Yes', question: { key: 'q2', text: 'Question q2?' } },
      { fieldId: 'c-q2', value: 'Yes, AES-256.', question: { key: 'q2', text: 'Question q2?' } },
    ]);
  });

  it('fills only the option when a choice question has no comment box, and a list for multi-choice', () => {
    const single = planFill(question({ key: 'a', kind: 'single-choice', options: ['Annually', 'Quarterly'] }), { text: 'Every year', choice: 'Annually' });
    expect(single.ok && single.requests).toHaveLength(1);
    const multi = planFill(question({ key: 'b', kind: 'multi-choice', options: ['SOC 2', 'ISO 27001'] }), { text: 'x', choice: 'ISO 27001' });
    expect(multi.ok && multi.value).toEqual(['ISO 27001']);
  });

  it('a searchable list with options read: a listed option in the page spelling, else the label as given for the writer to look up', () => {
    const lookup = question({ key: 's', kind: 'single-choice', options: ['United States', 'European Union'], optionsSearchable: true });
    const listed = planFill(lookup, { text: 'EU.', choice: 'european union' });
    expect(listed.ok && listed.value).toBe('European Union');
    const searched = planFill(lookup, { text: 'Brazil.', choice: 'Brazil' });
    expect(searched.ok && searched.value).toBe('Brazil');
    const none = planFill(lookup, { text: 'x' });
    expect(!none.ok && none.reason).toContain('no option was chosen (United States, European Union)');
  });

  it('refuses a choice that is not one of the options, and says which options exist', () => {
    const plan = planFill(question({ key: 'q', kind: 'yesno', options: ['Yes', 'No'] }), { text: 'Maybe', choice: 'Partially' });
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.reason).toContain('"Partially" is not one of its options (Yes, No)');
  });

  it('sends the choice as typed to a list whose options show only when it opens (the writer matches it there)', () => {
    const lookup = question({ key: 'l', kind: 'single-choice', options: [] });
    const plan = planFill(lookup, { text: 'Hosted in the EU.', choice: ' European Union ' });
    expect(plan.ok && plan.requests).toEqual([{ fieldId: lookup.fieldId, value: 'European Union', question: { key: lookup.key, text: lookup.text } }]);
    const none = planFill(lookup, { text: 'Hosted in the EU.' });
    expect(!none.ok && none.reason).toContain('no option was chosen (its options show only when its list is open');
  });

  it('clicks a text question\'s own option (OneTrust "Not applicable") when the choice is that option, else types the text', () => {
    const na = question({ key: 'n', kind: 'richtext', options: ['Not applicable'] });
    const button = planFill(na, { text: 'Not applicable. We hold no certifications.', choice: 'not applicable' });
    expect(button.ok && button.requests).toEqual([{ fieldId: na.fieldId, value: 'Not applicable', question: { key: na.key, text: na.text } }]);
    const typed = planFill(na, { text: 'ISO 27001 (2025).', choice: undefined });
    expect(typed.ok && typed.requests).toEqual([{ fieldId: na.fieldId, value: 'ISO 27001 (2025).', question: { key: na.key, text: na.text } }]);
    // A plain text field has no options: a choice on the proposal changes nothing.
    const plain = planFill(question({ key: 't', kind: 'textarea' }), { text: 'N/A', choice: 'N/A' });
    expect(plain.ok && plain.value).toBe('N/A');
  });

  it('refuses prose for a number field (the page would reject it) and passes a figure', () => {
    const pct = question({ key: 'p', kind: 'number' });
    const prose = planFill(pct, { text: 'Yes. All laptops are enrolled in MDM.' });
    expect(!prose.ok && prose.reason).toContain('takes a number');
    const figure = planFill(pct, { text: ' 98 ' });
    expect(figure.ok && figure.value).toBe('98');
  });

  it('refuses empty answers and attachment fields', () => {
    expect(planFill(question({ key: 'q' }), { text: '   ' }).ok).toBe(false);
    expect(planFill(question({ key: 'q', kind: 'file' }), { text: 'report.pdf' }).ok).toBe(false);
  });
});

describe('helpers', () => {
  it('finds an option regardless of case and surrounding space', () => {
    expect(findOption(['Yes', 'No'], ' NO ')).toBe('No');
    expect(findOption(['Yes', 'No'], undefined)).toBeUndefined();
  });

  it('knows when a field already holds an answer', () => {
    expect(hasValue(null)).toBe(false);
    expect(hasValue('  ')).toBe(false);
    expect(hasValue([])).toBe(false);
    expect(hasValue(['Yes'])).toBe(true);
    expect(hasValue('x')).toBe(true);
  });

  it('undoes only the fields a fill reached, restoring their previous values', () => {
    const question = { key: 'k', text: 'Question k?' };
    const undo = planUndo({
      requests: ['a', 'b', 'c'].map((fieldId) => ({ fieldId, value: 'new', question })),
      results: [
        { fieldId: 'a', status: 'filled', previous: '' },
        { fieldId: 'b', status: 'not-found', previous: null },
        { fieldId: 'c', status: 'truncated', previous: 'old' },
      ],
    });
    // Undo is a fill: each request carries the question the original fill was for (the stale check applies).
    expect(undo).toEqual([
      { fieldId: 'a', value: '', question },
      { fieldId: 'c', value: 'old', question },
    ]);
  });
});
