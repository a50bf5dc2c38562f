// Text helpers shared by the label strategies: normalise whitespace and read an element's visible words
// without the text of controls inside it (option lists, button captions, textarea contents).

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SELECT', 'OPTION', 'TEXTAREA', 'BUTTON', 'INPUT', 'SVG']);

/** Collapse control characters and whitespace runs to one space, as Bitwarden and Chromium do. */
export function normalizeText(s: string): string {
  return s.replace(/[\p{C}\s]+/gu, ' ').trim();
}

/** Case- and punctuation-insensitive form for comparing option labels and question texts. */
export function comparableText(s: string): string {
  return normalizeText(s)
    .toLowerCase()
    .replace(/[\s*:?.]+$/u, '')
    .replace(/\s+/g, ' ');
}

/** The readable text of `node`, skipping controls and hidden subtrees (`hidden`, `aria-hidden`). */
export function readableText(node: Node): string {
  const parts: string[] = [];
  collect(node, parts);
  return normalizeText(parts.join(' '));
}

/**
 * The text of a node named by aria-labelledby: read even when the node itself is hidden (a visually hidden or
 * `hidden` name source still names the control), though hidden parts inside it are not.
 */
export function referencedText(node: Element): string {
  const parts: string[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) collect(child, parts);
  return normalizeText(parts.join(' '));
}

function collect(node: Node, parts: string[]): void {
  if (node.nodeType === 3) {
    parts.push(node.nodeValue ?? '');
    return;
  }
  if (node.nodeType !== 1 && node.nodeType !== 11) return;
  if (node.nodeType === 1) {
    const el = node as Element;
    if (SKIPPED_TAGS.has(el.tagName.toUpperCase())) return;
    if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return;
    if (el.getAttribute('contenteditable') !== null && el.getAttribute('contenteditable') !== 'false') return;
    // A shadow root's slot shows the light-DOM nodes assigned to it (a web component's label text).
    if (el.tagName === 'SLOT' && typeof (el as HTMLSlotElement).assignedNodes === 'function') {
      const assigned = (el as HTMLSlotElement).assignedNodes({ flatten: true });
      if (assigned.length > 0) {
        for (const n of assigned) collect(n, parts);
        return;
      }
    }
  }
  for (let child = node.firstChild; child; child = child.nextSibling) collect(child, parts);
}

/** Strip a trailing required marker (`*`, `(required)`) and report whether one was there. */
export function splitRequiredMarker(text: string): { text: string; required: boolean } {
  const m = /\s*(\*|\(required\)|\(mandatory\))\s*$/iu.exec(text);
  if (!m) return { text, required: false };
  return { text: text.slice(0, m.index).trim(), required: true };
}

/** A leading question number such as `1.`, `3.2`, `Q4:`, `A.1.2` is split off the question text. */
export function splitQuestionNumber(text: string): { number?: string; text: string } {
  // At most three digits per segment: a leading year ("2026 was...") is text, not a number.
  const m = /^(?:Q(?:uestion)?\s*)?((?:[A-Z]{1,3}[-.])?\d{1,3}(?:\.\d{1,3})*[a-z]?)(?:[.):]\s*|\s+)(?=\S)/u.exec(text);
  if (!m || !m[1]) return { text };
  return { number: m[1], text: text.slice(m[0].length) };
}

/** FNV-1a over the UTF-16 code units, 52 bits kept so it fits a double exactly; base36 output. */
export function hashText(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return ((h2 & 0xfffff) * 0x100000000 + h1).toString(36);
}
