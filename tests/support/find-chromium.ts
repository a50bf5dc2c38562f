// Finds a Chromium-family browser for the e2e suite, the benchmarks and the demo, the usual ways in order:
// CHROMIUM_PATH, a Playwright-installed Chromium, the OS package's binary, then Chrome. With none, one line says
// how to get one on this OS (Playwright cannot download browsers on every machine, so we never try).
import { existsSync, readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Where OS packages and installers put Chromium-family browsers, most specific first. */
const KNOWN_PATHS: Record<string, readonly string[]> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/opt/google/chrome/chrome',
  ],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  ],
};

export class BrowserNotFoundError extends Error {
  override name = 'BrowserNotFoundError';
}

/** The one line that tells a newcomer how to get a browser on this machine's OS. */
export function installHint(platform: NodeJS.Platform = process.platform, osRelease = readOsRelease()): string {
  if (platform === 'darwin') return 'brew install --cask chromium (or install Google Chrome), or set CHROMIUM_PATH';
  if (platform === 'win32') return 'install Google Chrome, or set CHROMIUM_PATH to a chrome.exe';
  const id = `${osRelease.ID ?? ''} ${osRelease.ID_LIKE ?? ''}`;
  if (/\b(debian|ubuntu)\b/.test(id)) return 'sudo apt-get install -y chromium (Debian) / chromium-browser (Ubuntu), or set CHROMIUM_PATH';
  if (/\b(fedora|rhel|centos)\b/.test(id)) return 'sudo dnf install -y chromium, or set CHROMIUM_PATH';
  if (/\barch\b/.test(id)) return 'sudo pacman -S chromium, or set CHROMIUM_PATH';
  if (/\balpine\b/.test(id)) return 'apk add chromium, or set CHROMIUM_PATH';
  return "install your distribution's chromium package, or npx playwright install chromium, or set CHROMIUM_PATH";
}

function readOsRelease(): Record<string, string> {
  try {
    const text = readFileSync('/etc/os-release', 'utf8');
    return Object.fromEntries(
      text
        .split('\n')
        .map((line) => /^([A-Z_]+)=(.*)$/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1]!, m[2]!.replace(/^"|"$/g, '')]),
    );
  } catch {
    return {};
  }
}

/** Playwright's own Chromium, when `npx playwright install chromium` has put one on this machine. */
function playwrightChromium(exists: (path: string) => boolean): string | undefined {
  try {
    const path = chromium.executablePath();
    return path && exists(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** The browser to launch, or a BrowserNotFoundError whose message is the one-line fix. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): string {
  const configured = env.CHROMIUM_PATH;
  if (configured) {
    if (exists(configured)) return configured;
    throw new BrowserNotFoundError(`CHROMIUM_PATH is set to ${configured}, which does not exist: point it at a Chromium or Chrome binary, or unset it.`);
  }
  const found = playwrightChromium(exists) ?? (KNOWN_PATHS[process.platform] ?? []).find((p) => exists(p));
  if (found) return found;
  throw new BrowserNotFoundError(`No Chromium or Chrome found; to get one: ${installHint()}.`);
}
