// The section a question belongs to: the caption of its table, else the last heading (h2-h6, role=heading)
// before it in its tree scope, else the section of the shadow host or frame that contains it.
import { readableText } from './text';

const HEADING_SELECTOR = 'h2, h3, h4, h5, h6, [role="heading"]';

/** Finds sections for many elements of one document with one heading query per tree scope. */
export class SectionFinder {
  private headings = new Map<Node, Element[]>();

  sectionOf(el: Element): string | undefined {
    const caption = el.closest('table')?.querySelector(':scope > caption');
    if (caption) {
      const text = readableText(caption);
      if (text) return text;
    }
    const root = el.getRootNode();
    const heading = this.lastHeadingBefore(root, el);
    if (heading) return readableText(heading) || undefined;
    if (root instanceof el.ownerDocument.defaultView!.ShadowRoot) return this.sectionOf((root as ShadowRoot).host);
    const frame = el.ownerDocument.defaultView?.frameElement;
    return frame ? this.sectionOf(frame) : undefined;
  }

  private lastHeadingBefore(root: Node, el: Element): Element | undefined {
    let list = this.headings.get(root);
    if (!list) {
      list = Array.from((root as ParentNode).querySelectorAll(HEADING_SELECTOR));
      this.headings.set(root, list);
    }
    // Binary search for the last heading that precedes `el` in document order.
    let lo = 0;
    let hi = list.length - 1;
    let found: Element | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const h = list[mid] as Element;
      if (h.compareDocumentPosition(el) & 4 /* DOCUMENT_POSITION_FOLLOWING */) {
        found = h;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
}
