// Opaque field ids. Elements never leave the content script; the panel only sees ids such as `k3f9x:17`.
// The prefix is a per-frame nonce, so ids are unique in a tab across frames and a frame can tell its own ids.

export interface FieldEntry {
  /** Writer id and question text at the last scan; the fill engine uses them for lookup and the stale check. */
  writer: string;
  questionText: string;
  kind: import('../schema').QuestionKind;
}

export class FieldRegistry {
  readonly nonce: string;
  private next = 0;
  private ids = new WeakMap<Element, string>();
  private elements = new Map<string, WeakRef<Element>>();
  /** The document each id's element was first scanned in: an id resolves only while it is still that document's. */
  private documents = new Map<string, WeakRef<Document>>();
  private entries = new Map<string, FieldEntry>();

  constructor(nonce: string = randomNonce()) {
    this.nonce = nonce;
  }

  /** The id of `el`, the same one every time it is registered again (re-scans keep ids stable). */
  register(el: Element, entry: FieldEntry): string {
    let id = this.ids.get(el);
    if (!id) {
      id = `${this.nonce}:${this.next++}`;
      this.ids.set(el, id);
      this.elements.set(id, new WeakRef(el));
      this.documents.set(id, new WeakRef(el.ownerDocument));
    }
    this.entries.set(id, entry);
    return id;
  }

  /** Forget ids whose element left the page (re-rendering frameworks replace elements; the maps must not grow). */
  prune(): void {
    for (const [id, ref] of this.elements) {
      const el = ref.deref();
      if (el && el.isConnected) continue;
      this.elements.delete(id);
      this.documents.delete(id);
      this.entries.delete(id);
    }
  }

  /** How many ids are live (for tests and diagnostics). */
  get size(): number {
    return this.elements.size;
  }

  owns(fieldId: string): boolean {
    return fieldId.startsWith(`${this.nonce}:`);
  }

  /**
   * The element behind an id, or null when it was removed from the page (or collected), or its document is no
   * longer the one scanned or no longer shown (its frame navigated or was replaced: the old document lingers,
   * its elements still "connected" to it).
   */
  resolve(fieldId: string): Element | null {
    const el = this.elements.get(fieldId)?.deref();
    if (!el || !el.isConnected) return null;
    const doc = this.documents.get(fieldId)?.deref();
    if (el.ownerDocument !== doc || !isShownDocument(doc)) return null;
    return el;
  }

  entry(fieldId: string): FieldEntry | undefined {
    return this.entries.get(fieldId);
  }

  idOf(el: Element): string | undefined {
    return this.ids.get(el);
  }
}

/** The document its window shows now: false once its frame navigated away or was removed from the page. */
function isShownDocument(doc: Document): boolean {
  const view = doc.defaultView;
  return view !== null && view.document === doc;
}

function randomNonce(): string {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}
