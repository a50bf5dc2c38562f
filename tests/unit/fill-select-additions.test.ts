// @vitest-environment happy-dom
// What a fill adds to a list over a concealed select: only the missing options, by the select's captions; a
// second option for a single choice, an extra chosen option or a disabled list is refused before any click.
import { describe, expect, it } from 'vitest';
import { optionsToAdd } from '../../lib/fill/select-additions';
import type { FieldValue } from '../../lib/schema';

function select(multiple: boolean, disabled = false): HTMLSelectElement {
  document.body.innerHTML =
    `<select ${multiple ? 'multiple' : ''} ${disabled ? 'disabled' : ''}>` +
    '<option value="">Choose…</option><option value="d">Daily</option><option value="w">Weekly</option>' +
    '<option value="m" disabled>Monthly</option><option value="y">Yes &amp; more</option></select>';
  return document.querySelector('select') as HTMLSelectElement;
}

const showing = (value: FieldValue) => () => value;

describe('optionsToAdd', () => {
  it('adds the captions the list does not show yet, in the order asked, matched loosely', () => {
    expect(optionsToAdd(select(true), ['weekly', 'Daily'], 'multi-choice', showing(['Daily']))).toEqual(['Weekly']);
    expect(optionsToAdd(select(false), 'Yes & more', 'single-choice', showing(null))).toEqual(['Yes & more']);
  });

  it('adds nothing when the list already shows the value', () => {
    expect(optionsToAdd(select(false), 'Daily', 'single-choice', showing('Daily'))).toEqual([]);
    expect(optionsToAdd(select(false, true), 'Daily', 'single-choice', showing('Daily'))).toEqual([]);
  });

  it('refuses what a fill cannot do by adding', () => {
    expect(() => optionsToAdd(select(false), ['Daily', 'Weekly'], 'single-choice', showing(null))).toThrow(/exactly one option/);
    expect(() => optionsToAdd(select(true), ['Daily'], 'multi-choice', showing(['Daily', 'Weekly']))).toThrow(/remove "Weekly"/);
    expect(() => optionsToAdd(select(false, true), 'Weekly', 'single-choice', showing(null))).toThrow(/disabled/);
  });

  it('names the options when the value is none of them (placeholder and disabled options are not options)', () => {
    expect(() => optionsToAdd(select(false), 'Monthly', 'single-choice', showing(null))).toThrow(/no option "Monthly" among: "Daily", "Weekly", "Yes & more"/);
    expect(() => optionsToAdd(select(false), 'Choose…', 'single-choice', showing(null))).toThrow(/no option/);
  });
});
