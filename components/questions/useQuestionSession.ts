// The Questions view's working state for one target tab: scan the page, propose answers from the library,
// fill on the analyst's action, undo, and record every fill in the history (written before it is sent).
import { startTransition, useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { DetectedQuestion, FillRequest, FillResult, LibraryEntry, PageScan, Proposal } from '../../lib/schema';
import { planFill, planUndo, type AnswerDraft } from '../../lib/panel/fill-plan';
import { pendingFillEvent, resultChanges, type FilledAnswer } from '../../lib/panel/fill-event';
import { restoreFills, settleOrphans, settlePending } from '../../lib/panel/fill-memory';
import { createLibrarySearcher, manualProposal, type LibrarySearcher } from '../../lib/panel/library-search';
import { EntryLayers, withShipped } from '../../lib/panel/entry-layers';
import { currentProposal, describeFillOutcome, emptyRows, rowsReducer, type LastFill, type QuestionRow } from '../../lib/panel/question-rows';
import type { BulkItem } from '../../lib/panel/bulk-fill';
import { originOf } from '../../lib/panel/learned-wording';
import { capLearnedMatches } from '../../lib/panel/library-snapshot';
import { entryChangedSince } from '../../lib/panel/accept-check';
import type { LearnedToken, LibrarySnapshot } from '../../lib/panel/ports';
import { sameLibrary } from '../../lib/panel/library-snapshot';
import { usePanelServices } from '../common/PanelServices';
import type { AttachReply } from '../../lib/schema';
import { readEvidenceBytes } from '../../lib/db/evidence-repository';
import { attachChanges, pendingAttachEvent, toBase64, uploadFieldOf } from '../../lib/panel/attach-plan';
import { markOpen } from '../../lib/panel/open-marks';
import { createBatchCoalescer, type BatchCoalescer } from '../../lib/panel/coalesce-batches';

export type Phase = 'no-tab' | 'scanning' | 'ready' | 'error';

export interface FillChoice extends AnswerDraft {
  edited: boolean;
}

/** Bulk fills go in small batches so progress shows and Cancel takes effect between batches. */
const BULK_BATCH = 10;
const RESCAN_SETTLE_MS = 250;
/** Entry changes announced within this long of each other are proposed for once. */
const RELOAD_SETTLE_MS = 100;
/** Proposal batches are applied to the list at most this often: each application re-renders the whole list. */
const APPLY_PROPOSALS_MS = 150;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One question's part of a fill: what the history records and the requests that carry it. */
interface OutgoingFill {
  question: DetectedQuestion;
  answer: FilledAnswer;
  requests: FillRequest[];
}

/** Thrown when the history could not record a fill before it was sent: nothing was sent. */
class NotRecordedError extends Error {
  override readonly name = 'NotRecordedError';
  constructor(cause: unknown) {
    super(`Nothing was filled: the history could not record the fill first (${errorText(cause)}).`, { cause });
  }
}

export function useQuestionSession(tabId: number | undefined, active: boolean) {
  const services = usePanelServices();
  const port = useMemo(() => (tabId === undefined ? undefined : services.contentPort(tabId)), [services, tabId]);
  const [state, dispatch] = useReducer(rowsReducer, emptyRows);
  const [scan, setScan] = useState<PageScan>();
  /** The tab `scan` was read from (the panel may already work on another). */
  const [scanTabId, setScanTabId] = useState<number>();
  const [phaseSet, setPhase] = useState<Phase>(tabId === undefined ? 'no-tab' : 'scanning');
  // A tab given after the view mounted (the target tab is looked up while the view loads) is being scanned from the
  // first render that has it: until the scan effect runs, the phase set while there was none still says 'no-tab',
  // and the view showed that render as a finished scan of nothing ("0 detected", no matching under way).
  const phase: Phase = tabId === undefined ? 'no-tab' : phaseSet === 'no-tab' ? 'scanning' : phaseSet;
  const [error, setError] = useState<string>();
  const [library, setLibrary] = useState<LibrarySnapshot>({ entries: [], aliases: [] });
  const rowsRef = useRef<QuestionRow[]>(state.rows);
  rowsRef.current = state.rows;
  const scanRef = useRef<PageScan | undefined>(scan);
  scanRef.current = scan;
  const libraryRef = useRef(library);
  libraryRef.current = library;
  const scanSeq = useRef(0);
  /** The wording each fill taught (by question key), so undoing the fill takes the learning back too. */
  const taught = useRef(new Map<string, LearnedToken>());
  const tabRef = useRef(tabId);
  tabRef.current = tabId;
  /** Request ids this panel still awaits an answer for: a re-scan must not settle them by reading the page. */
  const inFlight = useRef(new Set<string>());

  /** The library as matching needs it: without its entries where the matching worker reads them itself. */
  const loadLibrary = useCallback(() => services.library.loadForMatching?.() ?? services.library.load(), [services]);

  /** The proposal batches of the latest propose call, on their way to the list (each call gets its own). */
  const batches = useRef<BatchCoalescer<Proposal[]>>(undefined);
  useEffect(() => () => batches.current?.drop(), []);

  /**
   * Read by the matching worker (`library.fromDatabase`): the panel holds only the entries the proposals name (sent
   * with them) and those picked by hand; the by-hand search reads the whole library once matching is done, or on
   * the first search.
   */
  // The proposer's own map of the entries it was sent for this library version (it only grows), not a copy.
  // With the map of the version before under it, until the next version's map replaces it (`withShipped`).
  const [shipped, setShipped] = useState<readonly ReadonlyMap<string, LibraryEntry>[]>(() => [new Map()]);
  const [picked, setPicked] = useState<ReadonlyMap<string, LibraryEntry>>(() => new Map());
  const [searchEntries, setSearchEntries] = useState<{ of: LibrarySnapshot; entries: readonly LibraryEntry[] }>();
  const searchRead = useRef<LibrarySnapshot>(undefined);
  const readForSearch = useCallback(() => {
    const of = libraryRef.current;
    if (!of.fromDatabase || searchRead.current === of) return;
    searchRead.current = of;
    services.library.load().then(
      (full) => {
        if (libraryRef.current === of) setSearchEntries({ of, entries: full.entries });
      },
      () => {
        if (searchRead.current === of) searchRead.current = undefined;
      },
    );
  }, [services]);
  // Filled in a loop: a [id, entry] pair per entry was 20,000 short-lived arrays at scale, a GC pause in the opening.
  const entries = useMemo((): ReadonlyMap<string, LibraryEntry> => {
    if (library.fromDatabase) return new EntryLayers([...shipped, picked]);
    const byId = new Map<string, LibraryEntry>();
    for (const e of library.entries) byId.set(e.id, e);
    return byId;
  }, [library, shipped, picked]);
  const searcher: LibrarySearcher = useMemo(() => {
    if (!library.fromDatabase) return createLibrarySearcher(library.entries);
    if (searchEntries?.of === library) return createLibrarySearcher(searchEntries.entries);
    // Not read yet: the first search asks for it; the search shows its results once it is in.
    return { ready: false, search: () => (setTimeout(readForSearch, 0), []) };
  }, [library, searchEntries, readForSearch]);

  const propose = useCallback(
    (questions: DetectedQuestion[], snapshot: LibrarySnapshot, pageUrl: string | undefined, restored?: Record<string, LastFill>) => {
      const page = { origin: originOf(pageUrl) };
      if (!services.proposeInBatches) {
        dispatch({ type: 'scanned', questions, proposals: services.propose(questions, snapshot, page), restored });
        return;
      }
      // Off the main thread: rows show at once, proposals fill in batch by batch. Whether a learned wording counts
      // depends on the page asking, so that cap is applied here, on each batch.
      markOpen('proposals-requested');
      const forPage = (proposals: Record<string, Proposal[]>) => capLearnedMatches(proposals, snapshot.aliases, page.origin);
      // Batches of an earlier call still waiting to be applied belong to the scan this one replaces.
      batches.current?.drop();
      // The entries the proposals name came with them, into the proposer's map (`sent`) before the batch: a row's
      // card finds them when the row changes. The view of them keeps its identity from batch to batch, so a batch
      // re-renders only the drawn cards whose rows it changed, not every drawn card.
      // Applied as a transition: React renders it in slices of about 5 ms, yielding to input and painting between
      // them, instead of one task over the 1,000 rows and every drawn card (a batch was a task over 50 ms under load).
      const coalescer = createBatchCoalescer<Proposal[]>((proposals) => startTransition(() => dispatch({ type: 'proposed', proposals })), APPLY_PROPOSALS_MS);
      batches.current = coalescer;
      const { known, pending, done, entries: sent } = services.proposeInBatches(questions, snapshot, (proposals) => coalescer.add(forPage(proposals)));
      if (sent) setShipped((layers) => withShipped(layers, sent));
      dispatch({ type: 'scanned', questions, proposals: forPage(known), matching: pending, restored });
      // The last batch is applied as soon as matching ends (a waiting bulk preview is planned then).
      done.then(
        () => {
          coalescer.flush();
          // The by-hand search's read, once the proposals are in and the panel is idle.
          if (snapshot.fromDatabase) setTimeout(readForSearch, 500);
        },
        (e: unknown) => {
          coalescer.flush();
          setError(errorText(e));
          dispatch({ type: 'matching-stopped' });
        },
      );
    },
    [services, readForSearch],
  );

  /**
   * The history as it applies to a fresh scan: pending rows of this tab whose answer never came are settled by
   * reading the page (and those of closed tabs become unknown), then the page's fills give back Filled and Undo.
   */
  const historyFor = useCallback(
    async (scanned: PageScan): Promise<Record<string, LastFill>> => {
      if (tabId === undefined) return {};
      const now = new Date().toISOString();
      const pending = await services.library.pendingFills();
      if (pending.length > 0) {
        const open = new Set(await services.openTabIds());
        await services.library.resolveFills([
          ...settlePending(pending, tabId, scanned, inFlight.current, now),
          ...settleOrphans(pending, open, inFlight.current, now),
        ]);
      }
      return restoreFills(await services.library.pageHistory(scanned.url), scanned);
    },
    [services, tabId],
  );

  /**
   * Scans the page again and re-proposes; resolves with the page as read (undefined if it could not be read).
   * `openLists` only when the analyst pressed Re-scan: then lists that show options only while open are read.
   */
  const rescan = useCallback(async (options?: { openLists?: boolean }): Promise<PageScan | undefined> => {
    if (!port) return undefined;
    const seq = ++scanSeq.current;
    setPhase('scanning');
    try {
      markOpen('scan-start');
      const [next, loaded] = await Promise.all([
        port.scan(options?.openLists ? { openLists: true } : undefined).then((s) => (markOpen('scan-done'), s)),
        loadLibrary().then((l) => (markOpen('library-loaded'), l)),
      ]);
      // A newer scan started meanwhile and will be the one shown; this one is still the page as it was read.
      if (seq !== scanSeq.current) return next;
      const restored = await historyFor(next).catch((e: unknown) => {
        setError(`The fill history could not be read for this page: ${errorText(e)}`);
        return undefined;
      });
      if (seq !== scanSeq.current) return next;
      markOpen('history-read');
      const snapshot = sameLibrary(libraryRef.current, loaded) ? libraryRef.current : loaded;
      const show = () => {
        if (scanRef.current && scanRef.current.url !== next.url) dispatch({ type: 'reset' });
        setLibrary(snapshot);
        setScan(next);
        setScanTabId(tabId);
        propose(next.questions, snapshot, next.url, restored);
        if (restored) setError(snapshot.problem);
        setPhase('ready');
      };
      // The first rows of a page are drawn as a transition: the render of 1,000 rows with the summary, sections and
      // first cards goes in slices of about 5 ms instead of one task of 50-80 ms at opening. Nothing can act on rows
      // before they exist; a later scan (after a fill, a bulk fill's check) stays urgent, for those that act on it.
      if (rowsRef.current.length === 0) startTransition(show);
      else show();
      return next;
    } catch (e) {
      if (seq !== scanSeq.current) return undefined;
      setError(errorText(e));
      setPhase('error');
      return undefined;
    }
  }, [port, tabId, services, propose, historyFor, loadLibrary]);

  useEffect(() => {
    markOpen('session-effect');
    dispatch({ type: 'reset' });
    setScan(undefined);
    setScanTabId(undefined);
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
      void loadLibrary().then((snapshot) => {
        setLibrary(snapshot);
        if (scanRef.current) propose(scanRef.current.questions, snapshot, scanRef.current.url);
      });
    }
    wasActive.current = active;
  }, [active, loadLibrary, propose]);

  // An entry changed (this panel's Library view, another window, an import): the proposals shown may name its old
  // text, so the page is proposed for again against the library as it is now (a burst of changes counts once).
  useEffect(() => {
    const watch = services.library.onEntriesChanged;
    if (!watch) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = watch(() => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        // Hidden behind another view: coming back proposes again anyway (an import's 20,000 rows are not matched
        // while the Library view shows its progress).
        if (!scanRef.current || !wasActive.current) return;
        void loadLibrary().then((snapshot) => {
          if (!scanRef.current || sameLibrary(libraryRef.current, snapshot)) return;
          setLibrary(snapshot);
          propose(scanRef.current.questions, snapshot, scanRef.current.url);
        });
      }, RELOAD_SETTLE_MS);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [services, loadLibrary, propose]);

  /**
   * Sends fills the write-ahead way: their history rows are written `pending` first (if that fails nothing is
   * sent), then the requests go out tagged with each fill's request id, then the rows are settled with the results.
   * Returns each fill's requests and results, in order.
   */
  const sendFills = useCallback(
    async (fills: OutgoingFill[]): Promise<Array<{ requests: FillRequest[]; results: FillResult[] }>> => {
      if (!port) throw new Error('no page to fill');
      const page = scanRef.current;
      const context = { at: new Date().toISOString(), pageUrl: page?.url ?? '', pageTitle: page?.title ?? '', tabId };
      const tagged = fills.map((f) => {
        const requestId = crypto.randomUUID();
        return { ...f, requestId, requests: f.requests.map((r) => ({ ...r, requestId })) };
      });
      try {
        await services.library.recordFills(tagged.map((f) => pendingFillEvent(context, f.question, f.answer, f.requestId)));
      } catch (e) {
        throw new NotRecordedError(e);
      }
      for (const f of tagged) inFlight.current.add(f.requestId);
      const requests = tagged.flatMap((f) => f.requests);
      let results: FillResult[];
      try {
        results = await port.fill(requests);
      } catch (e) {
        results = requests.map((r) => ({ fieldId: r.fieldId, requestId: r.requestId, status: 'not-found' as const, actual: null, previous: null, message: errorText(e) }));
      }
      // Results come back in request order: each fill takes as many as it sent.
      let at = 0;
      const outcomes = tagged.map((f) => {
        const mine = results.slice(at, at + f.requests.length);
        at += f.requests.length;
        return { requests: f.requests, results: mine };
      });
      const resolvedAt = new Date().toISOString();
      try {
        await services.library.resolveFills(tagged.map((f, i) => ({ requestId: f.requestId, changes: resultChanges(f.question, f.requests, outcomes[i]!.results, resolvedAt) })));
      } catch (e) {
        setError(`The page answered but the history could not record it; it shows these fills as pending until the page is read again: ${errorText(e)}`);
      } finally {
        for (const f of tagged) inFlight.current.delete(f.requestId);
      }
      return outcomes;
    },
    [port, services, tabId],
  );

  /**
   * The entries among `shown` that were edited or removed since the panel got them, with why (by id); none when the
   * store cannot read by id. A failed read stops nothing: the fill goes ahead as shown.
   */
  const stillCurrent = useCallback(
    async (shown: readonly LibraryEntry[]): Promise<Map<string, string>> => {
      const stale = new Map<string, string>();
      if (!services.library.entriesById || shown.length === 0) return stale;
      const current = await services.library.entriesById(shown.map((e) => e.id)).catch(() => undefined);
      if (!current) return stale;
      const byId = new Map(current.map((e) => [e.id, e]));
      for (const entry of shown) {
        const reason = entryChangedSince(entry, byId.get(entry.id));
        if (reason) stale.set(entry.id, reason);
      }
      return stale;
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
      // The entry as stored now: one edited or removed since the card showed it is not filled with the old text.
      if (entry && !choice) {
        const changed = await stillCurrent([entry]).then((stale) => stale.get(entry.id));
        if (changed) {
          dispatch({ type: 'fill-aborted', key, reason: changed });
          return false;
        }
      }
      // From now on undo reverts this fill, and only what this fill teaches.
      taught.current.delete(key);
      let sent;
      try {
        [sent] = await sendFills([{ question: row.question, answer: { value: plan.value, comment: plan.comment, edited: answer.edited, entry, proposal }, requests: plan.requests }]);
      } catch (e) {
        dispatch({ type: 'fill-aborted', key, reason: errorText(e) });
        return false;
      }
      const { requests, results } = sent!;
      const ok = describeFillOutcome(requests, results).ok;
      // The wording is stored before the card says Filled: a panel closed at that moment has lost nothing.
      if (ok && entry && proposal && proposal.why.source !== 'exact' && proposal.why.source !== 'alias') {
        const page = { url: scanRef.current?.url ?? '', title: scanRef.current?.title ?? '' };
        await services.library.learnAlias(entry.id, row.question.text, page).then(
          (token) => taught.current.set(key, token),
          (e: unknown) => setError(`The accepted wording was not learned: ${errorText(e)}`),
        );
      }
      dispatch({ type: 'fill-finished', key, fieldId: row.question.fieldId, fill: { requests, results, value: plan.value, comment: plan.comment, edited: answer.edited, entryId: entry?.id } });
      if (ok) void port.highlight(requests.map((r) => r.fieldId), 'filled').catch(() => undefined);
      return ok;
    },
    [port, entries, sendFills, services, stillCurrent],
  );

  /** Undo of a fill also forgets the wording that fill taught, so the mistake is not proposed at High again. */
  const forgetTaught = useCallback(
    async (key: string) => {
      const token = taught.current.get(key);
      if (!token) return;
      taught.current.delete(key);
      try {
        await services.library.forgetLearning(token);
        const snapshot = await loadLibrary();
        setLibrary(snapshot);
        if (scanRef.current) propose(scanRef.current.questions, snapshot, scanRef.current.url);
      } catch (e) {
        setError(`The fill was undone, but the wording it taught is still learned (remove it in the Library view): ${errorText(e)}`);
      }
    },
    [services, propose, loadLibrary],
  );

  const undo = useCallback(
    async (key: string) => {
      const row = rowsRef.current.find((r) => r.key === key);
      if (!row?.lastFill || !port || row.pending) return;
      const planned = planUndo(row.lastFill);
      const main = planned.find((r) => r.fieldId === row.question.fieldId);
      const comment = planned.find((r) => r.fieldId === row.question.commentFieldId);
      const entryId = row.lastFill.entryId;
      dispatch({ type: 'fill-started', keys: [key] });
      // The history names the entry the fill came from; one no longer proposed (restored from the history) is read.
      let entry = entryId ? entries.get(entryId) : undefined;
      if (entryId && !entry && services.library.entriesById) entry = (await services.library.entriesById([entryId]).catch(() => []))[0];
      const answer: FilledAnswer = { value: main?.value ?? null, edited: false, entry, undo: true };
      if (comment && typeof comment.value === 'string') answer.comment = comment.value;
      try {
        const [sent] = await sendFills([{ question: row.question, answer, requests: planned }]);
        dispatch({ type: 'undone', key, fieldId: row.question.fieldId, results: sent!.results });
        await forgetTaught(key);
      } catch (e) {
        dispatch({ type: 'fill-aborted', key, reason: errorText(e) });
      }
    },
    [port, entries, sendFills, forgetTaught, services],
  );

  /**
   * Fills the confirmed bulk items; returns how many stuck. Stops between batches when `signal` aborts or the
   * panel moves to another tab (the analyst no longer sees the page being filled).
   */
  const bulkFill = useCallback(
    async (items: BulkItem[], signal: AbortSignal, onProgress: (done: number) => void): Promise<number> => {
      if (!port) return 0;
      const startTab = tabId;
      let done = 0;
      let ok = 0;
      for (let start = 0; start < items.length && !signal.aborted && tabRef.current === startTab; start += BULK_BATCH) {
        const batch = items.slice(start, start + BULK_BATCH).flatMap((item) => {
          // A re-scan may have renumbered the question (new key): its field id still names it.
          const fieldId = item.plan.requests[0]?.fieldId;
          const row = rowsRef.current.find((r) => r.key === item.key) ?? rowsRef.current.find((r) => r.question.fieldId === fieldId);
          return row ? [{ item, row }] : [];
        });
        const size = Math.min(BULK_BATCH, items.length - start);
        if (batch.length === 0) {
          done += size;
          onProgress(done);
          continue;
        }
        dispatch({ type: 'fill-started', keys: batch.map((b) => b.row.key) });
        // Entries edited or removed since the preview are left out, with the reason on their card.
        const stale = await stillCurrent(batch.flatMap(({ item }) => entries.get(item.entryId) ?? []));
        for (const { item, row } of batch) {
          const reason = stale.get(item.entryId);
          if (reason) dispatch({ type: 'fill-aborted', key: row.key, reason });
        }
        const fresh = batch.filter(({ item }) => !stale.has(item.entryId));
        if (fresh.length === 0) {
          done += size;
          onProgress(done);
          continue;
        }
        let sent;
        try {
          sent = await sendFills(
            fresh.map(({ item, row }) => ({
              question: row.question,
              answer: { value: item.plan.value, comment: item.plan.comment, edited: false, entry: entries.get(item.entryId), proposal: currentProposal(row) },
              requests: item.plan.requests,
            })),
          );
        } catch (e) {
          for (const { row } of fresh) dispatch({ type: 'fill-aborted', key: row.key, reason: errorText(e) });
          setError(errorText(e));
          break;
        }
        fresh.forEach(({ item, row }, i) => {
          const { requests, results } = sent[i]!;
          dispatch({ type: 'fill-finished', key: row.key, fieldId: row.question.fieldId, fill: { requests, results, value: item.plan.value, comment: item.plan.comment, edited: false, entryId: item.entryId } });
          if (describeFillOutcome(requests, results).ok) ok++;
        });
        done += size;
        onProgress(done);
      }
      return ok;
    },
    [port, entries, sendFills, tabId, stillCurrent],
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
      setPicked((before) => new Map(before).set(entry.id, entry));
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

  /** The analyst allowed a refused frame origin for this tab: read its frames from now on. */
  const allowFrameOrigin = useCallback(
    async (origin: string) => {
      port?.allowFrameOrigin(origin);
      await rescan();
    },
    [port, rescan],
  );

  /**
   * Attaches an evidence file to a question's upload control (on the analyst's click only), or with `undo` removes
   * it where the page allows. The history row is written first; the bytes go to the question's frame only.
   */
  const attach = useCallback(
    async (key: string, evidenceId: string, undo = false): Promise<AttachReply> => {
      const fail = (message: string): AttachReply => ({ type: 'attach-result', status: 'refused', shown: [], message });
      const row = rowsRef.current.find((r) => r.key === key);
      const fieldId = row ? uploadFieldOf(row.question) : undefined;
      if (!row || !fieldId) return fail('This question has no upload control.');
      if (!port?.attach) return fail('This page cannot take attachments from the panel.');
      let file;
      try {
        file = await readEvidenceBytes(evidenceId);
      } catch (e) {
        return fail(errorText(e));
      }
      const page = scanRef.current;
      const requestId = crypto.randomUUID();
      const context = { at: new Date().toISOString(), pageUrl: page?.url ?? '', pageTitle: page?.title ?? '', tabId };
      try {
        await services.library.recordFills([pendingAttachEvent(context, row.question, file.meta, requestId, undo)]);
      } catch (e) {
        return fail(new NotRecordedError(e).message);
      }
      inFlight.current.add(requestId);
      const question = { key: row.question.key, text: row.question.text };
      let reply: AttachReply;
      try {
        reply = await port.attach(
          row.question.frameId ?? 0,
          undo
            ? { type: 'detach', fieldId, question, fileName: file.meta.fileName }
            : { type: 'attach', fieldId, question, file: { name: file.meta.fileName, mime: file.meta.mime, size: file.meta.size, sha256: file.meta.sha256, base64: toBase64(file.bytes) } },
        );
      } catch (e) {
        reply = { type: 'attach-result', status: 'not-found', shown: [], message: errorText(e) };
      }
      try {
        await services.library.resolveFills([{ requestId, changes: attachChanges(reply, new Date().toISOString()) }]);
      } catch (e) {
        setError(`The page answered but the history could not record the attachment: ${errorText(e)}`);
      } finally {
        inFlight.current.delete(requestId);
      }
      return reply;
    },
    [port, services, tabId],
  );

  // Kept from render to render (as every callback the cards get): a new one re-rendered every drawn card.
  const skip = useCallback((key: string) => dispatch({ type: 'skip', key }), []);
  const choose = useCallback((key: string, index: number) => dispatch({ type: 'choose', key, index }), []);

  const reloadLibrary = useCallback(async () => {
    const snapshot = await loadLibrary();
    setLibrary(snapshot);
    if (scanRef.current) propose(scanRef.current.questions, snapshot, scanRef.current.url);
  }, [loadLibrary, propose]);

  /**
   * Every entry of the library, for work over all of it (the hand-off sheet's suggested owners): `entries` holds only
   * the entries the proposals name when the matching worker reads the library, so this reads it.
   */
  const wholeLibrary = useCallback(async (): Promise<ReadonlyMap<string, LibraryEntry>> => {
    const of = libraryRef.current;
    if (!of.fromDatabase) return entries;
    const full = searchEntries?.of === of ? searchEntries.entries : (await services.library.load()).entries;
    const byId = new Map<string, LibraryEntry>();
    for (const e of full) byId.set(e.id, e);
    return byId;
  }, [entries, searchEntries, services]);

  return {
    phase,
    error,
    scan,
    scanTabId,
    rows: state.rows,
    /** Filled questions the page has hidden since (a dependent question after its parent's answer changed). */
    hidden: state.hidden,
    dismissHidden: () => dispatch({ type: 'dismiss-hidden' }),
    entries,
    wholeLibrary,
    searcher,
    rescan,
    fill,
    undo,
    bulkFill,
    focus,
    pickEntry,
    openSection,
    allowFrameOrigin,
    reloadLibrary,
    attach,
    skip,
    choose,
    dismissError: () => setError(undefined),
  };
}

export type QuestionSession = ReturnType<typeof useQuestionSession>;
