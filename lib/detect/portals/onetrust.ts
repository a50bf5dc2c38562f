// OneTrust Assessment Automation respondent view: the question cards of the expanded accordion section (number,
// text, kind, options from the card structure), the list of all sections, and opening a section on request.
import type { QuestionKind, SectionInfo } from '../../schema';
import type { AdapterScan, PortalAdapter, RawQuestion } from '../types';
import { isYesNoOptions } from '../controls';
import { normalizeText, readableText } from '../text';

/** Current card element, and the older `assessment-detail-question` seen in earlier public XPaths. */
const CARD = 'aa-assessment-detail-question, assessment-detail-question';
const SECTION = '.aa-section-list__staged-delivery--section, .aa-section-list__section';
const SECTION_BUTTON = 'button.ot-collapse__header-btn, button';
const LOADING = 'ot-loading';
/** Answer option buttons; footer buttons (attachments, comments) and the lone N/A button lack `full-width`. */
const OPTION_BUTTON = 'button.vt-button.full-width';
const QUILL_EDITOR = '.ql-editor';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** A section's name: its name element, else the header text without a trailing `N/M` progress count. */
function sectionName(section: Element): string {
  const named = section.querySelector('.aa-section-list__section-name');
  if (named) return readableText(named);
  const button = section.querySelector(SECTION_BUTTON);
  return normalizeText((button?.textContent ?? '').replace(/\s*\d+\s*\/\s*\d+\s*$/, ''));
}

function sectionButton(section: Element): HTMLButtonElement | null {
  return section.querySelector<HTMLButtonElement>(SECTION_BUTTON);
}

function isSectionActive(section: Element): boolean {
  const button = sectionButton(section);
  return (
    section.querySelector('.ot-collapse__header--active') !== null ||
    button?.classList.contains('ot-collapse__header--active') === true ||
    button?.getAttribute('aria-expanded') === 'true'
  );
}

function sectionsOf(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll(SECTION));
}

/** Sections by name; the open one is the section that holds the cards, else the one whose header is active. */
export function readSections(doc: Document): SectionInfo | undefined {
  const sections = sectionsOf(doc);
  if (sections.length === 0) return undefined;
  const withCards = sections.findIndex((s) => s.querySelector(CARD) !== null);
  const open = withCards >= 0 ? withCards : sections.findIndex(isSectionActive);
  return { names: sections.map(sectionName), open: open >= 0 ? open : null };
}

function buttonLabel(b: Element): string {
  return normalizeText(b.textContent ?? '');
}

interface Widget {
  control: Element;
  kind: QuestionKind;
  options: string[];
  writer: string;
}

function choiceKind(options: string[], multiple: boolean): QuestionKind {
  if (multiple) return 'multi-choice';
  return isYesNoOptions(options) ? 'yesno' : 'single-choice';
}

/** The lone "Not applicable" button some text questions offer (a `vt-button` outside the option rows). */
export function naButtonOf(card: Element): HTMLButtonElement | null {
  const candidates = Array.from(card.querySelectorAll<HTMLButtonElement>('button.vt-button:not(.full-width)')).filter(
    (b) => !b.closest('.aa-question__footer') && /^not applicable$|^n\/a$/i.test(buttonLabel(b)),
  );
  return candidates.length === 1 ? (candidates[0] as HTMLButtonElement) : null;
}

/** Every answer widget of a card, main one first (a card may combine a choice with a text box). */
function widgetsOf(card: Element): Widget[] {
  const widgets: Widget[] = [];
  const multi = card.querySelector('aa-multichoice-buttons, .aa-question__multichoice');
  if (multi) {
    const options = Array.from(multi.querySelectorAll(OPTION_BUTTON)).map(buttonLabel);
    widgets.push({ control: multi, kind: 'multi-choice', options, writer: 'onetrust-buttons' });
  }
  const row = card.querySelector('.aa-question__button-row:not(.aa-question__na)');
  if (!multi && row && row.querySelector(OPTION_BUTTON)) {
    const options = Array.from(row.querySelectorAll(OPTION_BUTTON)).map(buttonLabel);
    widgets.push({ control: row, kind: choiceKind(options, false), options, writer: 'onetrust-buttons' });
  }
  const lookup = card.querySelector('aa-multichoice-dropdown input, ot-lookup input');
  if (lookup) {
    const listbox = lookup.closest('ot-lookup')?.querySelector('[role="listbox"]');
    const options = listbox ? Array.from(listbox.querySelectorAll('[role="option"]')).map(buttonLabel) : [];
    widgets.push({ control: lookup, kind: 'single-choice', options, writer: 'onetrust-lookup' });
  }
  const editor = card.querySelector(`aa-rich-text-editor ${QUILL_EDITOR}, [ot-rich-text-editor-element] ${QUILL_EDITOR}`);
  if (editor) {
    const na = naButtonOf(card);
    widgets.push(
      na
        ? { control: card, kind: 'richtext', options: [buttonLabel(na)], writer: 'onetrust-richtext' }
        : { control: editor, kind: 'richtext', options: [], writer: 'quill' },
    );
  }
  const input = card.querySelector('input.vt-input-element');
  if (input) widgets.push({ control: input, kind: 'text', options: [], writer: 'input' });
  return widgets;
}

function portalKeyOf(card: Element): string | undefined {
  for (const value of [card.getAttribute('data-question-id'), card.id]) {
    const m = value ? UUID.exec(value) : null;
    if (m) return m[0].toLowerCase();
  }
  return undefined;
}

function collectCard(card: Element, section: string | undefined, warnings: string[]): RawQuestion | null {
  const nameEl = card.querySelector('.aa-question__name');
  const numberEl = card.querySelector('.aa-question__number-text') ?? card.querySelector('.aa-question__number');
  const number = numberEl ? normalizeText(numberEl.textContent ?? '') : '';
  const text = nameEl ? readableText(nameEl) : '';
  const where = number ? `question ${number}` : 'a question card';
  if (!text) {
    warnings.push(`OneTrust ${where} has no .aa-question__name text; it was skipped`);
    return null;
  }
  const [main, companion] = widgetsOf(card);
  if (!main) {
    warnings.push(`OneTrust ${where} ("${text.slice(0, 60)}") has no answer widget this adapter knows; it was skipped`);
    return null;
  }
  const q: RawQuestion = {
    control: main.control,
    kind: main.kind,
    text,
    textSource: 'adapter:onetrust',
    options: main.options,
    required: card.querySelector('.aa-question__required') !== null,
    writer: main.writer,
  };
  if (number) q.number = number;
  if (section) q.section = section;
  const help = card.querySelector('.aa-question__description');
  if (help && readableText(help)) q.helpText = readableText(help);
  if (companion && (companion.kind === 'richtext' || companion.kind === 'text')) {
    q.comment = companion.control;
    q.commentWriter = companion.writer;
  }
  const key = portalKeyOf(card);
  if (key) q.portalKey = key;
  return q;
}

function collect(doc: Document): AdapterScan {
  const warnings: string[] = [];
  const sections = readSections(doc);
  const sectionEls = sectionsOf(doc);
  const questions: RawQuestion[] = [];
  // A card nested in another card element (a wrapper of the other name) is read once, as the outer one.
  const cards = Array.from(doc.querySelectorAll(CARD)).filter((c) => !c.parentElement?.closest(CARD));
  for (const card of cards) {
    const owner = sectionEls.findIndex((s) => s.contains(card));
    const q = collectCard(card, owner >= 0 ? sections?.names[owner] : undefined, warnings);
    if (q) questions.push(q);
  }
  if (!sections) warnings.push('OneTrust assessment: no section list (.aa-section-list__staged-delivery--section) found');
  const scan: AdapterScan = { pageKind: 'onetrust-assessment', questions, warnings };
  if (sections) scan.sections = sections;
  return scan;
}

/** The section's questions (or its intro text) are rendered and no spinner is showing. */
function isSectionRendered(section: Element): boolean {
  if (!isSectionActive(section) || section.querySelector(LOADING)) return false;
  const container = section.querySelector('.questions-container') ?? section.querySelector('aa-detail');
  return container ? container.childElementCount > 0 : section.querySelector(CARD) !== null;
}

const OPEN_TIMEOUT_MS = 15000;
const POLL_MS = 50;

async function openSection(doc: Document, index: number, signal?: AbortSignal): Promise<boolean> {
  const section = sectionsOf(doc)[index];
  const button = section ? sectionButton(section) : null;
  if (!section || !button) return false;
  // Clicking the open section's header would collapse it.
  if (!isSectionActive(section)) button.click();
  const deadline = Date.now() + OPEN_TIMEOUT_MS;
  let stableSince = 0;
  while (Date.now() < deadline) {
    if (signal?.aborted) return false;
    // Rendered twice in a row, 100 ms apart: a spinner that appears a tick after the click is not missed.
    if (isSectionRendered(section) && doc.querySelector(LOADING) === null) {
      if (stableSince === 0) stableSince = Date.now();
      else if (Date.now() - stableSince >= 100) return true;
    } else stableSince = 0;
    await new Promise((ok) => setTimeout(ok, POLL_MS));
  }
  return false;
}

export const onetrustAdapter: PortalAdapter = {
  id: 'onetrust',
  hostPatterns: ['*://*.onetrust.com/*'],
  // By markup, not host: the aa- assessment components are OneTrust's own, on every regional host.
  recognize: (doc) => doc.querySelector(`${CARD}, downgrade-assessment-detail, .aa-section-list`) !== null,
  collect: (doc) => collect(doc),
  openSection,
};
