// The matcher on a small hand-made library: outright hits, flags, learning, explanations, typo tolerance.
import { describe, expect, it } from 'vitest';
import { addLearnedAlias, buildIndex, createLearnedAlias, matchQuestion, type AliasInput } from '../../lib/match';
import { isRealWord } from '../../lib/match/english-words';
import { correctTypo } from '../../lib/match/match-index';
import type { LibraryEntry } from '../../lib/schema';

const TODAY = '2026-11-28';

const entries: LibraryEntry[] = [
  {
    id: 'audit',
    question: 'Are independent audit and assurance assessments conducted according to relevant standards at least annually?',
    answer: 'Yes. An independent CPA firm issues our SOC 2 Type II report every year.',
    choice: 'Yes',
    tags: ['audit'],
  },
  {
    id: 'enc-rest',
    question: 'Is customer data encrypted at rest?',
    alternateQuestions: ['Do you encrypt stored data?'],
    answer: 'Yes. AES-256 with AWS KMS managed keys.',
    choice: 'Yes',
    tags: ['encryption'],
  },
  {
    id: 'enc-transit',
    question: 'Is data encrypted in transit over public networks?',
    answer: 'Yes. TLS 1.2 or higher everywhere.',
    choice: 'Yes',
  },
  {
    id: 'mfa',
    question: 'Is multi-factor authentication required for all employee access?',
    answer: 'Yes. Okta with FIDO2 keys for all workforce access.',
    choice: 'Yes',
  },
  { id: 'pentest', question: 'Do you conduct independent penetration tests?', answer: 'Yes, yearly by an external firm.', choice: 'Yes' },
  {
    id: 'old-insurance',
    question: 'Do you carry cyber liability insurance?',
    answer: 'Yes (expired policy).',
    status: 'retired',
  },
  { id: 'fedramp', question: 'Are you FedRAMP authorized?', answer: 'No. We are in process.', choice: 'No', status: 'draft' },
  { id: 'ids', question: 'Do you use intrusion detection in production?', answer: 'Yes, AWS GuardDuty.', expiresAt: '2026-06-01' },
  { id: 'byok', question: 'Do you support customer-managed encryption keys (BYOK)?', answer: 'No. Keys are held in AWS KMS by us.' },
];

const index = () => buildIndex(entries, [], { today: TODAY });

describe('matchQuestion', () => {
  it('proposes the entry whose own question is asked, outright and with the exact source', () => {
    const { proposal, candidates } = matchQuestion(index(), { text: '2.1 Is customer data encrypted at rest? (Yes/No)' });
    expect(proposal).toMatchObject({ entryId: 'enc-rest', confidence: 1, band: 'high', choice: 'Yes', draft: false, stale: false });
    expect(proposal?.why.source).toBe('exact');
    expect(proposal?.why.matchedText).toBe('Is customer data encrypted at rest?');
    expect(candidates[0]).toEqual({ entryId: 'enc-rest', score: 1 });
  });

  it('reports an alternate wording as the source when that is what was asked', () => {
    const { proposal } = matchQuestion(index(), { text: 'Do you encrypt stored data?' });
    expect(proposal?.entryId).toBe('enc-rest');
    expect(proposal?.why.source).toBe('alternate');
  });

  it('matches through synonyms and abbreviations, with the words of the question that matched', () => {
    const { proposal } = matchQuestion(index(), { text: 'Is 2FA enforced for all staff?' });
    expect(proposal?.entryId).toBe('mfa');
    expect(proposal?.why.source).toBe('fuzzy');
    expect(proposal?.why.matchedTerms).toContain('2fa');
  });

  it('finds a formal library question through its answer ("SOC 2 report" vs "independent audit")', () => {
    const { proposal, candidates } = matchQuestion(index(), { text: 'Do you have a SOC 2 Type II report?' });
    expect(candidates[0]?.entryId).toBe('audit');
    expect(proposal?.entryId).toBe('audit');
    expect(proposal?.why.matchedTerms).toContain('soc 2 type ii');
  });

  it('tolerates typos', () => {
    expect(matchQuestion(index(), { text: 'Do you conduct independant penetraton tests?' }).proposal?.entryId).toBe('pentest');
    expect(matchQuestion(index(), { text: 'Is data encrpyted in transit?' }).proposal?.entryId).toBe('enc-transit');
  });

  it('never turns a real word into a library word, and still corrects misspellings of library words', () => {
    const wordy = buildIndex(
      [
        { id: 'contract', question: 'Does the contract protect customer data?', answer: 'Yes, the advisory board reviews inside access.' },
      ],
      [],
      { today: TODAY },
    );
    // One edit away from "contract", "protect", "advisory" and "inside", but real words.
    for (const word of ['contact', 'contacts', 'project', 'advisors', 'insider']) {
      expect(isRealWord(word), word).toBe(true);
      expect(correctTypo(wordy, word), word).toBeNull();
    }
    expect(correctTypo(wordy, 'contarct')).toBe('contract');
    expect(correctTypo(wordy, 'protcet')).toBe('protect');
    expect(isRealWord('contarct')).toBe(false);
    // "Who is the incident response contact?" is not about the contract.
    expect(matchQuestion(wordy, { text: 'Who is your security contact?' }).proposal).toBeNull();
  });

  it('never proposes a retired entry, not even for its exact question', () => {
    const result = matchQuestion(index(), { text: 'Do you carry cyber liability insurance?' });
    expect(result.proposal).toBeNull();
    expect(result.candidates.map((c) => c.entryId)).not.toContain('old-insurance');
  });

  it('proposes draft and stale entries flagged, and never in the high band', () => {
    const draft = matchQuestion(index(), { text: 'Are you FedRAMP authorized?' }).proposal;
    expect(draft).toMatchObject({ entryId: 'fedramp', draft: true, stale: false, band: 'review' });
    const stale = matchQuestion(index(), { text: 'Do you use intrusion detection in production?' }).proposal;
    expect(stale).toMatchObject({ entryId: 'ids', stale: true, draft: false, band: 'review' });
  });

  it('says no when nothing answers the question', () => {
    for (const text of ['What is your annual revenue?', 'Is the product available in French?', 'Do you support webhooks?']) {
      expect(matchQuestion(index(), { text }).proposal, text).toBeNull();
    }
    expect(matchQuestion(index(), { text: '   ' })).toEqual({ proposal: null, candidates: [] });
    expect(matchQuestion(buildIndex([]), { text: 'Is data encrypted?' })).toEqual({ proposal: null, candidates: [] });
  });

  it('names a close runner-up and lowers confidence when two entries compete', () => {
    // A low review cut so that the crowded proposal is made and its band can be read.
    const { proposal, candidates } = matchQuestion(index(), { text: 'Is data encrypted?' }, { thresholds: { high: 0.824, review: 0.1 } });
    expect(candidates.slice(0, 2).map((c) => c.entryId).sort()).toEqual(['enc-rest', 'enc-transit']);
    expect(proposal?.band).not.toBe('high');
    expect(proposal?.why.runnerUp?.entryId).toBeDefined();
  });

  it('returns at most three candidates, best first, scores in 0..1', () => {
    const { candidates } = matchQuestion(index(), { text: 'Do you encrypt data with customer managed keys?' });
    expect(candidates.length).toBeLessThanOrEqual(3);
    for (let i = 1; i < candidates.length; i++) expect(candidates[i - 1]!.score).toBeGreaterThanOrEqual(candidates[i]!.score);
    for (const c of candidates) expect(c.score).toBeGreaterThanOrEqual(0);
    expect(candidates[0]?.entryId).toBe('byok');
  });

  it('maps the choice onto the field options, or proposes none when they do not fit', () => {
    expect(matchQuestion(index(), { text: 'Is customer data encrypted at rest?', kind: 'single-choice', options: ['Implemented', 'Not implemented', 'N/A'] }).proposal?.choice).toBe('Implemented');
    const p = matchQuestion(index(), { text: 'Is customer data encrypted at rest?', kind: 'single-choice', options: ['Annually', 'Monthly'] }).proposal;
    expect(p?.entryId).toBe('enc-rest');
    expect(p?.choice).toBeUndefined();
    expect(matchQuestion(index(), { text: 'Is customer data encrypted at rest?', kind: 'textarea', options: [] }).proposal?.choice).toBeUndefined();
    expect(matchQuestion(index(), { text: 'Is customer data encrypted at rest?', kind: 'yesno', options: [] }).proposal?.choice).toBe('Yes');
  });
});

describe('learning from accepted proposals', () => {
  const asked = 'Sec-7: Are all corporate laptops covered by your endpoint security tooling?';

  it('creates the alias record the side panel stores, keyed by the normalised text', () => {
    const alias = createLearnedAlias(asked, 'ids', '2026-11-28T10:00:00Z');
    expect(alias).toEqual({ entryId: 'ids', text: asked, normalized: 'are all corporate laptops covered by your endpoint security tooling', createdAt: '2026-11-28T10:00:00Z' });
    expect(() => createLearnedAlias(' ?! ', 'ids')).toThrow(/no words/);
  });

  it('matches the same and a near-identical question exactly once the alias is passed in', () => {
    const before = matchQuestion(index(), { text: asked });
    expect(before.proposal?.entryId === 'mfa' && before.proposal.band === 'high').toBe(false);
    const aliases: AliasInput[] = [createLearnedAlias(asked, 'mfa')];
    const learned = buildIndex(entries, aliases, { today: TODAY });
    expect(matchQuestion(learned, { text: asked }).proposal).toMatchObject({ entryId: 'mfa', confidence: 1, band: 'high', why: { source: 'alias' } });
    // Other numbering, case, punctuation and inflection: still the learned entry.
    const near = matchQuestion(learned, { text: 'Are all corporate laptop covered by your endpoint security tooling (Y/N)' }).proposal;
    expect(near).toMatchObject({ entryId: 'mfa', band: 'high', why: { source: 'alias' } });
    expect(near?.confidence).toBeGreaterThanOrEqual(0.95);
  });

  it('learns incrementally into a built index, once', () => {
    const idx = index();
    expect(addLearnedAlias(idx, { entryId: 'pentest', text: 'Do you hire ethical hackers?' })).toBe(true);
    expect(addLearnedAlias(idx, { entryId: 'pentest', text: 'do you hire ethical hackers' })).toBe(false);
    expect(matchQuestion(idx, { text: 'Do you hire ethical hackers?' }).proposal).toMatchObject({ entryId: 'pentest', why: { source: 'alias' } });
  });

  it('lets the latest accepted entry win when the same wording was learned for another entry before', () => {
    const idx = index();
    addLearnedAlias(idx, createLearnedAlias('Is our data safe with you?', 'enc-rest'));
    expect(matchQuestion(idx, { text: 'Is our data safe with you?' }).proposal?.entryId).toBe('enc-rest');
    addLearnedAlias(idx, createLearnedAlias('Is our data safe with you?', 'enc-transit'));
    expect(matchQuestion(idx, { text: 'Is our data safe with you?' }).proposal).toMatchObject({ entryId: 'enc-transit', confidence: 1, why: { source: 'alias' } });
  });

  it('ignores aliases of missing or retired entries, and lets a learned alias override a colliding library wording', () => {
    const idx = buildIndex(entries, [
      { entryId: 'old-insurance', text: 'Do you have cyber cover?' },
      { entryId: 'nope', text: 'Is data encrypted?' },
      { entryId: 'enc-transit', text: 'Do you encrypt stored data?' },
    ], { today: TODAY });
    expect(matchQuestion(idx, { text: 'Do you have cyber cover?' }).proposal).toBeNull();
    expect(matchQuestion(idx, { text: 'Do you encrypt stored data?' }).proposal).toMatchObject({ entryId: 'enc-transit', why: { source: 'alias' } });
  });
});
