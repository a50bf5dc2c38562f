// Fields we never write: disabled, read-only, hidden, covered by something else (clickjacking), or in a
// sandboxed / opaque-origin frame. Every fill path passes through `refusalReason` first.
import { isServedDocument } from '../detect/deep-query';
import { isStyleVisible, isUncovered, isVisible } from '../detect/visibility';
import { labelsOf } from '../detect/label-index';


function isDisabled(el: Element): boolean {
  if ((el as HTMLInputElement).disabled === true) return true;
  if (el.closest('fieldset[disabled]')) return true;
  return el.closest('[aria-disabled="true"]') !== null;
}

function isReadOnly(el: Element): boolean {
  if ((el as HTMLInputElement).readOnly === true) return true;
  if (el.getAttribute('aria-readonly') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  return editable === 'false';
}

function frameRefusal(el: Element): string | null {
  const view = el.ownerDocument.defaultView;
  if (!view || view.origin === 'null') return 'the field is in a sandboxed or opaque-origin frame';
  if (!isServedDocument(el.ownerDocument)) return 'the field is in a frame the page wrote itself (about:blank, srcdoc)';
  return null;
}

/** Clickjacking pages dim the whole document or filter it (AliasVault's and Bitwarden's checks). */
const MIN_PAGE_OPACITY = 0.9;

function pageRefusal(el: Element): string | null {
  const view = el.ownerDocument.defaultView;
  if (!view) return null;
  for (const node of [el.ownerDocument.documentElement, el.ownerDocument.body]) {
    if (!node) continue;
    const style = view.getComputedStyle(node);
    if (Number.parseFloat(style.opacity) < MIN_PAGE_OPACITY) return 'the page is made transparent';
    if (style.filter && style.filter !== 'none') return 'the page is filtered (possible overlay trick)';
  }
  return null;
}

/** In view in its own frame and, for a same-origin iframe, the iframe in view in its parent (recursively). */
function isInViewport(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const r = el.getBoundingClientRect();
  if (r.top < 0 || r.left < 0 || r.bottom > view.innerHeight || r.right > view.innerWidth) return false;
  const frame = view.frameElement;
  return frame === null || isInViewport(frame);
}

/** Why `el` must not be filled, or null when it may be. With `layout`, also scrolls it into view and hit-tests it. */
export function refusalReason(el: Element, layout: boolean): string | null {
  const frame = frameRefusal(el);
  if (frame) return frame;
  if (isDisabled(el)) return 'the field is disabled';
  if (isReadOnly(el)) return 'the field is read-only';
  const labels = labelsOf(el);
  const visible = layout
    ? isVisible(el, { layout }) || labels.some((l) => isVisible(l, { layout }))
    : isStyleVisible(el) || labels.some((l) => isStyleVisible(l));
  if (!visible) return 'the field is hidden';
  if (!layout) return null;
  const page = pageRefusal(el);
  if (page) return page;
  const target = isVisible(el, { layout }) ? el : (labels.find((l) => isVisible(l, { layout })) ?? el);
  if (!isInViewport(target)) (target as HTMLElement).scrollIntoView?.({ block: 'center', inline: 'nearest', behavior: 'instant' });
  if (!isUncovered(target, labels)) return 'the field is covered by another element';
  return null;
}
