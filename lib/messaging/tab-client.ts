// The extension side of the protocol (side panel, or the service worker): find the frames of a tab, inject the
// content script on demand, send each frame its message and validate every reply. See frame-role.ts for the flow.
import { browser } from 'wxt/browser';
import { z } from 'zod';
import {
  ContentToExtensionSchema,
  type AttachReply,
  type ContentReply,
  type FillRequest,
  type FillResult,
  type FrameTrust,
  type PageScan,
  type PanelToContent,
} from '../schema';
import { PageScanSchema } from '../schema/detect';
import { isFromContentScriptIn } from './sender-checks';
import { prepareFrames, sendRawToFrame, type RawFrameReplies } from './frame-send';
import { parseContentReply } from './parse-reply';

export { CONTENT_SCRIPT_FILE, LOADED_FLAG, ensureContentScript, probeFrames } from './frame-send';

async function sendToFrame(tabId: number, frameId: number, message: PanelToContent): Promise<ContentReply | undefined> {
  const sent = await sendRawToFrame(tabId, frameId, message);
  return sent && checkReply(tabId, frameId, message.type, sent.raw);
}

/** A frame's raw reply, checked. A large scan is checked a slice of questions per task, so the panel stays responsive while it is read. */
async function checkReply(tabId: number, frameId: number, type: PanelToContent['type'], raw: unknown): Promise<ContentReply> {
  const parsed = await parseContentReply(raw);
  if (!parsed.success) throw new Error(`frame ${frameId} of tab ${tabId} sent an invalid reply to "${type}": ${parsed.message}`);
  return parsed.data;
}

interface FrameReplies {
  replies: Array<{ frameId: number; origin: string; reply: ContentReply }>;
  refusedOrigins: string[];
}

/** Send `message` to every trusted frame of the tab (with the tab's frame trust), in frame order. */
async function sendToAllFrames(tabId: number, message: PanelToContent, allowedOrigins: readonly string[] = []): Promise<FrameReplies> {
  const { frames, trust, refusedOrigins } = await prepareFrames(tabId, allowedOrigins);
  const replies: FrameReplies['replies'] = [];
  for (const { frameId, origin } of frames) {
    const reply = await sendToFrame(tabId, frameId, trust ? { ...message, frames: trust } : message);
    if (reply) replies.push({ frameId, origin, reply });
  }
  return { replies, refusedOrigins };
}

/**
 * Tag each question with the frame that reported it, and a sub-frame's own questions with that frame's origin (shown
 * on the card) and URL (the history's record of where a fill went).
 */
export function withFrameId(scan: PageScan, frameId: number, origin?: string): PageScan {
  const inFrame = (q: PageScan['questions'][number]) => ({
    ...(frameId !== 0 && origin !== undefined && q.frameOrigin === undefined ? { frameOrigin: origin } : {}),
    ...(frameId !== 0 && q.frameUrl === undefined ? { frameUrl: scan.url } : {}),
  });
  return { ...scan, questions: scan.questions.map((q) => ({ ...q, frameId, ...inFrame(q) })) };
}

/** One PageScan for the tab: the top frame's page facts, every answering frame's questions in frame order. */
export function mergeFrameScans(scans: Array<{ frameId: number; origin?: string; scan: PageScan }>): PageScan {
  const ordered = [...scans].sort((a, b) => a.frameId - b.frameId);
  const top = ordered[0]?.scan;
  const merged: PageScan = {
    url: top?.url ?? '',
    title: top?.title ?? '',
    portal: ordered.find((s) => s.scan.portal !== 'generic')?.scan.portal ?? 'generic',
    questions: ordered.flatMap((s) => withFrameId(s.scan, s.frameId, s.origin).questions),
    warnings: ordered.flatMap((s) => s.scan.warnings),
  };
  const withKind = ordered.find((s) => s.scan.pageKind);
  if (withKind?.scan.pageKind) merged.pageKind = withKind.scan.pageKind;
  const withSections = ordered.find((s) => s.scan.sections);
  if (withSections?.scan.sections) merged.sections = withSections.scan.sections;
  const lives = ordered.flatMap((s) => (s.scan.session ? [s.scan.session] : []));
  if (lives.length > 0) merged.session = { pageId: lives.map((l) => l.pageId).join('|'), saves: lives.reduce((n, l) => n + l.saves, 0) };
  return merged;
}

/**
 * Scan every trusted frame; `allowedOrigins` are frame origins the analyst allowed for this tab. `openLists` only
 * for a scan the analyst asked for (see the scan message).
 */
export async function scanTab(tabId: number, allowedOrigins: readonly string[] = [], options: { openLists?: boolean } = {}): Promise<PageScan> {
  const { replies, refusedOrigins } = await sendToAllFrames(tabId, options.openLists ? { type: 'scan', openLists: true } : { type: 'scan' }, allowedOrigins);
  return mergeScanReplies(tabId, replies, refusedOrigins);
}

/**
 * The tab's scan from replies already asked for (`askAllFramesRaw` with a plain scan message, no frame origin
 * allowed): the panel's first module asks before the panel's modules have loaded (entrypoints/sidepanel/early-scan.ts).
 * The replies are checked here as `scanTab` checks its own.
 */
export async function scanTabFromReplies(tabId: number, asked: RawFrameReplies): Promise<PageScan> {
  const replies: FrameReplies['replies'] = [];
  for (const { frameId, origin, raw } of asked.replies) replies.push({ frameId, origin, reply: await checkReply(tabId, frameId, 'scan', raw) });
  return mergeScanReplies(tabId, replies, asked.refusedOrigins);
}

function mergeScanReplies(tabId: number, replies: FrameReplies['replies'], refusedOrigins: string[]): PageScan {
  const scans = replies.flatMap(({ frameId, origin, reply }) => (reply.type === 'scan-result' ? [{ frameId, origin, scan: reply.scan }] : []));
  if (scans.length === 0) throw new Error(`no frame of tab ${tabId} could be scanned (no host access, or every frame was refused)`);
  const merged = mergeFrameScans(scans);
  if (refusedOrigins.length > 0) merged.refusedFrameOrigins = refusedOrigins;
  return merged;
}

/** Fill: every frame fills its own ids; an id no frame owns comes back `not-found`. Results keep request order. */
export async function fillTab(tabId: number, requests: FillRequest[], allowedOrigins: readonly string[] = []): Promise<FillResult[]> {
  const { replies } = await sendToAllFrames(tabId, { type: 'fill', requests }, allowedOrigins);
  // Results match requests by request id and field; a field filled twice in one batch queues in fill order.
  const slot = (r: { fieldId: string; requestId?: string }) => `${r.requestId ?? ''}\n${r.fieldId}`;
  const bySlot = new Map<string, FillResult[]>();
  for (const { reply } of replies) {
    if (reply.type !== 'fill-result') continue;
    for (const r of reply.results) bySlot.set(slot(r), [...(bySlot.get(slot(r)) ?? []), r]);
  }
  return requests.map(
    (r) =>
      bySlot.get(slot(r))?.shift() ??
      // A content script from before request ids (an older build still running in the tab) does not echo them.
      bySlot.get(slot({ fieldId: r.fieldId }))?.shift() ?? {
        fieldId: r.fieldId,
        status: 'not-found',
        previous: null,
        actual: null,
        message: 'no frame of the tab knows this field (the page was reloaded?)',
        ...(r.requestId ? { requestId: r.requestId } : {}),
      },
  );
}

export async function highlightInTab(tabId: number, fieldIds: string[], mode: 'detected' | 'focus' | 'filled' | 'clear', allowedOrigins: readonly string[] = []): Promise<void> {
  await sendToAllFrames(tabId, { type: 'highlight', fieldIds, mode }, allowedOrigins);
}

/** Scroll the field into view in whichever frame owns it; false when no frame does. */
export async function scrollToField(tabId: number, fieldId: string, allowedOrigins: readonly string[] = []): Promise<boolean> {
  const { replies } = await sendToAllFrames(tabId, { type: 'scroll-to', fieldId }, allowedOrigins);
  return replies.some(({ reply }) => reply.type === 'ok' && reply.ok);
}

export async function openSectionInTab(tabId: number, index: number, allowedOrigins: readonly string[] = []): Promise<boolean> {
  const { replies } = await sendToAllFrames(tabId, { type: 'open-section', index }, allowedOrigins);
  return replies.some(({ reply }) => reply.type === 'ok' && reply.ok);
}

/**
 * Attach (or undo an attachment) in the one frame the question lives in: the file's bytes go to that frame only,
 * and only if it is still one of the tab's trusted frames (the fills' frame checks).
 */
export async function attachInFrame(
  tabId: number,
  frameId: number,
  message: Extract<PanelToContent, { type: 'attach' | 'detach' }>,
  allowedOrigins: readonly string[] = [],
): Promise<AttachReply> {
  const { frames, trust } = await prepareFrames(tabId, allowedOrigins);
  if (!frames.some((f) => f.frameId === frameId)) {
    return { type: 'attach-result', status: 'refused', shown: [], message: 'The frame holding this question is no longer trusted or loaded; nothing was sent to it.' };
  }
  const reply = await sendToFrame(tabId, frameId, trust ? { ...message, frames: trust } : message);
  if (!reply) return { type: 'attach-result', status: 'not-found', shown: [], message: 'The frame holding this question no longer answers (the page was reloaded?).' };
  if (reply.type === 'attach-result') return reply;
  return { type: 'attach-result', status: 'refused', shown: [], message: reply.type === 'skipped' ? `The frame refused: ${reply.reason}` : reply.type === 'ok' ? (reply.message ?? 'the frame refused') : 'the frame sent an unexpected reply' };
}

/**
 * Listen for `questions-changed` from the content script of tab `tabId` (other tabs, pages and extensions are
 * ignored; the message is validated). The scan passed on is that frame's, its questions tagged with the frame id.
 */
export function onQuestionsChanged(tabId: number, listener: (change: { frameId: number; scan: PageScan }) => void): () => void {
  const handler = (message: unknown, sender: Parameters<Parameters<typeof browser.runtime.onMessage.addListener>[0]>[1]) => {
    if (!isFromContentScriptIn(sender, browser.runtime.id, tabId)) return;
    const parsed = ContentToExtensionSchema.safeParse(message);
    if (!parsed.success) return;
    const frameId = sender.frameId ?? 0;
    listener({ frameId, scan: withFrameId(parsed.data.scan, frameId) });
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}

/**
 * The notice with its scan checked down to the list of questions, whose items are not read: the panel scans the page
 * again through `scanTab`, which checks them all. A malformed notice is still dropped.
 */
const QuestionsChangedNoticeSchema = z.object({ type: z.literal('questions-changed'), scan: PageScanSchema.extend({ questions: z.array(z.unknown()) }) });

/**
 * Like `onQuestionsChanged` for a listener that only needs to know the questions of tab `tabId` changed (same sender
 * checks): the scan the notice carries is not parsed, which at 1,000 questions cost the panel a 30-80 ms task after
 * every fill, before the re-scan parsed the page a second time.
 */
export function onQuestionsChangedNotice(tabId: number, listener: (frameId: number) => void): () => void {
  const handler = (message: unknown, sender: Parameters<Parameters<typeof browser.runtime.onMessage.addListener>[0]>[1]) => {
    if (!isFromContentScriptIn(sender, browser.runtime.id, tabId)) return;
    if (!QuestionsChangedNoticeSchema.safeParse(message).success) return;
    listener(sender.frameId ?? 0);
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}
