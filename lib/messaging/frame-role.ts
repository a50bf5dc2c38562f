// Which frame answers for which part of a tab.
//
// Message flow for a tab with several frames:
//  1. The panel lists the frames it may talk to (scripting.executeScript with allFrames returns one result per
//     frame it has host access to, with its frameId) and injects the content script on demand where it is missing.
//  2. It sends `scan` to every frame separately (tabs.sendMessage with {frameId}).
//  3. A frame whose parent is same-origin (window.frameElement is readable) answers `skipped`: its parent reads
//     it directly by walking into same-origin iframes, so its questions are not reported twice. The topmost frame
//     of a same-origin chain walks its iframes (and open shadow roots) and answers for all of them.
//  4. A cross-origin frame answers for itself only when it has the tab's origin or is on a portal host; others
//     (ads, widgets) and sandboxed / opaque-origin frames answer `skipped`.
//  5. Field ids carry a per-frame nonce, so they are unique in the tab; `fill`, `highlight` and `scroll-to` go to
//     every answering frame and each acts on its own ids only. The panel sets `frameId` on each question from
//     the frame that reported it.
import { isPortalHost } from '../detect/portal-hosts';

export type FrameRole = { answers: true } | { answers: false; reason: string };

export function frameRole(win: Window): FrameRole {
  if (win.origin === 'null') return { answers: false, reason: 'sandboxed or opaque-origin frame' };
  if (win === win.top) return { answers: true };
  let parentReadsUs = false;
  try {
    parentReadsUs = win.frameElement !== null;
  } catch {
    parentReadsUs = false;
  }
  if (parentReadsUs) return { answers: false, reason: 'same-origin frame, read by its parent frame' };
  const ancestors = win.location.ancestorOrigins;
  const topOrigin = ancestors && ancestors.length > 0 ? ancestors[ancestors.length - 1] : undefined;
  if (topOrigin === win.origin) return { answers: true };
  if (isPortalHost(win.location.hostname)) return { answers: true };
  return { answers: false, reason: `cross-origin frame ${win.location.hostname} is neither the tab's origin nor a portal host` };
}
