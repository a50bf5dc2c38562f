// Learned wordings are a page's words: a hostile page can get broad ones learned ("Describe your security
// program"). Until someone reviews one, a match through it is trusted only on the site it was learned on; on any
// other site it is capped below High (so never bulk-filled) and the why line says where the wording came from.
import { BAND_THRESHOLDS } from '../match/confidence';
import type { Proposal } from '../schema';

/** What the panel knows of a learned wording (a lib/db LearnedAlias carries these). */
export interface LearnedWordingFacts {
  entryId: string;
  text: string;
  origin?: string;
  reviewedAt?: string;
}

/** Highest confidence a capped match may show: just under the High band. */
const CAPPED_CONFIDENCE = Math.floor((BAND_THRESHOLDS.high - 0.001) * 1000) / 1000;

/** The origin of an http(s) page URL, or undefined for anything else (no page, a browser page, junk). */
export function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/** The host part of an origin, for the analyst ("acme.service-now.com"); "an unrecorded site" when unknown. */
export function siteName(origin: string | undefined): string {
  if (!origin) return 'an unrecorded site';
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}

/** The learned wording `proposal` matched through, when it matched through one. */
export function learnedWordingOf(proposal: Proposal, wordings: readonly LearnedWordingFacts[]): LearnedWordingFacts | undefined {
  if (proposal.why.source !== 'alias') return undefined;
  const text = proposal.why.matchedText.trim();
  return wordings.find((w) => w.entryId === proposal.entryId && w.text.trim() === text);
}

/**
 * The proposal as the analyst may use it on a page of `pageOrigin`: a match through an unreviewed wording learned on
 * another site (or on an unrecorded one) is capped below High; any match through a learned wording says where
 * that wording was learned.
 */
export function capLearnedMatch(proposal: Proposal, wordings: readonly LearnedWordingFacts[], pageOrigin: string | undefined): Proposal {
  const wording = learnedWordingOf(proposal, wordings);
  if (!wording) return proposal;
  const reviewed = wording.reviewedAt !== undefined;
  const sameSite = wording.origin !== undefined && wording.origin === pageOrigin;
  const capped = !reviewed && !sameSite && proposal.band === 'high';
  return {
    ...proposal,
    ...(capped ? { band: 'review' as const, confidence: Math.min(proposal.confidence, CAPPED_CONFIDENCE) } : {}),
    why: { ...proposal.why, learned: { ...(wording.origin !== undefined ? { origin: wording.origin } : {}), reviewed, capped } },
  };
}
