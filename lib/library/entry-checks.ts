// Rules for entries arriving from a file that the schema alone cannot state: id normalisation and look-alike ids,
// over-long text, and timestamps in the future. Pure.
import { MAX_ENTRY_TEXT_CHARS, MAX_FUTURE_SKEW_MS } from './limits';

/** Invisible characters that make two identical-looking ids different: zero-width space/joiners, word joiner, BOM, soft hyphen. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD\u180E]/g;

/** The id as stored: Unicode NFC, invisible characters removed, surrounding white space trimmed. */
export function normalizeEntryId(id: string): string {
  return id.normalize('NFC').replace(INVISIBLE, '').trim();
}

/** Cyrillic and Greek letters that render like Latin ones, mapped to the Latin letter they imitate. */
const LOOK_ALIKES: Record<string, string> = {
  а: 'a', е: 'e', ё: 'e', к: 'k', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ӏ: 'l', ԛ: 'q', ԝ: 'w',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w',
};

/** What an id looks like to a person: compatibility-folded, lower case, look-alike letters replaced by Latin ones. */
export function idSkeleton(id: string): string {
  const folded = normalizeEntryId(id).normalize('NFKC').toLowerCase();
  let skeleton = '';
  for (const char of folded) skeleton += LOOK_ALIKES[char] ?? char;
  return skeleton;
}

const formatCount = (n: number) => n.toLocaleString('en-US');

/** The reason a text is too long to store, or undefined when it fits. */
export function overlongTextReason(name: string, text: string): string | undefined {
  if (text.length <= MAX_ENTRY_TEXT_CHARS) return undefined;
  return `${name}: ${formatCount(text.length)} characters; the limit is ${formatCount(MAX_ENTRY_TEXT_CHARS)} per field. Shorten it or split the entry.`;
}

/** The first string in a parsed JSON value longer than the limit, with its path (e.g. "citations.0.title"). */
export function findOverlongText(value: unknown): { path: string[]; text: string } | undefined {
  // Nearly every entry fits: the walk that builds paths (an array per value visited) runs only for the rare one
  // that does not.
  if (!holdsOverlongText(value)) return undefined;
  const stack: Array<[unknown, string[]]> = [[value, []]];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (typeof node === 'string') {
      if (node.length > MAX_ENTRY_TEXT_CHARS) return { path, text: node };
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, child] of Object.entries(node)) stack.push([child, [...path, key]]);
    }
  }
  return undefined;
}

/** Whether any string in a parsed JSON value is longer than the limit; allocates nothing per value. */
function holdsOverlongText(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === 'string') {
      if (node.length > MAX_ENTRY_TEXT_CHARS) return true;
    } else if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) stack.push(node[i]);
    } else if (typeof node === 'object' && node !== null) {
      for (const key in node) if (Object.hasOwn(node, key)) stack.push((node as Record<string, unknown>)[key]);
    }
  }
  return false;
}

/** A time later than now plus the allowed clock skew: it cannot be a real change time. */
export function isBeyondNow(time: string | undefined, now: number): boolean {
  if (time === undefined) return false;
  const at = Date.parse(time);
  return !Number.isNaN(at) && at > now + MAX_FUTURE_SKEW_MS;
}
