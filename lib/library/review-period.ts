// The team's review period: how long a reviewed answer stays current. "Mark reviewed" in the review queue sets the
// next expiry this many days ahead. A Library-view setting, stored in the settings table.
import { z } from 'zod';
import { getDatabase, type AutofillDatabase } from '../db/database';
import { getSetting, setSetting } from '../db/settings-repository';
import { DEFAULT_REVIEW_PERIOD_DAYS, MAX_REVIEW_PERIOD_DAYS } from './review-queue';

export const REVIEW_PERIOD_SETTING = 'reviewPeriodDays';

export const ReviewPeriodSchema = z
  .number({ error: 'The review period must be a number of days.' })
  .int('The review period must be a whole number of days.')
  .min(1, 'The review period must be at least 1 day.')
  .max(MAX_REVIEW_PERIOD_DAYS, `The review period can be at most ${MAX_REVIEW_PERIOD_DAYS} days (three years).`);

export class ReviewPeriodError extends Error {
  override readonly name = 'ReviewPeriodError';
}

export async function getReviewPeriod(db: AutofillDatabase = getDatabase()): Promise<number> {
  return getSetting(REVIEW_PERIOD_SETTING, ReviewPeriodSchema, DEFAULT_REVIEW_PERIOD_DAYS, db);
}

/** Validates and saves the period (days); nothing is saved when it is invalid. */
export async function saveReviewPeriod(days: number, db: AutofillDatabase = getDatabase()): Promise<number> {
  const parsed = ReviewPeriodSchema.safeParse(days);
  if (!parsed.success) throw new ReviewPeriodError(`Review period not saved: ${parsed.error.issues.map((i) => i.message).join(' ')}`);
  await setSetting(REVIEW_PERIOD_SETTING, parsed.data, db);
  return parsed.data;
}
