// Incremental generic re-scan: after a burst of mutations only the changed regions are collected again; the
// questions outside them are kept from the last scan. Page-wide changes (body, head, styles) fall back to a full
// scan, so a shortcut never hides a change it cannot reason about.
import type { AdapterScan, RawQuestion } from './types';
import { collectGeneric } from './generic';
import { CONTROL_SELECTOR } from './controls';
import { compareDocumentOrder } from './document-order';
import type { VisibilityOptions } from './visibility';

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

export class GenericScanCache {
  private byDoc = new WeakMap<Document, RawQuestion[]>();
  /** The readable documents of the last full scan; an incremental scan reuses them (a frame load forces a full one). */
  documents: Document[] | undefined;

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

    const touches = (el: Element | undefined) => el !== undefined && (!el.isConnected || regions.some((r) => r.contains(el) || el.contains(r)));
    const kept: RawQuestion[] = [];
    const rescan = [...regions];
    for (const q of cached) {
      if (!touches(q.control) && !touches(q.comment) && !touches(q.attachment)) kept.push(q);
      else if (q.control.isConnected && !regions.some((r) => r.contains(q.control))) rescan.push(q.control.closest(BLOCK_SELECTOR) ?? q.control.parentElement ?? q.control);
    }
    const scope = rescan.filter((r, i) => rescan.indexOf(r) === i && !rescan.some((o) => o !== r && o.contains(r)));
    const fresh = scope.length > 0 ? collectGeneric(doc, options, scope).questions : [];
    const freshControls = new Set(fresh.map((q) => q.control));
    const merged = mergeInOrder(kept.filter((q) => !freshControls.has(q.control)), fresh);
    this.byDoc.set(doc, merged);
    return { questions: merged, warnings: [] };
  }
}
