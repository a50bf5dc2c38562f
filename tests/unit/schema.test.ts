import { describe, expect, it } from 'vitest';
import { LibraryEntrySchema, isStale, entryStatus } from '../../lib/schema';

describe('LibraryEntrySchema', () => {
  it('keeps unknown fields for forward compatibility', () => {
    const parsed = LibraryEntrySchema.parse({ id: 'a', question: 'Q?', answer: 'A.', futureField: { x: 1 } });
    expect(parsed).toMatchObject({ id: 'a', futureField: { x: 1 } });
  });

  it('rejects an entry without an answer and says which field', () => {
    const result = LibraryEntrySchema.safeParse({ id: 'a', question: 'Q?' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['answer']);
  });

  it('treats a missing status as approved and a past expiry as stale', () => {
    expect(entryStatus({})).toBe('approved');
    expect(isStale({ expiresAt: '2026-01-01' }, '2026-11-28')).toBe(true);
    expect(isStale({ expiresAt: '2027-01-01' }, '2026-11-28')).toBe(false);
    expect(isStale({}, '2026-11-28')).toBe(false);
  });
});
