// Learning from the analyst: an accepted (question, entry) pair becomes a learned alias, stored by the side
// panel in the `aliases` table and passed back to `buildIndex`, so the same wording matches exactly next time.
import type { LearnedAlias } from '../db/database';
import { normalizeQuestion } from './normalize';

/**
 * The alias record for "the analyst accepted entry `entryId` for question `text`" (without the db's id).
 * `normalized` is the lookup key; throws when the text has no words to learn from.
 */
export function createLearnedAlias(text: string, entryId: string, createdAt: string = new Date().toISOString()): Omit<LearnedAlias, 'id'> {
  const normalized = normalizeQuestion(text);
  if (!normalized) throw new Error(`cannot learn an alias from question text "${text}": it has no words after normalisation`);
  if (!entryId) throw new Error('cannot learn an alias without an entry id');
  return { entryId, text: text.trim(), normalized, createdAt };
}
