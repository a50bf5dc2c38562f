// OneTrust Assessment Automation respondent view: the question cards of the expanded accordion section (number,
// text, kind, options from the card structure), the list of all sections, and opening a section on request.
import type { QuestionKind, SectionInfo } from '../../schema';
import type { AdapterScan, PortalAdapter, RawQuestion } from '../types';
import { isYesNoOptions } from '../controls';
import { normalizeText, readableText } from '../text';
import { closeLookup, openLookup, optionsOf, optionText } from '../../fill/writers/onetrust-lookup';
import { navigationClick } from '../../fill/dom-events';

/** Current card element, and the older `assessment-detail-question` seen in earlier public XPaths. */
const CARD = 'aa-assessment-detail-question, assessment-detail-question';
const SECTION = '.aa-section-list__staged-delivery--section, .aa-section-list__section';
const SECTION_BUTTON = 'button.ot-collapse__header-btn, button';
const LOADING = 'ot-loading';
/** Answer option buttons; footer buttons (attachments, comments) and the lone N/A button lack `full-width`. */
const OPTION_BUTTON = 'button.vt-button.full-width';
const QUILL_EDITOR = '.ql-editor';
const LOOKUP_INPUT = 'aa-multichoice-dropdown input, ot-lookup input';
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
  optionsSearchable?: boolean;
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

/** Options of each lookup as read by opening it once (the list is rendered only while open). */
const readLookups = new WeakMap<Element, string[]>();

/** The options read when the lookup was opened for them, else those it shows now (none while closed). */
function lookupOptionsOf(input: HTMLInputElement): string[] {
  return readLookups.get(input) ?? optionsOf(input).map(optionText);
}

const LOOKUP_OPEN_MS = 3000;

/** The analyst is typing in the page: opening a lookup now would take the focus from them. */
function isTypingInPage(doc: Document): boolean {
  const active = doc.activeElement as HTMLElement | null;
  return !!active && active !== doc.body && (active.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(active.tagName));
}

/**
 * Open each lookup of the rendered cards whose options are not known yet, read its options and close it again,
 * so the panel can show and map them. Only opening and closing: nothing is typed or picked, so the value stays.
 * A lookup that shows no options in time is not tried again (it is matched when it is filled).
 */
async function readLookupOptions(doc: Document, signal?: AbortSignal): Promise<number> {
  const pending = Array.from(doc.querySelectorAll<HTMLInputElement>(LOOKUP_INPUT)).filter((i) => i.closest(CARD) && !readLookups.has(i));
  if (pending.length === 0 || isTypingInPage(doc)) return 0;
  let read = 0;
  for (const input of pending) {
    if (signal?.aborted) break;
    try {
      const options = await openLookup(input, LOOKUP_OPEN_MS, signal);
      readLookups.set(input, options.map(optionText));
      read++;
    } catch {
      readLookups.set(input, []);
    } finally {
      closeLookup(input);
    }
  }
  return read;
}

/** The element holding a card's option buttons: the multichoice component (used for single rows too) or the row. */
function optionGroupOf(card: Element): Element | null {
  const candidates = card.querySelectorAll('aa-multichoice-buttons, .aa-question__multichoice, .aa-question__button-row:not(.aa-question__na)');
  return Array.from(candidates).find((c) => c.querySelector(OPTION_BUTTON) !== null) ?? null;
}

/**
 * Multi-choice when the buttons say so themselves: checkbox roles or an `aria-checked` state, which only
 * multi-choice buttons carry. OneTrust renders single-choice rows inside `aa-multichoice-buttons` too, so the
 * component's name proves nothing; with no state on any button, only a `.aa-question__multichoice` list counts.
 */
function isMultipleChoice(group: Element, buttons: Element[]): boolean {
  if (buttons.some((b) => b.hasAttribute('aria-checked') || /^(menuitem)?checkbox$/.test(b.getAttribute('role') ?? ''))) return true;
  const multichoiceList = group.matches('.aa-question__multichoice') ? group : group.querySelector('.aa-question__multichoice');
  return multichoiceList !== null && group.querySelector('.aa-question__button-row') === null;
}

/** Every answer widget of a card, main one first (a card may combine a choice with a text box). */
function widgetsOf(card: Element): Widget[] {
  const widgets: Widget[] = [];
  const group = optionGroupOf(card);
  if (group) {
    const buttons = Array.from(group.querySelectorAll(OPTION_BUTTON));
    const options = buttons.map(buttonLabel);
    widgets.push({ control: group, kind: choiceKind(options, isMultipleChoice(group, buttons)), options, writer: 'onetrust-buttons' });
  }
  const lookup = card.querySelector<HTMLInputElement>(LOOKUP_INPUT);
  if (lookup) widgets.push({ control: lookup, kind: 'single-choice', options: lookupOptionsOf(lookup), writer: 'onetrust-lookup', optionsSearchable: true });
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

/** The card's footer "Attachment for <question>…" button, which opens the upload dialog. */
function attachmentButtonOf(card: Element): Element | undefined {
  return Array.from(card.querySelectorAll('.aa-question__footer button')).find((b) => /^attachments? for /i.test(b.getAttribute('aria-label') ?? ''));
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
  if (main.optionsSearchable) q.optionsSearchable = true;
  if (number) q.number = number;
  if (section) q.section = section;
  const help = card.querySelector('.aa-question__description');
  if (help && readableText(help)) q.helpText = readableText(help);
  if (companion && (companion.kind === 'richtext' || companion.kind === 'text')) {
    q.comment = companion.control;
    q.commentWriter = companion.writer;
  }
  const attach = attachmentButtonOf(card);
  if (attach) q.attachment = attach;
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

/**
 * Section `index` as the page shows it now. The app re-renders the whole section list on every toggle, so an
 * element found before a click is soon detached: look it up again each time, by position and name (a list that
 * gained or lost an entry still finds the section by its name).
 */
function findSection(doc: Document, index: number, name: string): Element | undefined {
  const sections = sectionsOf(doc);
  const atIndex = sections[index];
  if (atIndex && sectionName(atIndex) === name) return atIndex;
  return sections.find((s) => sectionName(s) === name);
}

/** How long a clicked section may stay closed, with no spinner showing, before its header is clicked again. */
const RECLICK_AFTER_MS = 2000;

async function openSection(doc: Document, index: number, signal?: AbortSignal): Promise<boolean> {
  const first = sectionsOf(doc)[index];
  if (!first || !sectionButton(first)) return false;
  const name = sectionName(first);
  const clickIfClosed = (section: Element): void => {
    // Clicking the open section's header would collapse it.
    const button = sectionButton(section);
    if (button && !isSectionActive(section)) navigationClick(button);
  };
  clickIfClosed(first);
  let clickedAt = Date.now();
  const deadline = clickedAt + OPEN_TIMEOUT_MS;
  let stableSince = 0;
  while (Date.now() < deadline) {
    if (signal?.aborted) return false;
    const section = findSection(doc, index, name);
    // Rendered twice in a row, 100 ms apart: a spinner that appears a tick after the click is not missed.
    if (section && isSectionRendered(section) && doc.querySelector(LOADING) === null) {
      if (stableSince === 0) stableSince = Date.now();
      else if (Date.now() - stableSince >= 100) return true;
    } else stableSince = 0;
    // A click that landed while the list was being replaced is lost: click the current header once more.
    if (section && !isSectionActive(section) && doc.querySelector(LOADING) === null && Date.now() - clickedAt >= RECLICK_AFTER_MS) {
      clickIfClosed(section);
      clickedAt = Date.now();
    }
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
  readDeferredOptions: readLookupOptions,
};
