import { defineConfig } from 'wxt';

// Portal hosts where the content script runs by itself; any other page only on demand (activeTab + scripting).
export const PORTAL_HOST_PATTERNS = [
  '*://*.onetrust.com/*',
  '*://*.service-now.com/*',
  '*://*.servicenowservices.com/*',
  '*://*.processunity.net/*',
];

export const E2E_BUYER_HOST_PATTERN = '*://*.buyer.example/*';

/**
 * The matcher's index and scoring in a chunk of their own. Left to the bundler they join the chunk the
 * panel's views share (with the database code), and the panel evaluated them at every opening (about 45 ms of its
 * first script run at 20,000 entries) though the matching worker does the matching; now only the Library view, the
 * main-thread design (`?matcher=main`) and the worker load them. The small modules the Questions view uses (bands,
 * choices, normalising a wording, the concept groups and fuse.js of the by-hand search) stay where the bundler puts them.
 */
const MATCHER_MODULES = /\/lib\/match\/(match-index|match-question|facets|terms|english-words|index-snapshot|evaluate)\.ts$/;

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  outDir: process.env.QA_OUT_DIR ?? '.output',
  // QA_NO_MINIFY=1 keeps function names and module regions in the bundle, to read CPU profiles of the panel bench
  // (`PANEL_PROFILE=dir npm run bench -- panel`).
  // Workers as ES modules (all three are started with `type: 'module'`): an ES worker can split off a chunk it
  // imports later (the matching worker's matcher, lib/panel/match-engine.ts); the default IIFE inlines it.
  vite: () => ({ worker: { format: 'es' as const }, ...(process.env.QA_NO_MINIFY ? { build: { minify: false } } : {}) }),
  hooks: {
    // Only the build of the extension pages splits code (background and content scripts are single files).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.name === 'sidepanel')) return;
      const output = config.build?.rollupOptions?.output;
      if (!output || Array.isArray(output)) return;
      // Its dependencies (schema, wording normalisation) stay in the shared chunks: pulled into this group, they
      // would make every view import it.
      (output as { codeSplitting?: unknown }).codeSplitting = { groups: [{ name: 'matcher', test: MATCHER_MODULES, includeDependenciesRecursively: false }] };
    },
  },
  manifest: ({ browser, mode }) => ({
    name: 'Questionnaire Autofill',
    description: 'Fill vendor security questionnaires in GRC portals from your local, cited answer library.',
    // Each permission has a reason in the README "Permissions" table; tests/unit/manifest.test.ts keeps them in step.
    // Firefox has no sidePanel API: the panel is its sidebar_action, which needs no permission.
    permissions: browser === 'firefox' ? ['activeTab', 'scripting', 'unlimitedStorage'] : ['sidePanel', 'activeTab', 'scripting', 'unlimitedStorage'],
    // The MV3 default plus: extension pages may fetch, load images and frame only the extension's own files, so
    // even a bug could not send library text anywhere (the README's "no network" promise, enforced by Chrome).
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; connect-src 'self'; img-src 'self' data: blob:; frame-src 'none'",
    },
    // The e2e build (`wxt build --mode e2e`, .output/chrome-mv3-e2e) also holds the test buyer host, standing in
    // for the activeTab grant a toolbar click gives in real use, which automation cannot click.
    host_permissions: mode === 'e2e' ? [...PORTAL_HOST_PATTERNS, E2E_BUYER_HOST_PATTERN] : PORTAL_HOST_PATTERNS,
    action: { default_title: 'Open Questionnaire Autofill' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'questionnaire-autofill@example.org',
              // 140 is the first Firefox that reads data_collection_permissions (and the ESR the suite runs on
              // is newer); older ones would ignore the declaration the add-on store requires.
              strict_min_version: '140.0',
              // The add-on store requires a declaration; the extension collects and transmits nothing.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
