// Static guarantees read from the source: the content script's import graph never reaches the library, the
// database or the matcher; no code builds DOM from strings or evaluates strings; the page is never submitted.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const SOURCE_DIRS = ['entrypoints', 'components', 'lib', 'hooks', 'utils'];

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const sources = SOURCE_DIRS.flatMap((d) => walk(join(root, d)));

/** Source without comments, so a comment that names a sink does not count as using it. */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

function resolveImport(from: string, spec: string): string | undefined {
  const base = spec.startsWith('@/') || spec.startsWith('~/') ? join(root, spec.slice(2)) : spec.startsWith('.') ? resolve(dirname(from), spec) : undefined;
  if (!base) return undefined;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Module specifiers a file loads at run time: static and dynamic imports and re-exports, not `import type`. */
function runtimeImports(text: string): string[] {
  const specs: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[\w*\s{},$]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
    if (!m[1]) specs.push(m[2]!);
  }
  for (const m of text.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]!);
  return specs;
}

/** Every project file and every package the content script bundles, following static and dynamic imports. */
function contentScriptGraph(): { files: Set<string>; packages: Set<string> } {
  const entry = ['entrypoints/content.ts', 'entrypoints/content/index.ts', 'entrypoints/content.tsx'].map((f) => join(root, f)).find(existsSync);
  if (!entry) throw new Error('no content script entrypoint found');
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const spec of runtimeImports(code(file))) {
      const target = resolveImport(file, spec);
      if (target) queue.push(target);
      else if (!spec.startsWith('.')) packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  }
  return { files, packages };
}

describe('the content script (runs inside the portal page)', () => {
  it('never imports the database, the library, the matcher or their packages', () => {
    const { files, packages } = contentScriptGraph();
    const forbiddenFiles = [...files].map((f) => relative(root, f)).filter((f) => /^lib\/(db|library|match|panel)\//.test(f) || f.startsWith('components/'));
    expect(forbiddenFiles).toEqual([]);
    expect([...packages].filter((p) => ['dexie', 'fuse.js', 'papaparse', 'read-excel-file', 'write-excel-file', 'react', 'react-dom'].includes(p))).toEqual([]);
  });

  it('never posts to or listens for window messages, and never submits or saves the portal form', () => {
    const { files } = contentScriptGraph();
    const problems: string[] = [];
    for (const file of files) {
      const text = code(file);
      const name = relative(root, file);
      // A MessageChannel port is private to the isolated world; any other postMessage target is readable by the page.
      if (/\bpostMessage\s*\(/.test(text.replace(/\bport[12]?\s*\.\s*postMessage\s*\(/g, ''))) problems.push(`${name} calls postMessage`);
      if (/addEventListener\s*\([^)]*['"`]message['"`]|\b(window|self|globalThis|top|parent)\s*\.\s*onmessage\s*=/.test(text)) problems.push(`${name} listens for window messages`);
      if (/\.(submit|requestSubmit)\s*\(/.test(text)) problems.push(`${name} submits a form`);
      if (/\b(localStorage|sessionStorage|indexedDB)\b/.test(text)) problems.push(`${name} uses the page origin's storage`);
      if (/\bfetch\s*\(|XMLHttpRequest|WebSocket|sendBeacon/.test(text)) problems.push(`${name} makes network requests`);
    }
    expect(problems.join('\n')).toBe('');
  });
});

describe('all extension code', () => {
  it('never builds DOM from strings or evaluates strings', () => {
    expect(sources.length).toBeGreaterThan(0);
    const sinks: Array<[RegExp, string]> = [
      [/dangerouslySetInnerHTML/, 'dangerouslySetInnerHTML'],
      [/\.(innerHTML|outerHTML)\s*\+?=/, 'innerHTML/outerHTML assignment'],
      [/\binsertAdjacentHTML\b|\bcreateContextualFragment\b|\bdocument\.write(ln)?\s*\(/, 'HTML string insertion'],
      [/\beval\s*\(|\bnew\s+Function\s*\(/, 'string evaluation'],
      [/\bDOMParser\b[\s\S]{0,200}text\/html/, 'HTML parsing'],
    ];
    const problems: string[] = [];
    for (const file of sources) {
      const text = code(file);
      for (const [pattern, what] of sinks) if (pattern.test(text)) problems.push(`${relative(root, file)}: ${what}`);
    }
    expect(problems.join('\n')).toBe('');
  });

  it('listens to no other extension or web page (no external message or connect handlers)', () => {
    const listeners = sources.filter((f) => /\bon(Message|Connect)External\b/.test(code(f))).map((f) => relative(root, f));
    expect(listeners).toEqual([]);
  });

  it('opens the database only from extension pages, never from the content script', () => {
    const { files } = contentScriptGraph();
    const dbUsers = sources.filter((f) => /getDatabase\s*\(|new\s+AutofillDatabase\s*\(/.test(code(f)));
    expect(dbUsers.filter((f) => files.has(f)).map((f) => relative(root, f))).toEqual([]);
  });
});
