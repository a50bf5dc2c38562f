// Which browser tab the panel works on, and which tab events mean "scan it again". (Content messages are
// validated and sender-checked by lib/messaging/tab-client.ts onQuestionsChanged.)

/** The `?tab=<id>` of the panel URL (used when the panel page is opened as a tab, as the e2e tests do). */
export function tabFromSearch(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  return Number(raw);
}

/** A tabs.onUpdated change that means the page is new or finished loading, so the panel scans it again. */
export function isPageChange(change: { status?: string; url?: string }): boolean {
  return change.status === 'complete' || change.url !== undefined;
}
