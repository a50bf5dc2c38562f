// A built match index as flat arrays (a term dictionary, typed arrays of ids, counts and weights), so it can be
// stored in IndexedDB and read back much faster than the library can be indexed again. The entries themselves are
// not stored: the index is rebuilt around the library snapshot it is loaded for, and refused (undefined) when the
// snapshot's ids do not line up or any array is out of shape. Learned aliases are never part of a snapshot: they
// are added after loading, as buildIndex adds them after indexing the entries.
import { entryStatus, isStale, type LibraryEntry } from '../schema/library';
import type { IndexedEntry, IndexedUnit, MatchIndex, Posting, UnitKind } from './match-index';

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
 * no longer crowds it (confidence.ts), so the remembered proposals change again.
 */
export const INDEX_SNAPSHOT_FORMAT = 6;

const KINDS: readonly UnitKind[] = ['question', 'alternate', 'alias', 'tag'];

/** Term -> number pairs (a term's frequency, an entry count). */
interface TermCounts {
  terms: Int32Array;
  counts: Int32Array;
}

/** Per owner (a unit, an entry), its term ids and counts, laid end to end; `offsets` has one more item than owners. */
interface Lists {
  offsets: Int32Array;
  terms: Int32Array;
  counts: Int32Array;
}

interface PostingTable {
  terms: Int32Array;
  offsets: Int32Array;
  ids: Int32Array;
  tf: Int32Array;
  impact: Float64Array;
}

interface Groups {
  keys: string[];
  offsets: Int32Array;
  ids: Int32Array;
}

export interface IndexSnapshot {
  format: number;
  today: string;
  /** Ids of the indexed (not retired) entries, in index order. */
  entryIds: string[];
  dictionary: string[];
  answerLength: Int32Array;
  answerTerms: Lists;
  /** Terms of the tags alone (counts unused). */
  tagTerms: Lists;
  unitEntry: Int32Array;
  unitKind: Uint8Array;
  unitLength: Int32Array;
  unitText: string[];
  unitTerms: Lists;
  unitPostings: PostingTable;
  answerPostings: PostingTable;
  documentFrequency: TermCounts;
  exact: Groups;
  signature: Groups;
  unitLengthSum: number;
  answerLengthSum: number;
  version: number;
}

/** The snapshot of a built index. Call it before learned aliases are added, or they become part of it. */
export function snapshotIndex(index: MatchIndex): IndexSnapshot {
  const dictionary: string[] = [];
  const termIds = new Map<string, number>();
  const termId = (term: string) => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = dictionary.length;
      dictionary.push(term);
      termIds.set(term, id);
    }
    return id;
  };
  const lists = (owners: readonly Iterable<[string, number]>[]): Lists => {
    const offsets = new Int32Array(owners.length + 1);
    const terms: number[] = [];
    const counts: number[] = [];
    owners.forEach((owner, i) => {
      for (const [term, n] of owner) {
        terms.push(termId(term));
        counts.push(n);
      }
      offsets[i + 1] = terms.length;
    });
    return { offsets, terms: Int32Array.from(terms), counts: Int32Array.from(counts) };
  };
  const postings = (map: Map<string, Posting>): PostingTable => {
    const terms = new Int32Array(map.size);
    const offsets = new Int32Array(map.size + 1);
    let total = 0;
    for (const p of map.values()) total += p.ids.length;
    const ids = new Int32Array(total);
    const tf = new Int32Array(total);
    const impact = new Float64Array(total);
    let i = 0;
    let at = 0;
    for (const [term, p] of map) {
      terms[i] = termId(term);
      ids.set(p.ids, at);
      tf.set(p.tf, at);
      impact.set(p.impact, at);
      at += p.ids.length;
      offsets[++i] = at;
    }
    return { terms, offsets, ids, tf, impact };
  };
  const groups = (map: Map<string, number[]>): Groups => {
    const keys: string[] = [];
    const offsets = new Int32Array(map.size + 1);
    const ids: number[] = [];
    for (const [key, list] of map) {
      keys.push(key);
      ids.push(...list);
      offsets[keys.length] = ids.length;
    }
    return { keys, offsets, ids: Int32Array.from(ids) };
  };
  const documentFrequency = { terms: new Int32Array(index.documentFrequency.size), counts: new Int32Array(index.documentFrequency.size) };
  let d = 0;
  for (const [term, n] of index.documentFrequency) {
    documentFrequency.terms[d] = termId(term);
    documentFrequency.counts[d++] = n;
  }
  return {
    format: INDEX_SNAPSHOT_FORMAT,
    today: index.today,
    entryIds: index.entries.map((e) => e.entry.id),
    dictionary,
    answerLength: Int32Array.from(index.entries, (e) => e.answerLength),
    answerTerms: lists(index.entries.map((e) => e.answerTerms)),
    tagTerms: lists(index.entries.map((e) => [...e.tagTerms].map((t): [string, number] => [t, 1]))),
    unitEntry: Int32Array.from(index.units, (u) => u.entry),
    unitKind: Uint8Array.from(index.units, (u) => KINDS.indexOf(u.kind)),
    unitLength: Int32Array.from(index.units, (u) => u.length),
    unitText: index.units.map((u) => u.text),
    unitTerms: lists(index.units.map((u) => u.terms)),
    unitPostings: postings(index.unitPostings),
    answerPostings: postings(index.answerPostings),
    documentFrequency,
    exact: groups(index.exact),
    signature: groups(index.signature),
    unitLengthSum: index.unitLengthSum,
    answerLengthSum: index.answerLengthSum,
    version: index.version,
  };
}

class SnapshotShapeError extends Error {}

function check(condition: boolean, what: string): asserts condition {
  if (!condition) throw new SnapshotShapeError(what);
}

const isInt32 = (v: unknown): v is Int32Array => v instanceof Int32Array;
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** Offsets that start at 0, never go back and end at `length`. */
function checkOffsets(offsets: unknown, owners: number, length: number, what: string): asserts offsets is Int32Array {
  check(isInt32(offsets) && offsets.length === owners + 1 && offsets[0] === 0 && offsets[owners] === length, `${what}: offsets`);
  for (let i = 0; i < owners; i++) check(offsets[i]! <= offsets[i + 1]!, `${what}: offsets`);
}

function checkIds(ids: unknown, below: number, what: string): asserts ids is Int32Array {
  check(isInt32(ids), what);
  for (let i = 0; i < ids.length; i++) check(ids[i]! >= 0 && ids[i]! < below, what);
}

function readLists(lists: Lists | undefined, owners: number, terms: number, what: string): Lists {
  check(typeof lists === 'object' && lists !== null, what);
  check(isInt32(lists.counts) && isInt32(lists.terms) && lists.counts.length === lists.terms.length, what);
  checkOffsets(lists.offsets, owners, lists.terms.length, what);
  checkIds(lists.terms, terms, what);
  return lists;
}

function readPostings(table: PostingTable | undefined, owners: number, terms: number, dictionary: string[], what: string): Map<string, Posting> {
  check(typeof table === 'object' && table !== null && isInt32(table.tf) && table.impact instanceof Float64Array, what);
  checkIds(table.terms, terms, what);
  checkIds(table.ids, owners, what);
  check(table.tf.length === table.ids.length && table.impact.length === table.ids.length, what);
  checkOffsets(table.offsets, table.terms.length, table.ids.length, what);
  const map = new Map<string, Posting>();
  for (let i = 0; i < table.terms.length; i++) {
    const from = table.offsets[i]!;
    const to = table.offsets[i + 1]!;
    map.set(dictionary[table.terms[i]!]!, {
      ids: Array.from(table.ids.subarray(from, to)),
      tf: Array.from(table.tf.subarray(from, to)),
      impact: Array.from(table.impact.subarray(from, to)),
    });
  }
  return map;
}

function readGroups(groups: Groups | undefined, units: number, what: string): Map<string, number[]> {
  check(typeof groups === 'object' && groups !== null && isStrings(groups.keys), what);
  checkIds(groups.ids, units, what);
  checkOffsets(groups.offsets, groups.keys.length, groups.ids.length, what);
  const map = new Map<string, number[]>();
  groups.keys.forEach((key, i) => map.set(key, Array.from(groups.ids.subarray(groups.offsets[i]!, groups.offsets[i + 1]!))));
  return map;
}

function termMap(dictionary: string[], lists: Lists, owner: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = lists.offsets[owner]!; i < lists.offsets[owner + 1]!; i++) m.set(dictionary[lists.terms[i]!]!, lists.counts[i]!);
  return m;
}

// Term maps are decoded when the matcher first reads them: it reads those of the few candidates of a question.
class RestoredEntry implements IndexedEntry {
  readonly draft: boolean;
  readonly stale: boolean;
  readonly units: number[] = [];
  #answerTerms: Map<string, number> | undefined;
  #tagTerms: Set<string> | undefined;

  constructor(
    readonly entry: LibraryEntry,
    today: string,
    readonly answerLength: number,
    private readonly dictionary: string[],
    private readonly answerLists: Lists,
    private readonly tagLists: Lists,
    private readonly at: number,
  ) {
    this.draft = entryStatus(entry) === 'draft';
    this.stale = isStale(entry, today);
  }

  get answerTerms(): Map<string, number> {
    return (this.#answerTerms ??= termMap(this.dictionary, this.answerLists, this.at));
  }

  get tagTerms(): Set<string> {
    return (this.#tagTerms ??= new Set(termMap(this.dictionary, this.tagLists, this.at).keys()));
  }
}

class RestoredUnit implements IndexedUnit {
  #terms: Map<string, number> | undefined;

  constructor(
    readonly entry: number,
    readonly kind: UnitKind,
    readonly text: string,
    readonly length: number,
    private readonly dictionary: string[],
    private readonly lists: Lists,
    private readonly at: number,
  ) {}

  get terms(): Map<string, number> {
    return (this.#terms ??= termMap(this.dictionary, this.lists, this.at));
  }
}

/**
 * The index a snapshot holds, around this library's entries; undefined when the snapshot does not fit them (another
 * library, another day, another format) or is damaged in any way. The caller then builds the index anew.
 */
export function restoreIndex(snapshot: unknown, entries: readonly LibraryEntry[], today: string): MatchIndex | undefined {
  try {
    return restore(snapshot as IndexSnapshot, entries, today);
  } catch {
    return undefined;
  }
}

function restore(s: IndexSnapshot, entries: readonly LibraryEntry[], today: string): MatchIndex | undefined {
  if (typeof s !== 'object' || s === null || s.format !== INDEX_SNAPSHOT_FORMAT || s.today !== today) return undefined;
  check(isStrings(s.entryIds) && isStrings(s.dictionary) && isStrings(s.unitText), 'strings');
  // The entries indexed, as buildIndex picks them: not retired, first of an id.
  const indexed: LibraryEntry[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (entryStatus(entry) === 'retired' || seen.has(entry.id)) continue;
    seen.add(entry.id);
    indexed.push(entry);
  }
  if (indexed.length !== s.entryIds.length || indexed.some((e, i) => e.id !== s.entryIds[i])) return undefined;
  const n = indexed.length;
  const terms = s.dictionary.length;
  const unitCount = s.unitText.length;
  check(isInt32(s.answerLength) && s.answerLength.length === n, 'answer lengths');
  check(isInt32(s.unitLength) && s.unitLength.length === unitCount, 'unit lengths');
  check(s.unitKind instanceof Uint8Array && s.unitKind.length === unitCount, 'unit kinds');
  checkIds(s.unitEntry, n, 'unit entries');
  check(s.unitEntry.length === unitCount, 'unit entries');
  for (let u = 1; u < unitCount; u++) check(s.unitEntry[u]! >= s.unitEntry[u - 1]!, 'unit order');
  for (const k of s.unitKind) check(k < KINDS.length, 'unit kinds');
  const answerTerms = readLists(s.answerTerms, n, terms, 'answer terms');
  const tagTerms = readLists(s.tagTerms, n, terms, 'tag terms');
  const unitTerms = readLists(s.unitTerms, unitCount, terms, 'unit terms');
  check(typeof s.documentFrequency === 'object' && s.documentFrequency !== null, 'document frequency');
  checkIds(s.documentFrequency.terms, terms, 'document frequency');
  check(isInt32(s.documentFrequency.counts) && s.documentFrequency.counts.length === s.documentFrequency.terms.length, 'document frequency');
  check([s.unitLengthSum, s.answerLengthSum, s.version].every((v) => typeof v === 'number' && Number.isFinite(v)), 'sums');

  const indexedEntries: IndexedEntry[] = indexed.map((entry, i) => new RestoredEntry(entry, today, s.answerLength[i]!, s.dictionary, answerTerms, tagTerms, i));
  const units: IndexedUnit[] = s.unitText.map((text, u) => {
    const entry = s.unitEntry[u]!;
    indexedEntries[entry]!.units.push(u);
    return new RestoredUnit(entry, KINDS[s.unitKind[u]!]!, text, s.unitLength[u]!, s.dictionary, unitTerms, u);
  });
  const documentFrequency = new Map<string, number>();
  s.documentFrequency.terms.forEach((t, i) => documentFrequency.set(s.dictionary[t]!, s.documentFrequency.counts[i]!));
  return {
    entries: indexedEntries,
    units,
    entryById: new Map(indexed.map((e, i) => [e.id, i])),
    unitPostings: readPostings(s.unitPostings, unitCount, terms, s.dictionary, 'unit postings'),
    answerPostings: readPostings(s.answerPostings, n, terms, s.dictionary, 'answer postings'),
    unitEntry: Array.from(s.unitEntry),
    documentFrequency,
    unitLengthSum: s.unitLengthSum,
    answerLengthSum: s.answerLengthSum,
    exact: readGroups(s.exact, unitCount, 'exact wordings'),
    signature: readGroups(s.signature, unitCount, 'signatures'),
    knownWords: undefined,
    typoBuckets: undefined,
    typoCache: new Map(),
    today,
    version: s.version,
  };
}

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
 * The fingerprint of a library read with its stored version (lib/db/entry-pages.ts, readEntriesWithVersion: the
 * pages' numbers and random stamps, drawn anew on every write of a page), instead of every entry's text: the same
 * pages as last written give the same fingerprint, any entry written gives another. Marked apart (`v`), so it never
 * equals a fingerprint of entries.
 */
export async function libraryVersionFingerprint(version: string, count: number, today: string): Promise<string> {
  return `${count}-v-${await sha256Hex(`${INDEX_SNAPSHOT_FORMAT}|${today}|${count}\u0000${version}`)}`;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
