// Learned aliases: question wordings the analyst accepted for an entry, looked up by their normalised text.
import { getDatabase, type AutofillDatabase } from './database';
import { LearnedAliasSchema, type LearnedAlias } from './records';
import { withStorageErrors } from './storage';

export type AliasInput = Pick<LearnedAlias, 'entryId' | 'text' | 'normalized' | 'origin' | 'pageUrl' | 'pageTitle'>;

/** What one learning wrote: the stored row and the row it replaced, so the learning can be taken back. */
export interface LearnedChange {
  alias: LearnedAlias & { id: number };
  replaced?: LearnedAlias;
}

/**
 * Records that `text` (normalised by the caller with the matcher's normalisation) means `entryId`, learned on the
 * page `origin`/`pageUrl`. A wording already learned for another entry is moved to this one (the latest decision
 * wins) and counts as unreviewed again.
 */
export async function learnAlias(input: AliasInput, db: AutofillDatabase = getDatabase(), now: Date = new Date()): Promise<LearnedChange> {
  const alias = LearnedAliasSchema.parse({ ...input, createdAt: now.toISOString() });
  return withStorageErrors('the learned wording', () =>
    db.transaction('rw', db.aliases, async () => {
      const existing = await db.aliases.where('normalized').equals(alias.normalized).first();
      const stored: LearnedAlias = existing?.id !== undefined ? { ...alias, id: existing.id } : alias;
      // `++id`: IndexedDB always assigns a number.
      const id = (await db.aliases.put(stored)) as number;
      return { alias: { ...stored, id }, ...(existing ? { replaced: existing } : {}) };
    }),
  );
}

/** `learnAlias`, returning only the stored row. */
export async function addLearnedAlias(input: AliasInput, db: AutofillDatabase = getDatabase(), now: Date = new Date()): Promise<LearnedAlias> {
  return (await learnAlias(input, db, now)).alias;
}

/**
 * Takes one learning back (the fill that taught it was undone): the row it replaced comes back, or the wording
 * is forgotten. A row changed since (learned again, reviewed) is left alone.
 */
export async function forgetLearning(change: LearnedChange, db: AutofillDatabase = getDatabase()): Promise<void> {
  await withStorageErrors('forgetting the learned wording', () =>
    db.transaction('rw', db.aliases, async () => {
      const current = await db.aliases.get(change.alias.id);
      if (!current || current.createdAt !== change.alias.createdAt || current.entryId !== change.alias.entryId || current.reviewedAt !== undefined) return;
      if (change.replaced) await db.aliases.put(change.replaced);
      else await db.aliases.delete(change.alias.id);
    }),
  );
}

/** Marks a learned wording reviewed: it then counts like the library's own wordings on every site. */
export async function markLearnedAliasReviewed(id: number, db: AutofillDatabase = getDatabase(), now: Date = new Date()): Promise<void> {
  const updated = await withStorageErrors('the review of the learned wording', () => db.aliases.update(id, { reviewedAt: now.toISOString() }));
  if (updated === 0) throw new Error(`learned wording ${id} no longer exists (removed in another panel?)`);
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
