// Which question owns each field, kept current through a fill: a page may re-bind its comment boxes or rewrite a
// question as soon as our first write lands, so the owners are read again whenever the DOM changed since.
import { openShadowRoots, readableDocuments } from '../detect/deep-query';
import type { FieldOwner } from './fill-fields';

/** Changes that can move a field to another question or change a question's text. */
const WATCHED: MutationObserverInit = { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['for', 'id', 'aria-labelledby', 'aria-label', 'hidden', 'style', 'class'] };

export class FieldOwnership {
  private observer: MutationObserver;
  private owners: Map<string, FieldOwner> | undefined;
  private changed = false;

  constructor(doc: Document, private read: () => Map<string, FieldOwner>) {
    // Records reach the callback at the next microtask checkpoint (the fill awaits between writes); records
    // still queued are drained with takeRecords when asked.
    this.observer = new MutationObserver(() => {
      this.changed = true;
    });
    for (const d of readableDocuments(doc)) {
      this.observer.observe(d, WATCHED);
      for (const root of openShadowRoots(d)) this.observer.observe(root, WATCHED);
    }
  }

  /** The owners as of now: the last reading, or a new one when anything changed since. */
  current(): Map<string, FieldOwner> {
    if (this.observer.takeRecords().length > 0) this.changed = true;
    if (this.owners === undefined || this.changed) {
      this.changed = false;
      this.owners = this.read();
    }
    return this.owners;
  }

  stop(): void {
    this.observer.disconnect();
  }
}
