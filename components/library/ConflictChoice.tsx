// One sync conflict side by side: the local entry (edited here since its last import) and the file's version.
// The analyst picks which to keep; fields that differ are marked in text.
import type { PlannedChange } from '../../lib/library/plan-sync';
import type { LibraryEntry } from '../../lib/schema';

const FIELDS: { key: keyof LibraryEntry; label: string; show: (e: LibraryEntry) => string }[] = [
  { key: 'question', label: 'Question', show: (e) => e.question },
  { key: 'answer', label: 'Answer', show: (e) => e.answer },
  { key: 'choice', label: 'Choice', show: (e) => e.choice ?? '' },
  { key: 'alternateQuestions', label: 'Alternate questions', show: (e) => (e.alternateQuestions ?? []).join('\n') },
  { key: 'citations', label: 'Citations', show: (e) => (e.citations ?? []).map((c) => [c.title, c.section, c.url].filter(Boolean).join(', ')).join('\n') },
  { key: 'tags', label: 'Tags', show: (e) => (e.tags ?? []).join(', ') },
  { key: 'owner', label: 'Owner', show: (e) => e.owner ?? '' },
  { key: 'status', label: 'Status', show: (e) => e.status ?? 'approved' },
  { key: 'reviewedAt', label: 'Reviewed', show: (e) => e.reviewedAt ?? '' },
  { key: 'expiresAt', label: 'Expires', show: (e) => e.expiresAt ?? '' },
  { key: 'updatedAt', label: 'Last change', show: (e) => e.updatedAt ?? '' },
];

interface Props {
  conflict: PlannedChange;
  fileName: string;
  choice: 'local' | 'incoming' | undefined;
  onChoose: (choice: 'local' | 'incoming') => void;
}

export function ConflictChoice({ conflict, fileName, choice, onChoose }: Props) {
  const { local, entry, where } = conflict;
  const rows = FIELDS.map((f) => ({ ...f, mine: f.show(local), theirs: f.show(entry) })).filter((r) => r.mine !== '' || r.theirs !== '');
  const name = `conflict-${entry.id}`;
  return (
    <fieldset className="library-conflict">
      <legend>
        Conflict: {entry.id} ({where})
      </legend>
      <table>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">In this library (edited {local._meta?.localEditedAt?.slice(0, 10) ?? 'here'})</th>
            <th scope="col">In {fileName}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={r.mine !== r.theirs ? 'differs' : undefined}>
              <th scope="row">
                {r.label}
                {r.mine !== r.theirs && <span className="library-differs"> (differs)</span>}
              </th>
              <td>{r.mine}</td>
              <td>{r.theirs}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="library-actions" role="radiogroup" aria-label={`Which version of ${entry.id} to keep`}>
        <label className="library-check">
          <input type="radio" name={name} checked={choice === 'local'} onChange={() => onChoose('local')} />
          <span>Keep mine</span>
        </label>
        <label className="library-check">
          <input type="radio" name={name} checked={choice === 'incoming'} onChange={() => onChoose('incoming')} />
          <span>Take the file's</span>
        </label>
      </div>
    </fieldset>
  );
}
