// Who may talk to whom. The content script obeys extension pages and the service worker only (never a page,
// never another frame's content script); the panel accepts content-script news only from the tab it works on.

/** The subset of runtime.MessageSender these checks read. */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
  frameId?: number;
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * A message from one of our extension pages (the side panel, also when opened as a tab) or our service worker:
 * our id AND a URL on our own origin (`runtime.getURL('')`). A content script of ours has our id but a page URL.
 */
export function isFromExtensionPage(sender: SenderLike, runtimeId: string, extensionOrigin: string): boolean {
  if (sender.id !== runtimeId) return false;
  const from = sender.origin ?? originOf(sender.url);
  return from !== undefined && from === originOf(extensionOrigin);
}

/** A message from our own content script running in tab `tabId`. */
export function isFromContentScriptIn(sender: SenderLike, runtimeId: string, tabId: number): boolean {
  return sender.id === runtimeId && sender.tab?.id === tabId && typeof sender.frameId === 'number';
}
