// Edit an answer before filling: the text (and for choice questions the option) the analyst wants written.
import { useEffect, useRef, useState } from 'react';
import type { DetectedQuestion } from '../../lib/schema';
import { findOption, isChoiceQuestion } from '../../lib/panel/fill-plan';
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
  const [choice, setChoice] = useState(findOption(question.options, initial.choice) ?? '');
  const first = useRef<HTMLTextAreaElement & HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const textLabel = choiceQuestion ? (question.commentFieldId ? 'Comment' : 'Answer (not written: this question has no comment box)') : 'Answer';
  const canFill = choiceQuestion ? choice !== '' : text.trim() !== '';

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
      {choiceQuestion && (
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
        {textLabel}
        <textarea ref={choiceQuestion ? undefined : first} value={text} rows={5} onChange={(e) => setText(e.target.value)} />
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
