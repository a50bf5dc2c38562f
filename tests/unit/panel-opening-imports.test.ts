// The panel's opening does not load the matcher's index and scoring: with the matching worker they run there, and
// evaluating them on the panel's thread was about 45 ms of its first script run at 20,000 entries. This walks the
// static imports (not `import type`, not `import()`) from what the panel loads at once and fails when one of them
// reaches a matcher module again (wxt.config.ts puts those in a chunk of their own, loaded on demand).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** What the panel evaluates while opening: its page, the services and the Questions view. */
const OPENING = ['entrypoints/sidepanel/main.tsx', 'entrypoints/sidepanel/services.ts', 'components/questions/QuestionsTab.tsx'];

const MATCHER = /^lib\/match\/(match-index|match-question|facets|terms|english-words|index-snapshot|evaluate|index)\.ts$/;

function staticImports(source: string): string[] {
  const out: string[] = [];
  // `import x from '...'`, `import { a } from '...'`, `import '...'`, `export { a } from '...'`; type-only ones erased.
  const re = /^\s*(import|export)\s+(type\s+)?([^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
  for (const m of source.matchAll(re)) {
    if (m[2]) continue;
    if (m[1] === 'export' && !m[3]) continue;
    out.push(m[4]!);
  }
  return out;
}

function resolveLocal(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) {
    if (existsSync(candidate) && !candidate.endsWith('/') && /\.tsx?$/.test(candidate)) return candidate;
  }
  return undefined;
}

/** Every local module reached by static imports from `starts`, with the chain that reached it. */
function reachable(starts: string[]): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const queue: [string, string[]][] = starts.map((s) => [resolve(ROOT, s), [s]]);
  while (queue.length) {
    const [file, chain] = queue.shift()!;
    if (seen.has(file)) continue;
    seen.set(file, chain);
    for (const spec of staticImports(readFileSync(file, 'utf8'))) {
      const next = resolveLocal(file, spec);
      if (next && !seen.has(next)) queue.push([next, [...chain, relative(ROOT, next)]]);
    }
  }
  return seen;
}

describe('the side panel opening', () => {
  it('reaches no matcher module through static imports', () => {
    const reached = reachable(OPENING);
    // The walk does follow imports: the Questions view's own modules are reached.
    expect([...reached.keys()].map((f) => relative(ROOT, f))).toContain('components/questions/useQuestionSession.ts');
    const matcher = [...reached].filter(([file]) => MATCHER.test(relative(ROOT, file))).map(([, chain]) => chain.join(' -> '));
    expect(matcher).toEqual([]);
  });

  it('the walk finds the matcher where it is imported (the main-thread proposer)', () => {
    const reached = [...reachable(['lib/panel/propose.ts']).keys()].map((f) => relative(ROOT, f));
    expect(reached.filter((f) => MATCHER.test(f))).toEqual(expect.arrayContaining(['lib/match/index.ts', 'lib/match/match-index.ts']));
  });
});

/** The matcher's modules the matching worker's first module must not evaluate (lib/panel/match-engine.ts has them). */
const WORKER_LATER = /^lib\/(match\/(match-index|match-question|facets|terms|english-words|index-snapshot|evaluate|index|vocabulary|normalize)|panel\/(propose|match-engine))\.ts$/;

describe('the matching worker', () => {
  it('its boot module reaches neither Dexie, zod nor the core through static imports (they load while it reads)', () => {
    const reached = [...reachable(['entrypoints/sidepanel/match.worker.ts']).keys()];
    const files = reached.map((file) => relative(ROOT, file));
    expect(files).toContain('lib/db/boot-read.ts');
    const bare = reached.flatMap((file) => staticImports(readFileSync(file, 'utf8')).filter((spec) => !spec.startsWith('.')));
    expect(bare).toEqual([]);
    expect(files.filter((f) => /match-worker-(core|main)|library-reader|index-cache|database\.ts/.test(f))).toEqual([]);
  });

  it('its core module reaches no matcher module through static imports (they come with match-engine.ts)', () => {
    const reached = [...reachable(['entrypoints/sidepanel/match-worker-main.ts'])];
    const files = reached.map(([file]) => relative(ROOT, file));
    // It does reach what answers a reopened page: the pages' read, the fingerprint, the cache.
    expect(files).toEqual(expect.arrayContaining(['lib/db/library-reader.ts', 'lib/match/library-fingerprint.ts', 'lib/db/index-cache.ts']));
    expect(reached.filter(([file]) => WORKER_LATER.test(relative(ROOT, file))).map(([, chain]) => chain.join(' -> '))).toEqual([]);
  });

  it('its second module does reach the matcher', () => {
    const reached = [...reachable(['lib/panel/match-engine.ts']).keys()].map((f) => relative(ROOT, f));
    expect(reached).toEqual(expect.arrayContaining(['lib/match/match-index.ts', 'lib/match/vocabulary.ts', 'lib/panel/propose.ts', 'lib/match/index-snapshot.ts']));
  });
});
