// What the content script reports about a page. Serialisable: it crosses the message boundary.
import { z } from 'zod';

export const QuestionKindSchema = z.enum([
  'text',
  'textarea',
  'richtext',
  'yesno',
  'single-choice',
  'multi-choice',
  'date',
  'number',
  'file',
]);
export type QuestionKind = z.infer<typeof QuestionKindSchema>;

/** Where a question's text was found. Adapters report `adapter:<portal>`. */
export const LabelSourceSchema = z.union([
  z.enum([
    'label-for',
    'label-wrap',
    'aria-labelledby',
    'aria-label',
    'fieldset-legend',
    'table-row',
    'table-header',
    'definition-list',
    'preceding-text',
    'placeholder',
    'title',
  ]),
  z.templateLiteral(['adapter:', z.string()]),
]);
export type LabelSource = z.infer<typeof LabelSourceSchema>;

export const PortalIdSchema = z.enum(['servicenow', 'onetrust', 'processunity', 'generic']);
export type PortalId = z.infer<typeof PortalIdSchema>;

/** A field value: text, one option label, several option labels, or nothing. */
export const FieldValueSchema = z.union([z.string(), z.array(z.string()), z.null()]);
export type FieldValue = z.infer<typeof FieldValueSchema>;

export const DetectedQuestionSchema = z.object({
  /** Stable across re-render and reload: portal id where there is one, else a hash of number + text + position. */
  key: z.string().min(1),
  /** Browser frame id, set by the receiver from the message sender (0 = top frame). */
  frameId: z.number().int().nonnegative().optional(),
  /** Origin of the frame the field lives in, when it is in a frame (shown on the card). */
  frameOrigin: z.string().optional(),
  /** URL of the frame document holding the control, when that is not the tab's page (absent = the top page). */
  frameUrl: z.string().optional(),
  /** Opaque id of the main control, valid in the frame that reported it. */
  fieldId: z.string().min(1),
  /** Opaque id of the companion comment / justification / additional-information box. */
  commentFieldId: z.string().optional(),
  /** Opaque id of the attachment control of the question, if any. */
  attachmentFieldId: z.string().optional(),
  text: z.string().min(1),
  textSource: LabelSourceSchema,
  number: z.string().optional(),
  section: z.string().optional(),
  helpText: z.string().optional(),
  kind: QuestionKindSchema,
  options: z.array(z.string()),
  /** The list searches as one types and may hold more than `options` (those it shows unfiltered, read by opening it). */
  optionsSearchable: z.boolean().optional(),
  required: z.boolean(),
  currentValue: FieldValueSchema,
  commentValue: z.string().optional(),
  portal: PortalIdSchema,
  /** The writer that fills this field (e.g. `input`, `select2`, `quill`, `button-group`). */
  writer: z.string().min(1),
  /** Why the analyst cannot see the control (e.g. "covered by another element", "clipped to 3 px"): not bulk-filled. */
  hidden: z.string().optional(),
});
export type DetectedQuestion = z.infer<typeof DetectedQuestionSchema>;

export const SectionInfoSchema = z.object({
  names: z.array(z.string()),
  /** Index into `names` of the section whose questions are in the DOM, or null if none is open. */
  open: z.number().int().nullable(),
});
export type SectionInfo = z.infer<typeof SectionInfoSchema>;

export const PageScanSchema = z.object({
  url: z.string(),
  title: z.string(),
  portal: PortalIdSchema,
  /** e.g. `sp-take-survey`, `classic-assessment`, `svdp`, `onetrust-assessment`. */
  pageKind: z.string().optional(),
  questions: z.array(DetectedQuestionSchema),
  sections: SectionInfoSchema.optional(),
  /** Drift warnings: a portal was recognised but an expected structure is missing. */
  warnings: z.array(z.string()),
  /** The page's life: an id per set of loaded documents (a reload changes it) and the Save clicks seen. */
  session: z.object({ pageId: z.string().min(1), saves: z.number().int().nonnegative() }).optional(),
  /** Origins of frames in the tab that were refused (not the tab's origin, not allowed for this tab). */
  refusedFrameOrigins: z.array(z.string()).optional(),
});
export type PageScan = z.infer<typeof PageScanSchema>;
