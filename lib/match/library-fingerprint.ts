// The fingerprint a persisted index and remembered proposals are stored under (lib/match/index-snapshot.ts,
// lib/panel/match-worker-core.ts): a module of its own, so the matching worker's first module can key its
// remembered proposals without loading the matcher.
import type { LibraryEntry } from '../schema/library';

/**
 * Bumped whenever the index's shape or the way it is built changes (the vocabulary included: a snapshot holds the
 * concept terms of its day): older snapshots are then ignored. 2: "tabletop" and "drill" no longer mean business
 * continuity. 3: "establish" (and other forms of the boilerplate verbs) is a stop word, "cybersecurity" reads as
 * security, "data inventory" is its own concept, "remediation" alone no longer means vulnerability management. 4:
 * "authorities" no longer stems like "authorization"; "responsible for", "security official" and "reporting lines"
 * name the security owner; the words of "audit logs" (and the other logging phrases) add no audit concept; "data
 * protection by design and default" is privacy by design. 5: the index is unchanged, but the fitted re-ranker of the
 * two best candidates (rerank.ts) changes which entry goes first: the fingerprint also keys the remembered proposals,
 * and those of the engine before must not be answered from. 6: a runner-up citing the same document as the best entry
 * no longer crowds it (confidence.ts), so the remembered proposals change again. 7: a long control text whose best
 * entry leads the runner-up twice over is no longer discounted for resting on one term or for words the library
 * never uses (confidence.ts, leadsLongText): more proposals, the index unchanged. 8: the vocabulary reads regulation
 * wording ("audit controls", "business associates", "configuration standards", ...) as its concepts and regulation
 * boilerplate ("objectives", "system components") is a stop word: the index's terms change. 9: the re-ranker orders
 * the first four candidates with the question's head as an input (rerank.ts): the index is the same, the remembered
 * proposals change.
 */
export const INDEX_SNAPSHOT_FORMAT = 9;

/**
 * A fingerprint of everything an index is built from: every field of every entry, in order, and the day (staleness).
 * SHA-256 of the entries' JSON texts (which never hold a raw NUL, the separator); a persisted index is used only for
 * the same fingerprint. Hashed natively: the two 32-bit FNV-1a lanes it replaced took about 100 ms for 5,000 entries
 * (2.2 million characters) in the matching worker on a busy machine, this about 25 ms.
 */
export async function libraryFingerprint(entries: readonly LibraryEntry[], today: string): Promise<string> {
  const parts = [`${INDEX_SNAPSHOT_FORMAT}|${today}|${entries.length}`];
  for (const entry of entries) parts.push(JSON.stringify(entry));
  return `${entries.length}-${await sha256Hex(parts.join('\u0000'))}`;
}

/**
 * The fingerprint of a library by its stored version (lib/db/entry-pages.ts, readLibraryVersion and
 * readEntriesWithVersion: the pages' numbers and random stamps, drawn anew on every write of a page), instead of
 * every entry's text: the same pages as last written give the same fingerprint, any entry written gives another
 * (its page's stamp changes; an emptied page leaves the list). Taken without the entries, so the worker can key the
 * remembered proposals before reading them. Marked apart (`v-`), so it never equals a fingerprint of entries.
 */
export async function libraryVersionFingerprint(version: string, today: string): Promise<string> {
  return `v-${await sha256Hex(`${INDEX_SNAPSHOT_FORMAT}|${today}\u0000${version}`)}`;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
