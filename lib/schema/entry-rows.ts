// Library entries sent between extension pages and workers as one JSON text (one copy instead of thousands of
// objects to clone): the receiver checks that the text is a list of rows, each with a string id, question and answer.

/** The rows of `text`, or undefined when it is not a list of entry-shaped objects (the caller then has no rows). */
export function entryRowsOf<T extends { id: string; question: string; answer: string }>(text: string): T[] | undefined {
  let rows: unknown;
  try {
    rows = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(rows)) return undefined;
  for (const row of rows as unknown[]) {
    if (typeof row !== 'object' || row === null) return undefined;
    const { id, question, answer } = row as Record<string, unknown>;
    if (typeof id !== 'string' || typeof question !== 'string' || typeof answer !== 'string') return undefined;
  }
  return rows as T[];
}
