// The form that adds or edits an entry. Fields it does not show (unknown ones from a shared export) are kept.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { StoredEntry } from '../../lib/db/records';
import { buildEntry, initialForm, needsReviewAfterEdit, type CitationDraft, type EntryFormState } from '../../lib/library/entry-form';
import { EntryStatusSchema, type LibraryEntry } from '../../lib/schema';

interface Props {
  /** The entry being edited, or undefined for a new one. */
  entry: StoredEntry | undefined;
  busy: boolean;
  onSave: (entry: LibraryEntry) => void;
  onCancel: () => void;
}

export function EntryEditor({ entry, busy, onSave, onCancel }: Props) {
  const [form, setForm] = useState<EntryFormState>(() => initialForm(entry));
  // The version the form was opened on: the entry prop follows live changes (another window saving), but the save
  // must name the version this edit started from, so a concurrent change is reported instead of overwritten.
  const [startedFrom] = useState(entry);
  const id = useId();
  const set = <K extends keyof EntryFormState>(key: K, value: EntryFormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setCitation = (index: number, key: keyof CitationDraft, value: string) =>
    setForm((f) => ({ ...f, citations: f.citations.map((c, i) => (i === index ? { ...c, [key]: value } : c)) }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(buildEntry(startedFrom, form));
  };
  const field = (name: string) => `${id}-${name}`;
  const reviewAgain = needsReviewAfterEdit(startedFrom, buildEntry(startedFrom, { ...form, keepApproved: true }));
  const questionRef = useRef<HTMLTextAreaElement>(null);
  // Keyboard and screen-reader users land in the form they just opened (it is below the list).
  useEffect(() => questionRef.current?.focus(), []);

  return (
    <form className="library-editor" onSubmit={submit} aria-labelledby={field('heading')}>
      <h3 id={field('heading')}>{entry ? `Edit "${entry.id}"` : 'New entry'}</h3>
      {!entry && (
        <p>
          <label htmlFor={field('id')}>Id</label>
          <input id={field('id')} value={form.id} onChange={(e) => set('id', e.target.value)} aria-describedby={field('id-help')} maxLength={200} />
          <small id={field('id-help')}>Leave empty to derive one from the question. Sync matches entries by id.</small>
        </p>
      )}
      <p>
        <label htmlFor={field('question')}>Question</label>
        <textarea ref={questionRef} id={field('question')} required rows={2} value={form.question} onChange={(e) => set('question', e.target.value)} />
      </p>
      <p>
        <label htmlFor={field('alternates')}>Alternate questions (one per line)</label>
        <textarea id={field('alternates')} rows={3} value={form.alternateQuestions} onChange={(e) => set('alternateQuestions', e.target.value)} />
      </p>
      <p>
        <label htmlFor={field('answer')}>Answer</label>
        <textarea id={field('answer')} required rows={5} value={form.answer} onChange={(e) => set('answer', e.target.value)} />
      </p>
      <p>
        <label htmlFor={field('choice')}>Short answer for choice fields</label>
        <input id={field('choice')} list={field('choices')} value={form.choice} onChange={(e) => set('choice', e.target.value)} />
        <datalist id={field('choices')}>
          <option value="Yes" />
          <option value="No" />
          <option value="N/A" />
        </datalist>
      </p>
      <fieldset>
        <legend>Citations</legend>
        {form.citations.length === 0 && <p>No citation yet: answers are expected to say where they come from.</p>}
        {form.citations.map((c, i) => (
          <div key={i} className="library-citation" role="group" aria-label={`Citation ${i + 1}`}>
            <label htmlFor={field(`ct-${i}`)}>Title</label>
            <input id={field(`ct-${i}`)} value={c.title} onChange={(e) => setCitation(i, 'title', e.target.value)} />
            <label htmlFor={field(`cs-${i}`)}>Section</label>
            <input id={field(`cs-${i}`)} value={c.section} onChange={(e) => setCitation(i, 'section', e.target.value)} />
            <label htmlFor={field(`cu-${i}`)}>URL</label>
            <input id={field(`cu-${i}`)} type="url" value={c.url} onChange={(e) => setCitation(i, 'url', e.target.value)} />
            <button type="button" onClick={() => set('citations', form.citations.filter((_, j) => j !== i))}>
              Remove citation {i + 1}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => set('citations', [...form.citations, { title: '', section: '', url: '' }])}>
          Add citation
        </button>
      </fieldset>
      <p>
        <label htmlFor={field('tags')}>Tags (separated by commas)</label>
        <input id={field('tags')} value={form.tags} onChange={(e) => set('tags', e.target.value)} />
      </p>
      <p>
        <label htmlFor={field('owner')}>Owner</label>
        <input id={field('owner')} value={form.owner} onChange={(e) => set('owner', e.target.value)} />
      </p>
      <p>
        <label htmlFor={field('status')}>Status</label>
        <select id={field('status')} value={form.status} onChange={(e) => set('status', EntryStatusSchema.parse(e.target.value))}>
          <option value="approved">Approved</option>
          <option value="draft">Draft</option>
          <option value="retired">Retired</option>
        </select>
      </p>
      {reviewAgain && (
        <div className="library-review-again" role="note">
          <p>This edit changes what is filled or which questions it answers, so it is saved as a draft: drafts are never bulk-filled until someone approves them.</p>
          <label className="library-check">
            <input type="checkbox" checked={form.keepApproved} onChange={(e) => set('keepApproved', e.target.checked)} />
            <span>I have reviewed this change: keep it approved</span>
          </label>
        </div>
      )}
      <p>
        <label htmlFor={field('reviewed')}>Reviewed on</label>
        <input id={field('reviewed')} type="date" value={form.reviewedAt} onChange={(e) => set('reviewedAt', e.target.value)} />
      </p>
      <p>
        <label htmlFor={field('expires')}>Expires on</label>
        <input id={field('expires')} type="date" value={form.expiresAt} onChange={(e) => set('expiresAt', e.target.value)} />
      </p>
      <div className="library-actions">
        <button type="submit" className="primary" disabled={busy}>
          {entry ? 'Save changes' : 'Add entry'}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
