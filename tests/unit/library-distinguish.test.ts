// One-line library rows (issue 13, point 9): rows whose questions share a long opening show what differs.
import { describe, expect, it } from 'vitest';
import { distinguishingStart } from '../../lib/library/distinguish-titles';

const shown = (title: string, neighbours: (string | undefined)[]) => title.slice(distinguishingStart(title, neighbours));

describe('distinguishing titles', () => {
  const a = 'Describe your process for managing vendor access to production systems';
  const b = 'Describe your process for managing vendor access to customer data';
  const c = 'Describe your process for managing encryption keys';

  it('starts at the word before the one where neighbours part', () => {
    expect(shown(a, [undefined, b])).toBe('to production systems');
    expect(shown(b, [a, c])).toBe('to customer data');
    expect(shown(c, [b, undefined])).toBe('managing encryption keys');
  });

  it('leaves titles whole when their openings already differ, or when they are the same text', () => {
    expect(distinguishingStart('Is data encrypted at rest?', ['Is MFA required?', 'Do you log access?'])).toBe(0);
    expect(distinguishingStart(a, [a])).toBe(0);
    expect(distinguishingStart('Short', [])).toBe(0);
  });
});
