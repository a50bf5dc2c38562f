// Builds the production Firefox add-on into a temporary folder and checks what the add-on store and Firefox need:
// the panel as the sidebar, opened by the toolbar button; the data-collection declaration; a minimum version; and the
// same host rule as Chrome (portal domains only, other sites through activeTab).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PORTAL_HOST_PATTERNS } from '../../wxt.config';

const root = resolve(import.meta.dirname, '../..');
let outDir: string;
let manifest: Record<string, any>;
let background: string;

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'qa-manifest-firefox-'));
  execFileSync(process.execPath, [join(root, 'node_modules/wxt/bin/wxt.mjs'), 'build', '-b', 'firefox'], {
    cwd: root,
    env: { ...process.env, QA_OUT_DIR: outDir },
    stdio: 'pipe',
  });
  const extDir = join(outDir, 'firefox-mv2');
  manifest = JSON.parse(readFileSync(join(extDir, 'manifest.json'), 'utf8')) as Record<string, any>;
  background = readFileSync(join(extDir, 'background.js'), 'utf8');
}, 180_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('the production Firefox manifest', () => {
  it('declares that the add-on collects no data, as the add-on store requires', () => {
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('sets a minimum Firefox version that reads that declaration, on desktop and Android', () => {
    expect(Number.parseFloat(manifest.browser_specific_settings.gecko.strict_min_version)).toBeGreaterThanOrEqual(140);
    expect(Number.parseFloat(manifest.browser_specific_settings.gecko_android.strict_min_version)).toBeGreaterThanOrEqual(142);
  });

  it('shows the panel as the sidebar and opens it from the toolbar button', () => {
    expect(manifest.sidebar_action.default_panel).toBe('sidepanel.html');
    expect(manifest.browser_action).toBeDefined();
    expect(background).toMatch(/onClicked\.addListener/);
    expect(background).toMatch(/sidebarAction\.open\(\)/);
  });

  it('asks for no Chrome-only permission and reaches only the portal hosts', () => {
    const permissions = manifest.permissions as string[];
    expect(permissions).not.toContain('sidePanel');
    expect(permissions.filter((p) => p.includes('://')).sort()).toEqual([...PORTAL_HOST_PATTERNS].sort());
    expect(permissions).not.toContain('<all_urls>');
  });
});
