// @vitest-environment happy-dom
// SaveWatch observes only: a page's synthetic clicks on Save do not count (only a person's trusted click does, which
// the e2e suite exercises), a new "saved" indicator counts once, and each document keeps its id until it is replaced.
import { describe, expect, it } from 'vitest';
import { SaveWatch } from '../../lib/detect/save-watch';

describe('SaveWatch', () => {
  it('ignores synthetic clicks on a Save button', () => {
    document.body.innerHTML = '<button type="button">Save</button>';
    let notified = 0;
    const watch = new SaveWatch(new AbortController().signal, () => notified++);
    watch.observe([document]);
    document.querySelector('button')!.click();
    expect([watch.saves, notified]).toEqual([0, 0]);
  });

  it('counts a save when more "saved" indicators show than before, not when they stay or go', () => {
    const watch = new SaveWatch(new AbortController().signal, () => undefined);
    watch.noteIndicators(0);
    watch.noteIndicators(1);
    watch.noteIndicators(1);
    watch.noteIndicators(0);
    watch.noteIndicators(2);
    expect(watch.saves).toBe(2);
  });

  it('gives a document the same id on every scan, and a new document a new one', () => {
    const watch = new SaveWatch(new AbortController().signal, () => undefined);
    const first = watch.observe([document]);
    expect(watch.observe([document])).toBe(first);
    const other = document.implementation.createHTMLDocument('reloaded');
    expect(watch.observe([other])).not.toBe(first);
  });
});
