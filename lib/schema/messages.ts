// The typed protocol between side panel, background and content script. Every message is parsed on receipt.
import { z } from 'zod';
import { PageScanSchema } from './detect';
import { FillRequestSchema, FillResultSchema } from './fill';
import { AttachCommandSchema, AttachReplySchema, DetachCommandSchema } from './attach';

/**
 * What the panel tells each frame about the tab: the top frame's origin (read by the panel from frame 0) and
 * the origins the analyst allowed for this tab. A cross-origin frame answers only with one of them
 * (frame-role.ts).
 */
export const FrameTrustSchema = z.object({
  topOrigin: z.string().min(1),
  allowedOrigins: z.array(z.string().min(1)).max(50),
});
export type FrameTrust = z.infer<typeof FrameTrustSchema>;

/** Side panel -> content script (through tabs.sendMessage, optionally to one frame). */
const PanelCommandSchema = z.discriminatedUnion('type', [
  /**
   * `openLists`: the analyst asked for this scan in the panel, so lists that show their options only while open
   * may be opened (and closed again) to read them. Scans the panel runs on its own never change the page.
   */
  z.object({ type: z.literal('scan'), openLists: z.boolean().optional() }),
  z.object({ type: z.literal('fill'), requests: z.array(FillRequestSchema).min(1).max(2000) }),
  z.object({ type: z.literal('highlight'), fieldIds: z.array(z.string()).max(5000), mode: z.enum(['detected', 'focus', 'filled', 'clear']) }),
  z.object({ type: z.literal('scroll-to'), fieldId: z.string() }),
  z.object({ type: z.literal('open-section'), index: z.number().int().nonnegative() }),
  AttachCommandSchema,
  DetachCommandSchema,
]);
export const PanelToContentSchema = PanelCommandSchema.and(z.object({ frames: FrameTrustSchema.optional() }));
export type PanelToContent = z.infer<typeof PanelToContentSchema>;

export const ScanReplySchema = z.object({ type: z.literal('scan-result'), scan: PageScanSchema });
export const FillReplySchema = z.object({ type: z.literal('fill-result'), results: z.array(FillResultSchema) });
export const OkReplySchema = z.object({ type: z.literal('ok'), ok: z.boolean(), message: z.string().optional() });
/** A frame that stays quiet: its parent frame already reads it, or it may not be read (sandboxed, foreign). */
export const SkippedReplySchema = z.object({ type: z.literal('skipped'), reason: z.string() });
export const ContentReplySchema = z.discriminatedUnion('type', [ScanReplySchema, FillReplySchema, OkReplySchema, SkippedReplySchema, AttachReplySchema]);
export type ContentReply = z.infer<typeof ContentReplySchema>;

/** Content script -> extension (runtime.sendMessage): the page's questions changed. */
export const ContentToExtensionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('questions-changed'), scan: PageScanSchema }),
]);
export type ContentToExtension = z.infer<typeof ContentToExtensionSchema>;
