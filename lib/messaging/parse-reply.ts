// A frame's reply, parsed as ContentReplySchema parses it, but a large page scan a slice of questions per task: a
// 1,000-question scan parsed at once was one 30-80 ms task of the side panel, on every scan and re-scan.
import { z } from 'zod';
import { ContentReplySchema, ScanReplySchema, type ContentReply } from '../schema/messages';
import { DetectedQuestionSchema, PageScanSchema } from '../schema/detect';

/** Questions parsed per task. */
export const SCAN_QUESTIONS_PER_TASK = 200;

/** The scan reply with its questions left for the slices. */
const ScanEnvelopeSchema = ScanReplySchema.extend({ scan: PageScanSchema.extend({ questions: z.array(z.unknown()) }) });
const QuestionsSchema = z.array(DetectedQuestionSchema);

export type ReplyParse = { success: true; data: ContentReply } | { success: false; message: string };

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Parses `raw` like `ContentReplySchema.safeParse`, with the same result; a scan of more than `perTask` questions
 * is checked in slices a task apart (`yieldTask` stands in for the pause in tests).
 */
export async function parseContentReply(raw: unknown, perTask = SCAN_QUESTIONS_PER_TASK, yieldTask: () => Promise<void> = nextTask): Promise<ReplyParse> {
  const questions = (raw as { type?: unknown; scan?: { questions?: unknown } } | null)?.scan?.questions;
  if ((raw as { type?: unknown } | null)?.type !== 'scan-result' || !Array.isArray(questions) || questions.length <= perTask) {
    const parsed = ContentReplySchema.safeParse(raw);
    return parsed.success ? { success: true, data: parsed.data } : { success: false, message: parsed.error.message };
  }
  const envelope = ScanEnvelopeSchema.safeParse(raw);
  if (!envelope.success) return { success: false, message: envelope.error.message };
  const parsed: z.infer<typeof DetectedQuestionSchema>[] = [];
  for (let start = 0; start < questions.length; start += perTask) {
    await yieldTask();
    const slice = QuestionsSchema.safeParse(questions.slice(start, start + perTask));
    if (!slice.success) {
      const issues = slice.error.issues.map((i) => ({ ...i, path: ['scan', 'questions', start + Number(i.path[0]), ...i.path.slice(1)] }));
      return { success: false, message: new z.ZodError(issues).message };
    }
    for (const q of slice.data) parsed.push(q);
  }
  return { success: true, data: { ...envelope.data, scan: { ...envelope.data.scan, questions: parsed } } };
}
