// Tab targeting: how the panel names a tab, which tab it works on while a fill runs, and when keys may act.
import { describe, expect, it } from 'vitest';
import { describeTab, KEYS_SETTLE_MS, keysPausedReason, nextWorkingTab, type TargetTab } from '../../lib/panel/target-tab';

const portal: TargetTab = { id: 1, access: 'page', label: 'Survey — acme.service-now.com' };
const opened: TargetTab = { id: 2, access: 'page', label: 'Victim — acme.service-now.com' };

describe('describeTab', () => {
  it('names a readable page by title and host', () => {
    expect(describeTab({ id: 1, url: 'https://acme.service-now.com:8443/sp?id=x', title: 'Survey' })).toEqual({ id: 1, access: 'page', label: 'Survey — acme.service-now.com:8443' });
    expect(describeTab({ id: 1, url: 'https://x.example/', title: '  ' })).toMatchObject({ label: 'Untitled page — x.example' });
  });

  it('knows a tab whose URL the browser hides has no access yet, and a browser page for what it is', () => {
    expect(describeTab({ id: 3 })).toEqual({ id: 3, access: 'no-access', label: 'A site the extension may not read yet' });
    expect(describeTab({ id: 4, url: 'chrome://version/', title: 'About Version' })).toEqual({ id: 4, access: 'browser-page', label: 'About Version — chrome://version/' });
  });
});

describe('nextWorkingTab', () => {
  it('follows the analyst when no fill runs', () => {
    expect(nextWorkingTab(portal, opened, false)).toBe(opened);
    expect(nextWorkingTab(portal, undefined, false)).toBeUndefined();
  });

  it('stays with the tab a running fill started on, but takes its new title', () => {
    expect(nextWorkingTab(portal, opened, true)).toBe(portal);
    const renamed = { ...portal, label: 'Survey (2) — acme.service-now.com' };
    expect(nextWorkingTab(portal, renamed, true)).toBe(renamed);
    expect(nextWorkingTab(undefined, opened, true)).toBe(opened);
  });
});

describe('keysPausedReason', () => {
  it('pauses keys until the tab the panel works on has been shown', () => {
    expect(keysPausedReason(undefined, opened, 5000)).toMatch(/switching to “Victim — acme.service-now.com”: keys act once its questions are shown/);
    expect(keysPausedReason({ tabId: portal.id, at: 0 }, opened, 5000)).toMatch(/switching to “Victim/);
    expect(keysPausedReason(undefined, undefined, 5000)).toBe('There is no tab to work on.');
  });

  it('then for a moment, so the analyst sees which tab the next key acts on', () => {
    expect(keysPausedReason({ tabId: opened.id, at: 5000 }, opened, 5000 + KEYS_SETTLE_MS - 1)).toMatch(/just switched to “Victim/);
    expect(keysPausedReason({ tabId: opened.id, at: 5000 }, opened, 5000 + KEYS_SETTLE_MS)).toBeUndefined();
    // The tab the panel was opened on counts as shown long ago (QuestionsTab records it at 0).
    expect(keysPausedReason({ tabId: portal.id, at: 0 }, portal, Date.now())).toBeUndefined();
  });
});
