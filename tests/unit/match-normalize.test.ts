// Normalisation, stemming and the security vocabulary of the matcher.
import { describe, expect, it } from 'vitest';
import { CONCEPT_GROUPS, extractTerms, normalizeQuestion, stem } from '../../lib/match';

describe('normalizeQuestion', () => {
  it.each([
    ['3.2.1 Is data encrypted at rest?', 'is data encrypted at rest'],
    ['Q14. Do you use MFA?', 'do you use mfa'],
    ['APPL-01 Do you have a WAF?', 'do you have a waf'],
    ['A&A-02.1 Are audits conducted annually?', 'are audits conducted annually'],
    ['ID.AM-1 Is an inventory of physical devices maintained?', 'is an inventory of physical devices maintained'],
    ['PR.DS-5 Are protections against data leaks implemented?', 'are protections against data leaks implemented'],
    ['a) Describe your incident response process.', 'describe your incident response process'],
    ['(iv) Is there a DR plan?', 'is there a dr plan'],
    ['#12 Do you scan for vulnerabilities?', 'do you scan for vulnerabilities'],
  ])('strips the numbering prefix of %j', (input, expected) => {
    expect(normalizeQuestion(input)).toBe(expected);
  });

  it.each([
    ['Is data encrypted at rest? (Yes/No/N/A)', 'is data encrypted at rest'],
    ['Do you use MFA? Please explain.', 'do you use mfa'],
    ['Do you have a BCP? If yes, attach it.', 'do you have a bcp'],
    ['Encryption at rest (Y/N). Please provide details', 'encryption at rest'],
    ['Is 2FA enforced, if so describe how', 'is 2fa enforced'],
  ])('drops the trailing answer hint of %j', (input, expected) => {
    expect(normalizeQuestion(input)).toBe(expected);
  });

  it('removes HTML, decodes entities, folds Unicode quotes, dashes and spaces', () => {
    expect(normalizeQuestion('<p><b>Does</b> the vendor encrypt data&nbsp;&amp; keys?</p>')).toBe('does the vendor encrypt data keys');
    expect(normalizeQuestion('Is “customer’s” data\u00a0encrypted\u2009—\u2009at rest?')).toBe('is customer data encrypted at rest');
    expect(normalizeQuestion('MULTI‑FACTOR   Authentication')).toBe('multi factor authentication');
  });

  it('keeps a question that is only a prefix-like text rather than emptying it', () => {
    expect(normalizeQuestion('Q1.')).not.toBe('');
    expect(normalizeQuestion('   ')).toBe('');
  });
});

describe('stem', () => {
  it('brings inflections of one word together', () => {
    expect(stem('policies')).toBe(stem('policy'));
    expect(stem('processes')).toBe(stem('process'));
    expect(stem('tested')).toBe(stem('testing'));
    expect(stem('certified')).toBe(stem('certify'));
    expect(stem('reviews')).toBe(stem('reviewed'));
  });
  it('leaves short words and numbers alone', () => {
    expect(stem('sso')).toBe('sso');
    expect(stem('27001')).toBe('27001');
  });
});

describe('security vocabulary', () => {
  it('has at least 80 concept groups with unique ids', () => {
    expect(CONCEPT_GROUPS.length).toBeGreaterThanOrEqual(80);
    expect(new Set(CONCEPT_GROUPS.map((g) => g.id)).size).toBe(CONCEPT_GROUPS.length);
  });

  const concept = (text: string) => extractTerms(text).filter((t) => t.startsWith('~'));

  it.each([
    ['mfa', ['MFA', '2FA', 'multi-factor authentication', 'two-step verification', 'Multifactor authentication']],
    ['sso', ['SSO', 'single sign-on', 'Single Sign On']],
    ['pentest', ['pen test', 'penetration testing', 'pentests']],
    ['pii', ['PII', 'personal data', 'personally identifiable information']],
    ['third-party', ['subprocessor', 'sub-processors', 'third party', '3rd-party']],
    ['at-rest', ['at rest', 'data at rest', 'full disk encryption']],
    ['in-transit', ['in transit', 'TLS', 'HTTPS']],
    ['rto', ['RTO', 'recovery time objective']],
    ['soc2', ['SOC 2', 'SOC2 Type II', 'SSAE 18']],
    ['vuln', ['vuln', 'vulnerabilities', 'CVEs']],
  ])('maps every spelling of %s to the same concept', (id, spellings) => {
    for (const s of spellings) expect(concept(s), s).toContain(`~${id}`);
  });

  it('does not read an exercise as business continuity: incident response plans are exercised in tabletops too', () => {
    expect(concept('The incident response plan is exercised in tabletop exercises and drills.')).not.toContain('~bcp');
    expect(concept('tabletop exercise')).toContain('~exercise');
    expect(concept('business continuity test')).toEqual(expect.arrayContaining(['~continuity-test', '~bcp']));
    expect(concept('DR testing')).toContain('~continuity-test');
  });

  it('keeps the words of a phrase next to its concept', () => {
    expect(extractTerms('data retention')).toEqual(expect.arrayContaining(['~retention', 'data']));
  });

  it('drops stop words and questionnaire boilerplate', () => {
    expect(extractTerms('Do you have a documented and approved policy?')).toEqual(['~policy']);
    // "Summarise" is an instruction like "describe", not a topic.
    expect(extractTerms('Summarise your security policy')).toEqual(extractTerms('Describe your security policy'));
    expect(extractTerms('Summarize your security policy')).not.toContain('summar');
  });
});
