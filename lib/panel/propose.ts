// Runs the matcher (lib/match) over a page's questions: the best proposal first, then the runner-up
// candidates as alternatives the analyst can pick. One index per library snapshot.
import { bandOf, buildIndex, mapChoice, matchQuestion, type MatchIndex } from '../match';
import { entryStatus, isStale, type LibraryEntry, type Proposal } from '../schema';
import type { LibrarySnapshot, ProposeFn } from './ports';

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

export function createProposer(today?: () => string): ProposeFn {
  const indexes = new WeakMap<LibrarySnapshot, MatchIndex>();
  return (questions, library) => {
    const day = today?.() ?? new Date().toISOString().slice(0, 10);
    let index = indexes.get(library);
    if (!index) {
      index = buildIndex(library.entries, library.aliases, { today: day });
      indexes.set(library, index);
    }
    const byId = new Map(library.entries.map((e) => [e.id, e]));
    const out: Record<string, Proposal[]> = {};
    for (const q of questions) {
      const result = matchQuestion(index, { text: q.text, kind: q.kind, options: q.options }, { candidateCount: CANDIDATES });
      // Below the review band there is no proposal: the row says "no match" and the analyst searches by hand.
      if (!result.proposal) {
        out[q.key] = [];
        continue;
      }
      const ranked: Proposal[] = [result.proposal];
      for (const c of result.candidates) {
        const entry = byId.get(c.entryId);
        if (!entry || entryStatus(entry) === 'retired' || ranked.some((p) => p.entryId === c.entryId)) continue;
        ranked.push(alternative(entry, c.score, q.options, day));
      }
      out[q.key] = ranked;
    }
    return out;
  };
}
