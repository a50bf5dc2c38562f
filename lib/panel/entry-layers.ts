// The entries the Questions view can name, by id, read through layers instead of copied into one map: the entries
// the matching worker sent with its proposals (the proposer's map, which only grows for one library version) and
// those picked by hand. Every proposal batch copied the shipped entries twice (a new map for the state, then a
// merged map) and, the map being new, re-rendered every drawn card; the view is made once per library version or
// pick. Reading goes through the layers from the last, so a later layer wins.
import type { LibraryEntry } from '../schema';

export class EntryLayers implements ReadonlyMap<string, LibraryEntry> {
  readonly #layers: readonly ReadonlyMap<string, LibraryEntry>[];

  constructor(layers: readonly ReadonlyMap<string, LibraryEntry>[]) {
    this.#layers = layers;
  }

  get(id: string): LibraryEntry | undefined {
    for (let i = this.#layers.length - 1; i >= 0; i--) {
      const entry = this.#layers[i]!.get(id);
      if (entry !== undefined) return entry;
    }
    return undefined;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** Iteration (rare: lookups are by id) reads a merged copy made at the time. */
  #merged(): Map<string, LibraryEntry> {
    const merged = new Map<string, LibraryEntry>();
    for (const layer of this.#layers) for (const [id, entry] of layer) merged.set(id, entry);
    return merged;
  }

  get size(): number {
    return this.#merged().size;
  }

  forEach(run: (entry: LibraryEntry, id: string, map: ReadonlyMap<string, LibraryEntry>) => void, thisArg?: unknown): void {
    this.#merged().forEach((entry, id) => run.call(thisArg, entry, id, this));
  }

  entries() {
    return this.#merged().entries();
  }

  keys() {
    return this.#merged().keys();
  }

  values() {
    return this.#merged().values();
  }

  [Symbol.iterator]() {
    return this.#merged()[Symbol.iterator]();
  }
}

/**
 * The shipped layers once the proposer hands over `next`, its map for the library version now sent: the map before
 * it is kept under it. A new version (a wording learned or forgotten, an entry edited) starts an empty map that fills
 * only as the worker's proposals for it arrive, while the rows still hold the proposals of the version before: without
 * that map, those proposals named entries the panel no longer had, and accepting one said "no library entry matches"
 * under a card showing its answer. An entry kept from the version before is never filled blindly: a fill first
 * checks the entry as stored now (`stillCurrent`), and one edited or removed since is refused with why.
 */
export function withShipped(
  layers: readonly ReadonlyMap<string, LibraryEntry>[],
  next: ReadonlyMap<string, LibraryEntry>,
): readonly ReadonlyMap<string, LibraryEntry>[] {
  const current = layers[layers.length - 1];
  if (current === next) return layers;
  return current ? [current, next] : [next];
}
