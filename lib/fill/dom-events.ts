// The event path page frameworks listen to. Values go through the prototype's native setter (React and
// Angular track `.value` writes on the instance, so a plain assignment in the page's world is swallowed), then
// `input`, `change` and `blur` fire as a user's typing would produce them.

import { FillRefusedError } from './fill-errors';
import { submitRisk, withSubmitsBlocked } from './submit-guard';

type ValueElement = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** The prototype that owns `value` for this element, taken from the element's own window (iframes differ). */
function valuePrototype(el: ValueElement): object {
  const view = el.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  if (!view) return Object.getPrototypeOf(el) as object;
  if (el.tagName === 'TEXTAREA') return view.HTMLTextAreaElement.prototype;
  if (el.tagName === 'SELECT') return view.HTMLSelectElement.prototype;
  return view.HTMLInputElement.prototype;
}

export function setNativeValue(el: ValueElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(valuePrototype(el), 'value')?.set;
  if (!setter) throw new Error(`no native value setter for <${el.tagName.toLowerCase()}>`);
  setter.call(el, value);
}

export function fireInput(el: Element, data: string | null = null): void {
  const view = el.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  const Ctor = view?.InputEvent ?? InputEvent;
  el.dispatchEvent(new Ctor('input', { bubbles: true, composed: true, inputType: 'insertText', data }));
}

export function fireChange(el: Element): void {
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Focus then blur as a user leaving the field would (frameworks commit on blur, e.g. date pickers, ServiceNow). */
export function focusField(el: Element): void {
  (el as HTMLElement).focus?.({ preventScroll: true });
}

export function blurField(el: Element): void {
  const html = el as HTMLElement;
  if (html.ownerDocument.activeElement === html || (html.getRootNode() as ShadowRoot).activeElement === html) html.blur();
  else {
    el.dispatchEvent(new FocusEvent('blur', { bubbles: false }));
    el.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
  }
}

/**
 * A real click sequence: pointer and mouse down/up, then `click()` (frameworks listen to any of them). Any form
 * submission the click would start is cancelled: we never submit a portal form.
 */
export function realClick(el: Element): void {
  withSubmitsBlocked(el, () => dispatchClick(el));
}

/** Clicks a control that moves between sections, unless it would submit or save (then throws, clicking nothing). */
export function navigationClick(el: Element): void {
  const risk = submitRisk(el);
  if (risk) throw new FillRefusedError(`"${el.textContent?.trim() ?? ''}" was not clicked: ${risk}; open the section on the page yourself`);
  realClick(el);
}

function dispatchClick(el: Element): void {
  const view = el.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  const MouseCtor = view?.MouseEvent ?? MouseEvent;
  const PointerCtor = view?.PointerEvent ?? (typeof PointerEvent === 'undefined' ? MouseCtor : PointerEvent);
  const init = { bubbles: true, cancelable: true, composed: true, button: 0, view } as MouseEventInit;
  el.dispatchEvent(new PointerCtor('pointerdown', init));
  el.dispatchEvent(new MouseCtor('mousedown', init));
  el.dispatchEvent(new PointerCtor('pointerup', init));
  el.dispatchEvent(new MouseCtor('mouseup', init));
  (el as HTMLElement).click();
}

/**
 * Resolve after the page had a chance to react: one macrotask. A MessageChannel task is not clamped to 4 ms the
 * way nested timers are, which matters when hundreds of fields are filled in a row.
 */
export function settle(ms = 0): Promise<void> {
  if (ms > 0 || typeof MessageChannel === 'undefined') return new Promise((ok) => setTimeout(ok, ms));
  return new Promise((ok) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      ok();
    };
    channel.port2.postMessage(null);
  });
}
