// A frame's reply, parsed as ContentReplySchema parses it, but a large page scan a slice of questions per task: a
// 1,000-question scan parsed at once was one 30-80 ms task of the side panel, on every scan and re-scan. A slice
// ends at `perTask` questions or when its time is spent, whichever comes first: under load a fixed 200 questions
// was still a task of 50-170 ms (CPU profile, load 16-19), the thread taken away from the panel mid-slice.
import { z } from 'zod';
import { ContentReplySchema, ScanReplySchema, type ContentReply } from '../schema/messages';
import { DetectedQuestionSchema, PageScanSchema } from '../schema/detect';
import { SLICE_MS, yieldTask as nextTask } from './yield-task';

/** Questions parsed per task. */
export const SCAN_QUESTIONS_PER_TASK = 200;

/** The scan reply with its questions left for the slices. */
const ScanEnvelopeSchema = ScanReplySchema.extend({ scan: PageScanSchema.extend({ questions: z.array(z.unknown()) }) });

export type ReplyParse = { success: true; data: ContentReply } | { success: false; message: string };

/** How long a slice may take, and the clock it is read on (a fake one in tests). */
export interface SliceBudget {
  ms: number;
  now: () => number;
}

const realBudget: SliceBudget = { ms: SLICE_MS, now: () => performance.now() };

/**
 * Parses `raw` like `ContentReplySchema.safeParse`, with the same result; a scan of more than `perTask` questions
 * is checked in slices a task apart, each at most `perTask` questions and about `budget.ms` long (`yieldTask`
 * stands in for the pause in tests).
 */
export async function parseContentReply(
  raw: unknown,
  perTask = SCAN_QUESTIONS_PER_TASK,
  yieldTask: () => Promise<void> = nextTask,
  budget: SliceBudget = realBudget,
): Promise<ReplyParse> {
  const questions = (raw as { type?: unknown; scan?: { questions?: unknown } } | null)?.scan?.questions;
  if ((raw as { type?: unknown } | null)?.type !== 'scan-result' || !Array.isArray(questions) || questions.length <= perTask) {
    const parsed = ContentReplySchema.safeParse(raw);
    return parsed.success ? { success: true, data: parsed.data } : { success: false, message: parsed.error.message };
  }
  const envelope = ScanEnvelopeSchema.safeParse(raw);
  if (!envelope.success) return { success: false, message: envelope.error.message };
  const parsed: z.infer<typeof DetectedQuestionSchema>[] = [];
  let index = 0;
  while (index < questions.length) {
    await yieldTask();
    const started = budget.now();
    const end = Math.min(questions.length, index + perTask);
    // At least one question a slice, however slow the clock says it is.
    do {
      const one = DetectedQuestionSchema.safeParse(questions[index]);
      if (!one.success) {
        const issues = one.error.issues.map((i) => ({ ...i, path: ['scan', 'questions', index, ...i.path] }));
        return { success: false, message: new z.ZodError(issues).message };
      }
      parsed.push(one.data);
      index++;
    } while (index < end && budget.now() - started < budget.ms);
  }
  return { success: true, data: { ...envelope.data, scan: { ...envelope.data.scan, questions: parsed } } };
}
