// Fill history: one row per fill or undo, newest first when queried. Rows are written `pending` before the fill
// is sent (write-ahead) and resolved by request id, so a fill whose answer never came back is still on record.
import { FillEventSchema, type FillEvent, type FillResolution, type PortalId } from '../schema';
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

/** Applies each resolution to the rows of its request id, in one transaction. A late result overrides a read-back. */
export async function resolveFillEvents(resolutions: readonly FillResolution[], db: AutofillDatabase = getDatabase()): Promise<void> {
  if (resolutions.length === 0) return;
  await withStorageErrors('the fill history', () =>
    db.transaction('rw', db.history, async () => {
      for (const { requestId, changes } of resolutions) await db.history.where('requestId').equals(requestId).modify(changes);
    }),
  );
}

/** Rows still waiting for their result. */
export async function listPendingFillEvents(db: AutofillDatabase = getDatabase()): Promise<FillEvent[]> {
  return db.history.where('result').equals('pending').toArray();
}

/** Every row of one page (the tab's top page URL), oldest first. */
export async function pageFillEvents(pageUrl: string, db: AutofillDatabase = getDatabase()): Promise<FillEvent[]> {
  return db.history.where('pageUrl').equals(pageUrl).sortBy('seq');
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
