// Contracts inside the content script: what label strategies and portal adapters produce
// before the registry turns elements into opaque field ids.
import type { FieldValue, LabelSource, PortalId, QuestionKind, SectionInfo } from '../schema';

/** One question as found in the DOM (elements, not yet ids). */
export interface RawQuestion {
  /** The main control: input, select, textarea, contenteditable, or the container of a radio/checkbox/button group. */
  control: Element;
  kind: QuestionKind;
  text: string;
  textSource: LabelSource;
  number?: string;
  section?: string;
  helpText?: string;
  options: string[];
  /** See DetectedQuestion.optionsSearchable. */
  optionsSearchable?: boolean;
  required: boolean;
  /** The comment / justification / additional-information box of this question. */
  comment?: Element;
  /** Writer of the comment box when it is not a plain textarea/input/contenteditable (e.g. `quill`). */
  commentWriter?: string;
  attachment?: Element;
  /** The portal's own id for the question (e.g. ServiceNow's ASMTQUESTION sys_id), the basis of a stable key. */
  portalKey?: string;
  /** Id of the FieldWriter that fills this control. */
  writer: string;
}

export interface AdapterScan {
  pageKind?: string;
  questions: RawQuestion[];
  sections?: SectionInfo;
  /** Drift warnings: the page was recognised but an expected structure is missing. */
  warnings: string[];
}

/** One portal, one file in lib/detect/portals/, registered in lib/detect/portals/index.ts. */
export interface PortalAdapter {
  id: Exclude<PortalId, 'generic'>;
  /** Host patterns for the manifest, e.g. `*://*.service-now.com/*`. */
  hostPatterns: string[];
  /** True when this document is a page of this portal (by URL or markup: custom domains exist). */
  recognize(doc: Document, url: URL): boolean;
  /** Collect the questions of the document (the adapter walks shadow roots it knows about). */
  collect(doc: Document, url: URL): AdapterScan;
  /** Open section `index` (accordion, pager) and resolve once its questions are rendered. */
  openSection?(doc: Document, index: number, signal?: AbortSignal): Promise<boolean>;
  /**
   * Read the options of widgets that render them only while open (open, read, close; the value is left as it
   * was), so the next collect() reports them. Resolves to how many widgets were read.
   */
  readDeferredOptions?(doc: Document, signal?: AbortSignal): Promise<number>;
  /** How many of the page's own "saved" indicators show now (an autosaving portal's badge), if it has any. */
  countSaveIndicators?(doc: Document): number;
}
