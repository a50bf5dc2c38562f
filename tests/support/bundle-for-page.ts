// Bundles a snippet of the project's pure-DOM code (imports relative to the repository root) into one script for
// a plain page, as the content script runs it: the detection tests and the detection bench inject the result.
import { build } from 'esbuild';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export async function bundleForPage(contents: string, what: string): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'error',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced no bundle ${what}`);
  return file.text;
}
