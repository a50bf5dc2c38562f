// The bulk preview at scale: its items grouped by the page's sections (in page order), and the ticked subset.
import type { BulkItem } from './bulk-fill';
import { NO_SECTION } from './summary';

export interface BulkGroup {
  section: string;
  items: BulkItem[];
}

export function groupBulkItems(items: readonly BulkItem[]): BulkGroup[] {
  const groups = new Map<string, BulkItem[]>();
  for (const item of items) {
    const name = item.section ?? NO_SECTION;
    const group = groups.get(name);
    if (group) group.push(item);
    else groups.set(name, [item]);
  }
  return [...groups].map(([section, list]) => ({ section, items: list }));
}

/** The items still ticked: what "Fill" writes. */
export function tickedItems(items: readonly BulkItem[], unticked: ReadonlySet<string>): BulkItem[] {
  return items.filter((item) => !unticked.has(item.key));
}
