// ServiceNow adapter: Service Portal take_survey (AngularJS widget rendered twice, select2 v3 choices), the classic
// assessment_take2.do form (alone, in the UI16 shell or the Next Experience shell) and the TPRM /svdp questionnaire.
import type { QuestionKind, SectionInfo } from '../../schema';
import type { AdapterScan, PortalAdapter, RawQuestion } from '../types';
import { isYesNoOptions, optionLabel, selectOptions } from '../controls';
import { deepQueryAll, readableFrameDocument } from '../deep-query';
import { normalizeText, readableText, splitQuestionNumber } from '../text';
import { isStyleVisible } from '../visibility';
import { navigationClick } from '../../fill/dom-events';
import { waitFor } from '../../fill/wait-for';

export type ServiceNowPageKind = 'sp-take-survey' | 'classic-assessment' | 'ui16-shell' | 'next-experience-shell' | 'svdp';

const SN_HOST = /(^|\.)(service-now\.com|servicenowservices\.com)$/i;
const SURVEY_PAGE_IDS = new Set(['take_survey', 'public_survey']);
const POLARIS_HOST = 'macroponent-f51912f4c700201072b211d4d8c26010';
const SYS_ID = /ASMTQUESTION:([0-9a-f]{32})/;
const DEFINITION_OF = /^ASMTDEFINITION:[^_]+_([0-9a-f]{32})$/;
const SECTION_WAIT_MS = 5000;

export function isServiceNowHost(hostname: string): boolean {
  return SN_HOST.test(hostname);
}

/**
 * Which ServiceNow page this document is. On ServiceNow hosts the URL is enough (so a page whose markup drifted
 * is still recognised and can warn); on other hosts (custom domains, injected on demand) only the markup counts.
 */
export function servicenowPageKind(doc: Document, url: URL): ServiceNowPageKind | undefined {
  if (doc.querySelector('sp-survey-form, #sp_survey_root')) return 'sp-take-survey';
  if (doc.querySelector('[id^="label_ASMTQUESTION:"], input[name^="sys_original.ASMTQUESTION:"]')) return 'classic-assessment';
  if (doc.querySelector(POLARIS_HOST)) return 'next-experience-shell';
  const onHost = isServiceNowHost(url.hostname);
  if (doc.querySelector('iframe#gsft_main') && (onHost || doc.querySelector('.navpage-layout'))) return 'ui16-shell';
  const path = url.pathname.toLowerCase();
  const onSvdp = path === '/svdp' || path.startsWith('/svdp/');
  if (onSvdp && deepQueryAll(doc, '.sae-question-card').length > 0) return 'svdp';
  if (!onHost) return undefined;
  if (SURVEY_PAGE_IDS.has(url.searchParams.get('id') ?? '')) return 'sp-take-survey';
  if (path.endsWith('/assessment_take2.do')) return 'classic-assessment';
  if (onSvdp) return 'svdp';
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Shared helpers

function text(el: Element | null | undefined): string {
  return el ? readableText(el) : '';
}

/** A button's caption (readableText skips buttons, as their captions are not question text). */
function caption(el: Element): string {
  return normalizeText(el.textContent ?? '');
}

function sysIdIn(el: Element): string | undefined {
  for (const named of [el, ...el.querySelectorAll('[name]')]) {
    const name = named.getAttribute('name') ?? '';
    const m = SYS_ID.exec(name) ?? DEFINITION_OF.exec(name);
    if (m) return m[1];
  }
  return undefined;
}

interface ControlFacts {
  control: Element;
  kind: QuestionKind;
  writer: string;
  options: string[];
}

function choiceFacts(control: Element, writer: string, options: string[], multiple: boolean): ControlFacts {
  const kind: QuestionKind = multiple ? 'multi-choice' : isYesNoOptions(options) ? 'yesno' : 'single-choice';
  return { control, kind, writer, options };
}

/** The group element of several radios or checkboxes: an ARIA group / table around them, else their parent. */
function groupOf(members: Element[]): Element {
  const first = members[0] as Element;
  const group = first.closest('[role="radiogroup"], [role="group"], fieldset, table');
  if (group && members.every((m) => group.contains(m))) return group;
  let anc: Element = first.parentElement ?? first;
  while (members.some((m) => !anc.contains(m)) && anc.parentElement) anc = anc.parentElement;
  return anc;
}

interface QuestionExtras {
  number?: string;
  section?: string;
  helpText?: string;
  comment?: Element | null;
  portalKey?: string | null;
}

/** A RawQuestion from an answer block's controls; empty extras are left out rather than set to ''. */
function buildQuestion(facts: ControlFacts, questionText: string, required: boolean, extras: QuestionExtras): RawQuestion {
  const q: RawQuestion = {
    control: facts.control,
    kind: facts.kind,
    text: questionText,
    textSource: 'adapter:servicenow',
    options: facts.options,
    required,
    writer: facts.writer,
  };
  if (extras.number) q.number = extras.number;
  if (extras.section) q.section = extras.section;
  if (extras.helpText) q.helpText = extras.helpText;
  if (extras.comment) q.comment = extras.comment;
  if (extras.portalKey) q.portalKey = extras.portalKey;
  return q;
}

/** Classify the answer control inside one question block (the comment box already excluded). */
function classifyControls(block: Element, isComment: (el: Element) => boolean): ControlFacts | undefined {
  const select2 = block.querySelector('.select2-container');
  if (select2) {
    const select = select2Source(select2);
    if (select) return choiceFacts(select2, 'select2', selectOptions(select), select.multiple);
  }
  const radios = Array.from(block.querySelectorAll('input[type="radio"]'));
  if (radios.length > 0) return choiceFacts(groupOf(radios), 'radio-group', radios.map(optionLabel), false);
  const boxes = Array.from(block.querySelectorAll('input[type="checkbox"]'));
  if (boxes.length === 1) return { control: boxes[0] as Element, kind: 'yesno', writer: 'checkbox-group', options: ['Yes', 'No'] };
  if (boxes.length > 1) return choiceFacts(groupOf(boxes), 'checkbox-group', boxes.map(optionLabel), true);
  const select = block.querySelector('select');
  if (select) return choiceFacts(select, 'select', selectOptions(select as HTMLSelectElement), (select as HTMLSelectElement).multiple);
  const area = Array.from(block.querySelectorAll('textarea')).find((t) => !isComment(t));
  if (area) return { control: area, kind: 'textarea', writer: 'textarea', options: [] };
  const input = block.querySelector<HTMLInputElement>('input:not([type="hidden"]):not([type="button"]):not([type="submit"])');
  if (!input) return undefined;
  const type = input.type.toLowerCase();
  if (type === 'file') return { control: input, kind: 'file', writer: 'file', options: [] };
  if (type === 'number') return { control: input, kind: 'number', writer: 'input', options: [] };
  if (type === 'date' || isPickerDate(input)) return { control: input, kind: 'date', writer: 'date', options: [] };
  return { control: input, kind: 'text', writer: 'input', options: [] };
}

/** Metric data types of date questions, as the classic form's inputs carry them (`datatype`, like ranking's). */
const DATE_DATATYPE = /^(date|datetime|glide_date|glide_date_time)$/i;

/**
 * A text input used as a date: spDatePicker (commits on blur, calendar button in a Bootstrap input group), or a
 * classic date metric (its `datatype`, or the calendar trigger beside it).
 */
function isPickerDate(input: HTMLInputElement): boolean {
  if (/updateOn:\s*'blur'/.test(input.getAttribute('ng-model-options') ?? '')) return true;
  if (DATE_DATATYPE.test(input.getAttribute('datatype') ?? input.getAttribute('data-type') ?? '')) return true;
  if (input.parentElement?.querySelector('.date_time_trigger') != null) return true;
  return input.closest('.input-group')?.querySelector('.input-group-btn') != null;
}

/** select2 v3 inserts its container right before the original element, which it keeps hidden. */
export function select2Source(container: Element): HTMLSelectElement | null {
  const next = container.nextElementSibling;
  return next && next.tagName === 'SELECT' ? (next as HTMLSelectElement) : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Service Portal take_survey

function visibleSurveyForm(doc: Document): Element | undefined {
  return Array.from(doc.querySelectorAll('sp-survey-form')).find((f) => isStyleVisible(f));
}

function surveyPager(form: Element): { page: number; count: number } | undefined {
  const m = /(\d+)\s*of\s*(\d+)/i.exec(text(form.querySelector('.sp-survey-progress')));
  if (!m) return undefined;
  return { page: Number(m[1]) - 1, count: Number(m[2]) };
}

function collectSurvey(doc: Document): AdapterScan {
  const warnings: string[] = [];
  const form = visibleSurveyForm(doc);
  if (!form) {
    // The intro panel ("Get Started") is the widget's normal first state: no questions yet, nothing drifted.
    const intro = Array.from(doc.querySelectorAll('button')).some((b) => /get started/i.test(caption(b)) && isStyleVisible(b));
    if (!intro && doc.readyState === 'complete') {
      warnings.push('ServiceNow survey page recognised, but no visible sp-survey-form was found: the Take Survey widget markup may have changed.');
    }
    return { pageKind: 'sp-take-survey', questions: [], warnings };
  }
  const questions: RawQuestion[] = [];
  const fields = Array.from(form.querySelectorAll('sp-survey-field'));
  if (fields.length === 0) warnings.push('ServiceNow survey: the form has no sp-survey-field blocks; its markup may have changed.');
  for (const field of fields) {
    if (!isStyleVisible(field)) continue;
    const label = field.querySelector('.question-label');
    const numberText = normalizeText(text(label?.querySelector('.question-number'))).replace(/[.:)]$/, '');
    const questionText = normalizeText(text(label?.querySelector('.question-text')) || text(label).replace(/\s*\*$/, ''));
    if (!label || !questionText) {
      warnings.push('ServiceNow survey: a question block without a .question-label was skipped; the widget markup may have changed.');
      continue;
    }
    const isComment = (el: Element) => /^ADDINFO:/.test(el.getAttribute('name') ?? '') || el.closest('.add_info_no_padding') !== null;
    const facts = classifyControls(field, isComment);
    if (!facts) {
      warnings.push(`ServiceNow survey: no answer control found for "${questionText}".`);
      continue;
    }
    questions.push(
      buildQuestion(facts, questionText, label.querySelector('.mandatory') !== null, {
        number: numberText,
        section: text(field.closest('.sp-survey-category')?.querySelector('.category-label')),
        helpText: text(field.querySelector('.description-text')),
        comment: field.querySelector('textarea[name^="ADDINFO:"]') ?? field.querySelector('.add_info_no_padding textarea'),
        portalKey: sysIdIn(field),
      }),
    );
  }
  const scan: AdapterScan = { pageKind: 'sp-take-survey', questions, warnings };
  const pager = surveyPager(form);
  if (pager) scan.sections = { names: Array.from({ length: pager.count }, (_, i) => `Page ${i + 1}`), open: pager.page };
  return scan;
}

async function openSurveyPage(doc: Document, index: number, signal?: AbortSignal): Promise<boolean> {
  for (let step = 0; step < 100; step++) {
    const form = visibleSurveyForm(doc);
    const pager = form ? surveyPager(form) : undefined;
    if (!form || !pager || index >= pager.count) return false;
    if (pager.page === index) return true;
    const wanted = pager.page < index ? /^next$/i : /^previous$/i;
    const button = Array.from(form.querySelectorAll('button')).find((b) => wanted.test(caption(b)));
    if (!button) return false;
    navigationClick(button);
    await waitFor(() => surveyPager(visibleSurveyForm(doc) ?? form)?.page !== pager.page, SECTION_WAIT_MS, 'the survey page to change', signal);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Classic assessment_take2.do

/**
 * A category header: the element holding a category's `<cls>OPEN` toggle (with its `<cls>CLOSED` twin), or an
 * explicit `.category_label`. Its name is the header's text without the toggles' glyphs.
 */
function categoryName(marker: Element): string | undefined {
  if (marker.classList.contains('category_label')) return text(marker) || undefined;
  const prefix = marker.id.slice(0, -'OPEN'.length);
  if (!prefix || !marker.ownerDocument.getElementById(`${prefix}CLOSED`)) return undefined;
  const header = marker.closest('tr') ?? marker.parentElement;
  if (!header || header.querySelector('[id^="label_ASMTQUESTION:"]')) return undefined;
  const named = header.querySelector('.category_label');
  if (named) return text(named) || undefined;
  const copy = header.cloneNode(true) as Element;
  copy.querySelectorAll(`[id$="OPEN"], [id$="CLOSED"]`).forEach((t) => t.remove());
  return normalizeText(copy.textContent ?? '') || undefined;
}

function collectClassic(doc: Document): AdapterScan {
  const warnings: string[] = [];
  const questions: RawQuestion[] = [];
  const labels = Array.from(doc.querySelectorAll('[id^="label_ASMTQUESTION:"], .category_label, [id$="OPEN"]'));
  const questionLabels = labels.filter((l) => l.id.startsWith('label_ASMTQUESTION:'));
  if (questionLabels.length === 0) {
    if (doc.readyState === 'complete') {
      warnings.push('ServiceNow assessment (assessment_take2.do) recognised, but no label_ASMTQUESTION labels were found: the form markup may have changed.');
    }
    return { pageKind: 'classic-assessment', questions, warnings };
  }
  let section: string | undefined;
  for (const label of labels) {
    if (!label.id.startsWith('label_ASMTQUESTION:')) {
      section = categoryName(label) ?? section;
      continue;
    }
    const id = label.id.slice('label_ASMTQUESTION:'.length);
    const row = doc.getElementById(`ASMTQUESTION:${id}-row`) ?? label.closest('tr');
    if (!row) {
      warnings.push(`ServiceNow assessment: question ${id} has a label but no ASMTQUESTION row.`);
      continue;
    }
    if (!isStyleVisible(row)) continue;
    const facts = classicControl(doc, id, row);
    // A number only where the page shows one at the start of the label: the form itself numbers nothing.
    const { number, text: questionText } = splitQuestionNumber(text(label));
    if (!facts) {
      warnings.push(`ServiceNow assessment: no answer control found for "${questionText}" (ASMTQUESTION:${id}).`);
      continue;
    }
    const status = doc.getElementById(`status.ASMTQUESTION:${id}`);
    if (!status) warnings.push(`ServiceNow assessment: no status.ASMTQUESTION indicator for "${questionText}"; required markers may be wrong.`);
    questions.push(
      buildQuestion(facts, questionText, (status?.getAttribute('oclass') ?? '') !== '', {
        number,
        section,
        comment: doc.getElementById(`ADDINFO:ASMTQUESTION:${id}`),
        portalKey: id,
      }),
    );
  }
  return { pageKind: 'classic-assessment', questions, warnings };
}

function classicControl(doc: Document, id: string, row: Element): ControlFacts | undefined {
  const name = `ASMTQUESTION:${id}`;
  const radios = Array.from(doc.getElementsByName(name)).filter((el) => (el as HTMLInputElement).type === 'radio');
  if (radios.length > 0) return choiceFacts(groupOf(radios), 'radio-group', radios.map(optionLabel), false);
  const ni = doc.getElementById(`ni.${name}`);
  if (ni) return { control: ni, kind: 'yesno', writer: 'servicenow-checkbox', options: ['Yes', 'No'] };
  const definitions = Array.from(row.querySelectorAll('input[type="checkbox"][id^="ASMTDEFINITION:"]'));
  if (definitions.length > 0) return choiceFacts(groupOf(definitions), 'checkbox-group', definitions.map(optionLabel), true);
  const main = doc.getElementById(name);
  if (!main || (main as HTMLInputElement).type === 'hidden') return undefined;
  if (main.tagName === 'SELECT') return choiceFacts(main, 'select', selectOptions(main as HTMLSelectElement), (main as HTMLSelectElement).multiple);
  if (main.tagName === 'TEXTAREA') return { control: main, kind: 'textarea', writer: 'textarea', options: [] };
  return classifyControls(main.parentElement ?? row, () => false);
}

// ---------------------------------------------------------------------------------------------------------------
// TPRM third-party portal (/svdp), Smart Assessment Engine cards (markup inferred from documentation)

function svdpSections(doc: Document): SectionInfo | undefined {
  const tabs = deepQueryAll(doc, '.sae-section-tab');
  if (tabs.length === 0) return undefined;
  const open = tabs.findIndex((t) => t.getAttribute('aria-current') === 'step' || t.getAttribute('aria-current') === 'true');
  return { names: tabs.map(caption), open: open >= 0 ? open : null };
}

function collectSvdp(doc: Document): AdapterScan {
  const warnings: string[] = [];
  const questions: RawQuestion[] = [];
  const cards = deepQueryAll(doc, '.sae-question-card');
  if (cards.length === 0 && doc.readyState === 'complete') {
    warnings.push('ServiceNow third-party portal (/svdp) recognised, but no question cards were found: the questionnaire markup may have changed, or no questionnaire is open.');
  }
  for (const card of cards) {
    if (!isStyleVisible(card)) continue;
    const questionText = text(card.querySelector('.sae-question-text'));
    const response = card.querySelector('.sae-response');
    if (!questionText || !response) {
      warnings.push('ServiceNow third-party portal: a question card without question text or response area was skipped.');
      continue;
    }
    const facts = classifyControls(response, () => false);
    if (!facts) {
      warnings.push(`ServiceNow third-party portal: no answer control found for "${questionText}".`);
      continue;
    }
    questions.push(
      buildQuestion(facts, questionText, card.querySelector('.sae-required') !== null, {
        number: text(card.querySelector('.sae-question-number')),
        section: text(card.closest('.sae-section')?.querySelector('.sae-section-title')),
        helpText: text(card.querySelector('.sae-question-help')),
        comment: card.querySelector('.sae-comments textarea'),
        portalKey: card.getAttribute('data-question-id'),
      }),
    );
  }
  const scan: AdapterScan = { pageKind: 'svdp', questions, warnings };
  const sections = svdpSections(doc);
  if (sections) scan.sections = sections;
  return scan;
}

async function openSvdpSection(doc: Document, index: number, signal?: AbortSignal): Promise<boolean> {
  const tab = deepQueryAll(doc, '.sae-section-tab')[index];
  if (!tab) return false;
  const name = caption(tab);
  navigationClick(tab);
  await waitFor(
    () => deepQueryAll(doc, '.sae-section-title').some((t) => text(t) === name) && svdpSections(doc)?.open === index,
    SECTION_WAIT_MS,
    `section "${name}" to open`,
    signal,
  );
  return true;
}

// ---------------------------------------------------------------------------------------------------------------

export const servicenowAdapter: PortalAdapter = {
  id: 'servicenow',
  hostPatterns: ['*://*.service-now.com/*', '*://*.servicenowservices.com/*'],
  recognize: (doc, url) => servicenowPageKind(doc, url) !== undefined,
  collect(doc, url) {
    const kind = servicenowPageKind(doc, url);
    switch (kind) {
      case 'sp-take-survey':
        return collectSurvey(doc);
      case 'classic-assessment':
        return collectClassic(doc);
      case 'svdp':
        return collectSvdp(doc);
      case 'ui16-shell':
      case 'next-experience-shell':
        return collectShell(doc, kind);
      default:
        return { questions: [], warnings: [] };
    }
  },
  // The third-party portal autosaves and shows a "Saved" badge on each card it saved (research §1.6).
  countSaveIndicators: (doc) =>
    servicenowPageKind(doc, new URL(doc.URL)) === 'svdp' ? deepQueryAll(doc, '.sae-saved-badge').filter((b) => !(b as HTMLElement).hidden && isStyleVisible(b)).length : 0,
  async openSection(doc, index, signal) {
    const kind = servicenowPageKind(doc, new URL(doc.URL));
    if (kind === 'sp-take-survey') return openSurveyPage(doc, index, signal);
    if (kind === 'svdp') return openSvdpSection(doc, index, signal);
    return false;
  },
};

/**
 * A shell holds no questions itself: its content frame (#gsft_main) is scanned as its own document. The shell
 * reports the kind of the page in that frame when it can read it, since that is the page the analyst works on.
 */
function collectShell(doc: Document, kind: 'ui16-shell' | 'next-experience-shell'): AdapterScan {
  const frame = deepQueryAll(doc, 'iframe#gsft_main')[0] as HTMLIFrameElement | undefined;
  const warnings: string[] = [];
  if (!frame) {
    if (doc.readyState === 'complete') {
      warnings.push(kind === 'next-experience-shell'
        ? 'ServiceNow Next Experience shell recognised, but no iframe#gsft_main was found in its shadow root: the shell markup may have changed.'
        : 'ServiceNow UI16 shell recognised, but no iframe#gsft_main was found.');
    }
    return { pageKind: kind, questions: [], warnings };
  }
  const inner = readableFrameDocument(frame);
  const innerKind = inner ? servicenowPageKind(inner, new URL(inner.URL)) : undefined;
  return { pageKind: innerKind ?? kind, questions: [], warnings };
}
