import { describe, expect, it } from 'vitest';
import { commandForKey, SHORTCUTS, step } from '../../lib/panel/keyboard';
import { isPageChange, tabFromSearch } from '../../lib/panel/target-tab';

describe('keyboard map', () => {
  it('maps keys to commands and lists every command once', () => {
    expect(commandForKey({ key: 'j' })).toBe('next');
    expect(commandForKey({ key: 'J' })).toBe('next');
    expect(commandForKey({ key: 'ArrowUp' })).toBe('previous');
    expect(commandForKey({ key: 'a' })).toBe('accept');
    expect(commandForKey({ key: 'u' })).toBe('undo');
    expect(commandForKey({ key: 'Home' })).toBe('first');
    expect(commandForKey({ key: 'End' })).toBe('last');
    expect(new Set(SHORTCUTS.map((s) => s.command)).size).toBe(SHORTCUTS.length);
  });

  it('ignores keys typed into fields and browser shortcuts', () => {
    expect(commandForKey({ key: 'a', inEditable: true })).toBeUndefined();
    expect(commandForKey({ key: 's', ctrlKey: true })).toBeUndefined();
    expect(commandForKey({ key: 'x' })).toBeUndefined();
  });

  it('steps through the list and stops at both ends', () => {
    expect(step(-1, 1, 3)).toBe(0);
    expect(step(-1, -1, 3)).toBe(2);
    expect(step(2, 1, 3)).toBe(2);
    expect(step(0, -1, 3)).toBe(0);
    expect(step(0, 1, 0)).toBe(-1);
  });
});

describe('target tab', () => {
  it('reads ?tab=<id> and rejects anything that is not a tab id', () => {
    expect(tabFromSearch('?tab=42')).toBe(42);
    expect(tabFromSearch('?tab=4x')).toBeUndefined();
    expect(tabFromSearch('')).toBeUndefined();
  });

  it('re-scans when a page finishes loading or its URL changes', () => {
    expect(isPageChange({ status: 'complete' })).toBe(true);
    expect(isPageChange({ url: 'https://b' })).toBe(true);
    expect(isPageChange({ status: 'loading' })).toBe(false);
  });
});
