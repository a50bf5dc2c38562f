// Attaching an evidence file to a question's upload control: the one message that carries file bytes from the
// panel to a content script (only on the analyst's click, only to the frame the question lives in), and its reply.
import { z } from 'zod';
import { EVIDENCE_KINDS, EVIDENCE_MAX_BYTES } from '../evidence/evidence-file';
import { FillTargetSchema } from './fill';

const MIMES = Object.values(EVIDENCE_KINDS).map((k) => k.mime) as [string, ...string[]];

/** Base64 of at most 25 MB (extension messages are JSON, so bytes travel as base64). */
const MAX_BASE64 = Math.ceil(EVIDENCE_MAX_BYTES / 3) * 4;

export const AttachFileSchema = z
  .object({
    /** The file name the page will see; no path. */
    name: z
      .string()
      .min(1)
      .max(255)
      .refine((n) => !/[\\/\u0000-\u001f]/.test(n), 'a file name without path separators or control characters'),
    mime: z.enum(MIMES),
    size: z.number().int().positive().max(EVIDENCE_MAX_BYTES),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    base64: z.string().min(4).max(MAX_BASE64).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 text'),
  })
  .refine((f) => Math.floor((f.base64.length * 3) / 4) - (f.base64.endsWith('==') ? 2 : f.base64.endsWith('=') ? 1 : 0) === f.size, 'size does not match the bytes sent');
export type AttachFile = z.infer<typeof AttachFileSchema>;

export const AttachCommandSchema = z.object({
  type: z.literal('attach'),
  /** The question's upload control (its file input, or the portal's attachment button). */
  fieldId: z.string().min(1),
  question: FillTargetSchema,
  file: AttachFileSchema,
});

/** Undo of an attachment: clear it from the control where the page allows that. */
export const DetachCommandSchema = z.object({
  type: z.literal('detach'),
  fieldId: z.string().min(1),
  question: FillTargetSchema,
  fileName: z.string().min(1).max(255),
});

export const AttachStatusSchema = z.enum([
  /** The page shows the file (read back). */
  'attached',
  /** The file was handed to the page's upload path but the page never showed its name. */
  'unconfirmed',
  /** Undo: the page no longer shows the file. */
  'removed',
  /** Undo: the page keeps the file (an uploaded attachment); the analyst removes it in the portal. */
  'kept',
  'refused',
  'stale',
  'not-found',
]);
export type AttachStatus = z.infer<typeof AttachStatusSchema>;

export const AttachReplySchema = z.object({
  type: z.literal('attach-result'),
  status: AttachStatusSchema,
  /** The file names the page shows for the question after the action. */
  shown: z.array(z.string().max(500)).max(100),
  message: z.string().max(1000).optional(),
});
export type AttachReply = z.infer<typeof AttachReplySchema>;
