// Which frame answers for which part of a tab.
//
// Message flow for a tab with several frames:
//  1. The panel lists the frames it may talk to (scripting.executeScript with allFrames returns one result per
//     frame it has host access to, with its frameId and, read in our isolated world, its origin).
//  2. A frame is trusted because it has the top page's origin (frame 0's), or an origin the analyst allowed for
//     this tab (shown by name in the panel), never because of its host name: another tenant's ServiceNow or
//     OneTrust frame inside acme.service-now.com is refused (frame-trust.ts). The panel injects the content
//     script into trusted frames only and messages only them, each message carrying that trust
//     ({topOrigin, allowedOrigins}).
//  3. Each frame checks again for itself (`frameRole`): a frame whose parent is same-origin (window.frameElement
//     is readable) answers `skipped`, as its parent reads it directly by walking into same-origin iframes; the
//     topmost frame of a same-origin chain walks its iframes (and open shadow roots) and answers for all. A
//     cross-origin frame answers only with the top page's origin or an allowed one. Chrome gives the frame the
//     top origin itself (location.ancestorOrigins), which must agree with the panel's; Firefox has no
//     ancestorOrigins, so there the frame relies on the top origin the panel read from frame 0 (no new
//     permission needed, and the page cannot reach that channel). Without either, it refuses.
//  4. Field ids carry a per-frame nonce, so they are unique in the tab; `fill`, `highlight` and `scroll-to` go to
//     every answering frame and each acts on its own ids only. The panel sets `frameId` on each question from
//     the frame that reported it.
import type { FrameTrust } from '../schema';

export type FrameRole = { answers: true } | { answers: false; reason: string };

/** The top page's origin as the browser tells this frame (Chrome), or undefined where it cannot (Firefox). */
function topOriginSeenBy(win: Window): string | undefined {
  const ancestors = win.location.ancestorOrigins;
  return ancestors && ancestors.length > 0 ? ancestors[ancestors.length - 1] : undefined;
}

export function frameRole(win: Window, trust?: FrameTrust): FrameRole {
  if (win.origin === 'null') return { answers: false, reason: 'sandboxed or opaque-origin frame' };
  if (win === win.top) return { answers: true };
  let parentReadsUs = false;
  try {
    parentReadsUs = win.frameElement !== null;
  } catch {
    parentReadsUs = false;
  }
  if (parentReadsUs) return { answers: false, reason: 'same-origin frame, read by its parent frame' };
  const seen = topOriginSeenBy(win);
  if (seen !== undefined && trust !== undefined && seen !== trust.topOrigin) {
    return { answers: false, reason: `the panel and the browser disagree on the tab's origin (${trust.topOrigin} / ${seen})` };
  }
  const top = seen ?? trust?.topOrigin;
  if (top === undefined) return { answers: false, reason: `cross-origin frame ${win.origin}: the tab's origin is unknown` };
  if (win.origin === top) return { answers: true };
  if (trust?.allowedOrigins.includes(win.origin)) return { answers: true };
  return { answers: false, reason: `cross-origin frame ${win.origin} is not the tab's origin (${top}) and was not allowed for this tab` };
}
