// Is a control something the analyst can see? Hidden duplicates (display:none copies, collapsed templates,
// opacity below 0.1, off-screen parking) are not questions (`isVisible`). A question whose control is covered,
// transparent, filtered, clipped, masked, shrunk or off-screen is listed with the reason and never filled
// (`VisibilityCheck`, used at scan time and again at fill time). With `layout: false` (unit tests under
// happy-dom, which has no layout engine) only style rules apply.
import { OWN_HOST_ATTRIBUTE, rootsOfDocument } from './deep-query';
import { clipPathBox, clipRectBox, colorAlpha, filterEffect, maskReason, type LocalBox } from './visual-style';

export interface VisibilityOptions {
  /** Use layout facts (size, position, hit testing). True in a real browser. */
  layout: boolean;
  /** Per-scan memo of each element's effective opacity and brightness (ancestors are shared by many controls). */
  opacityMemo?: Map<Element, Paint>;
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

/** Layout test: rendered (checkVisibility), not tiny, not parked where no scrolling reaches (`isParked`). */
export function isLaidOutVisible(el: Element): boolean {
  // Sections skipped by `content-visibility: auto` are only off-screen, not hidden: they still count.
  if (typeof el.checkVisibility === 'function' && !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) {
    return false;
  }
  const rect = el.getBoundingClientRect();
  if (rect.width < MIN_SIZE_PX || rect.height < MIN_SIZE_PX) return false;
  return !isParked(el, rectOf(rect));
}

/** Visible for detection: rendered, not tiny, not parked, effective opacity (product of every ancestor's) >= 0.1. */
export function isVisible(el: Element, options: VisibilityOptions): boolean {
  if (!options.layout) return isStyleVisible(el);
  if (!isLaidOutVisible(el)) return false;
  return effectivePaint(el, options.opacityMemo ?? new Map()).opacity >= MIN_OPACITY;
}

/** What reaches the screen of an element's pixels: opacity and brightness multiplied down from the top frame. */
export interface Paint {
  opacity: number;
  brightness: number;
}

function parentAcrossShadow(node: Element): Element | null {
  return node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null);
}

/** The frame element holding `doc`, when the parent is readable (same origin); null at the top or cross-origin. */
function frameOf(doc: Document): Element | null {
  try {
    return doc.defaultView?.frameElement ?? null;
  } catch {
    return null;
  }
}

/** The next node up: parent element, shadow host, or the frame element when leaving a document. */
function parentAcrossFrames(node: Element): Element | null {
  return parentAcrossShadow(node) ?? frameOf(node.ownerDocument);
}

/** Opacity (the property and `filter: opacity()`) and brightness, multiplied through shadow hosts and frames. */
export function effectivePaint(el: Element, memo: Map<Element, Paint>): Paint {
  const known = memo.get(el);
  if (known) return known;
  const style = win(el).getComputedStyle(el);
  const filter = filterEffect(style.filter);
  const own = Number.parseFloat(style.opacity);
  const parent = parentAcrossFrames(el);
  const up = parent ? effectivePaint(parent, memo) : { opacity: 1, brightness: 1 };
  const paint = {
    opacity: (Number.isNaN(own) ? 1 : own) * filter.opacity * up.opacity,
    brightness: filter.brightness * up.brightness,
  };
  memo.set(el, paint);
  return paint;
}

/** Below this many pixels in either direction a field is not something the analyst can read or click. */
export const MIN_VISIBLE_PX = 6;
/** An element above a field hides it when at least this opaque (its opacity times its background's alpha). */
const COVER_OPACITY = 0.5;

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const rectOf = (r: DOMRect): Rect => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
const widthOf = (r: Rect) => Math.max(0, r.right - r.left);
const heightOf = (r: Rect) => Math.max(0, r.bottom - r.top);

function intersect(a: Rect, b: Rect): Rect {
  return { left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) };
}

function translate(r: Rect, x: number, y: number): Rect {
  return { left: r.left + x, top: r.top + y, right: r.right + x, bottom: r.bottom + y };
}

/** A box in `node`'s own pixels mapped onto the viewport through its (scaled, untransformed-origin) rect. */
function mapLocalBox(node: Element, box: LocalBox): Rect {
  const r = node.getBoundingClientRect();
  const w = (node as HTMLElement).offsetWidth || r.width;
  const h = (node as HTMLElement).offsetHeight || r.height;
  const sx = w ? r.width / w : 1;
  const sy = h ? r.height / h : 1;
  return { left: r.left + box.left * sx, top: r.top + box.top * sy, right: r.left + (box.left + box.width) * sx, bottom: r.top + (box.top + box.height) * sy };
}

/** The region `node`'s clip-path (or legacy `clip`) leaves for itself and its descendants, or null. */
function clipRegion(node: Element, style: CSSStyleDeclaration): Rect | null {
  const w = (node as HTMLElement).offsetWidth ?? 0;
  const h = (node as HTMLElement).offsetHeight ?? 0;
  const path = style.clipPath && style.clipPath !== 'none' ? clipPathBox(style.clipPath, w, h) : null;
  const legacy = style.position === 'absolute' || style.position === 'fixed' ? clipRectBox(style.clip, w, h) : null;
  if (path && legacy) return intersect(mapLocalBox(node, path), mapLocalBox(node, legacy));
  if (path ?? legacy) return mapLocalBox(node, (path ?? legacy) as LocalBox);
  return null;
}

function px(value: string): number {
  const n = Number.parseFloat(value);
  return Number.isNaN(n) ? 0 : n;
}

/** The padding box of `node` in viewport coordinates (where its overflow clipping cuts). */
function paddingBox(node: Element, style: CSSStyleDeclaration): Rect {
  const r = node.getBoundingClientRect();
  return { left: r.left + px(style.borderLeftWidth), top: r.top + px(style.borderTopWidth), right: r.right - px(style.borderRightWidth), bottom: r.bottom - px(style.borderBottomWidth) };
}

const CLIPPING = new Set(['hidden', 'clip']);
const SCROLLING = new Set(['auto', 'scroll']);

/**
 * What overflow clipping of `node` leaves of `rect`. Hidden overflow cuts; a scroll container cuts only when it is
 * itself too small to scroll anything into view (its content can otherwise be scrolled to).
 */
function clipByOverflow(rect: Rect, node: Element, style: CSSStyleDeclaration): Rect {
  const box = paddingBox(node, style);
  const contain = /\b(paint|strict|content)\b/.test(style.contain ?? '');
  const tinyScroller = widthOf(box) < MIN_VISIBLE_PX || heightOf(box) < MIN_VISIBLE_PX;
  const cutX = contain || CLIPPING.has(style.overflowX) || (SCROLLING.has(style.overflowX) && tinyScroller);
  const cutY = contain || CLIPPING.has(style.overflowY) || (SCROLLING.has(style.overflowY) && tinyScroller);
  return {
    left: cutX ? Math.max(rect.left, box.left) : rect.left,
    right: cutX ? Math.min(rect.right, box.right) : rect.right,
    top: cutY ? Math.max(rect.top, box.top) : rect.top,
    bottom: cutY ? Math.min(rect.bottom, box.bottom) : rect.bottom,
  };
}

interface Geometry {
  /** What clipping leaves of the element, in its own document's viewport coordinates. */
  own: Rect;
  /** The same through every readable frame, in the top readable document's viewport coordinates. */
  top: Rect;
  /** A mask on the element or an ancestor that shows nothing. */
  mask: string | null;
}

/**
 * Walk from `el` up through shadow hosts and frames, cutting its rect by every clip-path, clip and overflow
 * clip on the way. Absolutely positioned boxes escape the overflow of ancestors below their containing block,
 * fixed ones every overflow of their document.
 */
function measure(el: Element): Geometry {
  let rect = rectOf(el.getBoundingClientRect());
  let own: Rect | null = null;
  let mask: string | null = null;
  let node: Element | null = el;
  let escape: 'none' | 'absolute' | 'fixed' = 'none';
  while (node) {
    const style = win(node).getComputedStyle(node);
    mask ??= maskReason(style.maskImage || style.getPropertyValue('-webkit-mask-image'));
    const region = clipRegion(node, style);
    if (region) rect = intersect(rect, region);
    const positioned = style.position !== 'static' || style.transform !== 'none';
    if (node !== el && (escape === 'none' || (escape === 'absolute' && positioned))) {
      rect = clipByOverflow(rect, node, style);
      escape = 'none';
    }
    if (style.position === 'fixed') escape = 'fixed';
    else if (style.position === 'absolute' && escape === 'none') escape = 'absolute';
    const up = parentAcrossShadow(node);
    if (up) {
      node = up;
      continue;
    }
    own ??= rect;
    const frame = frameOf(node.ownerDocument);
    if (!frame) break;
    const frameStyle = win(frame).getComputedStyle(frame);
    const fr = frame.getBoundingClientRect();
    rect = translate(rect, fr.left + px(frameStyle.borderLeftWidth) + px(frameStyle.paddingLeft), fr.top + px(frameStyle.borderTopWidth) + px(frameStyle.paddingTop));
    // The frame's viewport cuts its content only when too small to scroll anything into view.
    const inner = paddingBox(frame, frameStyle);
    if (widthOf(inner) < MIN_VISIBLE_PX || heightOf(inner) < MIN_VISIBLE_PX) rect = intersect(rect, inner);
    escape = 'none';
    node = frame;
  }
  return { own: own ?? rect, top: rect, mask };
}

/**
 * Parked on purpose (moved to -9999px, or past the end of what scrolls): no scrolling of the window or of any
 * scroll container around `el` brings `rect` into view. A question below the fold of an inner pane is not parked.
 */
export function isParked(el: Element, rect: Rect): boolean {
  let box = rect;
  const doc = el.ownerDocument;
  // As in `measure`: an absolutely positioned box scrolls only with containers from its containing block up, a
  // fixed one with none of them.
  let escape = positionEscape('none', win(el).getComputedStyle(el));
  for (let node = parentAcrossShadow(el); node && node !== doc.body && node !== doc.documentElement; node = parentAcrossShadow(node)) {
    if (escape === 'fixed') break;
    const style = win(node).getComputedStyle(node);
    const positioned = style.position !== 'static' || style.transform !== 'none';
    const carries = escape === 'none' || positioned;
    escape = positionEscape(carries ? 'none' : escape, style);
    const scrollsX = carries && SCROLLING.has(style.overflowX);
    const scrollsY = carries && SCROLLING.has(style.overflowY);
    if (!scrollsX && !scrollsY) continue;
    const pad = paddingBox(node, style);
    const scroller = node as HTMLElement;
    // Right-to-left content overflows to the left: its scroll range starts below zero.
    const startX = style.direction === 'rtl' ? scroller.clientWidth - scroller.scrollWidth : 0;
    const x = box.left - pad.left + scroller.scrollLeft;
    const y = box.top - pad.top + scroller.scrollTop;
    if (scrollsX && (x + widthOf(box) <= startX || x >= startX + scroller.scrollWidth)) return true;
    if (scrollsY && (y + heightOf(box) <= 0 || y >= scroller.scrollHeight)) return true;
    // Reachable inside this container: what is left is whether the container itself can be reached.
    box = rectOf(node.getBoundingClientRect());
  }
  return isOffScreen(el, box);
}

/**
 * What the inner scroll containers around `el` show of `rect` now (a pane scrolled elsewhere shows none of it).
 * Scrolled-away parts are not hidden (see `isParked`) but cannot be hit-tested until scrolled to.
 */
function shownByScrollers(el: Element, rect: Rect): Rect {
  let shown = rect;
  const doc = el.ownerDocument;
  for (let node = parentAcrossShadow(el); node && node !== doc.body && node !== doc.documentElement; node = parentAcrossShadow(node)) {
    const style = win(node).getComputedStyle(node);
    if (SCROLLING.has(style.overflowX) || SCROLLING.has(style.overflowY)) shown = intersect(shown, paddingBox(node, style));
  }
  return shown;
}

function positionEscape(current: 'none' | 'absolute' | 'fixed', style: CSSStyleDeclaration): 'none' | 'absolute' | 'fixed' {
  if (style.position === 'fixed') return 'fixed';
  return style.position === 'absolute' && current === 'none' ? 'absolute' : current;
}

/** Left of or above the document, or past its scrollable end (the window's own scrolling). */
function isOffScreen(el: Element, rect: Rect): boolean {
  const view = win(el);
  const doc = el.ownerDocument.documentElement;
  const fixed = isPinned(el);
  const left = rect.left + (fixed ? 0 : view.scrollX);
  const top = rect.top + (fixed ? 0 : view.scrollY);
  const right = left + widthOf(rect);
  const bottom = top + heightOf(rect);
  if (right <= 0 || bottom <= 0) return true;
  const width = fixed ? view.innerWidth : Math.max(doc.scrollWidth, view.innerWidth);
  const height = fixed ? view.innerHeight : Math.max(doc.scrollHeight, view.innerHeight);
  return left >= width || top >= height;
}

const TEXT_LESS_INPUTS = new Set(['checkbox', 'radio', 'file', 'range', 'color', 'image', 'button', 'submit', 'reset']);

function isCheckable(el: Element): boolean {
  return el.tagName === 'INPUT' && ((el as HTMLInputElement).type === 'checkbox' || (el as HTMLInputElement).type === 'radio');
}

function hasVisibleBox(style: CSSStyleDeclaration): boolean {
  if (colorAlpha(style.backgroundColor) >= MIN_OPACITY || style.backgroundImage !== 'none') return true;
  if (style.boxShadow && style.boxShadow !== 'none') return true;
  for (const side of ['Top', 'Right', 'Bottom', 'Left'] as const) {
    const width = px(style.getPropertyValue(`border-${side.toLowerCase()}-width`));
    const kind = style.getPropertyValue(`border-${side.toLowerCase()}-style`);
    if (width > 0 && kind !== 'none' && kind !== 'hidden' && colorAlpha(style.getPropertyValue(`border-${side.toLowerCase()}-color`)) >= MIN_OPACITY) return true;
  }
  return style.outlineStyle !== 'none' && px(style.outlineWidth) > 0 && colorAlpha(style.outlineColor) >= MIN_OPACITY;
}

/** A field that draws nothing: transparent text (or a checkbox without appearance), background and border. */
function paintsNothing(el: Element, style: CSSStyleDeclaration): boolean {
  const isInput = el.tagName === 'INPUT';
  const textual = el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || (isInput && !TEXT_LESS_INPUTS.has((el as HTMLInputElement).type)) || (el as HTMLElement).isContentEditable;
  if (textual) {
    const fill = style.getPropertyValue('-webkit-text-fill-color');
    const textAlpha = Math.min(colorAlpha(style.color), fill ? colorAlpha(fill) : 1);
    if (textAlpha >= MIN_OPACITY) return false;
  } else if (!(isCheckable(el) && style.appearance === 'none')) {
    return false;
  }
  return !hasVisibleBox(style);
}

/**
 * Why the analyst cannot see `el` from styles and geometry alone (no hit testing), or null. Checked in this
 * order: not rendered, transparent, filtered dark, masked, shrunk, clipped, off-screen, drawn in transparent colours.
 */
export function styleHiddenReason(el: Element, memo: Map<Element, Paint> = new Map()): string | null {
  if (typeof el.checkVisibility === 'function' && !el.checkVisibility({ visibilityProperty: true })) return 'not displayed';
  const paint = effectivePaint(el, memo);
  if (paint.opacity < MIN_OPACITY) return `transparent (opacity ${Number(paint.opacity.toFixed(2))})`;
  if (paint.brightness < MIN_OPACITY) return 'filtered to black';
  const geometry = measure(el);
  if (geometry.mask) return geometry.mask;
  const raw = el.getBoundingClientRect();
  const rawMin = Math.min(raw.width, raw.height);
  if (rawMin < MIN_VISIBLE_PX) {
    const laidOut = Math.min((el as HTMLElement).offsetWidth ?? 0, (el as HTMLElement).offsetHeight ?? 0);
    return laidOut >= MIN_VISIBLE_PX ? `shrunk to ${Math.round(rawMin)} px` : `only ${Math.round(rawMin)} px in size`;
  }
  const clipped = Math.min(widthOf(geometry.top), heightOf(geometry.top));
  if (clipped < MIN_VISIBLE_PX) return `clipped to ${Math.round(clipped)} px`;
  for (let node: Element | null = el; node; node = frameOf(node.ownerDocument)) {
    if (isParked(node, node === el ? geometry.own : rectOf(node.getBoundingClientRect()))) return 'off-screen';
  }
  if (paintsNothing(el, win(el).getComputedStyle(el))) return 'transparent (text, background and border)';
  return null;
}

/** Inside a fixed or sticky box (a portal header, a toolbar): what it covers changes as the page scrolls. */
function isPinned(el: Element): boolean {
  for (let node: Element | null = el; node; node = parentAcrossShadow(node)) {
    const position = win(node).getComputedStyle(node).position;
    if (position === 'fixed' || position === 'sticky') return true;
  }
  return false;
}

/** Elements that paint their whole box whatever their background (images, frames, form controls). */
const OPAQUE_TAGS = new Set(['IMG', 'VIDEO', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'INPUT', 'TEXTAREA', 'SELECT', 'svg']);

function hasOpaqueBox(style: CSSStyleDeclaration): boolean {
  return colorAlpha(style.backgroundColor) >= COVER_OPACITY || (style.backgroundImage !== '' && style.backgroundImage !== 'none');
}

/** Every page element takes the pointer while we hit-test, so click-through overlays are found too. */
const HITTABLE_RULE = '*, *::before, *::after { pointer-events: auto !important; }';

type HitResult = 'clear' | 'covered' | 'pinned' | 'unknown';

/** Shadow roots a content script may look into: open ones, and closed ones through the extension API. */
function shadowOf(el: Element): ShadowRoot | null {
  const api = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?(e: Element): ShadowRoot | null } } }).chrome?.dom;
  try {
    return api?.openOrClosedShadowRoot?.(el) ?? el.shadowRoot;
  } catch {
    return el.shadowRoot;
  }
}

export type VisibilityMode = 'scan' | 'fill';

/**
 * The full visibility test of a control (or the facade the analyst uses): styles and geometry, then hit tests at
 * several points on the control itself, through shadow roots and frames. A hit on an ancestor or a label is no
 * proof: whatever is painted above the control at a point, an ancestor's ::after or background included, covers
 * it when opaque. At scan time only controls in the viewport are hit-tested and a fixed or sticky cover (a portal
 * header) is left to the fill; at fill time the control is scrolled into view, and re-tested centred when
 * covered. Call `release()` when done: while hit-testing, page elements are made to take the pointer.
 */
export class VisibilityCheck {
  private readonly sheets = new Map<Document | ShadowRoot, CSSStyleSheet>();
  private readonly forced = new Set<Document>();

  constructor(
    readonly mode: VisibilityMode,
    private readonly memo: Map<Element, Paint> = new Map(),
  ) {}

  /** Why the analyst cannot see `el`, or null when it is in plain view (or, at scan time, not testable yet). */
  hiddenReason(el: Element): string | null {
    const style = styleHiddenReason(el, this.memo);
    if (style) return style;
    if (this.mode === 'scan') return this.coveredReason(el);
    if (!isInViewport(el)) scrollToCentre(el);
    if (!this.fillTimeCover(el)) return null;
    // A sticky portal header may lie over the field until it is centred.
    scrollToCentre(el);
    this.release();
    return this.fillTimeCover(el);
  }

  private fillTimeCover(el: Element): string | null {
    return isIntercepted(el) ? 'covered by another element' : this.coveredReason(el);
  }

  /** Put the page's pointer-events back as they were. */
  release(): void {
    for (const [root, sheet] of this.sheets) {
      try {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
      } catch {
        // A document that went away keeps nothing of ours.
      }
    }
    this.sheets.clear();
    this.forced.clear();
  }

  private coveredReason(el: Element): string | null {
    const points = this.testPoints(el);
    if (points.length === 0) return this.mode === 'fill' ? 'cannot be scrolled into view' : null;
    let covered = 0;
    for (const [i, [x, y]] of points.entries()) {
      const hit = this.hitAt(el, x, y);
      const counts = hit === 'covered' || (this.mode === 'fill' && hit !== 'clear');
      if (!counts) continue;
      if (i === 0) return 'covered by another element';
      covered++;
    }
    return covered * 2 > points.length ? 'covered by another element' : null;
  }

  /** The centre of the visible part of `el` first, then four points around it; none when the centre is out of view. */
  private testPoints(el: Element): Array<[number, number]> {
    const view = win(el);
    const seen = intersect(shownByScrollers(el, measure(el).own), { left: 0, top: 0, right: view.innerWidth, bottom: view.innerHeight });
    if (widthOf(seen) < 1 || heightOf(seen) < 1) return [];
    const at = (fx: number, fy: number): [number, number] => [seen.left + widthOf(seen) * fx, seen.top + heightOf(seen) * fy];
    return [at(0.5, 0.5), at(0.25, 0.25), at(0.75, 0.25), at(0.25, 0.75), at(0.75, 0.75)];
  }

  /** Is `target` the first thing painted at (x, y) of its document, and its frame the first in the parent's? */
  private hitAt(target: Element, x: number, y: number): HitResult {
    const view = win(target);
    if (x < 0 || y < 0 || x >= view.innerWidth || y >= view.innerHeight) return 'unknown';
    this.makeHittable(target.ownerDocument);
    const root = target.getRootNode() as Document | ShadowRoot;
    for (const hit of root.elementsFromPoint(x, y)) {
      if (hit.closest(`[${OWN_HOST_ATTRIBUTE}]`)) continue;
      if (hit === target || target.contains(hit)) return this.frameHitAt(target, x, y);
      // The host of the target's shadow root, hit where it shows its own slotted text inside the target (a web
      // component's label): that is the target's own content, not a cover.
      if (hit.shadowRoot && hit.shadowRoot === target.getRootNode()) return this.frameHitAt(target, x, y);
      if (!this.paintsOver(hit, x, y, 0)) continue;
      return this.mode === 'scan' && isPinned(hit) ? 'pinned' : 'covered';
    }
    return 'covered';
  }

  /** For a control inside a same-origin frame: the frame element must be uncovered at the same point. */
  private frameHitAt(target: Element, x: number, y: number): HitResult {
    const frame = frameOf(target.ownerDocument);
    if (!frame) return 'clear';
    const style = win(frame).getComputedStyle(frame);
    const r = frame.getBoundingClientRect();
    return this.hitAt(frame, r.left + px(style.borderLeftWidth) + px(style.paddingLeft) + x, r.top + px(style.borderTopWidth) + px(style.paddingTop) + y);
  }

  /** Does `el`, found above the control at (x, y), paint something opaque there (itself, a pseudo-element, or its shadow content)? */
  private paintsOver(el: Element, x: number, y: number, depth: number): boolean {
    if (effectivePaint(el, this.memo).opacity < COVER_OPACITY) return false;
    if (OPAQUE_TAGS.has(el.tagName)) return true;
    const view = win(el);
    if (hasOpaqueBox(view.getComputedStyle(el))) return true;
    for (const pseudo of ['::before', '::after']) {
      const style = view.getComputedStyle(el, pseudo);
      if (style.content !== 'none' && style.content !== 'normal' && hasOpaqueBox(style)) return true;
    }
    const shadow = depth < 8 ? shadowOf(el) : null;
    if (!shadow) return false;
    this.adopt(shadow, el.ownerDocument);
    return shadow.elementsFromPoint(x, y).some((inner) => inner !== el && shadow.contains(inner) && this.paintsOver(inner, x, y, depth + 1));
  }

  private makeHittable(doc: Document): void {
    if (this.forced.has(doc)) return;
    this.forced.add(doc);
    for (const root of rootsOfDocument(doc)) this.adopt(root, doc);
  }

  private adopt(root: Document | ShadowRoot, doc: Document): void {
    if (this.sheets.has(root)) return;
    try {
      const Sheet = (doc.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet ?? CSSStyleSheet;
      const sheet = new Sheet();
      sheet.replaceSync(HITTABLE_RULE);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      this.sheets.set(root, sheet);
    } catch {
      // Without constructable sheets the hit test still sees every overlay that takes the pointer.
    }
  }
}

/**
 * A layer that takes the pointer and spans the whole field, transparent or not, catches what the analyst clicks
 * there (a click-jacking interceptor). Tested with the page's own pointer-events, so our forced sheet must be off:
 * each fill-time check starts without it.
 */
function isIntercepted(el: Element): boolean {
  const r = el.getBoundingClientRect();
  const root = el.getRootNode() as Document | ShadowRoot;
  const hit = root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  if (!hit || hit === el || el.contains(hit) || hit.contains(el) || hit.closest(`[${OWN_HOST_ATTRIBUTE}]`)) return false;
  // The host of el's shadow root showing its slotted text inside el (a web component's label) is el's own.
  if (hit.shadowRoot && hit.shadowRoot === el.getRootNode()) return false;
  if (isCheckable(el) && (hit as HTMLLabelElement).control === el) return false;
  const h = hit.getBoundingClientRect();
  return h.left <= r.left && h.top <= r.top && h.right >= r.right && h.bottom >= r.bottom;
}

/** In view in its own frame and, for a same-origin iframe, the iframe in view in its parent (recursively). */
export function isInViewport(el: Element): boolean {
  const view = win(el);
  const r = el.getBoundingClientRect();
  if (r.top < 0 || r.left < 0 || r.bottom > view.innerHeight || r.right > view.innerWidth) return false;
  const frame = frameOf(el.ownerDocument);
  return frame === null || isInViewport(frame);
}

function scrollToCentre(el: Element): void {
  (el as HTMLElement).scrollIntoView?.({ block: 'center', inline: 'nearest', behavior: 'instant' });
}
