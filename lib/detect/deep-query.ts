// Deep traversal: the documents a frame's content script may read (its own plus same-origin, non-sandboxed
// iframes, recursively) and, inside each document, every open shadow root (nested). Closed roots are unreachable
// by design; sandboxed and opaque-origin frames are skipped, as Bitwarden's collector does.

/** Upper bound on shadow-root nesting and frame nesting, against pathological pages. */
const MAX_DEPTH = 16;

/** Marks the extension's own overlay host so traversal and observers skip it. */
export const OWN_HOST_ATTRIBUTE = 'data-qa-overlay';

export type QueryRoot = Document | ShadowRoot;

/** True when a frame with this `sandbox` attribute (or none) would be same-origin and scriptable. */
export function isSandboxRefused(frame: Element): boolean {
  if (!frame.hasAttribute('sandbox')) return false;
  const tokens = (frame.getAttribute('sandbox') ?? '').toLowerCase().split(/\s+/);
  return !tokens.includes('allow-same-origin');
}

/**
 * A document loaded from an http(s) URL, as every portal page is (not one a script wrote into a frame). A frame
 * a page script filled with document.open()/write() takes the writer's URL, so the URL alone proves nothing: the
 * browser's navigation entry says what was really loaded (about:blank for a written frame, another path for a
 * served frame rewritten afterwards). A frame must still show the path it loaded; the top page may have moved
 * within its origin (single-page apps).
 */
export function isServedDocument(doc: Document): boolean {
  if (!/^https?:/i.test(doc.URL)) return false;
  const view = doc.defaultView;
  const loaded = view?.performance?.getEntriesByType?.('navigation')[0]?.name;
  // No navigation timing at all (a DOM without a browser, as in unit tests): the URL is all there is.
  if (loaded === undefined) return true;
  if (!/^https?:/i.test(loaded)) return false;
  const was = new URL(loaded);
  const now = new URL(doc.URL);
  if (was.origin !== now.origin) return false;
  return view === view?.top || was.pathname === now.pathname;
}

/** The document inside a same-origin, non-sandboxed frame, or null. */
export function readableFrameDocument(frame: Element): Document | null {
  if (isSandboxRefused(frame)) return null;
  try {
    const doc = (frame as HTMLIFrameElement).contentDocument;
    if (!doc || !doc.documentElement) return null;
    const win = doc.defaultView;
    if (!win || win.origin === 'null') return null;
    // about:blank, about:srcdoc, blob: and javascript: frames inherit the page's origin but hold whatever a page
    // script wrote into them: no portal serves its questionnaire that way, a decoy can.
    if (!isServedDocument(doc)) return null;
    return doc;
  } catch {
    return null;
  }
}

/** Every open shadow root below `root`, nested ones included, in document order. */
export function openShadowRoots(root: QueryRoot | Element, depth = 0): ShadowRoot[] {
  if (depth > MAX_DEPTH) return [];
  const found: ShadowRoot[] = [];
  for (const el of root.querySelectorAll('*')) {
    const shadow = el.shadowRoot;
    if (!shadow || el.hasAttribute(OWN_HOST_ATTRIBUTE)) continue;
    found.push(shadow, ...openShadowRoots(shadow, depth + 1));
  }
  return found;
}

/** The query roots of one document: the document itself, then its open shadow roots. */
export function rootsOfDocument(doc: Document): QueryRoot[] {
  return [doc, ...openShadowRoots(doc)];
}

/** `doc` and every readable document of its iframes (including iframes inside shadow roots), depth-first. */
export function readableDocuments(doc: Document, depth = 0, rootsOf: (d: Document) => QueryRoot[] = rootsOfDocument): Document[] {
  const docs = [doc];
  if (depth > MAX_DEPTH) return docs;
  for (const root of rootsOf(doc)) {
    for (const frame of root.querySelectorAll('iframe, frame')) {
      const inner = readableFrameDocument(frame);
      if (inner) docs.push(...readableDocuments(inner, depth + 1, rootsOf));
    }
  }
  return docs;
}

/** `querySelectorAll` over a document and all its open shadow roots. */
export function deepQueryAll(doc: Document, selector: string): Element[] {
  const out: Element[] = [];
  for (const root of rootsOfDocument(doc)) out.push(...root.querySelectorAll(selector));
  return out;
}

/** Resolve an id reference the way ARIA does: in the element's own tree scope (document or shadow root). */
export function getByIdInScope(el: Element, id: string): Element | null {
  const scope = el.getRootNode() as QueryRoot;
  if ('getElementById' in scope && typeof scope.getElementById === 'function') return scope.getElementById(id);
  return (scope as ParentNode).querySelector(`#${CSS.escape(id)}`);
}
