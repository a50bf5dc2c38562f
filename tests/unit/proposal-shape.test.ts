import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ProposalSchema } from '../../lib/schema';
import { isExactProposalList } from '../../lib/panel/proposal-shape';
import { Remembered } from '../../lib/panel/match-worker-core';

const ListSchema = z.array(ProposalSchema);

const full = () => ({
  entryId: 'e1',
  confidence: 0.82,
  band: 'high',
  choice: 'Yes',
  why: {
    source: 'fuzzy',
    matchedTerms: ['data', 'retention'],
    matchedText: 'how long is data kept',
    runnerUp: { entryId: 'e2', score: 0.4 },
    notes: ['near neighbour'],
    learned: { origin: 'example.com', reviewed: true, capped: false },
  },
  stale: false,
  draft: false,
});
const bare = () => ({ entryId: 'e3', confidence: 0, band: 'none', why: { source: 'exact', matchedTerms: [], matchedText: '' }, stale: true, draft: true });

/** Every place in a value (as a path) and a few ways to break or bend each. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (Array.isArray(value)) value.forEach((item, i) => out.push(...paths(item, [...at, i])));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
}
const replacements: unknown[] = [undefined, null, 0, -0, 1, 1.5, -0.1, NaN, Infinity, '', 'high', 'x', true, [], {}, [1], ['a'], new Date(0), Object.create(null)];

function mutants(list: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const path of paths(list)) {
    if (path.length === 0) continue;
    for (const replacement of replacements) {
      const copy = structuredClone(list) as unknown[];
      let parent: any = copy;
      for (const step of path.slice(0, -1)) parent = parent[step];
      parent[path[path.length - 1]!] = replacement;
      out.push(copy);
    }
    const without = structuredClone(list) as unknown[];
    let parent: any = without;
    for (const step of path.slice(0, -1)) parent = parent[step];
    if (Array.isArray(parent)) delete parent[path[path.length - 1] as number];
    else delete parent[path[path.length - 1]!];
    out.push(without);
    const extra = structuredClone(list) as any[];
    let target: any = extra;
    for (const step of path) target = target[step];
    if (typeof target === 'object' && target !== null) {
      if (Array.isArray(target)) (target as any).extra = 1;
      else target.extra = 1;
      out.push(extra);
      const proto = structuredClone(list) as any[];
      let t: any = proto;
      for (const step of path) t = t[step];
      if (!Array.isArray(t)) Object.defineProperty(t, '__proto__', { value: { band: 'high' }, enumerable: true, configurable: true, writable: true });
      out.push(proto);
    }
  }
  return out;
}

describe('isExactProposalList', () => {
  it('takes lists in the stored shape, as zod gives them back', () => {
    for (const list of [[full()], [bare()], [full(), bare()], []]) {
      expect(isExactProposalList(list)).toBe(true);
      expect(ListSchema.parse(list)).toEqual(list);
    }
    const cloned = structuredClone([full(), bare()]);
    expect(isExactProposalList(cloned)).toBe(true);
  });

  it('passes nothing that zod would refuse or give back changed (every field broken, bent or added to)', () => {
    const all = [...mutants([full(), bare()]), ...mutants([bare()]), 'x', null, {}, [null], new Array(2)];
    let passed = 0;
    let refused = 0;
    for (const value of all) {
      if (!isExactProposalList(value)) {
        refused++;
        continue;
      }
      passed++;
      const parsed = ListSchema.safeParse(value);
      expect(parsed.success, JSON.stringify(value)).toBe(true);
      expect(parsed.data).toStrictEqual(value);
      expect(Object.keys(parsed.data!)).toEqual(Object.keys(value as object));
    }
    // Some bent values are still exact (another string, a number within 0-1): both outcomes were tried.
    expect(passed).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(100);
  });
});

describe('Remembered', () => {
  it('takes a list in the stored shape as it is, and leaves anything else to zod', () => {
    const exact = [full()];
    const withExtra = [{ ...bare(), extra: 'dropped by zod' }];
    const broken = [{ ...bare(), confidence: 2 }];
    const remembered = new Remembered({ a: exact, b: withExtra, c: broken });
    // Without the shape check the list was zod's copy.
    expect(remembered.get('a')).toBe(exact);
    expect(remembered.get('b')).toEqual([bare()]);
    expect(remembered.get('b')).not.toBe(withExtra);
    expect(remembered.get('c')).toBeUndefined();
    expect(remembered.get('d')).toBeUndefined();
  });
});
