// Why a proposal scored what it did: how it matched, on which words, and the runner-up if close.
import type { LibraryEntry, Proposal } from '../../lib/schema';
import { siteName } from '../../lib/panel/learned-wording';

const SOURCE: Record<Proposal['why']['source'], string> = {
  exact: 'Same wording as the library question',
  alias: 'A wording you accepted before',
  alternate: 'Matches an alternate wording',
  fuzzy: 'Similar wording',
};

export function WhyLine({ proposal, entries }: { proposal: Proposal; entries: ReadonlyMap<string, LibraryEntry> }) {
  const why = proposal.why;
  const runnerUp = why.runnerUp ? entries.get(why.runnerUp.entryId) : undefined;
  return (
    <p className="why">
      {why.matchedText.startsWith('Picked by hand') ? 'Picked by hand' : SOURCE[why.source]}
      {why.matchedTerms.length > 0 && <> on “{why.matchedTerms.slice(0, 6).join(', ')}”</>}
      {why.learned && <> · {learnedNote(why.learned)}</>}
      {why.runnerUp && (
        <>
          {' '}
          · runner-up {runnerUp ? `“${runnerUp.question}”` : why.runnerUp.entryId} at {Math.round(why.runnerUp.score * 100)}%
        </>
      )}
      {why.notes?.map((note) => <span key={note}> · {note}</span>)}
    </p>
  );
}

/** Where a learned wording came from, and why it does not count as High here. */
function learnedNote(learned: NonNullable<Proposal['why']['learned']>): string {
  const where = `learned on ${siteName(learned.origin)}`;
  if (learned.reviewed) return `${where}, reviewed`;
  if (learned.capped) return `${where}, not reviewed: kept below High (no bulk fill) until it is marked reviewed in the Library`;
  return `${where}, not reviewed`;
}
