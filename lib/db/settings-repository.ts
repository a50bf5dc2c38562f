// Settings: small key/value records, each read through the caller's schema so a bad stored value is not trusted.
import type { z } from 'zod';
import { getDatabase, type AutofillDatabase } from './database';
import { withStorageErrors } from './storage';

/** The stored value parsed with `schema`, or `fallback` when it is missing or no longer valid. */
export async function getSetting<S extends z.ZodType>(
  key: string,
  schema: S,
  fallback: z.infer<S>,
  db: AutofillDatabase = getDatabase(),
): Promise<z.infer<S>> {
  const row = await db.settings.get(key);
  if (!row) return fallback;
  const parsed = schema.safeParse(row.value);
  return parsed.success ? parsed.data : fallback;
}

export async function setSetting(key: string, value: unknown, db: AutofillDatabase = getDatabase()): Promise<void> {
  await withStorageErrors(`the setting "${key}"`, () => db.settings.put({ key, value }));
}
