// Question-like controls only: search boxes, login and sign-up fields, chat widgets and the portal's own
// list filters are page furniture, not questionnaire questions.
import type { ControlUnit } from './controls';

const FURNITURE_INPUT_TYPES = new Set(['search', 'password']);
const FURNITURE_AUTOCOMPLETE = /\b(username|current-password|new-password|one-time-code)\b/i;
const FURNITURE_WORDS = /^(search|find|filter|filters|query|sort|sort by|order by|go to page|page|page size|items per page|rows per page|show|jump to|username|user name|login|log in|sign in|password|email address or username|type a message|message|ask a question|chat)\b/i;
// A bare `q` is the classic search box name; `q-3`, `q_12` are how questionnaires number their questions.
const FURNITURE_NAMES = /(^|[-_.\s])(query|search|searchterm|filter|sort|login|username|user|passwd|password|chat|message)([-_.\s]|$)|(^|\s)q(\s|$)/i;
const CHAT_CONTAINER = /\b(chat|livechat|intercom|drift|zendesk|crisp|messenger|helpdesk-widget)/i;
const MAX_ANCESTORS = 12;

/** Judges controls by structure before any label is read; remembers per form whether it is a login form. */
export class FurnitureCheck {
  private loginForms = new Map<Element, boolean>();

  isFurniture(unit: ControlUnit): boolean {
    return isFurniture(unit, (form) => {
      let login = this.loginForms.get(form);
      if (login === undefined) {
        login = form.querySelector('input[type="password"]') !== null;
        this.loginForms.set(form, login);
      }
      return login;
    });
  }
}

/** True for controls that are never questionnaire questions, judged by structure before any label is read. */
export function isFurniture(unit: ControlUnit, isLoginForm: (form: Element) => boolean = (f) => f.querySelector('input[type="password"]') !== null): boolean {
  const el = unit.el;
  if (el.tagName === 'INPUT') {
    const input = el as HTMLInputElement;
    if (FURNITURE_INPUT_TYPES.has(input.type)) return true;
    if (FURNITURE_AUTOCOMPLETE.test(input.autocomplete ?? '')) return true;
  }
  if (el.getAttribute('role') === 'searchbox') return true;
  const form = el.closest('form');
  if (form && (form.getAttribute('role') === 'search' || isLoginForm(form))) return true;
  if (el.closest('search, [role="search"], nav, [role="navigation"], [role="toolbar"], [role="log"], [aria-live]')) return true;
  if (unit.kind === 'text' && FURNITURE_NAMES.test(`${el.getAttribute('name') ?? ''} ${el.id}`)) return true;
  let node: Element | null = el;
  for (let i = 0; node && i < MAX_ANCESTORS; i++, node = node.parentElement) {
    const cls = typeof node.className === 'string' ? node.className : '';
    if (CHAT_CONTAINER.test(`${node.id} ${cls}`)) return true;
  }
  return false;
}

/** True when the found question text is a filter or login caption rather than a question. */
export function isFurnitureText(text: string): boolean {
  return FURNITURE_WORDS.test(text) && text.split(/\s+/).length <= 4;
}
