// Learned wordings: where they were learned decides whether a match through one may be High (bulk-fillable),
// and a learning can be taken back exactly.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { AutofillDatabase } from '../../lib/db/database';
import { forgetLearning, learnAlias, listLearnedAliases, markLearnedAliasReviewed } from '../../lib/db/aliases-repository';
import { capLearnedMatch, originOf } from '../../lib/panel/learned-wording';
import { BAND_THRESHOLDS } from '../../lib/match/confidence';
import { createProposer } from '../../lib/panel/propose';
import type { LibraryEntry, Proposal } from '../../lib/schema';

const ACME = 'https://acme.service-now.com';
const OTHER = 'https://app-eu.onetrust.com';

function aliasProposal(overrides: Partial<Proposal> = {}): Proposal {
  return {
    entryId: 'program',
    confidence: 1,
    band: 'high',
    why: { source: 'alias', matchedTerms: ['program'], matchedText: 'Describe your security program.' },
    stale: false,
    draft: false,
    ...overrides,
  };
}

const wording = { entryId: 'program', text: 'Describe your security program.', origin: ACME };

describe('capLearnedMatch', () => {
  it('caps an unreviewed wording learned on another site below High and says where it came from', () => {
    const capped = capLearnedMatch(aliasProposal(), [wording], OTHER);
    expect(capped.band).toBe('review');
    expect(capped.confidence).toBeLessThan(BAND_THRESHOLDS.high);
    expect(capped.why.learned).toEqual({ origin: ACME, reviewed: false, capped: true });
  });

  it('keeps High on the site it was learned on, and everywhere once reviewed', () => {
    expect(capLearnedMatch(aliasProposal(), [wording], ACME)).toMatchObject({ band: 'high', confidence: 1, why: { learned: { reviewed: false, capped: false } } });
    expect(capLearnedMatch(aliasProposal(), [{ ...wording, reviewedAt: '2026-12-01T00:00:00Z' }], OTHER)).toMatchObject({ band: 'high', why: { learned: { reviewed: true, capped: false } } });
  });

  it('treats a wording learned before origins were recorded as from another site', () => {
    const { origin: _o, ...legacy } = wording;
    expect(capLearnedMatch(aliasProposal(), [legacy], ACME)).toMatchObject({ band: 'review', why: { learned: { capped: true } } });
  });

  it('leaves matches through the library’s own wordings alone, and a Review match Review', () => {
    const exact = aliasProposal({ why: { source: 'exact', matchedTerms: [], matchedText: 'Describe your security program.' } });
    expect(capLearnedMatch(exact, [wording], OTHER)).toBe(exact);
    expect(capLearnedMatch(aliasProposal({ band: 'review', confidence: 0.5 }), [wording], OTHER)).toMatchObject({ band: 'review', confidence: 0.5, why: { learned: { capped: false } } });
  });

  it('reads the origin of web pages only', () => {
    expect(originOf('https://acme.service-now.com:8443/sp?id=1')).toBe('https://acme.service-now.com:8443');
    expect(originOf('chrome://version')).toBeUndefined();
    expect(originOf('not a url')).toBeUndefined();
    expect(originOf(undefined)).toBeUndefined();
  });
});

describe('the proposer with learned wordings', () => {
  const entries: LibraryEntry[] = [{ id: 'program', question: 'Describe your information security program and its governance.', answer: 'ISO 27001.', status: 'approved' }];
  const question = { key: 'q1', text: 'Describe your security program.', kind: 'textarea' as const, options: [] };

  it('caps per page, with one memo for the library', () => {
    const propose = createProposer(() => '2026-12-01');
    const library = { entries, aliases: [{ ...wording, normalized: 'describe your security program' }] };
    expect(propose([question], library, { origin: ACME }).q1![0]).toMatchObject({ band: 'high', why: { source: 'alias' } });
    expect(propose([question], library, { origin: OTHER }).q1![0]).toMatchObject({ band: 'review', why: { source: 'alias', learned: { capped: true } } });
    expect(propose([question], library, { origin: ACME }).q1![0]).toMatchObject({ band: 'high' });
  });
});

describe('learned wordings in the database', () => {
  const fresh = () => new AutofillDatabase(`learned-${Math.random()}`);
  const input = { entryId: 'program', text: 'Describe your security program.', normalized: 'describe your security program', origin: ACME, pageUrl: `${ACME}/sp`, pageTitle: 'Survey' };

  it('records where a wording was learned, and forgets it when the learning is taken back', async () => {
    const db = fresh();
    const change = await learnAlias(input, db, new Date('2026-12-01T10:00:00Z'));
    expect(await listLearnedAliases('program', db)).toEqual([{ ...input, id: change.alias.id, createdAt: '2026-12-01T10:00:00.000Z' }]);
    await forgetLearning(change, db);
    expect(await listLearnedAliases(undefined, db)).toEqual([]);
  });

  it('taking back a learning that moved a wording restores the previous row', async () => {
    const db = fresh();
    const first = await learnAlias({ ...input, entryId: 'overview' }, db, new Date('2026-11-01T00:00:00Z'));
    const moved = await learnAlias(input, db, new Date('2026-12-01T00:00:00Z'));
    expect(moved.replaced).toEqual(first.alias);
    await forgetLearning(moved, db);
    expect(await listLearnedAliases(undefined, db)).toEqual([first.alias]);
  });

  it('a reviewed wording is not forgotten by an undo, and reviewing a removed one says so', async () => {
    const db = fresh();
    const change = await learnAlias(input, db);
    await markLearnedAliasReviewed(change.alias.id, db, new Date('2026-12-02T00:00:00Z'));
    await forgetLearning(change, db);
    expect(await listLearnedAliases(undefined, db)).toMatchObject([{ reviewedAt: '2026-12-02T00:00:00.000Z' }]);
    await expect(markLearnedAliasReviewed(9999, db)).rejects.toThrow('learned wording 9999 no longer exists');
  });
});
