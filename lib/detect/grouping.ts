// Pass 3: tie the controls of one question together. A choice followed closely by a text box is the choice plus
// its comment / justification; a file input after a question is its attachment; everything else stands alone.
import { CONTROL_SELECTOR, commonAncestor, type ControlUnit } from './controls';
import type { LabelHit } from './labels';

export interface LabelledUnit {
  unit: ControlUnit;
  label: LabelHit | null;
}

export interface GroupedQuestion {
  main: LabelledUnit;
  comment?: LabelledUnit;
  attachment?: LabelledUnit;
}

const COMMENT_WORDS =
  /\b(comments?|justif\w*|explain|explanation|additional (info\w*|details|notes)|remarks?|notes?|evidence|elaborate|details|if (yes|no|not|so|other|applicable)|please (provide|specify|describe|explain)|other \(please)/i;

const TEXT_KINDS = new Set(['text', 'textarea', 'richtext']);

export function isCommentLikeText(text: string): boolean {
  return COMMENT_WORDS.test(text);
}

/**
 * Maps any control element (a member of a unit) to its unit, so a container can be asked which units it holds.
 */
export function indexMembers(units: ControlUnit[]): Map<Element, ControlUnit> {
  const map = new Map<Element, ControlUnit>();
  for (const u of units) {
    map.set(u.el, u);
    for (const m of u.members) map.set(m, u);
  }
  return map;
}

/** The units found inside `container` (a control may be a member of at most one unit). */
export function unitsWithin(container: Element, unitOf: Map<Element, ControlUnit>): Set<ControlUnit> {
  const found = new Set<ControlUnit>();
  for (const el of container.querySelectorAll(CONTROL_SELECTOR)) {
    const u = unitOf.get(el);
    if (u) found.add(u);
  }
  const self = unitOf.get(container);
  if (self) found.add(self);
  return found;
}

/** A container labels a unit alone when it holds no other choice and at most one companion text or file box. */
export function isOnlyUnitIn(container: Element, unit: ControlUnit, unitOf: Map<Element, ControlUnit>): boolean {
  const others = [...unitsWithin(container, unitOf)].filter((u) => u !== unit);
  if (others.length > 2) return false;
  return others.every((u) => u.isFile || TEXT_KINDS.has(u.kind)) && others.filter((u) => !u.isFile).length <= 1;
}

/** Two units belong to one question block: the same table row, or a common ancestor holding only them. */
function sharesBlock(a: ControlUnit, b: ControlUnit, unitOf: Map<Element, ControlUnit>, alsoAllowed?: ControlUnit): boolean {
  if (a.el.getRootNode() !== b.el.getRootNode()) return sharesHostBlock(a, b, unitOf, alsoAllowed);
  const rowA = a.el.closest('tr');
  const rowB = b.el.closest('tr');
  if (rowA || rowB) return rowA === rowB;
  const lca = commonAncestor([a.el, b.el]);
  if (lca.tagName === 'FORM' || lca.tagName === 'BODY' || lca.tagName === 'HTML') return false;
  for (const u of unitsWithin(lca, unitOf)) if (u !== a && u !== b && u !== alsoAllowed && !u.isFile) return false;
  return true;
}

/** The element of the document's own tree that shows `el`: el itself, or the outermost shadow host around it. */
function documentHost(el: Element): Element {
  let node = el;
  // Not `instanceof ShadowRoot`: a frame's nodes come from another window's constructors.
  for (let root = node.getRootNode(); root.nodeType === 11 && 'host' in root; root = node.getRootNode()) node = (root as ShadowRoot).host;
  return node;
}

/**
 * Web components put each control in its own shadow root (a radio group element, a textarea element): two units
 * share a block when their hosts do, with no other unit's host in the common ancestor.
 */
function sharesHostBlock(a: ControlUnit, b: ControlUnit, unitOf: Map<Element, ControlUnit>, alsoAllowed?: ControlUnit): boolean {
  const hostA = documentHost(a.el);
  const hostB = documentHost(b.el);
  if (hostA.getRootNode() !== hostB.getRootNode() || hostA.closest('tr') !== hostB.closest('tr')) return false;
  const lca = commonAncestor([hostA, hostB]);
  if (lca.tagName === 'FORM' || lca.tagName === 'BODY' || lca.tagName === 'HTML') return false;
  for (const u of new Set(unitOf.values())) {
    if (u === a || u === b || u === alsoAllowed || u.isFile) continue;
    if (lca.contains(documentHost(u.el))) return false;
  }
  return true;
}

function isChoice(u: ControlUnit): boolean {
  return !u.isFile && !TEXT_KINDS.has(u.kind) && u.kind !== 'date' && u.kind !== 'number';
}

function isCompanionText(prev: LabelledUnit, cur: LabelledUnit): boolean {
  if (!TEXT_KINDS.has(cur.unit.kind)) return false;
  if (!cur.label) return true;
  if (isCommentLikeText(cur.label.text)) return true;
  if (cur.label.source === 'table-header' || cur.label.source === 'placeholder' || cur.label.source === 'title') return true;
  return prev.label !== null && cur.label.source === 'table-row' && cur.label.text === prev.label.text;
}

/** A comment box alone in the table row right after the choice's row ("Justification" on a row of its own). */
function isNextRowComment(prev: LabelledUnit, cur: LabelledUnit, unitOf: Map<Element, ControlUnit>): boolean {
  const row = prev.unit.el.closest('tr');
  const next = cur.unit.el.closest('tr');
  if (!row || !next || row.nextElementSibling !== next || !cur.label || !isCommentLikeText(cur.label.text)) return false;
  return [...unitsWithin(next, unitOf)].every((u) => u === cur.unit);
}

const CAPTION_FILLER = new Set(['on', 'about', 'for', 'the', 'of', 'to', 'regarding', 're', 'a', 'an', 'and', 'your', 'this', 'question']);

/** Words alike when one starts with the other's first four letters ("erasure", "erased"). */
function wordsMatch(a: string, b: string): boolean {
  return a.length < 4 || b.length < 4 ? a === b : a.slice(0, 4) === b.slice(0, 4);
}

/**
 * A comment box in a block of its own whose caption names the question above it ("Comments on customer data
 * erasure" under "Is customer data erased ...?"): every word besides the comment words belongs to the question.
 */
function namesQuestion(prev: LabelledUnit, cur: LabelledUnit): boolean {
  if (!prev.label || !cur.label || !isCommentLikeText(cur.label.text)) return false;
  const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const rest = words(cur.label.text.replace(new RegExp(COMMENT_WORDS.source, 'gi'), ' ')).filter((w) => !CAPTION_FILLER.has(w));
  const question = words(prev.label.text);
  return rest.length > 0 && rest.every((w) => question.some((q) => wordsMatch(w, q)));
}

/** Group labelled units (in document order) into questions. Unlabelled units that join nothing are dropped. */
export function groupUnits(units: LabelledUnit[], unitOf: Map<Element, ControlUnit>): GroupedQuestion[] {
  const questions: GroupedQuestion[] = [];
  let last: GroupedQuestion | undefined;
  for (const cur of units) {
    if (last) {
      const prev = last.main;
      if (cur.unit.isFile && !last.attachment && sharesBlock(prev.unit, cur.unit, unitOf, last.comment?.unit)) {
        last.attachment = cur;
        continue;
      }
      const belongs = () => sharesBlock(prev.unit, cur.unit, unitOf) || isNextRowComment(prev, cur, unitOf) || namesQuestion(prev, cur);
      if (isChoice(prev.unit) && !last.comment && !last.attachment && isCompanionText(prev, cur) && belongs()) {
        last.comment = cur;
        continue;
      }
    }
    if (!cur.label) continue;
    last = { main: cur };
    questions.push(last);
  }
  return questions;
}
