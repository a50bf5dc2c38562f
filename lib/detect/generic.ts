// The generic detector: controls -> units -> labels (ordered strategies with provenance) -> grouping.
// Covers every page no portal adapter recognises, including same-document open shadow roots.
import type { AdapterScan, RawQuestion } from './types';
import { collectUnits, type ControlUnit } from './controls';
import { rootsOfDocument } from './deep-query';
import { groupUnits, indexMembers, isOnlyUnitIn, type LabelledUnit } from './grouping';
import { describedBy, findLabel, labelStrategies } from './labels';
import { isFurniture, isFurnitureText } from './question-filter';
import { SectionFinder } from './sections';
import { splitQuestionNumber, splitRequiredMarker } from './text';
import { isVisible, type VisibilityOptions } from './visibility';

/** A unit is visible when one of its controls is, or (for visually hidden radios and checkboxes) one of their labels. */
export function isUnitVisible(unit: ControlUnit, options: VisibilityOptions): boolean {
  for (const m of unit.members) {
    if (isVisible(m, options)) return true;
    for (const label of Array.from((m as HTMLInputElement).labels ?? [])) if (isVisible(label, options)) return true;
  }
  return false;
}

function isRequired(unit: ControlUnit): boolean {
  return unit.members.some((m) => (m as HTMLInputElement).required === true || m.getAttribute('aria-required') === 'true') ||
    unit.el.getAttribute('aria-required') === 'true';
}

/** Collect the questions of one document (not its iframes: those are separate documents). */
export function collectGeneric(doc: Document, options: VisibilityOptions): AdapterScan {
  const units: ControlUnit[] = [];
  for (const root of rootsOfDocument(doc)) {
    for (const unit of collectUnits(root)) {
      if (!isFurniture(unit) && isUnitVisible(unit, options)) units.push(unit);
    }
  }
  const unitOf = indexMembers(units);
  const strategies = labelStrategies((container, unit) => isOnlyUnitIn(container, unit, unitOf));
  const labelled: LabelledUnit[] = units.map((unit) => ({ unit, label: findLabel(unit, strategies) }));
  const sections = new SectionFinder();
  const questions: RawQuestion[] = [];
  for (const group of groupUnits(labelled, unitOf)) {
    const { unit, label } = group.main;
    if (!label || isFurnitureText(label.text)) continue;
    const req = splitRequiredMarker(label.text);
    const num = label.number ? { number: label.number, text: req.text } : splitQuestionNumber(req.text);
    if (!num.text) continue;
    const q: RawQuestion = {
      control: unit.el,
      kind: unit.kind,
      text: num.text,
      textSource: label.source,
      options: unit.options,
      required: req.required || isRequired(unit),
      writer: unit.writer,
    };
    if (num.number) q.number = num.number;
    const section = sections.sectionOf(unit.el);
    if (section && section !== q.text) q.section = section;
    const help = describedBy(unit.el) ?? (unit.members[0] ? describedBy(unit.members[0]) : undefined);
    if (help) q.helpText = help;
    if (group.comment) q.comment = group.comment.unit.el;
    if (group.attachment) q.attachment = group.attachment.unit.el;
    questions.push(q);
  }
  return { questions, warnings: [] };
}
