// What a fill still has to add to a list that keeps its answer in a concealed native select (a styled facade or
// a plain list): the select's captions decide which options exist, what the list shows decides what is already
// chosen. A fill only adds options: a single choice takes exactly one, and a chosen option the value does not ask
// for is the analyst's to remove, so both are refused before anything is clicked.
import type { FieldValue, QuestionKind } from '../schema';
import { frontedOptions } from '../detect/facades';
import { FillRefusedError } from './fill-errors';
import { matchOption, requireOption, wantedLabels } from './option-match';

/** The select's captions still to pick, in the order asked; empty when the list already shows the value. */
export function optionsToAdd(
  select: HTMLSelectElement,
  value: FieldValue,
  kind: QuestionKind,
  shown: (kind: QuestionKind) => FieldValue,
): string[] {
  const labels = frontedOptions(select);
  const wanted = wantedLabels(value);
  const multiple = kind === 'multi-choice' || select.multiple;
  if (!multiple && wanted.length !== 1) throw new FillRefusedError('this list takes exactly one option; clear it on the page yourself');
  const targets = wanted.map((w) => labels[requireOption(w, labels)] as string);
  const current = wantedLabels(shown(multiple ? 'multi-choice' : 'single-choice'));
  const extra = multiple ? current.filter((c) => matchOption(c, targets) < 0) : [];
  if (extra.length > 0) {
    throw new FillRefusedError(`remove ${extra.map((e) => `"${e}"`).join(', ')} on the page yourself; the fill only adds options`);
  }
  const missing = targets.filter((t) => matchOption(t, current) < 0);
  if (missing.length > 0 && select.disabled) throw new FillRefusedError('the list is disabled');
  return missing;
}
