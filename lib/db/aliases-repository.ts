// Learned aliases: question wordings the analyst accepted for an entry, looked up by their normalised text.
import { getDatabase, type AutofillDatabase } from './database';
import { LearnedAliasSchema, type LearnedAlias } from './records';
import { withStorageErrors } from './storage';

/**
 * Records that `text` (normalised by the caller with the matcher's normalisation) means `entryId`.
 * A wording already learned for another entry is moved to this one: the latest decision wins.
 */
export async function addLearnedAlias(
  input: { entryId: string; text: string; normalized: string },
  db: AutofillDatabase = getDatabase(),
  now: Date = new Date(),
): Promise<LearnedAlias> {
  const alias = LearnedAliasSchema.parse({ ...input, createdAt: now.toISOString() });
  return withStorageErrors('the learned wording', () =>
    db.transaction('rw', db.aliases, async () => {
      const existing = await db.aliases.where('normalized').equals(alias.normalized).first();
      const stored: LearnedAlias = existing?.id !== undefined ? { ...alias, id: existing.id } : alias;
      const id = await db.aliases.put(stored);
      return { ...stored, id };
    }),
  );
}

/** All learned aliases, or those of one entry. */
export async function listLearnedAliases(entryId?: string, db: AutofillDatabase = getDatabase()): Promise<LearnedAlias[]> {
  return entryId === undefined ? db.aliases.toArray() : db.aliases.where('entryId').equals(entryId).toArray();
}

export async function findLearnedAlias(normalized: string, db: AutofillDatabase = getDatabase()): Promise<LearnedAlias | undefined> {
  return db.aliases.where('normalized').equals(normalized).first();
}

export async function removeLearnedAlias(id: number, db: AutofillDatabase = getDatabase()): Promise<void> {
  await db.aliases.delete(id);
}
