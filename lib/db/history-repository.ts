// Fill history: one row per fill or undo, newest first when queried.
import { FillEventSchema, type FillEvent, type PortalId } from '../schema';
import { getDatabase, type AutofillDatabase } from './database';
import { withStorageErrors } from './storage';

export async function addFillEvent(event: FillEvent, db: AutofillDatabase = getDatabase()): Promise<FillEvent> {
  const { seq: _ignored, ...row } = FillEventSchema.parse(event);
  const seq = await withStorageErrors('the fill history', () => db.history.add(row));
  return { ...row, seq };
}

/** Several events in one transaction (a batch fill): all recorded or none. */
export async function addFillEvents(events: FillEvent[], db: AutofillDatabase = getDatabase()): Promise<void> {
  const rows = events.map((event) => {
    const { seq: _ignored, ...row } = FillEventSchema.parse(event);
    return row;
  });
  await withStorageErrors('the fill history', () => db.transaction('rw', db.history, () => db.history.bulkAdd(rows)));
}

export interface HistoryQuery {
  portal?: PortalId;
  entryId?: string;
  pageUrl?: string;
  questionKey?: string;
  /** ISO date-time: only events at or after it. */
  since?: string;
  limit?: number;
}

/** Events matching every given filter, newest first. */
export async function queryHistory(query: HistoryQuery = {}, db: AutofillDatabase = getDatabase()): Promise<FillEvent[]> {
  const collection = query.since !== undefined ? db.history.where('at').aboveOrEqual(query.since).reverse() : db.history.orderBy('seq').reverse();
  const filtered = collection.filter(
    (e) =>
      (query.portal === undefined || e.portal === query.portal) &&
      (query.entryId === undefined || e.entryId === query.entryId) &&
      (query.pageUrl === undefined || e.pageUrl === query.pageUrl) &&
      (query.questionKey === undefined || e.questionKey === query.questionKey),
  );
  return query.limit !== undefined ? filtered.limit(query.limit).toArray() : filtered.toArray();
}

export async function clearHistory(db: AutofillDatabase = getDatabase()): Promise<void> {
  await db.history.clear();
}
