// Runs the matcher (lib/match) over a page's questions: the best proposal first, then the runner-up
// candidates as alternatives the analyst can pick. One index per library snapshot, and a question already
// matched against that snapshot is not matched again (re-scans after every fill stay cheap).
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

/** True when two snapshots hold the same entries (id, version, status) and aliases, so matches can be reused. */
export function sameLibrary(a: LibrarySnapshot, b: LibrarySnapshot): boolean {
  if (a === b) return true;
  if (a.entries.length !== b.entries.length || a.aliases.length !== b.aliases.length) return false;
  const entryKey = (e: LibraryEntry) => `${e.id}\u0000${e.updatedAt ?? ''}\u0000${e.status ?? ''}\u0000${e.expiresAt ?? ''}`;
  return a.entries.every((e, i) => entryKey(e) === entryKey(b.entries[i]!)) && a.aliases.every((x, i) => x.entryId === b.aliases[i]!.entryId && x.normalized === b.aliases[i]!.normalized);
}

interface Prepared {
  index: MatchIndex;
  byId: Map<string, LibraryEntry>;
  /** Ranked proposals by question wording + kind + options: a re-scan only matches what is new. */
  memo: Map<string, Proposal[]>;
}

export function createProposer(today?: () => string): ProposeFn {
  const prepared = new WeakMap<LibrarySnapshot, Prepared>();
  return (questions, library) => {
    const day = today?.() ?? new Date().toISOString().slice(0, 10);
    let ready = prepared.get(library);
    if (!ready) {
      ready = { index: buildIndex(library.entries, library.aliases, { today: day }), byId: new Map(library.entries.map((e) => [e.id, e])), memo: new Map() };
      prepared.set(library, ready);
    }
    const { index, byId, memo } = ready;
    const out: Record<string, Proposal[]> = {};
    for (const q of questions) {
      const memoKey = `${q.text}\u0000${q.kind}\u0000${q.options.join('\u0001')}`;
      const known = memo.get(memoKey);
      if (known) {
        out[q.key] = known;
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
      out[q.key] = ranked;
      memo.set(memoKey, ranked);
    }
    return out;
  };
}
