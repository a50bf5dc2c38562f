// The Questions view's working state for one target tab: scan the page, propose answers from the library,
// fill on the analyst's action, undo, and record every fill in the history.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { DetectedQuestion, FillResult, LibraryEntry, PageScan, Proposal } from '../../lib/schema';
import { planFill, planUndo, type AnswerDraft } from '../../lib/panel/fill-plan';
import { buildFillEvent } from '../../lib/panel/fill-event';
import { createLibrarySearcher, manualProposal, type LibrarySearcher } from '../../lib/panel/library-search';
import { currentProposal, describeFillOutcome, emptyRows, rowsReducer, type QuestionRow } from '../../lib/panel/question-rows';
import type { BulkItem } from '../../lib/panel/bulk-fill';
import type { LibrarySnapshot } from '../../lib/panel/ports';
import { sameLibrary } from '../../lib/panel/propose';
import { usePanelServices } from '../common/PanelServices';

export type Phase = 'no-tab' | 'scanning' | 'ready' | 'error';

export interface FillChoice extends AnswerDraft {
  edited: boolean;
}

/** Bulk fills go in small batches so progress shows and Cancel takes effect between batches. */
const BULK_BATCH = 10;
const RESCAN_SETTLE_MS = 250;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function useQuestionSession(tabId: number | undefined, active: boolean) {
  const services = usePanelServices();
  const port = useMemo(() => (tabId === undefined ? undefined : services.contentPort(tabId)), [services, tabId]);
  const [state, dispatch] = useReducer(rowsReducer, emptyRows);
  const [scan, setScan] = useState<PageScan>();
  const [phase, setPhase] = useState<Phase>(tabId === undefined ? 'no-tab' : 'scanning');
  const [error, setError] = useState<string>();
  const [library, setLibrary] = useState<LibrarySnapshot>({ entries: [], aliases: [] });
  const rowsRef = useRef<QuestionRow[]>(state.rows);
  rowsRef.current = state.rows;
  const scanRef = useRef<PageScan | undefined>(scan);
  scanRef.current = scan;
  const libraryRef = useRef(library);
  libraryRef.current = library;
  const scanSeq = useRef(0);

  const entries = useMemo(() => new Map(library.entries.map((e) => [e.id, e])), [library]);
  const searcher: LibrarySearcher = useMemo(() => createLibrarySearcher(library.entries), [library]);

  const propose = useCallback(
    (questions: DetectedQuestion[], snapshot: LibrarySnapshot) => {
      const ranked = services.propose(questions, snapshot);
      dispatch({ type: 'scanned', questions, proposals: ranked });
    },
    [services],
  );

  const rescan = useCallback(async () => {
    if (!port) return;
    const seq = ++scanSeq.current;
    setPhase('scanning');
    try {
      const [next, loaded] = await Promise.all([port.scan(), services.library.load()]);
      if (seq !== scanSeq.current) return;
      const snapshot = sameLibrary(libraryRef.current, loaded) ? libraryRef.current : loaded;
      if (scanRef.current && scanRef.current.url !== next.url) dispatch({ type: 'reset' });
      setLibrary(snapshot);
      setScan(next);
      propose(next.questions, snapshot);
      setError(snapshot.problem);
      setPhase('ready');
    } catch (e) {
      if (seq !== scanSeq.current) return;
      setError(errorText(e));
      setPhase('error');
    }
  }, [port, services, propose]);

  useEffect(() => {
    dispatch({ type: 'reset' });
    setScan(undefined);
    if (tabId === undefined) setPhase('no-tab');
    else void rescan();
  }, [tabId, rescan]);

  // The page reloaded, navigated or re-rendered its questions: scan again, once the burst of changes settles.
  useEffect(() => {
    if (!port) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = port.watch(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void rescan(), RESCAN_SETTLE_MS);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [port, rescan]);

  // Coming back to the Questions view: the library may have changed in the Library view.
  const wasActive = useRef(active);
  useEffect(() => {
    if (active && !wasActive.current && scanRef.current) {
      void services.library.load().then((snapshot) => {
        setLibrary(snapshot);
        if (scanRef.current) propose(scanRef.current.questions, snapshot);
      });
    }
    wasActive.current = active;
  }, [active, services, propose]);

  const record = useCallback(
    async (row: QuestionRow, fill: { value: FillResult['actual']; comment?: string; edited: boolean; entry?: LibraryEntry; proposal?: Proposal; undo?: boolean }, requests: Parameters<typeof buildFillEvent>[3], results: FillResult[]) => {
      const page = scanRef.current;
      const event = buildFillEvent(
        { at: new Date().toISOString(), pageUrl: page?.url ?? '', pageTitle: page?.title ?? '' },
        row.question,
        fill,
        requests,
        results,
      );
      try {
        await services.library.recordFill(event);
      } catch (e) {
        setError(`The fill worked but was not recorded in the history: ${errorText(e)}`);
      }
    },
    [services],
  );

  /** Fills one question with the shown proposal, or with what the analyst typed/picked. */
  const fill = useCallback(
    async (key: string, choice?: FillChoice): Promise<boolean> => {
      const row = rowsRef.current.find((r) => r.key === key);
      if (!row || !port || row.pending) return false;
      const proposal = currentProposal(row);
      const entry = proposal ? entries.get(proposal.entryId) : undefined;
      const answer: FillChoice = choice ?? { text: entry?.answer ?? '', choice: proposal?.choice, edited: false };
      if (!choice && !entry) {
        dispatch({ type: 'fill-aborted', key, reason: 'There is no proposal to accept; edit an answer or search the library.' });
        return false;
      }
      const plan = planFill(row.question, answer);
      if (!plan.ok) {
        dispatch({ type: 'fill-aborted', key, reason: plan.reason });
        return false;
      }
      dispatch({ type: 'fill-started', keys: [key] });
      let results: FillResult[];
      try {
        results = await port.fill(plan.requests);
      } catch (e) {
        results = plan.requests.map((r) => ({ fieldId: r.fieldId, status: 'not-found' as const, actual: null, previous: null, message: errorText(e) }));
      }
      dispatch({ type: 'fill-finished', key, fill: { requests: plan.requests, results, value: plan.value, comment: plan.comment, edited: answer.edited, entryId: entry?.id } });
      await record(row, { value: plan.value, comment: plan.comment, edited: answer.edited, entry, proposal }, plan.requests, results);
      const ok = describeFillOutcome(plan.requests, results).ok;
      if (ok && entry && proposal && proposal.why.source !== 'exact' && proposal.why.source !== 'alias') {
        await services.library.learnAlias(entry.id, row.question.text).catch((e: unknown) => setError(`The accepted wording was not learned: ${errorText(e)}`));
      }
      if (ok) void port.highlight(plan.requests.map((r) => r.fieldId), 'filled').catch(() => undefined);
      return ok;
    },
    [port, entries, record, services],
  );

  const undo = useCallback(
    async (key: string) => {
      const row = rowsRef.current.find((r) => r.key === key);
      if (!row?.lastFill || !port || row.pending) return;
      const requests = planUndo(row.lastFill.results);
      dispatch({ type: 'fill-started', keys: [key] });
      let results: FillResult[];
      try {
        results = await port.fill(requests);
      } catch (e) {
        results = requests.map((r) => ({ fieldId: r.fieldId, status: 'not-found' as const, actual: null, previous: null, message: errorText(e) }));
      }
      dispatch({ type: 'undone', key, results });
      const main = requests.find((r) => r.fieldId === row.question.fieldId);
      const entry = row.lastFill.entryId ? entries.get(row.lastFill.entryId) : undefined;
      await record(row, { value: main?.value ?? null, edited: false, entry, undo: true }, requests, results);
    },
    [port, entries, record],
  );

  /** Fills the confirmed bulk items; returns how many stuck. Stops between batches when `signal` aborts. */
  const bulkFill = useCallback(
    async (items: BulkItem[], signal: AbortSignal, onProgress: (done: number) => void): Promise<number> => {
      if (!port) return 0;
      let done = 0;
      let ok = 0;
      for (let start = 0; start < items.length && !signal.aborted; start += BULK_BATCH) {
        const batch = items.slice(start, start + BULK_BATCH);
        dispatch({ type: 'fill-started', keys: batch.map((i) => i.key) });
        const requests = batch.flatMap((i) => i.plan.requests);
        let results: FillResult[];
        try {
          results = await port.fill(requests);
        } catch (e) {
          results = requests.map((r) => ({ fieldId: r.fieldId, status: 'not-found' as const, actual: null, previous: null, message: errorText(e) }));
        }
        for (const item of batch) {
          const row = rowsRef.current.find((r) => r.key === item.key);
          if (!row) continue;
          const ids = new Set(item.plan.requests.map((r) => r.fieldId));
          const mine = results.filter((r) => ids.has(r.fieldId));
          const proposal = currentProposal(row);
          const entry = entries.get(item.entryId);
          dispatch({ type: 'fill-finished', key: item.key, fill: { requests: item.plan.requests, results: mine, value: item.plan.value, comment: item.plan.comment, edited: false, entryId: item.entryId } });
          await record(row, { value: item.plan.value, comment: item.plan.comment, edited: false, entry, proposal }, item.plan.requests, mine);
          if (describeFillOutcome(item.plan.requests, mine).ok) ok++;
        }
        done += batch.length;
        onProgress(done);
      }
      return ok;
    },
    [port, entries, record],
  );

  const focus = useCallback(
    (key: string) => {
      const row = rowsRef.current.find((r) => r.key === key);
      if (!row || !port) return;
      void port.scrollTo(row.question.fieldId).catch(() => undefined);
      void port.highlight([row.question.fieldId], 'focus').catch(() => undefined);
    },
    [port],
  );

  const pickEntry = useCallback(
    (key: string, entry: LibraryEntry, score: number) => {
      const row = rowsRef.current.find((r) => r.key === key);
      if (!row) return;
      const choice = services.mapChoice(entry, row.question.options);
      dispatch({ type: 'add-proposal', key, proposal: manualProposal(entry, score, choice) });
    },
    [services],
  );

  const openSection = useCallback(
    async (index: number) => {
      if (!port) return;
      await port.openSection(index);
      await rescan();
    },
    [port, rescan],
  );

  const reloadLibrary = useCallback(async () => {
    const snapshot = await services.library.load();
    setLibrary(snapshot);
    if (scanRef.current) propose(scanRef.current.questions, snapshot);
  }, [services, propose]);

  return {
    phase,
    error,
    scan,
    rows: state.rows,
    entries,
    searcher,
    rescan,
    fill,
    undo,
    bulkFill,
    focus,
    pickEntry,
    openSection,
    reloadLibrary,
    skip: (key: string) => dispatch({ type: 'skip', key }),
    choose: (key: string, index: number) => dispatch({ type: 'choose', key, index }),
    dismissError: () => setError(undefined),
    /** The rows as of the last render (for loops that run across several scans). */
    latestRows: () => rowsRef.current,
  };
}

export type QuestionSession = ReturnType<typeof useQuestionSession>;
