// Builds the production extension into a temporary folder and checks what would ship: the manifest asks only
// for permissions the code uses and the README justifies, reaches portal hosts only, and carries no remote code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/** The portal domains the extension works on by itself; every other site only after a toolbar click (activeTab). */
const PORTAL_HOSTS = ['*://*.onetrust.com/*', '*://*.service-now.com/*', '*://*.servicenowservices.com/*', '*://*.processunity.net/*'];

/**
 * Every permission the extension may ask for, with the evidence that the built code needs it. A permission
 * outside this table fails the test (it needs a reason here and in the README); a permission whose evidence is
 * missing from the build fails too (it is no longer needed, so it must go).
 */
const PERMISSION_EVIDENCE: Record<string, { files: 'extension' | 'any'; pattern: RegExp }> = {
  sidePanel: { files: 'extension', pattern: /\bsidePanel\b/ },
  scripting: { files: 'extension', pattern: /\bscripting\b[\s\S]{0,40}\bexecuteScript\b|\bexecuteScript\b/ },
  // activeTab has no API of its own: it is what lets executeScript reach a non-portal tab after a toolbar click.
  activeTab: { files: 'extension', pattern: /\bexecuteScript\b/ },
  storage: { files: 'extension', pattern: /\bstorage\s*\.\s*(local|session|sync|onChanged)\b|["'`](local|session|sync):/ },
  // unlimitedStorage lifts the IndexedDB quota the answer library and the fill history live in.
  unlimitedStorage: { files: 'extension', pattern: /\bindexedDB\b/ },
};

/** Sinks that would run code not shipped in the package, or build DOM from strings. */
const REMOTE_CODE_PATTERNS: RegExp[] = [
  /\beval\s*\(/,
  /\bnew\s+Function\s*\(/,
  /\bimportScripts\s*\(/,
  /\bimport\s*\(\s*["'`]https?:/,
  /<script[^>]+src\s*=\s*["']?(https?:)?\/\//i,
];

/**
 * The content script runs in the portal's page: it must not carry storage, network or HTML-string sinks.
 * (postMessage is not checked here: WXT's runtime keeps a call behind the `noScriptStartedPostMessage` option;
 * the source check and the hostile-page e2e prove no message reaches the page.)
 */
const CONTENT_SCRIPT_FORBIDDEN: Array<[RegExp, string]> = [
  [/\bindexedDB\b|\bDexie\b/, 'opens IndexedDB (the database must only be opened by extension pages)'],
  [/\blocalStorage\b|\bsessionStorage\b/, 'uses the page origin’s web storage'],
  [/\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b|\bsendBeacon\b|\bEventSource\b/, 'makes network requests'],
  [/addEventListener\s*\(\s*["'`]message["'`]/, 'listens for window messages'],
  [/\.(innerHTML|outerHTML)\s*=|\binsertAdjacentHTML\b|\bdocument\.write\b|\bcreateContextualFragment\b/, 'builds DOM from HTML strings'],
];

let outDir: string;
let manifest: Record<string, unknown>;
let files: Map<string, string>;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** The rows of the README "Permissions" table: first cell's backticked names -> the reason in the last cell. */
function readmePermissionReasons(): Map<string, string> {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = /^## Permissions\s*$([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme)?.[1];
  if (!section) throw new Error('README.md has no "## Permissions" section');
  const reasons = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 4 || /^-+$/.test(cells[1] ?? '')) continue;
    const reason = cells[cells.length - 2] ?? '';
    for (const [, name] of (cells[1] ?? '').matchAll(/`([^`]+)`/g)) reasons.set(name!, reason);
  }
  return reasons;
}

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'qa-manifest-'));
  execFileSync(process.execPath, [join(root, 'node_modules/wxt/bin/wxt.mjs'), 'build'], {
    cwd: root,
    env: { ...process.env, QA_OUT_DIR: outDir },
    stdio: 'pipe',
  });
  const extDir = join(outDir, 'chrome-mv3');
  manifest = JSON.parse(readFileSync(join(extDir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  files = new Map(
    walk(extDir)
      .filter((f) => /\.(js|html|mjs)$/.test(f))
      .map((f) => [relative(extDir, f), readFileSync(f, 'utf8')]),
  );
}, 120_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const contentScriptFiles = () => [...files.keys()].filter((f) => f.startsWith('content-scripts/'));
const extensionFiles = () => [...files.keys()].filter((f) => !f.startsWith('content-scripts/'));

describe('the production manifest', () => {
  it('asks only for permissions the built code uses, each one known and justified', () => {
    const problems: string[] = [];
    for (const permission of (manifest.permissions as string[] | undefined) ?? []) {
      const evidence = PERMISSION_EVIDENCE[permission];
      if (!evidence) {
        problems.push(`"${permission}" is not in the minimal set; justify it in tests/unit/manifest.test.ts and README.md`);
        continue;
      }
      const scope = evidence.files === 'extension' ? extensionFiles() : [...files.keys()];
      if (!scope.some((f) => evidence.pattern.test(files.get(f)!))) {
        problems.push(`"${permission}" is declared but no built code needs it (${evidence.pattern})`);
      }
    }
    expect(problems.join('\n')).toBe('');
    expect(manifest.optional_permissions ?? []).toEqual([]);
  });

  it('lists every permission and host permission in the README table with a reason, and nothing else', () => {
    const reasons = readmePermissionReasons();
    const declared = [...((manifest.permissions as string[] | undefined) ?? []), ...((manifest.host_permissions as string[] | undefined) ?? [])];
    const problems: string[] = [];
    for (const name of declared) {
      const reason = reasons.get(name);
      if (reason === undefined) problems.push(`README "Permissions" table has no row for ${name}`);
      else if (reason.length < 30) problems.push(`README reason for ${name} is too short to explain anything: "${reason}"`);
    }
    for (const name of reasons.keys()) {
      if (!declared.includes(name)) problems.push(`README lists ${name}, which the manifest does not declare`);
    }
    expect(problems.join('\n')).toBe('');
  });

  it('reaches portal hosts only: no all-sites pattern, no test hosts, content scripts inside the host permissions', () => {
    const hosts = (manifest.host_permissions as string[] | undefined) ?? [];
    expect([...hosts].sort()).toEqual([...PORTAL_HOSTS].sort());
    expect(manifest.optional_host_permissions ?? []).toEqual([]);
    const scripts = (manifest.content_scripts as Array<{ matches: string[]; exclude_matches?: string[] }> | undefined) ?? [];
    for (const script of scripts) {
      for (const match of script.matches) expect(PORTAL_HOSTS, `content script matches ${match}`).toContain(match);
    }
  });

  it('lets no web page or other extension talk to it and exposes no panel, library or script to pages', () => {
    expect(manifest.externally_connectable, 'externally_connectable would let pages/extensions message the service worker').toBeUndefined();
    const resources = (manifest.web_accessible_resources as Array<{ resources: string[] }> | undefined) ?? [];
    const exposed = resources.flatMap((r) => r.resources);
    for (const resource of exposed) {
      expect(resource, `web_accessible_resources exposes ${resource}`).not.toMatch(/\*|\.html$|\.js$|\.json$|\.csv$|\.xlsx$|^chunks\//);
    }
  });

  it('keeps the default-or-stricter CSP: no unsafe-eval, no inline or remote script sources, no network', () => {
    const csp = manifest.content_security_policy as { extension_pages?: string; sandbox?: string } | undefined;
    // Extension pages may connect to, load images from and frame nothing outside the extension.
    const pages = csp?.extension_pages ?? '';
    expect(/connect-src\s+([^;]*)/.exec(pages)?.[1]?.trim(), 'connect-src must limit fetch/XHR/WebSocket to the extension').toMatch(/^('self'|'none')$/);
    expect(/img-src\s+([^;]*)/.exec(pages)?.[1]?.split(/\s+/).every((s) => ["'self'", 'data:', 'blob:', "'none'"].includes(s))).toBe(true);
    expect(/frame-src\s+([^;]*)/.exec(pages)?.[1]?.trim()).toMatch(/^('self'|'none')$/);
    for (const policy of [csp?.extension_pages, csp?.sandbox].filter((p): p is string => p !== undefined)) {
      expect(policy).not.toMatch(/unsafe-eval|unsafe-inline/);
      const scriptSrc = /script-src([^;]*)/.exec(policy)?.[1] ?? '';
      expect(scriptSrc, `script-src allows remote or data sources: ${scriptSrc}`).not.toMatch(/https?:|\/\/|data:|blob:|\*/);
      const connectSrc = /connect-src([^;]*)/.exec(policy)?.[1];
      if (connectSrc !== undefined) expect(connectSrc).not.toMatch(/https?:|wss?:|\*/);
    }
  });
});

describe('the production bundles', () => {
  it('contain no remote code: no eval, no Function constructor, no remote imports or scripts', () => {
    expect(files.size).toBeGreaterThan(0);
    for (const [file, text] of files) {
      for (const pattern of REMOTE_CODE_PATTERNS) expect(pattern.test(text), `${file} matches ${pattern}`).toBe(false);
    }
  });

  it('ship no test hook: the e2e build exposes the tab client on the service worker, production does not', () => {
    const background = [...files.keys()].filter((f) => f.startsWith('background'));
    expect(background.length).toBeGreaterThan(0);
    for (const f of background) expect(files.get(f), f).not.toMatch(/qaTabClient/);
  });

  it('keep the content script free of database, web storage, network, message-listener and HTML-string sinks', () => {
    expect(contentScriptFiles().length).toBeGreaterThan(0);
    for (const file of contentScriptFiles()) {
      for (const [pattern, what] of CONTENT_SCRIPT_FORBIDDEN) {
        expect(pattern.test(files.get(file)!), `${file} ${what} (${pattern})`).toBe(false);
      }
    }
  });
});
