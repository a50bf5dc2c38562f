// Scan a frame: every readable document of it (its own and same-origin iframes) goes to the first portal
// adapter that recognises it, else to the generic detector; elements become opaque ids in the registry.
import type { DetectedQuestion, FieldValue, PageScan, PortalId, SectionInfo } from '../schema';
import { findWriter } from '../fill/writers';
import type { FieldRegistry } from './field-registry';
import type { AdapterScan, PortalAdapter, RawQuestion } from './types';
import { readableDocuments } from './deep-query';
import { collectGeneric } from './generic';
import type { GenericScanCache } from './incremental-scan';
import { comparableText, hashText } from './text';
import { LayoutReadings, VisibilityCheck, type VisibilityOptions } from './visibility';
import { hiddenReasonOf } from '../fill/fill-guards';

export interface ScanOptions extends VisibilityOptions {
  adapters: readonly PortalAdapter[];
  registry: FieldRegistry;
  /** Keeps the generic detector's last result per document, for incremental re-scans. */
  cache?: GenericScanCache;
  /** Nodes changed since the last scan (mutation targets): only their regions are re-collected. Absent = full scan. */
  dirty?: readonly Node[];
}

/** The writer for a bare element (a companion box an adapter or the grouping pass found). */
export function writerForElement(el: Element): string {
  if (el.tagName === 'TEXTAREA') return 'textarea';
  if (el.tagName === 'INPUT') return (el as HTMLInputElement).type === 'file' ? 'file' : 'input';
  if (el.tagName === 'SELECT') return 'select';
  return 'contenteditable';
}

function readValue(writer: string, control: Element, kind: DetectedQuestion['kind']): FieldValue {
  const w = findWriter(writer);
  if (!w) return null;
  try {
    return w.read(control, kind);
  } catch {
    return null;
  }
}

/** Normalised key text per raw question: incremental scans keep raw questions, so this is computed once. */
const keyBases = new WeakMap<RawQuestion, string>();

/**
 * Stable key: the portal's id where there is one, else a hash of section + number + text and the ordinal among
 * questions with that same triple (so identical texts in one section stay distinct and keep their keys when
 * other questions are added or removed).
 */
export function stableKey(portal: PortalId, q: RawQuestion, seen: Map<string, number>): string {
  if (q.portalKey) return `${portal}:${q.portalKey}`;
  let base = keyBases.get(q);
  if (base === undefined) {
    base = `${comparableText(q.section ?? '')}|${q.number ?? ''}|${comparableText(q.text)}`;
    keyBases.set(q, base);
  }
  const n = seen.get(base) ?? 0;
  seen.set(base, n + 1);
  return `${portal}:${hashText(`${base}|${n}`)}`;
}

interface DocumentScan {
  portal: PortalId;
  scan: AdapterScan;
}

function scanDocument(doc: Document, options: ScanOptions): DocumentScan {
  let url: URL;
  try {
    url = new URL(doc.URL);
  } catch {
    url = new URL('about:blank');
  }
  for (const adapter of options.adapters) {
    if (!adapter.recognize(doc, url)) continue;
    return { portal: adapter.id, scan: adapter.collect(doc, url) };
  }
  const { cache, dirty } = options;
  if (!cache) return { portal: 'generic', scan: collectGeneric(doc, options) };
  return { portal: 'generic', scan: dirty ? cache.update(doc, dirty, options) : cache.full(doc, options) };
}

/** The hidden reason of `q`: kept from the last scan when the incremental re-scan vouches for it, else checked. */
function hiddenReasonOnce(q: RawQuestion, check: VisibilityCheck, options: ScanOptions): string | null {
  const known = options.cache?.knownHiddenReason(q);
  if (known !== undefined) return known;
  const hidden = hiddenReasonOf(q.control, q.writer, check);
  if (options.cache && options.readings) options.cache.rememberHiddenReason(q, hidden, options.readings);
  return hidden;
}

/** Scan `doc` and its readable iframes; with layout, each question's control is also tested for visibility. */
export function scanPage(doc: Document, options: ScanOptions): PageScan {
  // One set of layout readings for the whole (synchronous) scan: detection and the hidden checks share it.
  const readings = options.readings ?? new LayoutReadings();
  const check = options.layout ? new VisibilityCheck('scan', readings) : null;
  options.cache?.beginScan();
  try {
    return scanDocuments(doc, { ...options, readings }, check);
  } finally {
    check?.release();
  }
}

function scanDocuments(doc: Document, options: ScanOptions, check: VisibilityCheck | null): PageScan {
  const { registry } = options;
  const questions: DetectedQuestion[] = [];
  const warnings: string[] = [];
  const seenControls = new Set<Element>();
  const seenKeys = new Map<string, number>();
  let portal: PortalId = 'generic';
  let pageKind: string | undefined;
  let sections: SectionInfo | undefined;

  const reuse = options.dirty !== undefined && options.cache?.documents !== undefined;
  const readings = options.readings;
  const documents = reuse
    ? (options.cache?.documents ?? []).filter((d) => d.defaultView !== null)
    : readableDocuments(doc, 0, readings ? (d) => readings.roots(d) : undefined);
  if (options.cache) options.cache.documents = documents;
  // A full scan hit-tests the questions in view: the pointer is taken before the first style read, so the page's
  // styles are computed once for the whole scan. A re-scan takes it only if one of its few questions is in view.
  if (check && !options.dirty) for (const d of documents) check.makeHittable(d);
  for (const d of documents) {
    const { portal: docPortal, scan } = scanDocument(d, options);
    if (docPortal !== 'generic' && portal === 'generic') {
      portal = docPortal;
      pageKind = scan.pageKind;
    }
    sections ??= scan.sections;
    warnings.push(...scan.warnings);
    for (const q of scan.questions) {
      if (seenControls.has(q.control)) continue;
      seenControls.add(q.control);
      const fieldId = registry.register(q.control, { writer: q.writer, questionText: q.text, kind: q.kind });
      const detected: DetectedQuestion = {
        key: stableKey(docPortal, q, seenKeys),
        fieldId,
        text: q.text,
        textSource: q.textSource,
        kind: q.kind,
        options: q.options,
        required: q.required,
        currentValue: readValue(q.writer, q.control, q.kind),
        portal: docPortal,
        writer: q.writer,
      };
      if (q.optionsSearchable) detected.optionsSearchable = true;
      // A same-origin frame read from its parent: the card says the field is in a frame.
      if (d !== doc) detected.frameOrigin = d.defaultView?.origin ?? new URL(d.URL).origin;
      const hidden = check ? hiddenReasonOnce(q, check, options) : null;
      if (hidden) detected.hidden = hidden;
      if (d !== doc) detected.frameUrl = d.URL;
      if (q.number) detected.number = q.number;
      if (q.section) detected.section = q.section;
      if (q.helpText) detected.helpText = q.helpText;
      if (q.comment) {
        const writer = q.commentWriter ?? writerForElement(q.comment);
        detected.commentFieldId = registry.register(q.comment, { writer, questionText: q.text, kind: 'textarea' });
        const value = readValue(writer, q.comment, 'textarea');
        if (typeof value === 'string') detected.commentValue = value;
      }
      if (q.attachment) {
        detected.attachmentFieldId = registry.register(q.attachment, { writer: 'file', questionText: q.text, kind: 'file' });
      }
      questions.push(detected);
    }
  }

  if (!options.dirty) registry.prune();
  const result: PageScan = { url: doc.URL, title: doc.title, portal, questions, warnings };
  if (pageKind) result.pageKind = pageKind;
  if (sections) result.sections = sections;
  return result;
}
