import { describe, expect, it } from 'vitest';
import { EntryLayers, withShipped } from '../../lib/panel/entry-layers';
import type { LibraryEntry } from '../../lib/schema';

const entry = (id: string, answer: string) => ({ id, question: `Question ${id}?`, answer }) as unknown as LibraryEntry;

describe('EntryLayers', () => {
  it('reads an id through the layers, the last layer winning', () => {
    const shipped = new Map([['a', entry('a', 'shipped a')], ['b', entry('b', 'shipped b')]]);
    const picked = new Map([['b', entry('b', 'picked b')], ['c', entry('c', 'picked c')]]);
    const view = new EntryLayers([shipped, picked]);
    expect(view.get('a')?.answer).toBe('shipped a');
    expect(view.get('b')?.answer).toBe('picked b');
    expect(view.get('c')?.answer).toBe('picked c');
    expect(view.get('d')).toBeUndefined();
    expect(view.has('a')).toBe(true);
    expect(view.has('d')).toBe(false);
  });

  it('iterates every id once, with the winning entry', () => {
    const view = new EntryLayers([new Map([['a', entry('a', '1')], ['b', entry('b', '2')]]), new Map([['b', entry('b', '3')]])]);
    expect(view.size).toBe(2);
    expect([...view].map(([id, e]) => `${id}=${e.answer}`)).toEqual(['a=1', 'b=3']);
    expect([...view.keys()]).toEqual(['a', 'b']);
    expect([...view.values()].map((e) => e.answer)).toEqual(['1', '3']);
    const seen: string[] = [];
    view.forEach((e, id, map) => {
      expect(map).toBe(view);
      seen.push(`${id}=${e.answer}`);
    });
    expect(seen).toEqual(['a=1', 'b=3']);
  });

  it('sees entries added to a layer after it was made (the proposer adds to its map as batches come)', () => {
    const shipped = new Map<string, LibraryEntry>();
    const view = new EntryLayers([shipped, new Map()]);
    expect(view.get('a')).toBeUndefined();
    shipped.set('a', entry('a', 'later'));
    expect(view.get('a')?.answer).toBe('later');
  });

  it('keeps the map of the library version before under a new one, so proposals still shown keep their entries', () => {
    // Version 1's map, grown by its batches; then a wording is forgotten: version 2 starts an empty map.
    const v1 = new Map([['mfa', entry('mfa', 'MFA everywhere')], ['enc', entry('enc', 'AES-256')]]);
    let layers = withShipped([new Map()], v1);
    expect(withShipped(layers, v1)).toBe(layers);
    const v2 = new Map<string, LibraryEntry>();
    layers = withShipped(layers, v2);
    const view = new EntryLayers([...layers, new Map()]);
    expect(view.get('mfa')?.answer).toBe('MFA everywhere');
    // Version 2's proposals bring their entries: those win over version 1's.
    v2.set('enc', entry('enc', 'AES-256, customer keys'));
    expect(view.get('enc')?.answer).toBe('AES-256, customer keys');
    // One version back only: a third version drops the first.
    layers = withShipped(layers, new Map());
    expect(new EntryLayers(layers).get('mfa')).toBeUndefined();
    expect(new EntryLayers(layers).get('enc')?.answer).toBe('AES-256, customer keys');
  });
});
