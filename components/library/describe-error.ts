// Turns any error from the library code into one plain sentence for the UI (zod issues name their fields).
import { z } from 'zod';

export function describeError(error: unknown): string {
  if (error instanceof z.ZodError) {
    return `Not saved: ${error.issues.map((i) => `${i.path.join('.') || 'entry'}: ${i.message}`).join('; ')}.`;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
