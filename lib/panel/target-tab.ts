// Which browser tab the panel works on, and which events from the browser mean "scan it again".
// Messages from content scripts are parsed with zod and accepted only from the target tab.
import { ContentToExtensionSchema, type ContentToExtension } from '../schema';

/** The `?tab=<id>` of the panel URL (used when the panel page is opened as a tab, as the e2e tests do). */
export function tabFromSearch(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  return Number(raw);
}

export interface SenderLike {
  id?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** The parsed message when it is a valid content message from our own extension in the target tab. */
export function acceptContentMessage(
  message: unknown,
  sender: SenderLike,
  targetTabId: number | undefined,
  extensionId: string,
): ContentToExtension | undefined {
  if (targetTabId === undefined || sender.id !== extensionId || sender.tab?.id !== targetTabId) return undefined;
  const parsed = ContentToExtensionSchema.safeParse(message);
  return parsed.success ? parsed.data : undefined;
}

/** A tabs.onUpdated change that means the page is new or finished loading, so the panel scans it again. */
export function isPageChange(change: { status?: string; url?: string }): boolean {
  return change.status === 'complete' || change.url !== undefined;
}
