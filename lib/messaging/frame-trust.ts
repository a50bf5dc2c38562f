// The panel's side of frame trust: from the frames of a tab and their origins (read in our isolated world by
// scripting.executeScript), which ones may be scanned and filled. Trusted: the top frame, frames with its
// origin, and frames whose origin the analyst allowed for this tab. Everything else is refused and listed by
// origin, so the analyst sees what was left out and can allow it.

export interface FrameOrigin {
  frameId: number;
  origin: string;
}

export interface FrameVerdicts {
  topOrigin: string | undefined;
  trusted: number[];
  /** Refused frames that could be allowed (http(s) origins), one entry per origin. */
  refusedOrigins: string[];
}

function isWebOrigin(origin: string): boolean {
  return /^https?:\/\//i.test(origin);
}

export function judgeFrames(frames: readonly FrameOrigin[], allowedOrigins: readonly string[]): FrameVerdicts {
  const topOrigin = frames.find((f) => f.frameId === 0)?.origin;
  const trusted: number[] = [];
  const refused = new Set<string>();
  for (const f of frames) {
    if (f.frameId === 0 || (topOrigin !== undefined && f.origin === topOrigin) || allowedOrigins.includes(f.origin)) trusted.push(f.frameId);
    else if (isWebOrigin(f.origin)) refused.add(f.origin);
  }
  return { topOrigin, trusted, refusedOrigins: [...refused] };
}
