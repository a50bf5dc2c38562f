// Choice mapping: which option of a yes/no or choice field an entry stands for; none when ambiguous.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapChoice, polarityOf, preferredChoice } from '../../lib/match';

const yes = { choice: 'Yes', answer: 'Yes. We do.' };
const no = { choice: 'No', answer: 'No. We do not.' };
const na = { choice: 'N/A', answer: 'Not applicable: no card data is processed.' };

describe('mapChoice', () => {
  it.each([
    [yes, ['Yes', 'No', 'N/A'], 'Yes'],
    [yes, ['Y', 'N'], 'Y'],
    [yes, ['True', 'False'], 'True'],
    [yes, ['Implemented', 'Partially implemented', 'Not implemented', 'Not applicable'], 'Implemented'],
    [yes, ['Yes - fully in place', 'No - not in place'], 'Yes - fully in place'],
    [no, ['Yes', 'No', 'N/A'], 'No'],
    [no, ['Implemented', 'Not implemented'], 'Not implemented'],
    [na, ['Yes', 'No', 'Not Applicable'], 'Not Applicable'],
    [na, ['Yes', 'No', 'NA'], 'NA'],
    [{ choice: 'Partial', answer: 'Partially.' }, ['Yes', 'Partially implemented', 'No'], 'Partially implemented'],
  ])('maps %j onto %j as %j', (entry, options, expected) => {
    expect(mapChoice(entry, options)).toBe(expected);
  });

  it('uses an option equal to a non-polar choice label', () => {
    expect(mapChoice({ choice: 'Quarterly', answer: 'Reviews run quarterly.' }, ['Monthly', 'Quarterly', 'Annually'])).toBe('Quarterly');
    expect(mapChoice({ choice: 'SOC 2', answer: '...' }, ['ISO 27001', 'soc 2'])).toBe('soc 2');
  });

  it('falls back to the leading Yes/No of the answer when the entry has no choice', () => {
    expect(mapChoice({ answer: 'Yes, all data is encrypted.' }, ['Yes', 'No'])).toBe('Yes');
    expect(mapChoice({ answer: 'No - we do not.' }, ['Yes', 'No'])).toBe('No');
    expect(mapChoice({ answer: 'All data is encrypted.' }, ['Yes', 'No'])).toBeUndefined();
  });

  it('proposes no option when the mapping is ambiguous or impossible', () => {
    expect(mapChoice(yes, ['Yes, fully', 'Y', 'No'])).toBeUndefined();
    expect(mapChoice(yes, ['Yes', 'Y', 'No'])).toBe('Yes');
    expect(mapChoice(yes, ['Monthly', 'Quarterly'])).toBeUndefined();
    expect(mapChoice(yes, [])).toBeUndefined();
    expect(mapChoice({ choice: 'Quarterly', answer: 'x' }, ['Yes', 'No'])).toBeUndefined();
    // "Not implemented" contains "implemented" but is not a yes.
    expect(mapChoice(yes, ['Not implemented', 'Not applicable'])).toBeUndefined();
  });

  it('only ever returns one of the given options, or nothing', () => {
    const label = fc.oneof(
      fc.constantFrom('Yes', 'No', 'N/A', 'Y', 'N', 'True', 'False', 'Implemented', 'Not implemented', 'Partial', 'Not Applicable', 'Other'),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.record({ choice: fc.option(label, { nil: undefined }), answer: fc.string({ minLength: 1 }) }), fc.array(label, { maxLength: 6 }), (entry, options) => {
        const picked = mapChoice(entry, options);
        expect(picked === undefined || options.includes(picked)).toBe(true);
      }),
    );
  });
});

describe('polarity and preferred choice', () => {
  it('reads polarity from whole labels and leading words', () => {
    expect(polarityOf('Not Applicable')).toBe('na');
    expect(polarityOf('N/A')).toBe('na');
    expect(polarityOf('No, not in place')).toBe('no');
    expect(polarityOf('Yes, we do')).toBe('yes');
    expect(polarityOf('y')).toBe('yes');
    expect(polarityOf('Y2K readiness')).toBeUndefined();
    expect(polarityOf('Weekly')).toBeUndefined();
  });
  it('prefers the entry choice, else the leading word of the answer', () => {
    expect(preferredChoice({ choice: 'Partial', answer: 'Yes' })).toBe('Partial');
    expect(preferredChoice({ answer: 'N/A - no payments are processed.' })).toBe('N/A');
    expect(preferredChoice({ answer: 'Partially: laptops only.' })).toBe('Partial');
    expect(preferredChoice({ answer: 'Data is kept 30 days.' })).toBeUndefined();
  });
});
