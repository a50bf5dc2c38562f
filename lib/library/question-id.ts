// Ids for spreadsheet rows that have none: a hash of the normalised question, so re-importing the same sheet
// matches the same entries.

/** 53-bit string hash (two 32-bit multiply-xorshift lanes), stable across runs and platforms. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** `q-` and 14 hex digits derived from the question (case and spacing do not matter). */
export function questionId(question: string): string {
  const normalized = question.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return `q-${hash53(normalized).toString(16).padStart(14, '0')}`;
}
