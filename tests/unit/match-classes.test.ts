// Matching round 4 of issue 15: one test per error class fixed on the training split of the dev set (each fails
// without its fix). The questions quoted from the dev set are training questions.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex, extractTerms, matchQuestion, stem } from '../../lib/match';
import { calibrateBands, ENGINE_CALIBRATION_TARGETS, isotonicRightness, type CalibrationRow } from '../../lib/match/evaluate';
import { scopeMismatch } from '../../lib/match/facets';
import { GENERIC_TERMS } from '../../lib/match/match-question';
import { LibraryExportSchema } from '../../lib/schema';

const TODAY = '2026-11-28';
const devLibrary = LibraryExportSchema.parse(
  JSON.parse(readFileSync(new URL('../fixtures/match/library.json', import.meta.url), 'utf8')) as unknown,
).entries;
const devIndex = buildIndex(devLibrary, [], { today: TODAY });
const match = (text: string) => matchQuestion(devIndex, { text });

describe('words every questionnaire uses', () => {
  it('count "information" and "organizational" as generic, by the stems the matcher actually makes', () => {
    // The list once held "inform" and "organiz", which the stemmer never produces: "A.8.13 Information backup" then
    // had an unexplained topical term and lost the one-concept exemption.
    expect(GENERIC_TERMS.has(stem('information'))).toBe(true);
    expect(GENERIC_TERMS.has(stem('organizational'))).toBe(true);
    expect(GENERIC_TERMS.has(stem('security'))).toBe(true);
  });

  it('let a one-concept question named with "information" reach high', () => {
    // With "information" counted as topical, each of these is held at review or gets no proposal at all.
    const training = match('A.6.3 Information security awareness, education and training').proposal;
    expect(training?.entryId).toBe('hrs-training');
    expect(training?.band).toBe('high');
    // A library with one backup entry (no restore entry to compete with): "Information backup" is about backups.
    const ids = ['bcr-backup', 'hrs-training', 'grc-program', 'dsp-classification'];
    const small = buildIndex(devLibrary.filter((e) => ids.includes(e.id)), [], { today: TODAY });
    const backup = matchQuestion(small, { text: 'A.8.13 Information backup' }).proposal;
    expect(backup?.entryId).toBe('bcr-backup');
    expect(backup?.band).toBe('high');
  });

  it('drop the boilerplate verbs in every form: "Establish and Maintain ...", "ensuring"', () => {
    const terms = extractTerms('3.2 Establish and Maintain a Data Inventory');
    expect(terms).not.toContain(stem('establish'));
    expect(terms).toContain('~data-inventory');
    expect(extractTerms('controls ensuring timely removal of access')).not.toContain(stem('ensuring'));
  });

  it('read "cybersecurity" as security, and leave "cyber insurance" alone', () => {
    expect(extractTerms('cybersecurity roles and responsibilities')).toEqual(extractTerms('security roles and responsibilities'));
    expect(extractTerms('Do you carry cyber insurance?')).toContain('~insurance');
  });
});

describe('vocabulary', () => {
  it('tells a data inventory from an inventory of devices and systems', () => {
    expect(match('3.2 Establish and Maintain a Data Inventory').candidates[0]?.entryId).toBe('dsp-inventory');
    expect(match('CM-8 System Component Inventory').candidates[0]?.entryId).toBe('hrs-asset-inventory');
  });

  it('no longer reads "remediation" alone as vulnerability management (audit findings are remediated too)', () => {
    expect(extractTerms('Are audit findings tracked to remediation?')).not.toContain('~vuln-mgmt');
    expect(extractTerms('vulnerability remediation')).toContain('~vuln-mgmt');
    expect(match('Do you have a vulnerability management process?').candidates[0]?.entryId).toBe('tvm-vuln-process');
  });
});

describe('one case of a process the question does not name', () => {
  it('holds the best entry at review when a close runner-up explains as much of the question', () => {
    // The application vulnerability entry leads "SI-2 Flaw Remediation"; the whole-process entries explain all of it.
    const { proposal } = match('SI-2 Flaw Remediation');
    expect(proposal?.entryId).toBe('ais-vuln-remediation');
    expect(proposal?.band).toBe('review');
    expect(proposal?.why.notes?.join(' ')).toMatch(/one case \("application"\)/);
  });
});

describe('what the customer gets', () => {
  it('abstains when the entry does not say the customer gets it (every such training question was unanswerable)', () => {
    expect(scopeMismatch('customer-gets', 'An independent firm tests every year.')?.abstain).toBe(true);
    const { proposal, candidates } = match('IVS-08.1 For your SaaS or PaaS offering, do you provide tenants with separate environments for production and test processes?');
    expect(candidates.length).toBeGreaterThan(0);
    expect(proposal).toBeNull();
  });
});

describe('a topic-only match on one word', () => {
  it('gets no dominance bonus: "AT-4 Training Records" is not high on the training entry', () => {
    const { proposal, candidates } = match('AT-4 Training Records');
    expect(candidates[0]?.entryId).toBe('hrs-training');
    expect(proposal?.band ?? 'none').not.toBe('high');
    expect(proposal?.confidence ?? 0).toBeLessThan(0.6);
  });
});

describe('calibrating high on the proposals right at the cut', () => {
  const row = (confidence: number, right: boolean): CalibrationRow => ({ confidence, right, isNull: false });
  // 120 right proposals at the top, then a band of 20 under them of which 3 are wrong (85%): everything at or above
  // 0.7 is still 97.9% right, so the at-cut rule alone lets high sink into the band.
  const rows = [
    ...Array.from({ length: 120 }, (_, i) => row(0.9 + (i % 10) / 100, true)),
    ...Array.from({ length: 20 }, (_, i) => row(0.7 + i / 100, i % 7 !== 3)),
    ...Array.from({ length: 3 }, () => row(0.3, false)),
  ];

  it('fits a non-decreasing estimate of rightness by confidence', () => {
    const fit = isotonicRightness(rows);
    const at = (t: number) => fit.get(t)!.right / fit.get(t)!.n;
    const cuts = [...fit.keys()].sort((a, b) => a - b);
    expect(at(0.7)).toBeLessThan(0.9);
    expect(at(cuts[cuts.length - 1]!)).toBe(1);
    for (let i = 1; i < cuts.length; i++) expect(at(cuts[i]!)).toBeGreaterThanOrEqual(at(cuts[i - 1]!));
  });

  it('keeps high above a band whose own proposals are right less often than the marginal target', () => {
    expect(calibrateBands(rows, { highPrecision: 0.97, falseProposalRate: 1, highRule: 'at-cut' }).high).toBeCloseTo(0.7, 5);
    const high = calibrateBands(rows, { highPrecision: 0.97, falseProposalRate: 1, highRule: 'at-cut', marginalPrecision: 0.95 }).high;
    expect(high).toBeGreaterThan(0.85);
    expect(ENGINE_CALIBRATION_TARGETS.marginalPrecision).toBe(0.97);
  });
});

// Matching round 5 (the CCM v4, SOC 2, PCI DSS and HIPAA additions): each class below was seen on the training split.
describe('one thing the question says, counted once', () => {
  it('reads a word that stands for two concepts as one piece of evidence: "CEK-10 Key Generation" is not high', () => {
    // "key" is both key management and encryption: counted as two supporting terms, with "generation" found only in
    // the BYOK answer's prose, the entry looked broadly supported (confidence 0.92).
    expect(extractTerms('key').filter((t) => t.startsWith('~')).length).toBeGreaterThanOrEqual(2);
    const { proposal } = match('CEK-10 Key Generation');
    expect(proposal?.band ?? 'none').not.toBe('high');
  });
});

describe('who is responsible', () => {
  it('reads "responsible for", "security official" and "reporting lines" as the security owner (governance roles)', () => {
    expect(extractTerms('Who is responsible for the program?')).toContain('~security-owner');
    expect(extractTerms('identify the security official')).toContain('~security-owner');
    expect(match('Has your company selected an individual or team to be responsible for managing the information security and privacy program?').candidates[0]?.entryId).toBe('grc-roles');
    expect(match('CC1.3 Management establishes structures, reporting lines, and appropriate authorities and responsibilities in the pursuit of objectives.').candidates[0]?.entryId).toBe('grc-roles');
  });

  it('keeps "authorities" (who decides) apart from "authorization" (access granted)', () => {
    expect(stem('authorities')).not.toBe(stem('authorization'));
    expect(stem('authorities')).toBe(stem('authority'));
    expect(stem('authorized')).toBe(stem('authorization'));
    const { candidates } = match('GV.RR-02 Roles, responsibilities, and authorities related to cybersecurity risk management are established, communicated, understood, and enforced');
    expect(candidates[0]?.entryId).toBe('grc-roles');
  });
});

describe('audit logs are logging', () => {
  it('does not read the "audit" of "audit logs" as an audit: "A&A-05 Audit Management Process" is about audits', () => {
    const terms = extractTerms('Audit logs are retained for a year');
    expect(terms).toContain('~logging');
    expect(terms).not.toContain('~audit');
    expect(extractTerms('Internal audit')).toContain('~audit');
    const { candidates } = match('A&A-05 Audit Management Process');
    expect(candidates[0]?.entryId).not.toBe('log-retention');
    expect(['aa-policy', 'aa-risk-plan', 'aa-independent']).toContain(candidates[0]?.entryId);
  });
});

describe('a case word used as an instrument', () => {
  it('does not take "cryptographic libraries" for the case of third-party libraries: "CEK-03 Data Encryption"', () => {
    // "libraries" made the encryption entry look like one case of a process, and the algorithms entry went first.
    expect(match('CEK-03 Data Encryption').candidates[0]?.entryId).toBe('cek-encryption');
  });
});

describe('data protection by design and by default', () => {
  it('is privacy by design (GDPR wording)', () => {
    expect(extractTerms('Data Protection by Design and Default')).toContain('~privacy-by-design');
    expect(match('DSP-07 Data Protection by Design and Default').candidates[0]?.entryId).toBe('dsp-privacy-design');
  });
});

describe('the re-ranker of the two best candidates (round 6)', () => {
  // Two close candidates: the similarity put first the one that explains a word more of the question; the re-ranker
  // (fitted on the training split: a BM25 lead and the asked facet count more) puts first the one that answers it.
  it('puts first the entry that gives the asked duration and leads on BM25', () => {
    const q = 'How long may critical application vulnerabilities remain open?';
    expect(matchQuestion(devIndex, { text: q }, { ranker: null }).candidates[0]?.entryId).not.toBe('ais-vuln-remediation');
    expect(match(q).candidates[0]?.entryId).toBe('ais-vuln-remediation');
  });

  it('puts first the authentication entry for a regulation text naming "authentication" once', () => {
    const q = '164.312(d) Person or entity authentication: verify that a person or entity seeking access to ePHI is the one claimed.';
    // Since round 8 the vocabulary reads "entity authentication" as authentication, which puts the entry first without
    // the re-ranker too (the re-ranker's own test is the change management one below).
    expect(match(q).candidates[0]?.entryId).toBe('iam-mfa');
  });

  it('puts the change management policy before business continuity testing', () => {
    const q = 'Is there an operations and change management policy or program?';
    expect(matchQuestion(devIndex, { text: q }, { ranker: null }).proposal?.entryId).toBe('bcr-testing');
    expect(match(q).candidates[0]?.entryId).toBe('ccc-policy');
    // Close to the continuity-testing entry: not proposed rather than proposed wrong.
    expect(match(q).proposal?.entryId ?? null).not.toBe('bcr-testing');
  });
});

describe('a runner-up that cites the same document (issue 15, round 6b)', () => {
  it('does not crowd the best entry out of a proposal: a sibling answer from the same policy', () => {
    // Both entries cite the Incident Response Plan; with the crowding penalties the exercise entry got no proposal.
    const exercises = match('17.7 Conduct Routine Incident Response Exercises').proposal;
    expect(exercises?.entryId).toBe('sef-test');
    expect(exercises?.band).toBe('review');
    // Re-ranked ahead of the restore entry of the same Backup Standard: proposed, the closeness said in `why` and
    // the band held at review.
    const backup = match('A.8.13 Information backup').proposal;
    expect(backup?.entryId).toBe('bcr-backup');
    expect(backup?.band).toBe('review');
    expect(backup?.why.notes?.some((n) => n.startsWith('close to another entry'))).toBe(true);
  });

  it('still crowds the best entry when the runner-up cites another document', () => {
    // Same library, but the restore entry's citation renamed: the two are competing readings again.
    const library = devLibrary.map((e) =>
      e.id === 'bcr-backup-restore' ? { ...e, citations: [{ title: 'Restore Test Procedure', section: '1 Scope' }] } : e,
    );
    const index = buildIndex(library, [], { today: TODAY });
    expect(matchQuestion(index, { text: 'A.8.13 Information backup' }).proposal).toBeNull();
  });
});

describe('long control texts (issue 15, round 7)', () => {
  // A HIPAA specification or a NIST requirement names many things no library wording says: its best similarity is
  // low, it rests on one or two topical terms and much of it is words the library never uses. Far ahead of the
  // runner-up, its best entry is still the answer; the single-term and unknown-word penalties left these without
  // a proposal (confidence 0.04, 0.01 and 0).
  it('proposes the entry that leads a long control text by more than twice the runner-up', () => {
    for (const [text, id] of [
      ['3.2.3 Provide security awareness training on recognizing and reporting potential indicators of insider threat.', 'hrs-training'],
      ['164.308(a)(5)(ii)(D) Password management: procedures for creating, changing, and safeguarding passwords.', 'iam-password'],
      ['164.308(a)(5)(ii)(B) Protection from malicious software: procedures for guarding against, detecting, and reporting malicious software.', 'tvm-malware'],
    ] as const) {
      const r = match(text);
      expect(r.proposal?.entryId, text).toBe(id);
      expect(r.proposal?.band, text).not.toBe('none');
      const [best, runner] = r.candidates;
      expect(runner!.score, text).toBeLessThanOrEqual(best!.score / 2);
    }
  });

  it('still proposes nothing for an unanswerable long text whose two best entries explain a word or two alike', () => {
    const r = match('164.312(c)(2) Mechanism to authenticate ePHI: corroborate that ePHI has not been altered or destroyed in an unauthorized manner.');
    expect(r.proposal).toBeNull();
    const [best, runner] = r.candidates;
    expect(runner!.score).toBeGreaterThan(best!.score / 2);
  });
});
