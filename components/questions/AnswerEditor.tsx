// Edit an answer before filling: the text (and for choice questions the option) the analyst wants written.
// A list whose options show only while open takes a typed option; a text question with its own option button
// (OneTrust's "Not applicable") offers that button instead of the text.
import { useEffect, useRef, useState } from 'react';
import type { DetectedQuestion } from '../../lib/schema';
import { findOption, isChoiceQuestion, optionsReadAtFill, textQuestionOption } from '../../lib/panel/fill-plan';
import type { FillChoice } from './useQuestionSession';

export function AnswerEditor({
  question,
  initial,
  onFill,
  onCancel,
}: {
  question: DetectedQuestion;
  initial: { text: string; choice?: string };
  onFill(choice: FillChoice): void;
  onCancel(): void;
}) {
  const choiceQuestion = isChoiceQuestion(question);
  const [text, setText] = useState(initial.text);
  const typedOption = optionsReadAtFill(question);
  const buttonOptions = !choiceQuestion && question.options.length > 0;
  const [choice, setChoice] = useState((typedOption ? findOption(question.options, initial.choice) ?? initial.choice : findOption(question.options, initial.choice)) ?? '');
  const first = useRef<HTMLTextAreaElement & HTMLSelectElement & HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const textLabel = choiceQuestion ? (question.commentFieldId ? 'Comment' : 'Answer (not written: this question has no comment box)') : 'Answer';
  const buttonChosen = buttonOptions && textQuestionOption(question, choice) !== undefined;
  const canFill = choiceQuestion ? choice.trim() !== '' : buttonChosen || text.trim() !== '';

  return (
    <form
      className="editor"
      onSubmit={(e) => {
        e.preventDefault();
        if (canFill) onFill({ text, choice: choice || undefined, edited: true });
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      {typedOption && (
        <label>
          Option (the list shows its options only when open; the fill picks the one with this label)
          <input ref={first} type="text" value={choice} list={question.options.length ? `${question.fieldId}-options` : undefined} onChange={(e) => setChoice(e.target.value)} />
          {question.options.length > 0 && (
            <datalist id={`${question.fieldId}-options`}>
              {question.options.map((o) => (
                <option key={o} value={o} />
              ))}
            </datalist>
          )}
        </label>
      )}
      {buttonOptions && (
        <label>
          Answer with
          <select ref={first} value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">the text below</option>
            {question.options.map((o) => (
              <option key={o} value={o}>
                the page's “{o}” button
              </option>
            ))}
          </select>
        </label>
      )}
      {choiceQuestion && !typedOption && (
        <label>
          Option
          <select ref={first} value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">Choose…</option>
            {question.options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {buttonChosen ? 'Answer (not written: the button answers the question)' : textLabel}
        <textarea ref={choiceQuestion || buttonOptions ? undefined : first} value={text} rows={5} onChange={(e) => setText(e.target.value)} />
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={!canFill}>
          Fill edited answer
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
