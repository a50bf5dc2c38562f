// The panel's state for the questions of the target page: one row per detected question, with its ranked
// proposals and where it stands (proposed, no match, filled, edited, skipped, failed). A pure reducer.
import type { DetectedQuestion, FieldValue, FillRequest, FillResult, Proposal } from '../schema';

export type RowStatus = 'proposed' | 'no-match' | 'filled' | 'edited' | 'skipped' | 'failed';

/** What a fill wrote, kept so it can be undone. */
export interface LastFill {
  requests: FillRequest[];
  results: FillResult[];
  value: FieldValue;
  comment?: string;
  edited: boolean;
  entryId?: string;
}

export interface QuestionRow {
  key: string;
  question: DetectedQuestion;
  /** Ranked, best first; may include a proposal the analyst found by searching the library. */
  proposals: Proposal[];
  /** Index into `proposals` of the one shown (and filled on accept). */
  chosen: number;
  status: RowStatus;
  pending: boolean;
  /** Why the last fill failed, in words for the analyst. */
  failure?: string;
  lastFill?: LastFill;
  /** What the page shows now for a field we filled, when it differs from what the fill left there. */
  changedOnPage?: FieldValue;
  /** The question appeared on a later scan of the page (e.g. a dependent question revealed by an answer). */
  appeared?: boolean;
  /** Its proposals are still being computed (matching runs in the background). */
  matching?: boolean;
  /**
   * The analyst chose the shown proposal (another candidate, or an entry found by searching the library): it
   * survives the engine's later answers. The engine's own first choice does not: when the library changes, the
   * engine's new answer replaces it (an entry removed by an import is not proposed on).
   */
  picked?: boolean;
}

export interface RowsState {
  rows: QuestionRow[];
  /** Rows by key from every scan of this page, so a section switch or re-render keeps what was done. */
  memory: ReadonlyMap<string, QuestionRow>;
  /** Filled questions the page hid since (see hiddenSinceFill), oldest first, until they show again or are dismissed. */
  hidden: readonly HiddenFill[];
}

/**
 * A question filled from the panel that a later scan no longer finds while questions shown beside it in its
 * section are still there: the page hid it, as a portal hides a dependent question when the answer it depends on
 * changes. What was filled into it may still be saved with the form, and the analyst no longer sees it.
 */
export interface HiddenFill {
  key: string;
  fieldId: string;
  number?: string;
  text: string;
  section?: string;
}

export type RowsAction =
  | { type: 'reset' }
  /** `restored`: fills the history holds for questions whose field still shows them (by current key). */
  | { type: 'scanned'; questions: DetectedQuestion[]; proposals: Record<string, Proposal[]>; matching?: readonly string[]; restored?: Record<string, LastFill> }
  /** Matching stopped (the matcher failed): no row waits for proposals any more. */
  | { type: 'matching-stopped' }
  /** A batch of proposals for rows of the last scan that were still matching. */
  | { type: 'proposed'; proposals: Record<string, Proposal[]> }
  | { type: 'fill-started'; keys: string[] }
  /** `fieldId` finds the row when a re-scan gave the question a new key while it was being filled (renumbering). */
  | { type: 'fill-finished'; key: string; fieldId?: string; fill: LastFill }
  | { type: 'fill-aborted'; key: string; reason: string }
  | { type: 'undone'; key: string; fieldId?: string; results: FillResult[] }
  | { type: 'skip'; key: string }
  | { type: 'choose'; key: string; index: number }
  | { type: 'add-proposal'; key: string; proposal: Proposal }
  /** The analyst has read the notice of filled questions the page hid. */
  | { type: 'dismiss-hidden' };

export const emptyRows: RowsState = { rows: [], memory: new Map(), hidden: [] };

const filledHere = (r: QuestionRow) => r.lastFill !== undefined && (r.status === 'filled' || r.status === 'edited');
const placeOf = (q: DetectedQuestion) => `${q.frameUrl ?? ''}\n${q.section ?? ''}`;

/**
 * The filled questions of the previous scan that `questions` (the new scan) no longer has, while another question
 * that was shown beside them in their section (same frame) still is: a question hidden on the page, not a section
 * left or a page changed (then none of its neighbours stays). A question found again under a new key (renumbered)
 * is found by its field.
 */
export function hiddenSinceFill(previous: readonly QuestionRow[], questions: readonly DetectedQuestion[]): HiddenFill[] {
  const keys = new Set(questions.map((q) => q.key));
  const fields = new Set(questions.map((q) => q.fieldId));
  const present = (r: QuestionRow) => keys.has(r.key) || fields.has(r.question.fieldId);
  const placesStillShown = new Set(previous.filter(present).map((r) => placeOf(r.question)));
  return previous
    .filter((r) => filledHere(r) && !present(r) && placesStillShown.has(placeOf(r.question)))
    .map((r) => ({ key: r.key, fieldId: r.question.fieldId, number: r.question.number, text: r.question.text, section: r.question.section }));
}

export function baseStatus(row: Pick<QuestionRow, 'proposals'>): RowStatus {
  return row.proposals.length > 0 ? 'proposed' : 'no-match';
}

export function currentProposal(row: QuestionRow): Proposal | undefined {
  return row.proposals[row.chosen];
}

function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/** Whether a fill stuck, and if not, why, in the analyst's words. */
export function describeFillOutcome(requests: readonly Pick<FillRequest, 'fieldId' | 'value'>[], results: FillResult[]): { ok: boolean; reason?: string } {
  for (const request of requests) {
    const result = results.find((r) => r.fieldId === request.fieldId);
    if (!result) return { ok: false, reason: 'The page did not answer for this field; re-scan and try again.' };
    const detail = result.message ? ` ${result.message}` : '';
    switch (result.status) {
      case 'filled':
        continue;
      case 'unchanged':
        if (sameValue(result.actual, request.value)) continue;
        return { ok: false, reason: `The field did not keep the value.${detail}` };
      case 'truncated':
        return { ok: false, reason: `The portal cut the answer short (it kept ${String(result.actual ?? '').length} characters).${detail}` };
      case 'rejected':
        return { ok: false, reason: `The portal rejected the value.${detail}` };
      case 'not-found':
        return { ok: false, reason: `The field is no longer on the page; re-scan.${detail}` };
      case 'stale':
        return { ok: false, reason: `The question changed since the scan; re-scan before filling.${detail}` };
      case 'refused':
        return { ok: false, reason: `The fill was refused for safety.${detail}` };
    }
  }
  return { ok: true };
}

function patch(state: RowsState, key: string, change: (row: QuestionRow) => QuestionRow, fieldId?: string): RowsState {
  let index = state.rows.findIndex((r) => r.key === key);
  if (index < 0 && fieldId !== undefined) index = state.rows.findIndex((r) => r.question.fieldId === fieldId);
  if (index < 0) return state;
  const next = change(state.rows[index]!);
  const rows = state.rows.slice();
  rows[index] = next;
  return { ...state, rows, memory: new Map(state.memory).set(next.key, next) };
}

/** The page's current value of a filled question when someone (or the page) changed it after the fill. */
export function changedSinceFill(question: DetectedQuestion, fill: LastFill | undefined): FieldValue | undefined {
  const main = fill?.results.find((r) => r.fieldId === question.fieldId);
  if (!main || (main.status !== 'filled' && main.status !== 'unchanged')) return undefined;
  const now = question.currentValue;
  const empty = (v: FieldValue) => v === null || v === '' || (Array.isArray(v) && v.length === 0);
  if (empty(now) && empty(main.actual)) return undefined;
  return sameValue(now, main.actual) ? undefined : now;
}

/**
 * `answered`: `proposals` are the engine's answer for the library now (not proposals still being computed, given as
 * none): only the analyst's own pick is kept beside them. Until the answer comes, the shown proposal stays.
 */
function mergeScanned(previous: QuestionRow | undefined, question: DetectedQuestion, proposals: Proposal[], restored: LastFill | undefined, answered = false): QuestionRow {
  const fresh: QuestionRow = { key: question.key, question, proposals, chosen: 0, status: proposals.length ? 'proposed' : 'no-match', pending: false };
  const settled = previous !== undefined && previous.status !== 'proposed' && previous.status !== 'no-match';
  // The panel has no memory of this question's fill (reopened, or the question was renumbered): the history has.
  if (restored && !settled && !previous?.pending) {
    const kept = previous ? mergeScanned(previous, question, proposals, undefined, answered) : fresh;
    return { ...kept, status: restored.edited ? 'edited' : 'filled', failure: undefined, lastFill: restored, changedOnPage: undefined };
  }
  if (!previous) return fresh;
  // A proposal the analyst picked or found by hand survives a re-scan.
  const pickedId = previous.proposals[previous.chosen]?.entryId;
  const keep = !answered || previous.picked === true;
  const kept = keep ? previous.proposals.filter((p) => !proposals.some((n) => n.entryId === p.entryId) && p.entryId === pickedId) : [];
  const merged = [...proposals, ...kept];
  const chosen = Math.max(0, merged.findIndex((p) => p.entryId === pickedId));
  const picked = previous.picked === true && merged[chosen]?.entryId === pickedId;
  const filled = previous.status === 'filled' || previous.status === 'edited';
  return {
    ...fresh,
    proposals: merged,
    chosen,
    status: settled ? previous.status : merged.length ? 'proposed' : 'no-match',
    ...(picked ? { picked } : {}),
    failure: previous.failure,
    lastFill: previous.lastFill,
    changedOnPage: filled ? changedSinceFill(question, previous.lastFill) : undefined,
  };
}

export function rowsReducer(state: RowsState, action: RowsAction): RowsState {
  switch (action.type) {
    case 'reset':
      return emptyRows;
    case 'scanned': {
      // New in a section that was already on screen = revealed by a change; a newly opened section is not.
      const shownSections = new Set(state.rows.map((r) => r.question.section ?? ''));
      const matching = new Set(action.matching);
      const rows = action.questions.map((q) => {
        // A frame that navigated shows another document: what was done in the old one does not carry over.
        const remembered = state.memory.get(q.key);
        const previous = remembered?.question.frameUrl === q.frameUrl ? remembered : undefined;
        const known = action.proposals[q.key];
        const row = mergeScanned(previous, q, known ?? [], action.restored?.[q.key], known !== undefined);
        const appeared = previous ? previous.appeared : shownSections.has(q.section ?? '');
        const shown = appeared ? { ...row, appeared } : row;
        return matching.has(q.key) ? { ...shown, matching: true } : shown;
      });
      const memory = new Map(state.memory);
      for (const row of rows) memory.set(row.key, row);
      // Shown again, under its key or (renumbered) by its field: no longer hidden.
      const shownKeys = new Set(action.questions.map((q) => q.key));
      const shownFields = new Set(action.questions.map((q) => q.fieldId));
      const stillHidden = state.hidden.filter((h) => !shownKeys.has(h.key) && !shownFields.has(h.fieldId));
      const newlyHidden = hiddenSinceFill(state.rows, action.questions).filter((h) => !stillHidden.some((o) => o.key === h.key));
      const hidden = stillHidden.length === state.hidden.length && newlyHidden.length === 0 ? state.hidden : [...stillHidden, ...newlyHidden];
      return { rows, memory, hidden };
    }
    case 'dismiss-hidden':
      return state.hidden.length === 0 ? state : { ...state, hidden: [] };
    case 'proposed': {
      const memory = new Map(state.memory);
      const rows = state.rows.map((r) => {
        const proposals = action.proposals[r.key];
        if (!proposals) return r;
        const merged = mergeScanned(r, r.question, proposals, undefined, true);
        const row = r.appeared ? { ...merged, appeared: true } : merged;
        memory.set(r.key, row);
        return row;
      });
      return { ...state, rows, memory };
    }
    case 'matching-stopped':
      return state.rows.some((r) => r.matching) ? { ...state, rows: state.rows.map((r) => (r.matching ? { ...r, matching: false } : r)) } : state;
    case 'fill-started': {
      let next = state;
      for (const key of action.keys) next = patch(next, key, (r) => ({ ...r, pending: true }));
      return next;
    }
    case 'fill-finished':
      return patch(state, action.key, (r) => {
        const outcome = describeFillOutcome(action.fill.requests, action.fill.results);
        const status: RowStatus = outcome.ok ? (action.fill.edited ? 'edited' : 'filled') : 'failed';
        return { ...r, pending: false, status, failure: outcome.reason, lastFill: action.fill };
      }, action.fieldId);
    case 'fill-aborted':
      return patch(state, action.key, (r) => ({ ...r, pending: false, status: 'failed', failure: action.reason }));
    case 'undone':
      return patch(state, action.key, (r) => {
        const failed = action.results.find((x) => x.status !== 'filled' && x.status !== 'unchanged');
        if (failed) return { ...r, pending: false, status: 'failed', failure: `Undo did not restore the field: ${failed.status}${failed.message ? ` (${failed.message})` : ''}.` };
        return { ...r, pending: false, status: baseStatus(r), failure: undefined, lastFill: undefined };
      }, action.fieldId);
    case 'skip':
      return patch(state, action.key, (r) => ({ ...r, status: r.status === 'skipped' ? baseStatus(r) : 'skipped', failure: undefined }));
    case 'choose':
      return patch(state, action.key, (r) =>
        action.index >= 0 && action.index < r.proposals.length ? { ...r, chosen: action.index, picked: true, status: r.status === 'no-match' ? 'proposed' : r.status } : r,
      );
    case 'add-proposal':
      return patch(state, action.key, (r) => {
        const existing = r.proposals.findIndex((p) => p.entryId === action.proposal.entryId);
        if (existing >= 0) return { ...r, chosen: existing, picked: true, status: r.status === 'no-match' ? 'proposed' : r.status };
        const proposals = [...r.proposals, action.proposal];
        return { ...r, proposals, chosen: proposals.length - 1, picked: true, status: r.status === 'no-match' ? 'proposed' : r.status };
      });
  }
}
