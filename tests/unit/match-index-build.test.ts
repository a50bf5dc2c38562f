// The match index's build keeps its postings in typed arrays of their exact size; a learned wording added to a
// built index extends them. Learned wordings given to buildIndex and the same ones added one by one afterwards must
// rank every question alike, and both alike after a snapshot round trip.
import { describe, expect, it } from 'vitest';
import { addLearnedAlias, buildIndex, matchQuestion, type AliasInput, type MatchIndex } from '../../lib/match';
import { restoreIndex, snapshotIndex } from '../../lib/match/index-snapshot';
import type { LibraryEntry } from '../../lib/schema';
import { entry } from './panel-fixtures';

const TODAY = '2026-12-01';

const entries: LibraryEntry[] = [
  entry({ id: 'enc', question: 'Is customer data encrypted at rest?', answer: 'Yes, AES-256 on every database and backup.', choice: 'Yes', tags: ['encryption', 'data'] }),
  entry({ id: 'mfa', question: 'Do you enforce multi-factor authentication for administrators?', alternateQuestions: ['Is MFA required for admins?'], answer: 'Yes, hardware keys for all admins.', tags: ['encryption'] }),
  entry({ id: 'backup', question: 'How often are backups tested?', answer: 'Quarterly restore tests, documented. Backups are encrypted.', tags: ['backups', 'data'] }),
  ...Array.from({ length: 30 }, (_, i) => entry({ id: `filler-${i}`, question: `How is widget ${i} calibrated for the encrypted portal?`, answer: `Widget ${i} is calibrated monthly.`, tags: [`group-${i % 3}`] })),
];

const aliases: AliasInput[] = [
  { entryId: 'enc', text: 'Are stored widgets protected by cryptography?' },
  { entryId: 'backup', text: 'Do you verify that encrypted backups can be restored?' },
  { entryId: 'filler-3', text: 'Is the calibration of widget three audited?' },
];

const asked = [
  'Are stored widgets protected by cryptography?',
  'Do you check encrypted backups restore?',
  'Is widget three calibration audited?',
  'Is customer data encrypted?',
  'Is MFA required for admins?',
];

const ranked = (index: MatchIndex) => asked.map((text) => matchQuestion(index, { text }, { candidateCount: 5 }));

describe('match index build', () => {
  it('learned wordings added after the build rank every question as when given to the build', () => {
    const given = buildIndex(entries, aliases, { today: TODAY });
    const added = buildIndex(entries, [], { today: TODAY });
    for (const alias of aliases) expect(addLearnedAlias(added, alias)).toBe(true);
    expect(ranked(added)).toEqual(ranked(given));
    expect(added.documentFrequency).toEqual(given.documentFrequency);
    for (const [term, p] of given.unitPostings) {
      const q = added.unitPostings.get(term)!;
      expect([Array.from(q.ids), Array.from(q.tf), Array.from(q.impact)]).toEqual([Array.from(p.ids), Array.from(p.tf), Array.from(p.impact)]);
    }
  });

  it('an index restored from its snapshot takes learned wordings as the built one does', () => {
    const built = buildIndex(entries, [], { today: TODAY });
    const restored = restoreIndex(structuredClone(snapshotIndex(built)), entries, TODAY)!;
    for (const alias of aliases) {
      addLearnedAlias(built, alias);
      addLearnedAlias(restored, alias);
    }
    expect(ranked(restored)).toEqual(ranked(built));
  });
});
