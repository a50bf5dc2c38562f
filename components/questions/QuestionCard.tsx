// One detected question with its proposal: answer, option, citation, confidence and why, freshness, state,
// and the per-question actions (accept, edit, other answers, search the library, skip, undo). Compact cards show
// the question and answer on two lines and open in full when selected; only the selected card's controls are in
// the tab order (the cards are one roving tab stop).
import { memo, useState, type FocusEvent, type MouseEvent } from 'react';
import type { LibraryEntry } from '../../lib/schema';
import { currentProposal, type QuestionRow } from '../../lib/panel/question-rows';
import { findOption, isChoiceQuestion, optionsReadAtFill, textQuestionOption } from '../../lib/panel/fill-plan';
import { acceptBlock } from '../../lib/panel/accept-check';
import { BandBadge, Freshness, StatusBadge } from '../common/Badges';
import { AnswerEditor } from './AnswerEditor';
import { LibrarySearch } from './LibrarySearch';
import { WhyLine } from './WhyLine';
import { EvidenceAttach } from './EvidenceAttach';
import { uploadFieldOf } from '../../lib/panel/attach-plan';
import type { AttachReply } from '../../lib/schema';
import type { LibrarySearcher } from '../../lib/panel/library-search';
import type { FillChoice } from './useQuestionSession';

export type CardMode = 'view' | 'edit' | 'candidates' | 'search' | 'confirm';

export interface QuestionCardProps {
  row: QuestionRow;
  index: number;
  selected: boolean;
  /** The card the list's one tab stop is on (the selected one, else the first). */
  tabStop: boolean;
  compact: boolean;
  mode: CardMode;
  entries: ReadonlyMap<string, LibraryEntry>;
  searcher: LibrarySearcher;
  onSelect(index: number): void;
  onMode(key: string, mode: CardMode): void;
  onAccept(key: string): void;
  onFillEdited(key: string, choice: FillChoice, base: LibraryEntry | undefined): void;
  onSkip(key: string): void;
  onUndo(key: string): void;
  onChoose(key: string, index: number): void;
  onPick(key: string, entry: LibraryEntry, score: number): void;
  /** Attach an evidence file to the question's upload control (or undo that); absent: no attachments offered. */
  onAttach?(key: string, evidenceId: string, undo: boolean): Promise<AttachReply>;
}

/** Stale and draft answers are filled only after the analyst confirms (expiry enforced at fill time). */
export function needsConfirm(row: QuestionRow): boolean {
  const p = currentProposal(row);
  return !!p && (p.stale || p.draft);
}

function valueLabel(value: QuestionRow['question']['currentValue']): string {
  if (value === null) return '';
  return Array.isArray(value) ? value.join(', ') : value;
}

/** What the analyst's edited fill wrote: the comment for a choice question with a comment box, else the value. */
function editedAnswer(fill: NonNullable<QuestionRow['lastFill']>): string {
  return fill.comment ?? valueLabel(fill.value);
}

function Citations({ entry, tabIndex }: { entry: LibraryEntry; tabIndex: number | undefined }) {
  return (
    <>
      {entry.citations!.map((c, i) => (
        <span key={i}>
          {i > 0 && '; '}
          {c.url && /^https?:\/\//i.test(c.url) ? (
            <a href={c.url} target="_blank" rel="noreferrer noopener" tabIndex={tabIndex}>
              {c.title}
              {c.section ? ` § ${c.section}` : ''}
            </a>
          ) : (
            `${c.title}${c.section ? ` § ${c.section}` : ''}`
          )}
          {c.evidenceId && ' (evidence file in the library)'}
        </span>
      ))}
    </>
  );
}

export const QuestionCard = memo(function QuestionCard(props: QuestionCardProps) {
  const { row, index, selected, mode, entries } = props;
  const q = row.question;
  const proposal = currentProposal(row);
  const entry = proposal ? entries.get(proposal.entryId) : undefined;
  const [expanded, setExpanded] = useState(false);
  const titleId = `q-${index}-title`;
  const filled = row.status === 'filled' || row.status === 'edited';
  const current = valueLabel(q.currentValue);
  // The analyst's own words once an edited answer is filled: the card shows what the page now holds.
  const edited = filled && row.lastFill?.edited ? row.lastFill : undefined;
  const block = acceptBlock(row, entries);
  const optionsToChoose = block?.kind === 'choose-option' ? block.options : [];
  // Controls of the other cards stay out of the tab order: Tab goes from the selected card to what follows the list.
  const inner = selected ? undefined : -1;
  const brief = props.compact && !selected && mode === 'view';

  const cardProps = {
    className: `card status-${row.status}${selected ? ' selected' : ''}${brief ? ' compact' : ''}`,
    'aria-labelledby': titleId,
    'aria-current': selected ? ('true' as const) : undefined,
    'data-key': row.key,
    tabIndex: props.tabStop ? 0 : -1,
    onFocus: (e: FocusEvent) => {
      if (e.target === e.currentTarget && !selected) props.onSelect(index);
    },
    onClick: (e: MouseEvent) => {
      if ((e.target as HTMLElement).closest('button, a, input, textarea, select, label')) return;
      props.onSelect(index);
    },
  };
  const head = (
    <header className="card-head">
      <h3 id={titleId} className="card-title">
        <button type="button" className="linklike" tabIndex={inner} onClick={() => props.onSelect(index)} title="Show this question on the page">
          {q.number && <span className="qnum">{q.number}</span>} {q.text}
        </button>
      </h3>
      <StatusBadge status={row.status} pending={row.pending} matching={row.matching} />
    </header>
  );

  if (brief) {
    return (
      <article {...cardProps}>
        {head}
        <p className="answer-line">{edited ? editedAnswer(edited) : entry ? entry.answer : 'No library entry matches.'}</p>
      </article>
    );
  }

  return (
    <article {...cardProps}>
      {head}
      {row.appeared && (
        <p className="hint">
          <span className="badge badge-new">New</span> Appeared after a change on the page, e.g. an answer that opens follow-up questions.
        </p>
      )}
      {q.frameOrigin && <p className="hint frame-origin">In a frame from {q.frameOrigin}</p>}
      {q.hidden && (
        <p className="warning-line" role="note" data-testid="hidden-reason">
          Hidden on the page: {q.hidden}. Not filled in bulk; a fill is refused while it stays hidden.
        </p>
      )}
      {q.required && <p className="hint">Required</p>}
      {current && !filled && <p className="hint">On the page now: {current}</p>}
      {row.changedOnPage !== undefined && (
        <p className="warning-line" role="note">
          Changed on the page since the fill: now “{valueLabel(row.changedOnPage) || 'empty'}”.
        </p>
      )}
      {row.status === 'failed' && row.failure && (
        <p className="failure" role="alert">
          {row.failure}
        </p>
      )}

      {edited ? (
        <div className="proposal">
          {isChoiceQuestion(q) && (
            <p className="option">
              Option: <strong>{valueLabel(edited.value)}</strong>
            </p>
          )}
          <p className="answer expanded">{editedAnswer(edited)}</p>
          <p className="citation edited-citation">
            <span className="badge edit-mark">Edited</span> your wording
            {entry ? <>, edited from “{entry.id}”{entry.citations && entry.citations.length > 0 && <>; its source: <Citations entry={entry} tabIndex={inner} /></>}</> : ', not from the library'}
          </p>
        </div>
      ) : proposal && entry ? (
        <div className="proposal">
          {isChoiceQuestion(q) && (
            <p className="option">
              Option: <strong>{proposal.choice ?? 'none maps; choose one when editing'}</strong>
              {proposal.choice && optionsReadAtFill(q) && !findOption(q.options, proposal.choice) && <span className="hint"> · matched against the list when it opens</span>}
              {q.commentFieldId && <span className="hint"> · answer text goes into the comment box</span>}
            </p>
          )}
          {textQuestionOption(q, proposal.choice) && (
            <p className="option">
              Option: <strong>{textQuestionOption(q, proposal.choice)}</strong>
              <span className="hint"> · the page's own button is pressed; the answer text is not typed</span>
            </p>
          )}
          <p className={`answer${expanded ? ' expanded' : ''}`}>{entry.answer}</p>
          {entry.answer.length > 220 && (
            <button type="button" className="linklike small" tabIndex={inner} onClick={() => setExpanded(!expanded)} aria-expanded={expanded}>
              {expanded ? 'Show less' : 'Show all'}
            </button>
          )}
          {entry.citations && entry.citations.length > 0 && (
            <p className="citation">
              Source: <Citations entry={entry} tabIndex={inner} />
            </p>
          )}
          <div className="meta">
            <BandBadge band={proposal.band} confidence={proposal.confidence} />
            <WhyLine proposal={proposal} entries={entries} />
          </div>
          <Freshness entry={entry} proposal={proposal} />
        </div>
      ) : row.matching ? (
        <p className="hint">Looking for a matching library entry…</p>
      ) : (
        <p className="hint">No library entry matches this question. Search the library or type an answer.</p>
      )}

      {mode === 'confirm' && proposal && entry && (
        <div className="confirm" role="alertdialog" aria-labelledby={`${titleId}-confirm`}>
          <p id={`${titleId}-confirm`}>
            {proposal.stale ? `This answer is past its review date${entry.expiresAt ? ` (expired ${entry.expiresAt})` : ''}` : 'This answer is a draft, not yet approved'}. Fill it anyway?
          </p>
          <div className="actions">
            <button type="button" className="primary" autoFocus onClick={() => props.onAccept(row.key)}>
              Fill anyway
            </button>
            <button type="button" onClick={() => props.onMode(row.key, 'edit')}>
              Edit first
            </button>
            <button type="button" onClick={() => props.onMode(row.key, 'view')}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {mode === 'edit' && (
        <AnswerEditor
          question={q}
          initial={{ text: entry?.answer ?? '', choice: proposal?.choice }}
          onCancel={() => props.onMode(row.key, 'view')}
          onFill={(choice) => props.onFillEdited(row.key, choice, entry)}
        />
      )}
      {mode === 'candidates' && (
        <fieldset className="candidates">
          <legend>Other answers</legend>
          {row.proposals.map((p, i) => {
            const e = entries.get(p.entryId);
            return (
              <label key={p.entryId} className="candidate">
                <input type="radio" name={`cand-${row.key}`} checked={i === row.chosen} onChange={() => props.onChoose(row.key, i)} />
                <span>
                  <strong>{e?.question ?? p.entryId}</strong> <BandBadge band={p.band} confidence={p.confidence} />
                  {(p.stale || p.draft) && <span className="hint"> {[p.stale && 'stale', p.draft && 'draft'].filter(Boolean).join(', ')}</span>}
                </span>
              </label>
            );
          })}
          <button type="button" onClick={() => props.onMode(row.key, 'view')}>
            Done
          </button>
        </fieldset>
      )}
      {mode === 'search' && (
        <LibrarySearch
          searcher={props.searcher}
          onCancel={() => props.onMode(row.key, 'view')}
          onPick={(picked, score) => {
            props.onPick(row.key, picked, score);
            props.onMode(row.key, 'view');
          }}
        />
      )}

      {mode === 'view' && !filled && block?.kind === 'choose-option' && (
        <div className="option-choices" role="group" aria-label={`Options for question ${q.number ?? index + 1}`}>
          <p className="hint">{block.message}</p>
          {optionsToChoose.map((option) => (
            <button
              key={option}
              type="button"
              tabIndex={inner}
              disabled={row.pending}
              onClick={() => props.onFillEdited(row.key, { text: entry?.answer ?? '', choice: option, edited: true }, entry)}
            >
              Fill “{option}”
            </button>
          ))}
        </div>
      )}
      {mode === 'view' && props.onAttach && uploadFieldOf(q) !== undefined && (
        <EvidenceAttach questionKey={row.key} entryId={proposal?.entryId} citedIds={entry?.citations?.flatMap((c) => (c.evidenceId ? [c.evidenceId] : [])) ?? []} tabIndex={inner} optional={q.kind !== 'file'} onAttach={props.onAttach} />
      )}
      {mode === 'view' && (
        <div className="actions" role="group" aria-label={`Actions for question ${q.number ?? index + 1}`}>
          {!filled && entry && block?.kind !== 'choose-option' && (
            <button
              type="button"
              className="primary"
              tabIndex={inner}
              disabled={row.pending || row.status === 'skipped'}
              onClick={() => (needsConfirm(row) ? props.onMode(row.key, 'confirm') : props.onAccept(row.key))}
            >
              Accept & fill
            </button>
          )}
          {!filled && (
            <button
              type="button"
              className={block?.kind === 'choose-option' && optionsToChoose.length === 0 ? 'primary' : undefined}
              tabIndex={inner}
              disabled={row.pending || row.status === 'skipped'}
              onClick={() => props.onMode(row.key, 'edit')}
            >
              Edit
            </button>
          )}
          {row.proposals.length > 1 && !filled && (
            <button type="button" tabIndex={inner} onClick={() => props.onMode(row.key, 'candidates')}>
              Other answers ({row.proposals.length - 1})
            </button>
          )}
          {!filled && (
            <button type="button" className={entry ? undefined : 'primary'} tabIndex={inner} onClick={() => props.onMode(row.key, 'search')}>
              Search library
            </button>
          )}
          {!filled && (
            <button type="button" tabIndex={inner} disabled={row.pending} onClick={() => props.onSkip(row.key)}>
              {row.status === 'skipped' ? 'Unskip' : 'Skip'}
            </button>
          )}
          {row.lastFill && (
            <button type="button" tabIndex={inner} disabled={row.pending} onClick={() => props.onUndo(row.key)}>
              Undo fill
            </button>
          )}
        </div>
      )}
    </article>
  );
});
