// Runs the matcher (lib/match) over a page's questions: the best proposal first, then the runner-up
// candidates as alternatives the analyst can pick. One index per library snapshot, and a question already
// matched against that snapshot is not matched again (re-scans after every fill stay cheap).
import { bandOf, buildIndex, mapChoice, matchQuestion, preferredChoice, type MatchIndex } from '../match';
import { entryStatus, isStale, type LibraryEntry, type Proposal } from '../schema';
import { capLearnedMatch } from './learned-wording';
import type { LibrarySnapshot, ProposeFn } from './ports';

// Kept where they were imported from; they live apart so the panel's first chunk does not pull in the matcher.
export { capLearnedMatches, sameLibrary } from './library-snapshot';

/** How many candidates a question card offers under "Other answers" (the best included). */
const CANDIDATES = 4;

function alternative(entry: LibraryEntry, score: number, options: string[], today: string): Proposal {
  return {
    entryId: entry.id,
    confidence: score,
    band: bandOf(score),
    choice: options.length ? mapChoice(entry, options) : undefined,
    why: { source: 'fuzzy', matchedTerms: [], matchedText: entry.question },
    stale: isStale(entry, today),
    draft: entryStatus(entry) === 'draft',
  };
}

/**
 * A searchable list (OneTrust's lookup) may hold options beyond those it showed when opened: an entry's own option
 * that maps onto none of them is still proposed, and looked up in the list when filled.
 */
function withSearchedChoice(proposal: Proposal, entry: LibraryEntry | undefined): Proposal {
  if (proposal.choice !== undefined || !entry) return proposal;
  const choice = preferredChoice(entry);
  return choice === undefined ? proposal : { ...proposal, choice };
}

interface Prepared {
  index: MatchIndex;
  byId: Map<string, LibraryEntry>;
  /** Ranked proposals by question wording + kind + options: a re-scan only matches what is new. */
  memo: Map<string, Proposal[]>;
}

/**
 * `indexOf` gives the match index of a snapshot (the matching worker passes one read back from IndexedDB); by
 * default the proposer builds it.
 */
export function createProposer(today?: () => string, indexOf?: (library: LibrarySnapshot, today: string) => MatchIndex): ProposeFn {
  const prepared = new WeakMap<LibrarySnapshot, Prepared>();
  return (questions, library, page) => {
    const day = today?.() ?? new Date().toISOString().slice(0, 10);
    let ready = prepared.get(library);
    if (!ready) {
      ready = { index: indexOf ? indexOf(library, day) : buildIndex(library.entries, library.aliases, { today: day }), byId: new Map(library.entries.map((e) => [e.id, e])), memo: new Map() };
      prepared.set(library, ready);
    }
    const { index, byId, memo } = ready;
    const out: Record<string, Proposal[]> = {};
    // The memo holds what the library says; whether a learned wording counts depends on the page asking.
    // Without a page (the matching worker), proposals come back as the library says; the panel applies the cap.
    const forPage = (ranked: Proposal[]) => (page && ranked[0]?.why.source === 'alias' ? [capLearnedMatch(ranked[0], library.aliases, page.origin), ...ranked.slice(1)] : ranked);
    for (const q of questions) {
      const memoKey = `${q.text}\u0000${q.kind}\u0000${q.optionsSearchable ? 's' : ''}\u0000${q.options.join('\u0001')}`;
      const known = memo.get(memoKey);
      if (known) {
        out[q.key] = forPage(known);
        continue;
      }
      const result = matchQuestion(index, { text: q.text, kind: q.kind, options: q.options }, { candidateCount: CANDIDATES });
      // Below the review band there is no proposal: the row says "no match" and the analyst searches by hand.
      if (!result.proposal) {
        out[q.key] = [];
        memo.set(memoKey, []);
        continue;
      }
      const ranked: Proposal[] = [result.proposal];
      for (const c of result.candidates) {
        const entry = byId.get(c.entryId);
        if (!entry || entryStatus(entry) === 'retired' || ranked.some((p) => p.entryId === c.entryId)) continue;
        ranked.push(alternative(entry, c.score, q.options, day));
      }
      const proposals = q.optionsSearchable ? ranked.map((p) => withSearchedChoice(p, byId.get(p.entryId))) : ranked;
      out[q.key] = forPage(proposals);
      memo.set(memoKey, proposals);
    }
    return out;
  };
}
