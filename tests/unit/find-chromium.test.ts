import { describe, expect, it } from 'vitest';
import { BrowserNotFoundError, findChromium, installHint } from '../support/find-chromium';

describe('findChromium', () => {
  it('uses CHROMIUM_PATH when it exists', () => {
    expect(findChromium({ CHROMIUM_PATH: '/opt/my/chrome' }, (p) => p === '/opt/my/chrome')).toBe('/opt/my/chrome');
  });

  it('says so when CHROMIUM_PATH points nowhere, instead of falling back silently', () => {
    expect(() => findChromium({ CHROMIUM_PATH: '/nope/chrome' }, () => false)).toThrow(/CHROMIUM_PATH is set to \/nope\/chrome, which does not exist/);
  });

  it.runIf(process.platform === 'linux')("finds the OS package's binary when nothing is configured", () => {
    expect(findChromium({}, (p) => p === '/usr/bin/chromium-browser')).toBe('/usr/bin/chromium-browser');
  });

  it('with no browser anywhere, throws one line that says how to get one', () => {
    let error: unknown;
    try {
      findChromium({}, () => false);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toMatch(/^No Chromium or Chrome found; to get one: .+\.$/);
  });

  it('names the package manager of the OS', () => {
    expect(installHint('linux', { ID: 'debian' })).toContain('apt-get install -y chromium');
    expect(installHint('linux', { ID: 'pop', ID_LIKE: 'ubuntu debian' })).toContain('apt-get install');
    expect(installHint('linux', { ID: 'fedora' })).toContain('dnf install -y chromium');
    expect(installHint('darwin', {})).toContain('brew install --cask chromium');
    expect(installHint('linux', {})).toContain('CHROMIUM_PATH');
  });
});
