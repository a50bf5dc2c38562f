// Finding a tab's frames, injecting the content script where it is missing and sending each frame a message, with
// the replies left unchecked: free of zod and the schemas, so the side panel's first module can ask for a scan before
// the panel's modules load (entrypoints/sidepanel/early-scan.ts). tab-client.ts checks every reply.
import { browser } from 'wxt/browser';
import type { FrameTrust, PanelToContent } from '../schema';
import { isPortalHost } from '../detect/portal-hosts';
import { judgeFrames } from './frame-trust';

/** The content script bundle WXT builds from entrypoints/content.ts. */
export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';

/** Set in the content script's isolated world when it starts; only our own scripts can see it. */
export const LOADED_FLAG = '__questionnaireAutofillContent';

interface FrameProbe {
  frameId: number;
  /** The frame's origin, read in our isolated world (a page script cannot change what we read). */
  origin: string;
  loaded: boolean;
  portal: boolean;
  /** The document finished loading, so the manifest's content script would already run there if it could. */
  complete: boolean;
}

/** Frames of the tab we may script (host access or activeTab), with whether our content script already runs there. */
export async function probeFrames(tabId: number): Promise<FrameProbe[]> {
  const results = await browser.scripting.executeScript({
    target: { tabId, allFrames: true },
    func: (flag: string) => ({
      loaded: (globalThis as Record<string, unknown>)[flag] === true,
      host: location.hostname,
      origin: self.origin,
      complete: document.readyState === 'complete',
    }),
    args: [LOADED_FLAG],
  });
  return results
    .filter((r) => r.result !== undefined && r.result !== null)
    .map((r) => {
      const res = r.result as { loaded: boolean; host: string; origin: string; complete: boolean };
      return { frameId: r.frameId, origin: res.origin, loaded: res.loaded, portal: isPortalHost(res.host), complete: res.complete };
    })
    .sort((a, b) => a.frameId - b.frameId);
}

/**
 * Make sure every scriptable frame of the tab runs the content script, injecting it once where it is missing
 * (a buyer's own questionnaire site: activeTab + scripting). Portal hosts get it from the manifest, except in
 * tabs that were open before the extension was updated or reloaded: Chrome does not re-run manifest scripts
 * there, so a fully loaded portal frame without the script gets it injected too. Returns the frame ids that now
 * run it.
 */
export async function ensureContentScript(tabId: number, allowedOrigins: readonly string[] = []): Promise<number[]> {
  return (await prepareFrames(tabId, allowedOrigins)).frames.map((f) => f.frameId);
}

export interface PreparedFrames {
  /** Trusted frames now running the content script, with their origins. */
  frames: Array<{ frameId: number; origin: string }>;
  /** What each message tells the frames (frame-role.ts); undefined when the top frame could not be read. */
  trust: FrameTrust | undefined;
  refusedOrigins: string[];
}

/** Only trusted frames (frame-trust.ts) get the content script and our messages; refused origins are listed. */
export async function prepareFrames(tabId: number, allowedOrigins: readonly string[]): Promise<PreparedFrames> {
  const frames = await probeFrames(tabId);
  const verdicts = judgeFrames(frames, allowedOrigins);
  const trusted = frames.filter((f) => verdicts.trusted.includes(f.frameId));
  const missing = trusted.filter((f) => !f.loaded && (!f.portal || f.complete)).map((f) => f.frameId);
  if (missing.length > 0) {
    await browser.scripting.executeScript({ target: { tabId, frameIds: missing }, files: [CONTENT_SCRIPT_FILE] });
  }
  return {
    frames: trusted.filter((f) => f.loaded || missing.includes(f.frameId)).map(({ frameId, origin }) => ({ frameId, origin })),
    trust: verdicts.topOrigin === undefined ? undefined : { topOrigin: verdicts.topOrigin, allowedOrigins: [...allowedOrigins] },
    refusedOrigins: verdicts.refusedOrigins,
  };
}

/** A frame's reply, unchecked; undefined when it had no receiver (the frame navigated away or its script was invalidated). */
export async function sendRawToFrame(tabId: number, frameId: number, message: PanelToContent): Promise<{ raw: unknown } | undefined> {
  try {
    return { raw: await browser.tabs.sendMessage(tabId, message, { frameId }) };
  } catch {
    return undefined;
  }
}

/** Every trusted frame's unchecked reply, in frame order, and the origins refused. */
export interface RawFrameReplies {
  replies: Array<{ frameId: number; origin: string; raw: unknown }>;
  refusedOrigins: string[];
}

/** Sends `message` to every trusted frame of the tab (with the tab's frame trust), one after the other, replies unchecked. */
export async function askAllFramesRaw(tabId: number, message: PanelToContent, allowedOrigins: readonly string[] = []): Promise<RawFrameReplies> {
  const { frames, trust, refusedOrigins } = await prepareFrames(tabId, allowedOrigins);
  const replies: RawFrameReplies['replies'] = [];
  for (const { frameId, origin } of frames) {
    const sent = await sendRawToFrame(tabId, frameId, trust ? { ...message, frames: trust } : message);
    if (sent) replies.push({ frameId, origin, raw: sent.raw });
  }
  return { replies, refusedOrigins };
}
