// The "Team name" setting: validated, saved in the settings table, written as `source` in JSON exports.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { AutofillDatabase } from '../../lib/db/database';
import { MAX_TEAM_NAME_CHARS, getTeamName, saveTeamName } from '../../lib/library/team-name';
import { describeError } from './describe-error';

interface Props {
  db: AutofillDatabase;
  onMessage: (m: { kind: 'status' | 'error'; text: string }) => void;
}

export function TeamNameSetting({ db, onMessage }: Props) {
  const id = useId();
  const [saved, setSaved] = useState<string>();
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    getTeamName(db).then(
      (name) => {
        setSaved(name);
        setDraft(name);
      },
      (e: unknown) => onMessage({ kind: 'error', text: `The team name could not be read: ${describeError(e)}` }),
    );
  }, [db, onMessage]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const name = await saveTeamName(draft, db);
      setSaved(name);
      setDraft(name);
      onMessage({ kind: 'status', text: name ? `Team name saved: JSON exports name "${name}" as their source.` : 'Team name cleared: JSON exports name no source.' });
    } catch (e) {
      onMessage({ kind: 'error', text: describeError(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="library-team" onSubmit={submit}>
      <label htmlFor={id}>Team name</label>
      <input
        id={id}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        maxLength={MAX_TEAM_NAME_CHARS + 20}
        placeholder="e.g. Northwind Security Team"
        aria-describedby={`${id}-help`}
        disabled={saved === undefined}
      />
      <button type="submit" disabled={busy || saved === undefined || draft.trim() === saved}>
        Save
      </button>
      <small id={`${id}-help`}>Written as the source of JSON exports, so whoever imports the file sees where it came from.</small>
    </form>
  );
}
