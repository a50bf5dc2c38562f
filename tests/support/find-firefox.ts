// Finds Firefox for the Firefox e2e suite: FIREFOX_PATH, then the OS package (Debian's firefox-esr, firefox).
// With none, one line says how to get it.
import { existsSync } from 'node:fs';

const KNOWN_PATHS: Record<string, readonly string[]> = {
  linux: ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/snap/bin/firefox'],
  darwin: ['/Applications/Firefox.app/Contents/MacOS/firefox'],
  win32: ['C:\\Program Files\\Mozilla Firefox\\firefox.exe'],
};

export function findFirefox(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): string {
  if (env.FIREFOX_PATH) {
    if (exists(env.FIREFOX_PATH)) return env.FIREFOX_PATH;
    throw new Error(`FIREFOX_PATH is set to ${env.FIREFOX_PATH}, which does not exist: point it at a Firefox binary, or unset it.`);
  }
  const found = (KNOWN_PATHS[process.platform] ?? []).find((p) => exists(p));
  if (found) return found;
  throw new Error('No Firefox found; to get one: sudo apt-get install -y firefox-esr (Debian), your OS package, or set FIREFOX_PATH.');
}
