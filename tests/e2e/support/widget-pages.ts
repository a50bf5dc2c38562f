// The widget-library questionnaire pages (tests/fixtures/portals/widgets/) and what a person sees and answers on
// each: the question texts, kinds and options, the value filled, and the value the library's own model must then
// hold (read by the page's window.__truth()). Used by widget-libraries.spec.ts and the README's figures.
import type { FieldValue, QuestionKind } from '../../../lib/schema';

export interface WidgetQuestion {
  text: string;
  kind: QuestionKind;
  options?: string[];
  value: FieldValue;
  /** Key in window.__truth() and the value the library must hold after the fill. */
  truth: [string, unknown];
  /** The comment box that belongs to this question, its answer and where the page keeps it. */
  comment?: { value: string; truth: string };
}

export interface WidgetPage {
  library: string;
  path: string;
  questions: WidgetQuestion[];
  /**
   * Writes that skip the library, one per widget kind the page has (text, single, multi, yes/no, date): a bare
   * `.value =`, `.checked =` or `.selected =` with no events, and the truth key each must not reach.
   */
  naiveWrites: Array<{ expression: string; truth: string }>;
}

const YES_NO = ['Yes', 'No'];
const YES_NO_NA = ['Yes', 'No', 'N/A'];

export const widgetPages: WidgetPage[] = [
  {
    library: 'Tom Select',
    path: '/portals/widgets/tom-select.html',
    questions: [
      { text: 'Legal name of the supplier', kind: 'text', value: 'Northwind Cloud Ltd', truth: ['legal', 'Northwind Cloud Ltd'] },
      { text: 'Where is customer data hosted?', kind: 'single-choice', options: ['European Union', 'United States', 'United Kingdom'], value: 'United Kingdom', truth: ['region', 'uk'] },
      { text: 'Which certifications do you hold?', kind: 'multi-choice', options: ['ISO 27001', 'SOC 2 Type II', 'PCI DSS', 'HITRUST'], value: ['ISO 27001', 'PCI DSS'], truth: ['certs', ['iso', 'pci']] },
      { text: 'Is multi-factor authentication enforced for all staff?', kind: 'yesno', options: YES_NO, value: 'Yes', truth: ['mfa', 'yes'] },
      { text: 'Is customer data encrypted at rest?', kind: 'yesno', options: YES_NO_NA, value: 'No', truth: ['enc', 'no'], comment: { value: 'Encryption at rest ships in Q3.', truth: 'enc_comment' } },
      { text: 'Date of the last external penetration test', kind: 'date', value: '2026-02-14', truth: ['pentest', '2026-02-14'] },
      { text: 'Data classification of the service', kind: 'single-choice', options: ['Public', 'Internal', 'Confidential', 'Restricted'], value: 'Confidential', truth: ['tier', 'confidential'] },
      { text: 'Countries where sub-processors operate', kind: 'multi-choice', options: ['Germany', 'Ireland', 'India', 'United States'], value: ['Ireland'], truth: ['subproc', ['ie']] },
      { text: 'Security incident contact email', kind: 'text', value: 'security@northwind.example', truth: ['contact', 'security@northwind.example'] },
    ],
    naiveWrites: [
      { expression: "document.getElementById('legal').value = 'Raw write'", truth: 'legal' },
      { expression: "document.getElementById('region').value = 'eu'", truth: 'region' },
      { expression: "document.querySelector('#certs option[value=\"soc2\"]').selected = true", truth: 'certs' },
      { expression: "document.getElementById('mfa').value = 'no'", truth: 'mfa' },
      { expression: "document.getElementById('pentest').value = '2020-01-01'", truth: 'pentest' },
    ],
  },
  {
    library: 'Choices.js',
    path: '/portals/widgets/choices.html',
    questions: [
      { text: 'Name of the product or service', kind: 'text', value: 'Northwind Vault', truth: ['product', 'Northwind Vault'] },
      { text: 'Primary hosting region', kind: 'single-choice', options: ['European Union', 'United States', 'Asia Pacific'], value: 'Asia Pacific', truth: ['region', 'apac'] },
      { text: 'Frameworks you are audited against', kind: 'multi-choice', options: ['ISO 27001', 'SOC 2 Type II', 'NIST CSF', 'CSA STAR'], value: ['SOC 2 Type II', 'CSA STAR'], truth: ['frameworks', ['soc2', 'csa']] },
      { text: 'Do you test your business continuity plan every year?', kind: 'yesno', options: YES_NO, value: 'Yes', truth: ['bcp', 'yes'] },
      { text: 'Have you had a reportable data breach in the last 3 years?', kind: 'yesno', options: YES_NO_NA, value: 'No', truth: ['breach', 'no'], comment: { value: 'No breach met the reporting threshold.', truth: 'breach_comment' } },
      { text: 'Date of the last independent audit', kind: 'date', value: '2025-11-30', truth: ['audit', '2025-11-30'] },
      // The labels are stored as markup; a person sees the words only.
      { text: 'Most sensitive data you will process', kind: 'single-choice', options: ['Public data', 'Personal data', 'Special category data'], value: 'Special category data', truth: ['sensitivity', 'special'] },
      { text: 'How do you notify customers of incidents?', kind: 'multi-choice', options: ['Email', 'Status page', 'Phone call'], value: ['Status page'], truth: ['channels', ['portal']] },
      { text: 'Name of your data protection officer', kind: 'text', value: 'Dana Smith', truth: ['dpo', 'Dana Smith'] },
    ],
    naiveWrites: [
      { expression: "document.getElementById('product').value = 'Raw write'", truth: 'product' },
      { expression: "document.getElementById('region').value = 'eu'", truth: 'region' },
      { expression: "document.querySelector('#frameworks option[value=\"iso\"]').selected = true", truth: 'frameworks' },
      { expression: "document.getElementById('bcp').value = 'no'", truth: 'bcp' },
      { expression: "document.getElementById('audit').value = '2020-01-01'", truth: 'audit' },
    ],
  },
  {
    library: 'jQuery UI (selectmenu, datepicker)',
    path: '/portals/widgets/jquery-ui.html',
    questions: [
      { text: 'Registered company name', kind: 'text', value: 'Northwind Cloud Ltd', truth: ['vendor', 'Northwind Cloud Ltd'] },
      { text: 'Where is the service hosted?', kind: 'single-choice', options: ['Amazon Web Services', 'Microsoft Azure', 'Google Cloud', 'Own data centre'], value: 'Google Cloud', truth: ['hosting', 'gcp'] },
      { text: 'Do you support single sign-on (SAML or OIDC)?', kind: 'yesno', options: YES_NO, value: 'Yes', truth: ['sso', 'yes'] },
      { text: 'Are security logs retained for at least 12 months?', kind: 'yesno', options: YES_NO_NA, value: 'N/A', truth: ['logging', 'na'], comment: { value: 'Customers keep their own logs.', truth: 'logging_comment' } },
      { text: 'Date of the last disaster recovery test', kind: 'date', value: '2026-01-20', truth: ['lastdr', '2026-01-20'] },
      { text: 'Date your cyber insurance policy renews', kind: 'date', value: '2026-09-01', truth: ['renewal', '2026-09-01'] },
      { text: 'Number of staff with production access', kind: 'single-choice', options: ['1-5', '6-20', 'More than 20'], value: 'More than 20', truth: ['staff', '3'] },
      { text: 'Name of your head of information security', kind: 'text', value: 'Alex Chen', truth: ['ciso', 'Alex Chen'] },
    ],
    naiveWrites: [
      { expression: "document.getElementById('vendor').value = 'Raw write'", truth: 'vendor' },
      { expression: "document.getElementById('hosting').value = 'aws'", truth: 'hosting' },
      { expression: "document.getElementById('sso').value = 'no'", truth: 'sso' },
      { expression: "document.getElementById('lastdr').value = '2020-01-01'", truth: 'lastdr' },
    ],
  },
  {
    library: 'Shoelace (web components, shadow DOM)',
    path: '/portals/widgets/shoelace.html',
    questions: [
      { text: 'Company name', kind: 'text', value: 'Northwind Cloud Ltd', truth: ['company', 'Northwind Cloud Ltd'] },
      { text: 'Primary data centre region', kind: 'single-choice', options: ['European Union', 'United States', 'Canada'], value: 'Canada', truth: ['region', 'ca'] },
      { text: 'Standards you are certified against', kind: 'multi-choice', options: ['ISO 27001', 'ISO 27701', 'SOC 2 Type II'], value: ['ISO 27701', 'SOC 2 Type II'], truth: ['standards', ['iso27701', 'soc2']] },
      { text: 'How often are backups taken?', kind: 'single-choice', options: ['Hourly', 'Daily', 'Weekly'], value: 'Hourly', truth: ['backup', 'hourly'] },
      { text: 'Do you support single sign-on for customers?', kind: 'yesno', options: YES_NO, value: 'Yes', truth: ['sso', true] },
      { text: 'Do you run authenticated vulnerability scans monthly?', kind: 'yesno', options: YES_NO, value: 'No', truth: ['vuln', 'no'], comment: { value: 'Scans run every quarter.', truth: 'vuln_comment' } },
      { text: 'Date the security policy was last reviewed', kind: 'date', value: '2026-04-01', truth: ['reviewed', '2026-04-01'] },
      { text: 'Will you sign our data processing agreement?', kind: 'yesno', options: YES_NO, value: 'Yes', truth: ['dpa', true] },
      { text: 'Security contact email', kind: 'text', value: 'security@northwind.example', truth: ['contact', 'security@northwind.example'] },
    ],
    naiveWrites: [
      { expression: "document.getElementById('company').shadowRoot.querySelector('input').value = 'Raw write'", truth: 'company' },
      { expression: "document.getElementById('region').shadowRoot.querySelector('.select__value-input').value = 'eu'", truth: 'region' },
      { expression: "document.getElementById('standards').shadowRoot.querySelector('.select__value-input').value = 'iso27001'", truth: 'standards' },
      { expression: "document.getElementById('sso').shadowRoot.querySelector('input').checked = true", truth: 'sso' },
      { expression: "document.getElementById('reviewed').shadowRoot.querySelector('input').value = '2020-01-01'", truth: 'reviewed' },
    ],
  },
  {
    library: 'react-select (React 19)',
    path: '/portals/widgets/react-select.html',
    questions: [
      { text: 'Legal name of your company', kind: 'text', value: 'Northwind Cloud Ltd', truth: ['company', 'Northwind Cloud Ltd'] },
      { text: 'Region where customer data is stored', kind: 'single-choice', options: ['European Union', 'United States', 'Australia'], value: 'Australia', truth: ['region', 'au'] },
      { text: 'Certifications your service holds', kind: 'multi-choice', options: ['ISO 27001', 'SOC 2 Type II', 'PCI DSS', 'FedRAMP'], value: ['PCI DSS', 'FedRAMP'], truth: ['certs', ['pci', 'fedramp']] },
      { text: 'Is data encrypted in transit with TLS 1.2 or later?', kind: 'yesno', options: YES_NO, value: 'Yes', truth: ['encrypt', 'yes'] },
      { text: 'Was a penetration test performed in the last 12 months?', kind: 'yesno', options: YES_NO_NA, value: 'No', truth: ['pentest', 'no'], comment: { value: 'The next test is booked for May.', truth: 'pentest_comment' } },
      { text: 'Date of the last access review', kind: 'date', value: '2026-03-31', truth: ['review', '2026-03-31'] },
      { text: 'How long are audit logs retained?', kind: 'single-choice', options: ['30 days', '90 days', '1 year'], value: '1 year', truth: ['retention', '365'] },
      { text: 'Security contact email', kind: 'text', value: 'security@northwind.example', truth: ['contact', 'security@northwind.example'] },
    ],
    naiveWrites: [
      { expression: "document.getElementById('company').value = 'Raw write'", truth: 'company' },
      { expression: "document.getElementById('region').value = 'European Union'", truth: 'region' },
      { expression: "document.getElementById('certs').value = 'ISO 27001'", truth: 'certs' },
      { expression: "document.getElementById('encrypt').value = 'No'", truth: 'encrypt' },
      { expression: "document.getElementById('review').value = '2020-01-01'", truth: 'review' },
    ],
  },
  {
    library: 'MUI (Material UI 9, MUI X date pickers)',
    path: '/portals/widgets/mui.html',
    questions: [
      { text: 'Legal name of the supplier', kind: 'text', value: 'Northwind Cloud Ltd', truth: ['company', 'Northwind Cloud Ltd'] },
      { text: 'Describe your incident response process', kind: 'textarea', value: 'A 24/7 on-call team triages every alert.', truth: ['irp', 'A 24/7 on-call team triages every alert.'] },
      { text: 'Where is customer data hosted?', kind: 'single-choice', options: ['European Union', 'United States', 'United Kingdom'], value: 'United Kingdom', truth: ['region', 'uk'] },
      { text: 'Which certifications do you hold?', kind: 'multi-choice', options: ['ISO 27001', 'SOC 2 Type II', 'PCI DSS', 'HITRUST'], value: ['ISO 27001', 'PCI DSS'], truth: ['certs', ['iso', 'pci']] },
      { text: 'Is multi-factor authentication enforced for all staff?', kind: 'yesno', options: YES_NO, value: 'Yes', truth: ['mfa', 'yes'] },
      { text: 'Is customer data encrypted at rest?', kind: 'yesno', options: YES_NO_NA, value: 'No', truth: ['enc', 'no'], comment: { value: 'Encryption at rest ships in Q3.', truth: 'enc_comment' } },
      // A switch nobody has touched holds no answer: "No" must be stored, not taken as already there.
      { text: 'Do you run a public bug bounty programme?', kind: 'yesno', options: YES_NO, value: 'No', truth: ['bugbounty', 'no'] },
      { text: 'How mature is your vulnerability management?', kind: 'single-choice', options: ['Initial', 'Repeatable', 'Defined', 'Managed', 'Optimised'], value: 'Managed', truth: ['maturity', 4] },
      { text: 'Which cloud provider hosts the service?', kind: 'single-choice', options: ['Amazon Web Services', 'Microsoft Azure', 'Google Cloud', 'Own data centre'], value: 'Google Cloud', truth: ['cloud', 'Google Cloud'] },
      { text: 'Date of the last external penetration test', kind: 'date', value: '2026-02-14', truth: ['pentest', '2026-02-14'] },
    ],
    naiveWrites: [
      { expression: "document.getElementById('company').value = 'Raw write'", truth: 'company' },
      { expression: "document.querySelector('input[name=region]').value = 'eu'", truth: 'region' },
      { expression: "document.querySelector('input[name=certs]').value = 'iso,pci'", truth: 'certs' },
      { expression: "document.getElementById('bugbounty').checked = true", truth: 'bugbounty' },
      { expression: "document.querySelector('input[name=mfa][value=yes]').checked = true", truth: 'mfa' },
      { expression: "document.querySelector('input[name=pentest]').value = '02/14/2026'", truth: 'pentest' },
    ],
  },
  {
    library: 'Chosen (three-panel app, details pane scrolls on its own)',
    path: '/portals/widgets/chosen.html',
    questions: [
      { text: 'Legal name of the vendor', kind: 'text', value: 'Northwind Cloud Ltd', truth: ['legal', 'Northwind Cloud Ltd'] },
      { text: 'Primary hosting region', kind: 'single-choice', options: ['European Union', 'United States', 'Switzerland'], value: 'Switzerland', truth: ['region', 'ch'] },
      { text: 'Certifications held', kind: 'multi-choice', options: ['ISO 27001', 'SOC 2 Type II', 'BSI C5', 'CSA STAR'], value: ['ISO 27001', 'BSI C5'], truth: ['certs', ['iso', 'c5']] },
      // The caption a person sees is aria-hidden; the names are a visually hidden legend and a hidden labelledby node.
      { text: 'Is access to production reviewed every quarter?', kind: 'yesno', options: YES_NO, value: 'Yes', truth: ['review', 'yes'], comment: { value: 'Reviews are signed off by the CISO.', truth: 'review_comment' } },
      { text: 'Where is multi-factor authentication enforced?', kind: 'multi-choice', options: ['Remote access', 'Administrator accounts', 'Email'], value: ['Remote access', 'Administrator accounts'], truth: ['mfa', ['vpn', 'admin']] },
      // Below the details pane's fold from here on.
      { text: 'Are backups encrypted?', kind: 'yesno', options: YES_NO, value: 'No', truth: ['backups', 'no'], comment: { value: 'Backups move to encrypted storage in May.', truth: 'backups_comment' } },
      { text: 'Is customer data erased within 30 days of termination?', kind: 'yesno', options: YES_NO_NA, value: 'Yes', truth: ['erase', 'yes'], comment: { value: 'Erasure certificates on request.', truth: 'erase_comment' } },
      { text: 'Describe how you handle a security incident', kind: 'textarea', value: 'Triage within one hour, customers told within 24 hours.', truth: ['incident', 'Triage within one hour, customers told within 24 hours.'] },
      { text: 'Do you run a vulnerability scan every month?', kind: 'yesno', options: YES_NO, value: 'Yes', truth: ['scan', 'yes'], comment: { value: 'Authenticated scans of every host.', truth: 'scan_comment' } },
      { text: 'Is there a documented change management process?', kind: 'yesno', options: YES_NO, value: 'No', truth: ['change', 'no'], comment: { value: 'Changes are reviewed in pull requests.', truth: 'change_comment' } },
      { text: 'Date of the last access review', kind: 'date', value: '2026-03-31', truth: ['lastreview', '2026-03-31'] },
      { text: 'Security contact email', kind: 'text', value: 'security@northwind.example', truth: ['contact', 'security@northwind.example'] },
    ],
    naiveWrites: [
      { expression: "document.getElementById('legal').value = 'Raw write'", truth: 'legal' },
      { expression: "document.getElementById('region').value = 'eu'", truth: 'region' },
      { expression: "document.querySelector('#certs option[value=\"soc2\"]').selected = true", truth: 'certs' },
      { expression: "document.querySelector('input[name=\"review\"][value=\"no\"]').checked = true", truth: 'review' },
      { expression: "document.getElementById('backups').value = 'yes'", truth: 'backups' },
      { expression: "document.getElementById('lastreview').value = '2020-01-01'", truth: 'lastreview' },
    ],
  },
  {
    library: 'bootstrap-select (Bootstrap 4, jQuery)',
    path: '/portals/widgets/bootstrap-select.html',
    questions: [
      { text: 'Legal name of the processor', kind: 'text', value: 'Northwind Cloud Ltd', truth: ['processor', 'Northwind Cloud Ltd'] },
      // Live search, a title placeholder and optgroups: the options are the countries, not the group labels.
      { text: 'Country where customer data is hosted', kind: 'single-choice', options: ['Germany', 'Ireland', 'United States', 'Canada'], value: 'Canada', truth: ['hosting', 'ca'] },
      { text: 'Which attestations can you share?', kind: 'multi-choice', options: ['SOC 2 Type II report', 'ISO 27001 certificate', 'Penetration test summary', 'CAIQ'], value: ['ISO 27001 certificate', 'CAIQ'], truth: ['attest', ['iso', 'caiq']] },
      { text: 'Do staff sign in through single sign-on?', kind: 'yesno', options: YES_NO, value: 'Yes', truth: ['sso', 'yes'] },
      { text: 'Do you run data loss prevention on endpoints?', kind: 'yesno', options: YES_NO_NA, value: 'No', truth: ['dlp', 'no'], comment: { value: 'Endpoint DLP is being rolled out this year.', truth: 'dlp_comment' } },
      { text: 'Date of the last business impact analysis', kind: 'date', value: '2026-01-15', truth: ['bia', '2026-01-15'] },
      { text: 'Countries where sub-processors operate', kind: 'multi-choice', options: ['France', 'Netherlands', 'India', 'Singapore'], value: ['Netherlands', 'Singapore'], truth: ['subproc', ['nl', 'sg']] },
      // A rating matrix: one radio group per table row, options named by the shared column headers.
      { text: 'Maturity of patch management', kind: 'single-choice', options: ['Initial', 'Managed', 'Optimised'], value: 'Optimised', truth: ['patching', '3'] },
      { text: 'Maturity of access reviews', kind: 'single-choice', options: ['Initial', 'Managed', 'Optimised'], value: 'Managed', truth: ['access', '2'] },
      { text: 'Privacy team contact email', kind: 'text', value: 'privacy@northwind.example', truth: ['privacy', 'privacy@northwind.example'] },
    ],
    naiveWrites: [
      { expression: "document.getElementById('processor').value = 'Raw write'", truth: 'processor' },
      { expression: "document.getElementById('hosting').value = 'de'", truth: 'hosting' },
      { expression: "document.querySelector('#attest option[value=\"soc2\"]').selected = true", truth: 'attest' },
      { expression: "document.getElementById('sso').value = 'no'", truth: 'sso' },
      { expression: "document.getElementById('bia').value = '2020-01-01'", truth: 'bia' },
      { expression: "document.querySelector('input[name=patching][value=\"1\"]').checked = true", truth: 'patching' },
    ],
  },
  {
    library: 'Headless UI 2 (React 19)',
    path: '/portals/widgets/headless-ui.html',
    questions: [
      { text: 'Legal name of the supplier', kind: 'text', value: 'Northwind Cloud Ltd', truth: ['company', 'Northwind Cloud Ltd'] },
      { text: 'Main hosting region', kind: 'single-choice', options: ['European Union', 'United States', 'Japan'], value: 'Japan', truth: ['region', 'jp'] },
      { text: 'Certifications you hold', kind: 'multi-choice', options: ['ISO 27001', 'SOC 2 Type II', 'BSI C5'], value: ['ISO 27001', 'BSI C5'], truth: ['certs', ['iso', 'c5']] },
      { text: 'Are backups stored encrypted?', kind: 'yesno', options: YES_NO, value: 'Yes', truth: ['backups', 'yes'] },
      { text: 'Do you offer single sign-on to customers?', kind: 'yesno', options: YES_NO, value: 'Yes', truth: ['sso', true] },
      { text: 'How long are audit logs kept?', kind: 'single-choice', options: ['30 days', '90 days', '1 year'], value: '1 year', truth: ['retention', '365'] },
      { text: 'Is data loss prevention deployed on laptops?', kind: 'yesno', options: YES_NO_NA, value: 'No', truth: ['dlp', 'no'], comment: { value: 'Laptops get DLP agents in the autumn.', truth: 'dlp_comment' } },
      { text: 'Date of the last internal audit', kind: 'date', value: '2026-02-27', truth: ['audit', '2026-02-27'] },
      { text: 'Security contact email', kind: 'text', value: 'security@northwind.example', truth: ['contact', 'security@northwind.example'] },
    ],
    naiveWrites: [
      { expression: "document.getElementById('company').value = 'Raw write'", truth: 'company' },
      { expression: "document.querySelector('input[role=combobox]').value = '30 days'", truth: 'retention' },
      { expression: "document.querySelector('[role=radio]').setAttribute('aria-checked', 'true')", truth: 'backups' },
      { expression: "document.querySelector('[role=switch]').checked = true", truth: 'sso' },
      { expression: "document.getElementById('audit').value = '2020-01-01'", truth: 'audit' },
    ],
  },
];
