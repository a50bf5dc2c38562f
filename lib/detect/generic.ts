// The generic detector: controls -> units -> labels (ordered strategies with provenance) -> grouping.
// Covers every page no portal adapter recognises, including same-document open shadow roots.
import type { AdapterScan, RawQuestion } from './types';
import { collectUnits, type ControlUnit } from './controls';
import { openShadowRoots, type QueryRoot } from './deep-query';
import { compareDocumentOrder } from './document-order';
import { groupUnits, indexMembers, isOnlyUnitIn, type LabelledUnit } from './grouping';
import { describedBy, findLabel, labelStrategies } from './labels';
import { FurnitureCheck, isFurnitureText } from './question-filter';
import { SectionFinder } from './sections';
import { splitQuestionNumber, splitRequiredMarker } from './text';
import { isVisible, LayoutReadings, type VisibilityOptions } from './visibility';
import { LabelIndex } from './label-index';
import { facadeBox } from './facades';

/** A unit is visible when one of its controls is, or (for visually hidden radios and checkboxes) one of their labels. */
export function isUnitVisible(unit: ControlUnit, options: VisibilityOptions, index: LabelIndex): boolean {
  // A combobox's text box may shrink to nothing beside its chips; the person uses the box around it.
  if (unit.el.getAttribute('role') === 'combobox' && unit.el.tagName === 'INPUT' && isVisible(facadeBox(unit.el), options)) return true;
  for (const m of unit.members) {
    if (isVisible(m, options)) return true;
    for (const label of index.labelsOf(m)) if (isVisible(label, options)) return true;
  }
  return false;
}

function isRequired(unit: ControlUnit): boolean {
  return unit.members.some((m) => (m as HTMLInputElement).required === true || m.getAttribute('aria-required') === 'true') ||
    unit.el.getAttribute('aria-required') === 'true';
}

/**
 * Collect the questions of one document (not its iframes: those are separate documents). With `scope`, only
 * controls inside those elements (and their open shadow roots) are collected: the incremental re-scan.
 */
export function collectGeneric(doc: Document, options: VisibilityOptions, scope?: Element[]): AdapterScan {
  let units: ControlUnit[] = [];
  const readings = options.readings ?? new LayoutReadings();
  options = { ...options, readings };
  const index = new LabelIndex();
  const furniture = new FurnitureCheck();
  const roots: Array<QueryRoot | Element> = scope ? scope.flatMap((el) => [el, ...openShadowRoots(el)]) : readings.roots(doc);
  for (const root of roots) {
    for (const unit of collectUnits(root, index)) {
      if (!furniture.isFurniture(unit) && isUnitVisible(unit, options, index)) units.push(unit);
    }
  }
  // Each root is in document order already; several roots (shadow DOM, scopes) are interleaved as displayed.
  if (roots.length > 1) units = units.sort((a, b) => compareDocumentOrder(a.el, b.el));
  const unitOf = indexMembers(units);
  const strategies = labelStrategies((container, unit) => isOnlyUnitIn(container, unit, unitOf), index);
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
