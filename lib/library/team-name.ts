// The team name this library belongs to: a Library-tab setting written as `source` in JSON exports, so whoever
// imports the file sees where it came from.
import { z } from 'zod';
import { getDatabase, type AutofillDatabase } from '../db/database';
import { getSetting, setSetting } from '../db/settings-repository';

export const TEAM_NAME_SETTING = 'teamName';
export const MAX_TEAM_NAME_CHARS = 100;

/** Trimmed; empty means "no team name" (exports then carry no `source`). */
export const TeamNameSchema = z
  .string()
  .trim()
  .max(MAX_TEAM_NAME_CHARS, `The team name is too long: at most ${MAX_TEAM_NAME_CHARS} characters.`)
  .refine((name) => !/\p{Cc}/u.test(name), 'The team name cannot contain line breaks, tabs or other control characters.');

export class TeamNameError extends Error {
  override readonly name = 'TeamNameError';
}

/** The saved team name, or '' when none is set (or the stored value is no longer valid). */
export async function getTeamName(db: AutofillDatabase = getDatabase()): Promise<string> {
  return getSetting(TEAM_NAME_SETTING, TeamNameSchema, '', db);
}

/** Validates and saves `input`; returns the name as saved (trimmed). Nothing is saved when it is invalid. */
export async function saveTeamName(input: string, db: AutofillDatabase = getDatabase()): Promise<string> {
  const parsed = TeamNameSchema.safeParse(input);
  if (!parsed.success) throw new TeamNameError(`Team name not saved: ${parsed.error.issues.map((i) => i.message).join(' ')}`);
  await setSetting(TEAM_NAME_SETTING, parsed.data, db);
  return parsed.data;
}
