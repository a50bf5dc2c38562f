import { describe, expect, it } from 'vitest';
import { createLibrarySearcher, manualProposal } from '../../lib/panel/library-search';
import { createProposer, sameLibrary } from '../../lib/panel/propose';
import { entry, question } from './panel-fixtures';

const library = [
  entry({ id: 'enc', question: 'Is customer data encrypted at rest?', answer: 'Yes. AES-256 with KMS keys.', choice: 'Yes', tags: ['encryption'] }),
  entry({ id: 'mfa', question: 'Do you enforce multi-factor authentication?', answer: 'Yes. MFA everywhere.', choice: 'Yes' }),
  entry({ id: 'old', question: 'Is customer data encrypted in backups?', answer: 'Yes.', status: 'retired' }),
  entry({ id: 'pen', question: 'How often do you run penetration tests?', answer: 'Annually, by an external firm.', status: 'draft', expiresAt: '2020-01-01' }),
];

describe('library search by hand', () => {
  it('finds entries by wording, tags and answer, never retired ones', () => {
    const searcher = createLibrarySearcher(library);
    const ids = searcher.search('encrypted').map((r) => r.entry.id);
    expect(ids[0]).toBe('enc');
    expect(ids).not.toContain('old');
    expect(searcher.search('   ')).toEqual([]);
    expect(searcher.search('external firm').map((r) => r.entry.id)).toContain('pen');
  });

  it('makes a review-band proposal that carries stale and draft flags', () => {
    const p = manualProposal(library[3]!, 0.8, undefined, '2026-11-28');
    expect(p).toMatchObject({ entryId: 'pen', band: 'review', stale: true, draft: true, confidence: 0.8 });
  });
});

describe('createProposer', () => {
  const propose = createProposer(() => '2026-11-28');
  const snapshot = { entries: library, aliases: [] };

  it('proposes the exact wording first with its option, and leaves unknown questions without a match', () => {
    const out = propose(
      [
        question({ key: 'a', text: 'Is customer data encrypted at rest?', kind: 'yesno', options: ['Yes', 'No'] }),
        question({ key: 'b', text: 'What colour is the office carpet?' }),
      ],
      snapshot,
    );
    expect(out.a![0]).toMatchObject({ entryId: 'enc', band: 'high', choice: 'Yes' });
    expect(out.b).toEqual([]);
  });

  it('never proposes a retired entry, even as an alternative', () => {
    const out = propose([question({ key: 'c', text: 'Is customer data encrypted in backups?' })], snapshot);
    expect(out.c!.map((p) => p.entryId)).not.toContain('old');
  });

  it('reuses matches for a question already seen against the same library, and tells libraries apart', () => {
    const q = question({ key: 'a', text: 'Is customer data encrypted at rest?' });
    const first = propose([q], snapshot).a;
    expect(propose([{ ...q, key: 'other-key' }], snapshot)['other-key']).toBe(first);
    expect(sameLibrary(snapshot, { entries: [...library], aliases: [] })).toBe(true);
    expect(sameLibrary(snapshot, { entries: library.map((e) => (e.id === 'enc' ? { ...e, updatedAt: '2026-12-01T00:00:00Z' } : e)), aliases: [] })).toBe(false);
    expect(sameLibrary(snapshot, { entries: library, aliases: [{ entryId: 'enc', text: 'x', normalized: 'x' }] })).toBe(false);
  });

  it('keeps the entry option for a searchable list when it maps onto none of the options read', () => {
    const entries = [entry({ id: 'region', question: 'In which region is customer data hosted?', answer: 'In Brazil.', choice: 'Brazil' })];
    const q = question({ key: 'r', text: 'In which region is customer data hosted?', kind: 'single-choice', options: ['United States', 'European Union'] });
    expect(propose([q], { entries, aliases: [] }).r![0]!.choice).toBeUndefined();
    expect(propose([{ ...q, optionsSearchable: true }], { entries, aliases: [] }).r![0]!.choice).toBe('Brazil');
  });

  it('matches a learned alias exactly (on the site it was learned on)', () => {
    const site = 'https://acme.service-now.com';
    const out = propose(
      [question({ key: 'd', text: 'Second factor required for VPN logins?' })],
      {
        entries: library,
        aliases: [{ entryId: 'mfa', text: 'Second factor required for VPN logins?', normalized: 'second factor required for vpn logins', origin: site }],
      },
      { origin: site },
    );
    expect(out.d![0]).toMatchObject({ entryId: 'mfa', band: 'high' });
    expect(out.d![0]!.why.source).toBe('alias');
  });
});
