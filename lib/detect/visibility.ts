// Is a control something the analyst can see? Hidden duplicates (display:none copies, collapsed templates,
// opacity below 0.1, off-screen parking) are not questions; a covered field is not filled (clickjacking guard).
// With `layout: false` (unit tests under happy-dom, which has no layout engine) only style rules apply.

export interface VisibilityOptions {
  /** Use layout facts (size, position, hit testing). True in a real browser. */
  layout: boolean;
  /** Per-scan memo of "this element and its ancestors are opaque enough" (ancestors are shared by many controls). */
  opacityMemo?: Map<Element, boolean>;
}

const MIN_OPACITY = 0.1;
const MIN_SIZE_PX = 2;

function win(el: Element): Window & typeof globalThis {
  return el.ownerDocument.defaultView as Window & typeof globalThis;
}

/** Style-only test, walking ancestors (across shadow boundaries) for display, visibility, opacity and `hidden`. */
export function isStyleVisible(el: Element): boolean {
  const view = win(el);
  let node: Element | null = el;
  let first = true;
  while (node) {
    if (node.hasAttribute('hidden')) return false;
    const style = view.getComputedStyle(node);
    if (style.display === 'none') return false;
    if (first && (style.visibility === 'hidden' || style.visibility === 'collapse')) return false;
    const opacity = Number.parseFloat(style.opacity);
    if (!Number.isNaN(opacity) && opacity < MIN_OPACITY) return false;
    first = false;
    const parent: Element | null = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null);
    node = parent;
  }
  return true;
}

/** Layout test: rendered (checkVisibility), not tiny, not parked outside the document's scrollable area. */
export function isLaidOutVisible(el: Element): boolean {
  // Sections skipped by `content-visibility: auto` are only off-screen, not hidden: they still count.
  if (typeof el.checkVisibility === 'function' && !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) {
    return false;
  }
  const rect = el.getBoundingClientRect();
  if (rect.width < MIN_SIZE_PX || rect.height < MIN_SIZE_PX) return false;
  const view = win(el);
  const doc = el.ownerDocument.documentElement;
  const left = rect.left + view.scrollX;
  const top = rect.top + view.scrollY;
  if (left + rect.width <= 0 || top + rect.height <= 0) return false;
  if (left >= Math.max(doc.scrollWidth, view.innerWidth) || top >= Math.max(doc.scrollHeight, view.innerHeight)) return false;
  return true;
}

/** Visible for detection. Opacity of ancestors is checked in both modes (checkVisibility only sees opacity 0). */
export function isVisible(el: Element, options: VisibilityOptions): boolean {
  if (!options.layout) return isStyleVisible(el);
  if (!isLaidOutVisible(el)) return false;
  return hasVisibleOpacity(el, options.opacityMemo ?? new Map());
}

function parentAcrossShadow(node: Element): Element | null {
  return node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null);
}

function hasVisibleOpacity(el: Element, memo: Map<Element, boolean>): boolean {
  const known = memo.get(el);
  if (known !== undefined) return known;
  const own = Number.parseFloat(win(el).getComputedStyle(el).opacity);
  const parent = parentAcrossShadow(el);
  const visible = !(own < MIN_OPACITY) && (parent === null || hasVisibleOpacity(parent, memo));
  memo.set(el, visible);
  return visible;
}

/**
 * The element the user would hit at the control's centre is the control, inside it, one of its labels, or an
 * ancestor (pointer-events: none). Anything else (an overlay, a decoy) means the field is covered.
 * The control is scrolled into view first because hit testing only sees the viewport.
 */
export function isUncovered(el: Element, labels: Iterable<Element> = []): boolean {
  const rect = el.getBoundingClientRect();
  const x = rect.left + rect.width / 2;
  const y = rect.top + rect.height / 2;
  const view = win(el);
  if (x < 0 || y < 0 || x >= view.innerWidth || y >= view.innerHeight) return false;
  const root = el.getRootNode() as Document | ShadowRoot;
  const hit = root.elementFromPoint(x, y);
  if (!hit) return false;
  if (hit === el || el.contains(hit) || hit.contains(el)) return frameUncovered(el, x, y);
  for (const label of labels) if (label === hit || label.contains(hit)) return frameUncovered(el, x, y);
  return false;
}

/** For a control inside a same-origin iframe, the iframe element itself must not be covered in its parent. */
function frameUncovered(el: Element, x: number, y: number): boolean {
  const frame = el.ownerDocument.defaultView?.frameElement;
  if (!frame) return true;
  const frameRect = frame.getBoundingClientRect();
  const parentRoot = frame.getRootNode() as Document | ShadowRoot;
  const hit = parentRoot.elementFromPoint(frameRect.left + x, frameRect.top + y);
  return hit === frame || (hit !== null && hit.contains(frame)) ? frameUncovered(frame, frameRect.left + x, frameRect.top + y) : false;
}
