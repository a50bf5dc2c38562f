// Merging one near-duplicate entry into another (the Library view's duplicates, lib/library/find-duplicates.ts).
import type { LibraryEntry } from '../schema';

/**
 * The kept entry with the other merged in: the other's question and alternate wordings become alternates (each
 * wording once, never the kept question itself). The answer, citations and the rest stay the kept entry's.
 */
export function mergedContent<E extends LibraryEntry>(kept: E, other: LibraryEntry): E {
  const seen = new Set([kept.question.trim()]);
  const alternates: string[] = [];
  for (const wording of [...(kept.alternateQuestions ?? []), other.question, ...(other.alternateQuestions ?? [])]) {
    const trimmed = wording.trim();
    if (trimmed === '' || seen.has(trimmed)) continue;
    seen.add(trimmed);
    alternates.push(wording);
  }
  return { ...kept, ...(alternates.length > 0 ? { alternateQuestions: alternates } : {}) };
}
