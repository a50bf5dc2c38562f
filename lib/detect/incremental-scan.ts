// Incremental generic re-scan: after a burst of mutations only the changed regions are collected again; the
// questions outside them are kept from the last scan, and so are their hidden reasons unless a change could paint
// where they are. Page-wide changes (body, head, styles) fall back to a full scan, so a shortcut never hides a
// change it cannot reason about.
import type { AdapterScan, RawQuestion } from './types';
import { collectGeneric } from './generic';
import { CONTROL_SELECTOR } from './controls';
import { compareDocumentOrder } from './document-order';
import { LayoutReadings, overlaps, viewportKey, type Rect, type VisibilityOptions } from './visibility';

/** A block that holds one question's controls together; a region is widened to it so groups stay whole. */
const BLOCK_SELECTOR = 'tr, fieldset, li, dd, [role="radiogroup"], [role="group"]';
const PAGE_WIDE = new Set(['HTML', 'HEAD', 'BODY', 'STYLE', 'LINK', 'FORM', 'TABLE', 'TBODY']);
/** Above this many regions a full scan is as cheap and simpler. */
const MAX_REGIONS = 64;

type Regions = Element[] | 'all';

function regionsOf(doc: Document, dirty: readonly Node[]): Regions {
  const regions: Element[] = [];
  for (const node of dirty) {
    let el: Element | null = node.nodeType === 1 ? (node as Element) : node.nodeType === 11 ? ((node as ShadowRoot).host ?? null) : node.parentElement;
    if (node.nodeType === 9) return 'all';
    if (!el || el.ownerDocument !== doc) continue;
    if (!el.isConnected) continue;
    if (PAGE_WIDE.has(el.tagName)) return 'all';
    // A changed caption (label, legend, cell text) belongs to the control beside it: widen to the parent.
    const block: Element | null = el.closest(BLOCK_SELECTOR);
    if (block) el = block;
    else if (!el.querySelector(CONTROL_SELECTOR) && el.parentElement) el = el.parentElement;
    if (PAGE_WIDE.has(el.tagName)) return 'all';
    regions.push(el);
  }
  const outer = regions.filter((r, i) => !regions.some((o, j) => j !== i && o !== r && o.contains(r)) && regions.indexOf(r) === i);
  return outer.length > MAX_REGIONS ? 'all' : outer;
}

function mergeInOrder(a: RawQuestion[], b: RawQuestion[]): RawQuestion[] {
  const out: RawQuestion[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (compareDocumentOrder((a[i] as RawQuestion).control, (b[j] as RawQuestion).control) <= 0) out.push(a[i++] as RawQuestion);
    else out.push(b[j++] as RawQuestion);
  }
  return out.concat(a.slice(i), b.slice(j));
}

/** Above this many elements in the changed regions, their painted extent is not worth reading: re-check all. */
const MAX_EXTENT_ELEMENTS = 2000;

/**
 * Where the changed regions may paint now: the boxes of every element in them (an absolutely placed overlay
 * paints outside its parent's box). Null when too many elements to read.
 */
function paintedExtent(regions: readonly Element[], readings: LayoutReadings): Rect[] | null {
  const boxes: Rect[] = [];
  for (const region of regions) {
    const inside = region.getElementsByTagName('*');
    if (boxes.length + inside.length >= MAX_EXTENT_ELEMENTS) return null;
    boxes.push(readings.box(region));
    for (const el of Array.from(inside)) boxes.push(readings.box(el));
  }
  return boxes.filter((b) => b.right > b.left && b.bottom > b.top);
}

const sameBox = (a: Rect, b: Rect) =>
  Math.abs(a.left - b.left) < 0.5 && Math.abs(a.top - b.top) < 0.5 && Math.abs(a.right - b.right) < 0.5 && Math.abs(a.bottom - b.bottom) < 0.5;

/** A question's hidden reason from a scan, with the box its control had and the viewport it was judged in. */
interface HiddenVerdict {
  hidden: string | null;
  box: Rect;
  viewport: string;
}

/**
 * The hidden reasons of the last scan, and which of them still hold in the scan under way. A verdict is kept for
 * a question kept by the incremental re-scan when it was "visible", its control has not moved, the viewport has
 * not scrolled, and nothing changed could paint over it; a hidden question is always re-checked (what hid it
 * may be gone without leaving a box behind).
 */
class HiddenVerdicts {
  private readonly verdicts = new WeakMap<RawQuestion, HiddenVerdict>();
  private trusted = new WeakSet<RawQuestion>();

  forget(): void {
    this.trusted = new WeakSet();
  }

  /** Trust the verdicts of `kept` questions the changes in `regions` (`extent` = where they paint) cannot affect. */
  trust(doc: Document, kept: readonly RawQuestion[], extent: Rect[], readings: LayoutReadings): void {
    const viewport = viewportKey(doc);
    for (const q of kept) {
      const verdict = this.verdicts.get(q);
      if (!verdict || verdict.hidden !== null || verdict.viewport !== viewport) continue;
      const box = readings.box(q.control);
      if (!sameBox(box, verdict.box) || extent.some((e) => overlaps(e, box))) continue;
      this.trusted.add(q);
    }
  }

  /** The kept verdict for `q` in this scan, or undefined when it must be checked again. */
  known(q: RawQuestion): string | null | undefined {
    return this.trusted.has(q) ? this.verdicts.get(q)?.hidden : undefined;
  }

  remember(q: RawQuestion, hidden: string | null, readings: LayoutReadings): void {
    this.verdicts.set(q, { hidden, box: readings.box(q.control), viewport: viewportKey(q.control.ownerDocument) });
  }
}

/** Documents `doc` is shown in (its readable parent frames' documents), itself excluded. */
function parentDocuments(doc: Document): Set<Document> {
  const out = new Set<Document>();
  for (let d: Document | null = doc; d; ) {
    let frame: Element | null = null;
    try {
      frame = d.defaultView?.frameElement ?? null;
    } catch {
      frame = null;
    }
    d = frame?.ownerDocument ?? null;
    if (d) out.add(d);
  }
  return out;
}

export class GenericScanCache {
  private byDoc = new WeakMap<Document, RawQuestion[]>();
  /** The readable documents of the last full scan; an incremental scan reuses them (a frame load forces a full one). */
  documents: Document[] | undefined;
  private readonly verdicts = new HiddenVerdicts();

  /** A scan begins: no hidden reason from before is trusted until `update` vouches for it. */
  beginScan(): void {
    this.verdicts.forget();
  }

  /** The hidden reason of `q` kept from the last scan, or undefined when it must be checked again. */
  knownHiddenReason(q: RawQuestion): string | null | undefined {
    return this.verdicts.known(q);
  }

  rememberHiddenReason(q: RawQuestion, hidden: string | null, readings: LayoutReadings): void {
    this.verdicts.remember(q, hidden, readings);
  }

  full(doc: Document, options: VisibilityOptions): AdapterScan {
    const scan = collectGeneric(doc, options);
    this.byDoc.set(doc, scan.questions);
    return scan;
  }

  /** Re-collect only around `dirty` nodes (mutation targets); everything else is kept from the last scan. */
  update(doc: Document, dirty: readonly Node[], options: VisibilityOptions): AdapterScan {
    const cached = this.byDoc.get(doc);
    const regions = cached ? regionsOf(doc, dirty) : 'all';
    if (!cached || regions === 'all') return this.full(doc, options);

    const readings = options.readings ?? new LayoutReadings();
    options = { ...options, readings };
    // Layout only: where the changed regions paint, so a question under them has its visibility judged again.
    const extent = options.layout ? paintedExtent(regions, readings) : [];
    // A change in a document this one is framed in may cover the frame: no verdict of this one is kept then.
    const outer = parentDocuments(doc);
    const framesChanged = outer.size > 0 && dirty.some((n) => outer.has(n.nodeType === 9 ? (n as Document) : (n.ownerDocument as Document)));
    const touches = (el: Element | undefined) => el !== undefined && (!el.isConnected || regions.some((r) => r.contains(el) || el.contains(r)));
    const paintedOver = (el: Element) => extent !== null && extent.length > 0 && el.isConnected && extent.some((e) => overlaps(e, readings.box(el)));
    const kept: RawQuestion[] = [];
    const rescan = [...regions];
    /** Controls of changed questions still on the page: the re-collect must find each again, as the same control. */
    const mustRefind: Element[] = [];
    const blockOf = (q: RawQuestion) => q.control.closest(BLOCK_SELECTOR) ?? q.control.parentElement ?? q.control;
    for (const q of cached) {
      if (touches(q.control) || touches(q.comment) || touches(q.attachment)) {
        if (q.control.isConnected) mustRefind.push(q.control);
        if (q.control.isConnected && !regions.some((r) => r.contains(q.control))) rescan.push(blockOf(q));
      } else if (options.layout && paintedOver(q.control)) {
        rescan.push(blockOf(q));
      } else {
        kept.push(q);
      }
    }
    if (options.layout && extent !== null && !framesChanged) this.verdicts.trust(doc, kept, extent, readings);
    const scope = rescan.filter((r, i) => rescan.indexOf(r) === i && !rescan.some((o) => o !== r && o.contains(r)));
    const fresh = scope.length > 0 ? collectGeneric(doc, options, scope).questions : [];
    const freshControls = new Set(fresh.map((q) => q.control));
    // A region inside a composite widget (a Choices.js list redrawn after a pick) can hold the control but not what
    // makes it a question: collected alone, the question is lost or read through another control. A full scan then,
    // never a shorter or differently keyed list than the page has.
    // Likewise a comment or upload box collected apart from its question (a Shoelace textarea redrawn in its own
    // shadow root) reads as a question of its own, and a question found again without its box has lost it.
    const partOf = new Map<Element, RawQuestion>();
    for (const q of cached) {
      if (q.comment?.isConnected) partOf.set(q.comment, q);
      if (q.attachment?.isConnected) partOf.set(q.attachment, q);
    }
    const before = new Map(cached.map((q) => [q.control, q]));
    const partsLost = fresh.some((q) => {
      const was = before.get(q.control);
      return partOf.has(q.control) || (was !== undefined && ((was.comment?.isConnected && was.comment !== q.comment) || (was.attachment?.isConnected && was.attachment !== q.attachment)));
    });
    if (partsLost || mustRefind.some((control) => !freshControls.has(control))) return this.full(doc, options);
    const merged = mergeInOrder(kept.filter((q) => !freshControls.has(q.control)), fresh);
    this.byDoc.set(doc, merged);
    return { questions: merged, warnings: [] };
  }
}
