// Is a control something the analyst can see? Hidden duplicates (display:none copies, collapsed templates,
// opacity below 0.1, off-screen parking) are not questions (`isVisible`). A question whose control is covered,
// transparent, filtered, clipped, masked, shrunk or off-screen is listed with the reason and never filled
// (`VisibilityCheck`, used at scan time and again at fill time). With `layout: false` (unit tests under
// happy-dom, which has no layout engine) only style rules apply.
import { OWN_HOST_ATTRIBUTE, rootsOfDocument, type QueryRoot } from './deep-query';
import { clipPathBox, clipRectBox, colorAlpha, filterEffect, maskReason, type LocalBox } from './visual-style';

export interface VisibilityOptions {
  /** Use layout facts (size, position, hit testing). True in a real browser. */
  layout: boolean;
  /** The layout readings of the scan in progress (see `LayoutReadings`); absent = read afresh. */
  readings?: LayoutReadings;
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
export function isLaidOutVisible(el: Element, readings: LayoutReadings = new LayoutReadings()): boolean {
  // Sections skipped by `content-visibility: auto` are only off-screen, not hidden: they still count.
  if (!readings.isRendered(el, true)) {
    return false;
  }
  const rect = readings.box(el);
  const width = widthOf(rect);
  const height = heightOf(rect);
  if (width < MIN_SIZE_PX || height < MIN_SIZE_PX) return false;
  return !isParked(el, rect, readings);
}

/** Visible for detection: rendered, not tiny, not parked, effective opacity (product of every ancestor's) >= 0.1. */
export function isVisible(el: Element, options: VisibilityOptions): boolean {
  if (!options.layout) return isStyleVisible(el);
  const readings = options.readings ?? new LayoutReadings();
  if (!isLaidOutVisible(el, readings)) return false;
  return readings.paint(el).opacity >= MIN_OPACITY;
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
export function effectivePaint(el: Element, readings: LayoutReadings = new LayoutReadings()): Paint {
  return readings.paint(el);
}

/** Below this many pixels in either direction a field is not something the analyst can read or click. */
export const MIN_VISIBLE_PX = 6;
/** An element above a field hides it when at least this opaque (its opacity times its background's alpha). */
const COVER_OPACITY = 0.5;

export interface Rect {
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
function mapLocalBox(r: Rect, node: Element, box: LocalBox): Rect {
  const w = (node as HTMLElement).offsetWidth || widthOf(r);
  const h = (node as HTMLElement).offsetHeight || heightOf(r);
  const sx = w ? widthOf(r) / w : 1;
  const sy = h ? heightOf(r) / h : 1;
  return { left: r.left + box.left * sx, top: r.top + box.top * sy, right: r.left + (box.left + box.width) * sx, bottom: r.top + (box.top + box.height) * sy };
}

/** The region `node`'s clip-path (or legacy `clip`) leaves for itself and its descendants, or null. */
function clipRegion(node: Element, style: CSSStyleDeclaration, position: string, boxOf: () => Rect): Rect | null {
  const clipPath = style.clipPath;
  const hasPath = Boolean(clipPath) && clipPath !== 'none';
  const hasLegacy = position === 'absolute' || position === 'fixed';
  if (!hasPath && !hasLegacy) return null;
  const w = (node as HTMLElement).offsetWidth ?? 0;
  const h = (node as HTMLElement).offsetHeight ?? 0;
  const path = hasPath ? clipPathBox(clipPath, w, h) : null;
  const legacy = hasLegacy ? clipRectBox(style.clip, w, h) : null;
  if (!path && !legacy) return null;
  const box = boxOf();
  if (path && legacy) return intersect(mapLocalBox(box, node, path), mapLocalBox(box, node, legacy));
  return mapLocalBox(box, node, (path ?? legacy) as LocalBox);
}

function px(value: string): number {
  const n = Number.parseFloat(value);
  return Number.isNaN(n) ? 0 : n;
}

/** The padding box of `node` in viewport coordinates (where its overflow clipping cuts). */
function paddingBox(r: Rect, style: CSSStyleDeclaration): Rect {
  return { left: r.left + px(style.borderLeftWidth), top: r.top + px(style.borderTopWidth), right: r.right - px(style.borderRightWidth), bottom: r.bottom - px(style.borderBottomWidth) };
}

const CLIPPING = new Set(['hidden', 'clip']);
const SCROLLING = new Set(['auto', 'scroll']);

/**
 * What overflow clipping of `node` leaves of `rect`. Hidden overflow cuts; a scroll container cuts only when it is
 * itself too small to scroll anything into view (its content can otherwise be scrolled to).
 */
function clipByOverflow(rect: Rect, style: CSSStyleDeclaration, borderOf: () => Rect): Rect {
  const overflowX = style.overflowX;
  const overflowY = style.overflowY;
  const contain = /\b(paint|strict|content)\b/.test(style.contain ?? '');
  // Most boxes let their content overflow: no border widths to read then.
  if (!contain && !CLIPPING.has(overflowX) && !CLIPPING.has(overflowY) && !SCROLLING.has(overflowX) && !SCROLLING.has(overflowY)) return rect;
  const box = paddingBox(borderOf(), style);
  const tinyScroller = widthOf(box) < MIN_VISIBLE_PX || heightOf(box) < MIN_VISIBLE_PX;
  const cutX = contain || CLIPPING.has(overflowX) || (SCROLLING.has(overflowX) && tinyScroller);
  const cutY = contain || CLIPPING.has(overflowY) || (SCROLLING.has(overflowY) && tinyScroller);
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

type Escape = 'none' | 'absolute' | 'fixed';

interface BoxFacts {
  position: string;
  mask: string | null;
}

/** What an ancestor chain leaves visible of whatever lies below it, composed once per (ancestor, escape). */
interface ChainClip {
  /** The cut of this chain inside its own document, in that document's viewport coordinates. */
  cut: Rect;
  /** A mask somewhere up the chain (frames included) that shows nothing, nearest first. */
  mask: string | null;
  /** Leaving the document: where its frame element puts it in the parent, or null at the top. */
  frame: FrameStep | null;
}

interface FrameStep {
  dx: number;
  dy: number;
  /** The frame's own viewport, when too small to scroll anything into view. */
  inner: Rect | null;
  /** The frame element's own chain in the parent document. */
  above: ChainClip;
}

/** Scroll position and scrollable size of a document: where "off-screen" begins. */
interface PageExtent {
  scrollX: number;
  scrollY: number;
  viewWidth: number;
  viewHeight: number;
  width: number;
  height: number;
}

const EVERYWHERE: Rect = { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };

/**
 * What one synchronous scan reads of the layout. Each element's computed style and box is read at most once,
 * and each ancestor's contribution (paint, pinning, clipping) is composed once and shared by every control
 * below it. Readings are only true while nothing changes: never keep them across an await, a scroll, or from
 * one scan to the next.
 */
export class LayoutReadings {
  private readonly styles = new Map<Element, CSSStyleDeclaration>();
  private readonly boxes = new Map<Element, Rect>();
  private readonly paints = new Map<Element, Paint>();
  private readonly pins = new Map<Element, boolean>();
  private readonly chains: Record<Escape, Map<Element, ChainClip>> = { none: new Map(), absolute: new Map(), fixed: new Map() };
  private readonly frames = new Map<Document, FrameStep | null>();
  private readonly extents = new Map<Document, PageExtent>();
  private readonly rootLists = new Map<Document, QueryRoot[]>();
  /** checkVisibility with opacity counted (strict) and without (loose); strictly rendered is rendered. */
  private readonly rendered = new Map<Element, { strict?: boolean; loose?: boolean }>();
  private readonly facts = new Map<Element, BoxFacts>();

  /** `checkVisibility` (display, content-visibility, visibility; with `opacity`, opacity 0 too), read once. */
  isRendered(el: Element, opacity: boolean): boolean {
    if (typeof el.checkVisibility !== 'function') return true;
    let known = this.rendered.get(el);
    if (!known) {
      known = {};
      this.rendered.set(el, known);
    }
    if (opacity) return (known.strict ??= el.checkVisibility({ opacityProperty: true, visibilityProperty: true }));
    if (known.strict === true) return true;
    return (known.loose ??= el.checkVisibility({ visibilityProperty: true }));
  }

  /** The positioning facts of an element the clipping walk needs, each property read once. */
  boxFacts(el: Element): BoxFacts {
    let facts = this.facts.get(el);
    if (!facts) {
      const style = this.style(el);
      facts = { position: style.position, mask: maskOf(style) };
      this.facts.set(el, facts);
    }
    return facts;
  }

  /** The document and its open shadow roots (a walk over every element, so done once per scan). */
  roots(doc: Document): QueryRoot[] {
    let roots = this.rootLists.get(doc);
    if (!roots) {
      roots = rootsOfDocument(doc);
      this.rootLists.set(doc, roots);
    }
    return roots;
  }

  style(el: Element): CSSStyleDeclaration {
    let style = this.styles.get(el);
    if (!style) {
      style = win(el).getComputedStyle(el);
      this.styles.set(el, style);
    }
    return style;
  }

  box(el: Element): Rect {
    let box = this.boxes.get(el);
    if (!box) {
      box = rectOf(el.getBoundingClientRect());
      this.boxes.set(el, box);
    }
    return box;
  }

  /** Opacity (the property and `filter: opacity()`) and brightness, multiplied through shadow hosts and frames. */
  paint(el: Element): Paint {
    const known = this.paints.get(el);
    if (known) return known;
    const style = this.style(el);
    const filter = filterEffect(style.filter);
    const own = Number.parseFloat(style.opacity);
    const parent = parentAcrossFrames(el);
    const up = parent ? this.paint(parent) : { opacity: 1, brightness: 1 };
    const paint = {
      opacity: (Number.isNaN(own) ? 1 : own) * filter.opacity * up.opacity,
      brightness: filter.brightness * up.brightness,
    };
    this.paints.set(el, paint);
    return paint;
  }

  /** Inside a fixed or sticky box (a portal header, a toolbar): what it covers changes as the page scrolls. */
  isPinned(el: Element): boolean {
    const known = this.pins.get(el);
    if (known !== undefined) return known;
    const position = this.boxFacts(el).position;
    const parent = parentAcrossShadow(el);
    const pinned = position === 'fixed' || position === 'sticky' || (parent !== null && this.isPinned(parent));
    this.pins.set(el, pinned);
    return pinned;
  }

  extent(doc: Document): PageExtent {
    let extent = this.extents.get(doc);
    if (!extent) {
      const view = doc.defaultView as Window;
      const root = doc.documentElement;
      extent = {
        scrollX: view.scrollX,
        scrollY: view.scrollY,
        viewWidth: view.innerWidth,
        viewHeight: view.innerHeight,
        width: Math.max(root.scrollWidth, view.innerWidth),
        height: Math.max(root.scrollHeight, view.innerHeight),
      };
      this.extents.set(doc, extent);
    }
    return extent;
  }

  /**
   * `el`'s rect cut by every clip-path, clip and overflow clip up through shadow hosts and frames. Absolutely
   * positioned boxes escape the overflow of ancestors below their containing block, fixed ones every overflow of
   * their document.
   */
  measure(el: Element): Geometry {
    const style = this.style(el);
    const facts = this.boxFacts(el);
    const box = this.box(el);
    const region = clipRegion(el, style, facts.position, () => box);
    const rect = region ? intersect(box, region) : box;
    const up = parentAcrossShadow(el);
    const chain = up ? this.chain(up, escapeBelow(facts.position, 'none')) : this.documentChain(el.ownerDocument);
    const own = intersect(rect, chain.cut);
    let top = own;
    for (let step = chain.frame; step; step = step.above.frame) {
      top = translate(top, step.dx, step.dy);
      if (step.inner) top = intersect(top, step.inner);
      top = intersect(top, step.above.cut);
    }
    return { own, top, mask: facts.mask ?? chain.mask };
  }

  /** The clipping `node` and its ancestors apply to a descendant that arrives with `escape`. */
  private chain(node: Element, escape: Escape): ChainClip {
    const memo = this.chains[escape];
    const known = memo.get(node);
    if (known) return known;
    const style = this.style(node);
    const facts = this.boxFacts(node);
    const boxOf = () => this.box(node);
    let cut = clipRegion(node, style, facts.position, boxOf) ?? EVERYWHERE;
    let next = escape;
    // Positioned or transformed: the containing block an absolutely positioned descendant stops escaping at.
    if (escape === 'none' || (escape === 'absolute' && (facts.position !== 'static' || style.transform !== 'none'))) {
      cut = clipByOverflow(cut, style, boxOf);
      next = 'none';
    }
    const up = parentAcrossShadow(node);
    const above = up ? this.chain(up, escapeBelow(facts.position, next)) : this.documentChain(node.ownerDocument);
    const clip = { cut: intersect(cut, above.cut), mask: facts.mask ?? above.mask, frame: above.frame };
    memo.set(node, clip);
    return clip;
  }

  /** Above a document's root: nothing cuts inside the document; its frame (if readable) carries on. */
  private documentChain(doc: Document): ChainClip {
    const frame = this.frameStep(doc);
    return { cut: EVERYWHERE, mask: frame?.above.mask ?? null, frame };
  }

  private frameStep(doc: Document): FrameStep | null {
    if (this.frames.has(doc)) return this.frames.get(doc) ?? null;
    const frame = frameOf(doc);
    let step: FrameStep | null = null;
    if (frame) {
      const style = this.style(frame);
      const box = this.box(frame);
      // The frame's viewport cuts its content only when too small to scroll anything into view.
      const inner = paddingBox(box, style);
      step = {
        dx: box.left + px(style.borderLeftWidth) + px(style.paddingLeft),
        dy: box.top + px(style.borderTopWidth) + px(style.paddingTop),
        inner: widthOf(inner) < MIN_VISIBLE_PX || heightOf(inner) < MIN_VISIBLE_PX ? inner : null,
        above: this.chain(frame, 'none'),
      };
    }
    this.frames.set(doc, step);
    return step;
  }
}

/**
 * Where a document's viewport lies on the screen: its scroll position and size, and for a readable frame the
 * frame's box and its parent's viewport. Hit tests and "off-screen" depend on it; no mutation reports a change.
 */
export function viewportKey(doc: Document): string {
  const parts: number[] = [];
  for (let d: Document | null = doc; d; ) {
    const view = d.defaultView;
    if (!view) break;
    parts.push(view.scrollX, view.scrollY, view.innerWidth, view.innerHeight);
    const frame = frameOf(d);
    if (!frame) break;
    const r = frame.getBoundingClientRect();
    parts.push(r.left, r.top, r.width, r.height);
    d = frame.ownerDocument;
  }
  return parts.join(',');
}

/** Do two boxes share any area? */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** The escape a box hands to its ancestors: fixed escapes every overflow, absolute those below its containing block. */
function escapeBelow(position: string, escape: Escape): Escape {
  if (position === 'fixed') return 'fixed';
  if (position === 'absolute' && escape === 'none') return 'absolute';
  return escape;
}

function maskOf(style: CSSStyleDeclaration): string | null {
  return maskReason(style.maskImage || style.getPropertyValue('-webkit-mask-image'));
}

/**
 * Parked on purpose (moved to -9999px, or past the end of what scrolls): no scrolling of the window or of any
 * scroll container around `el` brings `rect` into view. A question below the fold of an inner pane is not parked.
 */
export function isParked(el: Element, rect: Rect, readings: LayoutReadings = new LayoutReadings()): boolean {
  let box = rect;
  const doc = el.ownerDocument;
  // As in `measure`: an absolutely positioned box scrolls only with containers from its containing block up, a
  // fixed one with none of them.
  let escape = escapeBelow(readings.boxFacts(el).position, 'none');
  for (let node = parentAcrossShadow(el); node && node !== doc.body && node !== doc.documentElement; node = parentAcrossShadow(node)) {
    if (escape === 'fixed') break;
    const style = readings.style(node);
    const position = readings.boxFacts(node).position;
    const carries = escape === 'none' || position !== 'static' || style.transform !== 'none';
    escape = escapeBelow(position, carries ? 'none' : escape);
    const scrollsX = carries && SCROLLING.has(style.overflowX);
    const scrollsY = carries && SCROLLING.has(style.overflowY);
    if (!scrollsX && !scrollsY) continue;
    const pad = paddingBox(readings.box(node), style);
    const scroller = node as HTMLElement;
    // Right-to-left content overflows to the left: its scroll range starts below zero.
    const startX = style.direction === 'rtl' ? scroller.clientWidth - scroller.scrollWidth : 0;
    const x = box.left - pad.left + scroller.scrollLeft;
    const y = box.top - pad.top + scroller.scrollTop;
    if (scrollsX && (x + widthOf(box) <= startX || x >= startX + scroller.scrollWidth)) return true;
    if (scrollsY && (y + heightOf(box) <= 0 || y >= scroller.scrollHeight)) return true;
    // Reachable inside this container: what is left is whether the container itself can be reached.
    box = readings.box(node);
  }
  return isOffScreen(el, box, readings);
}

/**
 * What the inner scroll containers around `el` show of `rect` now (a pane scrolled elsewhere shows none of it).
 * Scrolled-away parts are not hidden (see `isParked`) but cannot be hit-tested until scrolled to.
 */
function shownByScrollers(el: Element, rect: Rect, readings: LayoutReadings): Rect {
  let shown = rect;
  const doc = el.ownerDocument;
  for (let node = parentAcrossShadow(el); node && node !== doc.body && node !== doc.documentElement; node = parentAcrossShadow(node)) {
    const style = readings.style(node);
    if (SCROLLING.has(style.overflowX) || SCROLLING.has(style.overflowY)) shown = intersect(shown, paddingBox(readings.box(node), style));
  }
  return shown;
}

/** Left of or above the document, or past its scrollable end (the window's own scrolling). */
function isOffScreen(el: Element, rect: Rect, readings: LayoutReadings): boolean {
  const page = readings.extent(el.ownerDocument);
  const fixed = readings.isPinned(el);
  const left = rect.left + (fixed ? 0 : page.scrollX);
  const top = rect.top + (fixed ? 0 : page.scrollY);
  const right = left + widthOf(rect);
  const bottom = top + heightOf(rect);
  if (right <= 0 || bottom <= 0) return true;
  const width = fixed ? page.viewWidth : page.width;
  const height = fixed ? page.viewHeight : page.height;
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
export function styleHiddenReason(el: Element, readings: LayoutReadings = new LayoutReadings()): string | null {
  if (!readings.isRendered(el, false)) return 'not displayed';
  const paint = readings.paint(el);
  if (paint.opacity < MIN_OPACITY) return `transparent (opacity ${Number(paint.opacity.toFixed(2))})`;
  if (paint.brightness < MIN_OPACITY) return 'filtered to black';
  const geometry = readings.measure(el);
  if (geometry.mask) return geometry.mask;
  const raw = readings.box(el);
  const rawMin = Math.min(widthOf(raw), heightOf(raw));
  if (rawMin < MIN_VISIBLE_PX) {
    const laidOut = Math.min((el as HTMLElement).offsetWidth ?? 0, (el as HTMLElement).offsetHeight ?? 0);
    return laidOut >= MIN_VISIBLE_PX ? `shrunk to ${Math.round(rawMin)} px` : `only ${Math.round(rawMin)} px in size`;
  }
  const clipped = Math.min(widthOf(geometry.top), heightOf(geometry.top));
  if (clipped < MIN_VISIBLE_PX) return `clipped to ${Math.round(clipped)} px`;
  for (let node: Element | null = el; node; node = frameOf(node.ownerDocument)) {
    if (isParked(node, node === el ? geometry.own : readings.box(node), readings)) return 'off-screen';
  }
  if (paintsNothing(el, readings.style(el))) return 'transparent (text, background and border)';
  return null;
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

  /**
   * At scan time `readings` are the scan's own (nothing moves while it runs); at fill time the check scrolls, so
   * it takes fresh readings for every control and after every scroll.
   */
  constructor(
    readonly mode: VisibilityMode,
    private readings: LayoutReadings = new LayoutReadings(),
  ) {}

  /** Why the analyst cannot see `el`, or null when it is in plain view (or, at scan time, not testable yet). */
  hiddenReason(el: Element): string | null {
    if (this.mode === 'fill') this.readings = new LayoutReadings();
    const style = styleHiddenReason(el, this.readings);
    if (style) return style;
    if (this.mode === 'scan') return this.coveredReason(el);
    if (!isInViewport(el)) this.scrollToCentre(el);
    if (!this.fillTimeCover(el)) return null;
    // A sticky portal header may lie over the field until it is centred.
    this.scrollToCentre(el);
    this.release();
    return this.fillTimeCover(el);
  }

  private scrollToCentre(el: Element): void {
    (el as HTMLElement).scrollIntoView?.({ block: 'center', inline: 'nearest', behavior: 'instant' });
    this.readings = new LayoutReadings();
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
    const seen = intersect(shownByScrollers(el, this.readings.measure(el).own, this.readings), { left: 0, top: 0, right: view.innerWidth, bottom: view.innerHeight });
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
    // The common case, the control itself on top, needs no list of everything beneath the point.
    const top = root.elementFromPoint(x, y);
    if (top && (top === target || target.contains(top)) && !top.closest(`[${OWN_HOST_ATTRIBUTE}]`)) return this.frameHitAt(target, x, y);
    for (const hit of root.elementsFromPoint(x, y)) {
      if (hit.closest(`[${OWN_HOST_ATTRIBUTE}]`)) continue;
      if (hit === target || target.contains(hit)) return this.frameHitAt(target, x, y);
      // The host of the target's shadow root, hit where it shows its own slotted text inside the target (a web
      // component's label): that is the target's own content, not a cover.
      if (hit.shadowRoot && hit.shadowRoot === target.getRootNode()) return this.frameHitAt(target, x, y);
      if (!this.paintsOver(hit, x, y, 0)) continue;
      return this.mode === 'scan' && this.readings.isPinned(hit) ? 'pinned' : 'covered';
    }
    return 'covered';
  }

  /** For a control inside a same-origin frame: the frame element must be uncovered at the same point. */
  private frameHitAt(target: Element, x: number, y: number): HitResult {
    const frame = frameOf(target.ownerDocument);
    if (!frame) return 'clear';
    const style = this.readings.style(frame);
    const r = this.readings.box(frame);
    return this.hitAt(frame, r.left + px(style.borderLeftWidth) + px(style.paddingLeft) + x, r.top + px(style.borderTopWidth) + px(style.paddingTop) + y);
  }

  /** Does `el`, found above the control at (x, y), paint something opaque there (itself, a pseudo-element, or its shadow content)? */
  private paintsOver(el: Element, x: number, y: number, depth: number): boolean {
    if (this.readings.paint(el).opacity < COVER_OPACITY) return false;
    if (OPAQUE_TAGS.has(el.tagName)) return true;
    const view = win(el);
    if (hasOpaqueBox(this.readings.style(el))) return true;
    for (const pseudo of ['::before', '::after']) {
      const style = view.getComputedStyle(el, pseudo);
      if (style.content !== 'none' && style.content !== 'normal' && hasOpaqueBox(style)) return true;
    }
    const shadow = depth < 8 ? shadowOf(el) : null;
    if (!shadow) return false;
    this.adopt(shadow, el.ownerDocument);
    return shadow.elementsFromPoint(x, y).some((inner) => inner !== el && shadow.contains(inner) && this.paintsOver(inner, x, y, depth + 1));
  }

  /**
   * Make every element of `doc` take the pointer until `release()`. Done lazily by the first hit test, or up front
   * by a scan that will hit-test: before its first style read, so the page's styles are computed once, not twice.
   */
  makeHittable(doc: Document): void {
    if (this.forced.has(doc)) return;
    this.forced.add(doc);
    for (const root of this.readings.roots(doc)) this.adopt(root as Document | ShadowRoot, doc);
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
