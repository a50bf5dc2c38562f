// The section a question belongs to: the last section row above it in its table (one cell across the table, no
// controls), else the table's caption, else the last heading (h2-h6, role=heading) before it in its tree scope,
// else the section of the shadow host or frame that contains it.
import { readableText } from './text';

const HEADING_SELECTOR = 'h2, h3, h4, h5, h6, [role="heading"]';

/** Finds sections for many elements of one document with one heading query per tree scope. */
export class SectionFinder {
  private headings = new Map<Node, Element[]>();
  private sectionRows = new Map<HTMLTableElement, Array<{ index: number; text: string }>>();

  sectionOf(el: Element): string | undefined {
    const fromRow = this.sectionRowAbove(el);
    if (fromRow) return fromRow;
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

  /** The text of the last section row before `el`'s row in the same table. */
  private sectionRowAbove(el: Element): string | undefined {
    const row = el.closest('tr') as HTMLTableRowElement | null;
    const table = row?.closest('table') as HTMLTableElement | null;
    if (!row || !table) return undefined;
    let rows = this.sectionRows.get(table);
    if (!rows) {
      rows = Array.from(table.rows).filter(isSectionRow).map((r) => ({ index: r.rowIndex, text: readableText(r) }));
      this.sectionRows.set(table, rows);
    }
    let found: string | undefined;
    for (const r of rows) {
      if (r.index >= row.rowIndex) break;
      found = r.text;
    }
    return found;
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

const CONTROL_IN_CELL = 'input, select, textarea, button, [contenteditable="true"], [role="textbox"], [role="combobox"], [role="listbox"], [role="radiogroup"], [role="radio"], [role="checkbox"]';

/**
 * A row that names the questions below it: a body row with one cell spanning several columns, text and no form
 * controls (a header row in <thead> labels columns instead).
 */
function isSectionRow(row: HTMLTableRowElement): boolean {
  if (row.parentElement?.tagName === 'THEAD' || row.cells.length !== 1) return false;
  const cell = row.cells[0] as HTMLTableCellElement;
  if (cell.colSpan < 2 || cell.querySelector(CONTROL_IN_CELL) !== null) return false;
  return readableText(cell) !== '';
}
