// The Questions view: summary, drift warnings, sections, bulk fill, the leftovers filter and density, the question
// list and the keyboard loop. Selection follows a question (by key), so filtering and filling never lose it.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LibraryEntry } from '../../lib/schema';
import { planBulkFill, type BulkPlan } from '../../lib/panel/bulk-fill';
import { tickedItems } from '../../lib/panel/bulk-groups';
import { acceptBlock } from '../../lib/panel/accept-check';
import { describeBulkChanges, recheckBulkPlan } from '../../lib/panel/bulk-recheck';
import { commandForKey, stepSelection } from '../../lib/panel/keyboard';
import { countByFilter, matchesRowFilter, nextUnresolved, type RowFilter } from '../../lib/panel/row-filter';
import { keysPausedReason, nextWorkingTab, type ShownTab, type TargetTab } from '../../lib/panel/target-tab';
import { currentProposal, type HiddenFill, type QuestionRow } from '../../lib/panel/question-rows';
import { formatCounts, NO_SECTION, summarize } from '../../lib/panel/summary';
import { usePanelServices } from '../common/PanelServices';
import { BulkFillPreview, type SectionStep } from './BulkFillPreview';
import { HandoffButtons } from './HandoffButtons';
import { LeftoversBar } from './LeftoversBar';
import { needsConfirm, type CardMode } from './QuestionCard';
import { QuestionList, type ListPlace, type QuestionListHandle } from './QuestionList';
import { PortalSessionBar } from './PortalSessionBar';
import { SaveEditOffer, type EditOffer } from './SaveEditOffer';
import { RefusedFrames } from './RefusedFrames';
import { SectionBar } from './SectionBar';
import { ShortcutList } from './ShortcutList';
import { useQuestionSession, type FillChoice } from './useQuestionSession';
import { markOpen } from '../../lib/panel/open-marks';

/** Rows in section order (sections by first appearance), so navigation follows what the list shows. */
function groupBySection(rows: QuestionRow[]): QuestionRow[] {
  const order: string[] = [];
  const groups = new Map<string, QuestionRow[]>();
  for (const row of rows) {
    const name = row.question.section ?? NO_SECTION;
    if (!groups.has(name)) {
      groups.set(name, []);
      order.push(name);
    }
    groups.get(name)!.push(row);
  }
  return order.flatMap((name) => groups.get(name)!);
}

function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** A bulk fill in preview or in progress; `step` when walking through the sections of a one-section-at-a-time portal. */
interface BulkState {
  plan: BulkPlan;
  /** Items the analyst unticked in the preview: left out of the fill. */
  unticked?: ReadonlySet<string>;
  progress?: { done: number; total: number };
  controller?: AbortController;
  step?: SectionStep;
  /** The tab the preview was planned on: it is shown and confirmed only there. */
  tabId?: number;
  /** Matching still runs: the preview is planned once every question has its proposals. */
  awaitingMatches?: boolean;
}

const nextTick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** `target` is the tab the analyst activated; the panel works on it unless a fill still runs on the previous one. */
export function QuestionsTab({ target, active }: { target: TargetTab | undefined; active: boolean }) {
  const services = usePanelServices();
  const [working, setWorking] = useState(target);
  markOpen('questions-mounted');
  useEffect(() => markOpen('questions-committed'), []);
  const session = useQuestionSession(working?.access === 'page' ? working.id : undefined, active);
  const allRows = useMemo(() => groupBySection(session.rows), [session.rows]);
  const summary = useMemo(() => summarize(allRows), [allRows]);
  const [filter, setFilter] = useState<RowFilter>('all');
  const rows = useMemo(() => (filter === 'all' ? allRows : allRows.filter((r) => matchesRowFilter(r, filter))), [allRows, filter]);
  const filterCounts = useMemo(() => countByFilter(allRows), [allRows]);
  const handoffPage = useMemo(() => pageForHandoff(session.scan), [session.scan?.title, session.scan?.url]);
  // Compact cards by default at side-panel width, where a full card is about a screen tall.
  const [compact, setCompact] = useState(() => window.matchMedia('(max-width: 600px)').matches);
  const [headerOpen, setHeaderOpen] = useState(true);
  const [announcement, setAnnouncement] = useState('');
  const [selectedKey, setSelectedKey] = useState<string>();
  const selected = selectedKey === undefined ? -1 : rows.findIndex((r) => r.key === selectedKey);
  // A fill or undo ends later than the key or click that started it: it moves the selection and focus only if the
  // analyst has not moved them since (j, k, a click), so the next key acts on the card the analyst went to.
  const selectedKeyRef = useRef(selectedKey);
  selectedKeyRef.current = selectedKey;
  const matching = useMemo(() => allRows.reduce((n, r) => n + (r.matching ? 1 : 0), 0), [allRows]);
  // The opening's end, for the bench: every question's proposals are on screen (the commit that showed them).
  useEffect(() => {
    if (allRows.length > 0 && matching === 0) markOpen('proposals-shown');
  }, [allRows.length, matching]);
  const [modes, setModes] = useState<Record<string, CardMode>>({});
  const [bulk, setBulk] = useState<BulkState>();
  const [notice, setNotice] = useState<string>();
  const [offer, setOffer] = useState<EditOffer>();
  const list = useRef<QuestionListHandle>(null);
  // The list's place per tab and page: moving to another tab and back draws the list anew, at the same place.
  const places = useRef(new Map<number, { url: string; place: ListPlace }>());
  const bulkButton = useRef<HTMLButtonElement>(null);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;

  // Tab targeting (SECURITY.md 50-54): a running fill keeps the panel on its tab; after a move to another tab,
  // keys act only once that tab's questions have been shown, named, for a moment (a click aims at what is shown).
  const fillRunning = !!bulk?.controller || session.rows.some((r) => r.pending);
  useEffect(() => setWorking((current) => nextWorkingTab(current, target, fillRunning)), [target, fillRunning]);
  const [shown, setShown] = useState<ShownTab>();
  const firstTab = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!working || session.scanTabId !== working.id || shown?.tabId === working.id) return;
    // The tab the panel was opened on was chosen by the analyst; only later moves wait for the analyst to look.
    firstTab.current ??= working.id;
    setShown({ tabId: working.id, at: firstTab.current === working.id && !shown ? 0 : Date.now() });
  }, [working, session.scanTabId, shown]);
  // Nothing chosen on the previous tab carries over to this one: the selection is dropped, and an open bulk preview
  // is parked with its tab (a moment on another tab, a download or a pop-up, does not lose it) and shown again only
  // when the panel is back on that tab, where confirming re-reads the page anyway.
  const parkedPreviews = useRef(new Map<number, BulkState>());
  const bulkRef = useRef(bulk);
  bulkRef.current = bulk;
  useEffect(() => {
    setSelectedKey(undefined);
    const current = bulkRef.current;
    if (current?.controller) return;
    if (current?.tabId !== undefined && current.tabId !== working?.id) parkedPreviews.current.set(current.tabId, current);
    const back = working ? parkedPreviews.current.get(working.id) : undefined;
    if (working) parkedPreviews.current.delete(working.id);
    setBulk(back);
  }, [working?.id]);
  useEffect(() => {
    if (bulk?.controller && target && working && target.id !== working.id) bulk.controller.abort('tab-switch');
  }, [bulk, target, working]);
  const pausedRef = useRef<() => string | undefined>(() => undefined);
  pausedRef.current = () => keysPausedReason(shown, working, Date.now());
  /** False (and says why) when the panel has not shown the tab it works on long enough for a key to act on it. */
  const mayAct = useCallback(() => {
    const reason = pausedRef.current();
    if (reason) setNotice(reason);
    return !reason;
  }, []);

  const selectKey = useCallback(
    (key: string | undefined, moveFocus = false) => {
      const index = rowsRef.current.findIndex((r) => r.key === key);
      if (key === undefined || index < 0) return;
      selectedKeyRef.current = key;
      setSelectedKey(key);
      list.current?.scrollToRow(index);
      session.focus(key);
      if (moveFocus) list.current?.focusCard(key);
    },
    [session.focus],
  );
  const select = useCallback((index: number, moveFocus = false) => selectKey(rowsRef.current[index]?.key, moveFocus), [selectKey]);

  // The selected question left the filtered list (filled, skipped): the one now in its place is selected.
  const lastSelected = useRef(-1);
  useEffect(() => {
    if (selected >= 0) lastSelected.current = selected;
    else if (selectedKey !== undefined && lastSelected.current >= 0 && rows.length > 0) {
      const next = rows[Math.min(lastSelected.current, rows.length - 1)]!;
      setSelectedKey(next.key);
      if (!document.activeElement || document.activeElement === document.body) list.current?.focusCard(next.key);
    }
  }, [selected, selectedKey, rows]);

  const setMode = useCallback((key: string, mode: CardMode) => {
    setModes((m) => ({ ...m, [key]: mode }));
    // Closing an editor, search or list removes the focused control: focus goes back to its card.
    if (mode === 'view') list.current?.focusCard(key);
  }, []);

  const announce = (text: string) => setAnnouncement((before) => (before === text ? `${text}\u00a0` : text));

  const accept = useCallback(
    async (key: string) => {
      setMode(key, 'view');
      const from = selectedKeyRef.current;
      const ok = await session.fill(key);
      if (selectedKeyRef.current !== from) return;
      const index = rowsRef.current.findIndex((r) => r.key === key);
      // Focus follows the selection to the next question (the Accept button it was on is gone).
      const next = ok && index >= 0 && index + 1 < rowsRef.current.length ? rowsRef.current[index + 1]! : rowsRef.current[index];
      if (!next) return;
      setSelectedKey(next.key);
      list.current?.scrollToRow(rowsRef.current.indexOf(next));
      list.current?.focusCard(next.key);
    },
    [session.fill, setMode],
  );

  const fillEdited = useCallback(
    async (key: string, choice: FillChoice, base: LibraryEntry | undefined) => {
      setMode(key, 'view');
      const from = selectedKeyRef.current;
      const ok = await session.fill(key, choice);
      const row = rowsRef.current.find((r) => r.key === key);
      const changed = !base || base.answer.trim() !== choice.text.trim() || (choice.choice ?? '') !== (base.choice ?? currentProposal(row!)?.choice ?? '');
      if (ok && row && changed) setOffer({ key, questionText: row.question.text, answer: choice.text, choice: choice.choice, base });
      else if (selectedKeyRef.current === from) list.current?.focusCard(key);
    },
    [session.fill, setMode],
  );

  // The cards' callbacks keep their identity from render to render (the cards are memoised): with a new arrow on
  // every render, each proposal batch re-rendered every drawn card, not only those whose rows it changed.
  const onAccept = useCallback((key: string) => void accept(key), [accept]);
  const onFillEdited = useCallback((key: string, choice: FillChoice, base: LibraryEntry | undefined) => void fillEdited(key, choice, base), [fillEdited]);

  const undo = useCallback(
    (key: string) => {
      // The offer to keep an edit in the library is about a fill that no longer stands.
      setOffer((o) => (o?.key === key ? undefined : o));
      // The Undo button goes with the fill it undid: focus stays on the card.
      const from = selectedKeyRef.current;
      void session.undo(key).then(() => {
        if (selectedKeyRef.current === from) list.current?.focusCard(key);
      });
    },
    [session.undo],
  );

  // Another section or page: an open offer would be about a question no longer shown.
  const place = `${session.scan?.url ?? ''}\n${session.scan?.sections?.open ?? ''}`;
  useEffect(() => setOffer(undefined), [place]);

  // Focus goes back to "Fill all high-confidence…" when the preview closes (confirmed, cancelled or Esc).
  const hadBulk = useRef(false);
  useEffect(() => {
    if (hadBulk.current && !bulk) bulkButton.current?.focus();
    hadBulk.current = !!bulk;
  }, [bulk]);

  // A plan made while proposals still arrive would leave out every question not matched yet: the preview waits.
  const openBulk = () => {
    setNotice(undefined);
    if (matching > 0 || session.phase === 'scanning') setBulk({ plan: { items: [], excluded: [] }, tabId: working?.id, awaitingMatches: true });
    else setBulk({ plan: planBulkFill(allRows, session.entries), tabId: working?.id });
  };

  // The preview waiting for matching is planned in the first render where no question is matching any more.
  useEffect(() => {
    if (!bulk?.awaitingMatches || matching > 0 || session.phase === 'scanning') return;
    setBulk({ plan: planBulkFill(allRows, session.entries), step: bulk.step, tabId: bulk.tabId });
  }, [bulk, matching, allRows, session.entries, session.phase]);

  /** Opens section `index`, scans it and previews its high-confidence answers. */
  const previewSection = async (step: SectionStep) => {
    setBulk({ plan: { items: [], excluded: [] }, step, progress: { done: 0, total: 0 }, tabId: working?.id });
    try {
      await session.openSection(step.index);
    } catch (e) {
      setBulk(undefined);
      setNotice(`Stopped at section ${step.index + 1}: ${e instanceof Error ? e.message : String(e)} Filled ${step.filled} answers.`);
      return;
    }
    await nextTick();
    setBulk({ plan: { items: [], excluded: [] }, step, tabId: working?.id, awaitingMatches: true });
  };

  const stepAllSections = () => {
    const names = session.scan?.sections?.names;
    if (!names?.length) return;
    setNotice(undefined);
    void previewSection({ index: 0, names, filled: 0 });
  };

  /** After a section: the next one, or the closing notice. */
  const afterSection = (step: SectionStep, filledNow: number, stopped: boolean, leftOut = '') => {
    const filled = step.filled + filledNow;
    const next = step.index + 1;
    if (!stopped && next < step.names.length) {
      void previewSection({ ...step, index: next, filled });
      if (leftOut) setNotice(`Section ${step.index + 1}: ${leftOut}`);
      return;
    }
    setBulk(undefined);
    setNotice(`${stopped ? `Stopped at section ${step.index + 1} of ${step.names.length}` : `Stepped through ${step.names.length} sections`}: filled ${filled} high-confidence answers.${leftOut ? ` ${leftOut}` : ''}`);
  };

  const confirmBulk = async () => {
    if (!bulk || bulk.tabId !== working?.id) return;
    const controller = new AbortController();
    const items = tickedItems(bulk.plan.items, bulk.unticked ?? new Set());
    const total = items.length;
    setBulk({ ...bulk, progress: { done: 0, total }, controller });
    // The preview is a promise: only items still exactly as previewed on the page as it is now are filled.
    const fresh = total > 0 ? await session.rescan() : undefined;
    const { items: current, changes } = fresh ? recheckBulkPlan(items, fresh.questions) : { items: [], changes: [] };
    const leftOut = fresh || total === 0 ? describeBulkChanges(changes) : 'The page could not be read again, so nothing was filled.';
    setBulk((b) => b && { ...b, progress: { done: 0, total: current.length } });
    const ok = await session.bulkFill(current, controller.signal, (done) => setBulk((b) => b && { ...b, progress: { done, total: current.length } }));
    if (bulk.step) {
      afterSection(bulk.step, ok, controller.signal.aborted, leftOut);
      return;
    }
    setBulk(undefined);
    if (controller.signal.reason === 'tab-switch') {
      setNotice(`Stopped: another tab became active, so this fill stayed with “${working?.label ?? 'its tab'}” and went no further: filled ${ok} of ${total} answers there.`);
      return;
    }
    const failed = ok < current.length && !controller.signal.aborted ? ' See the failed questions for the reason.' : '';
    setNotice(`${controller.signal.aborted ? 'Cancelled: filled' : 'Filled'} ${ok} of ${total} answers.${failed}${leftOut ? ` ${leftOut}` : ''}`);
  };

  const cancelBulk = () => {
    if (bulk?.controller) bulk.controller.abort();
    else if (bulk?.step) afterSection(bulk.step, 0, true);
    else setBulk(undefined);
  };

  const run = (command: ReturnType<typeof commandForKey>) => {
    const row = rows[selected];
    switch (command) {
      case 'next':
      case 'previous':
        selectKey(stepSelection(rows.map((r) => r.key), selectedKey, command === 'next' ? 1 : -1), true);
        return;
      case 'next-unresolved': {
        const next = nextUnresolved(rows, selected);
        if (next < 0) announce('No unresolved question left in this list.');
        else select(next, true);
        return;
      }
      case 'first':
        if (rows.length) select(0, true);
        return;
      case 'last':
        if (rows.length) select(rows.length - 1, true);
        return;
      case 'accept': {
        if (!row) return;
        // A card that cannot be accepted as proposed says why and changes nothing (no failed fill).
        const block = acceptBlock(row, session.entries);
        if (block) announce(block.message);
        else if (needsConfirm(row) && modes[row.key] !== 'confirm') setMode(row.key, 'confirm');
        else void accept(row.key);
        return;
      }
      case 'edit':
        if (row) setMode(row.key, 'edit');
        return;
      case 'skip':
        if (row) session.skip(row.key);
        return;
      case 'undo':
        if (row) undo(row.key);
        return;
      case 'search':
        if (row) setMode(row.key, 'search');
        return;
      case 'help':
        document.querySelector<HTMLDetailsElement>('details.shortcuts')?.toggleAttribute('open');
        return;
      case undefined:
        return;
    }
  };
  const runRef = useRef(run);
  runRef.current = run;

  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      const command = commandForKey({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, inEditable: isEditable(e.target) });
      if (!command) return;
      // Enter/Space on a focused button keeps its own meaning; letters always drive the list.
      e.preventDefault();
      if (command !== 'help' && !mayAct()) return;
      runRef.current(command);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [active, mayAct]);

  if (!working || working.access !== 'page') {
    return (
      <section aria-label="Questions" className="view">
        {working && <TargetLine target={working} />}
        <p className="empty" role="status">
          {!working
            ? 'Open a questionnaire in this window; the panel works on the active tab.'
            : working.access === 'no-access'
              ? 'The extension may not read this tab yet. If it is a questionnaire, click the toolbar button to allow this site.'
              : 'This is a browser page, not a questionnaire: switch to the questionnaire’s tab.'}
        </p>
      </section>
    );
  }

  // The page as read from the tab the panel works on: right after a move to another tab the session still holds the
  // previous tab's scan until its own effect resets it, and its counts were shown under the new tab for a frame.
  const scan = session.scanTabId === working.id ? session.scan : undefined;
  return (
    <section aria-label="Questions" className="view questions-view">
      <TargetLine target={working} />
      {target && target.id !== working.id && (
        <p className="notice" role="status">
          A fill is running on this tab and stays with it; the panel moves to “{target.label}” when it ends.
        </p>
      )}
      <header className="page-head">
        <div className="page-title">
          <strong>{scan?.title || 'This page'}</strong>
          {scan && <span className="badge portal">{scan.portal}</span>}
        </div>
        <button type="button" onClick={() => void session.rescan({ openLists: true })} disabled={session.phase === 'scanning'}>
          {session.phase === 'scanning' ? 'Scanning…' : 'Re-scan'}
        </button>
        <button type="button" aria-expanded={headerOpen} onClick={() => setHeaderOpen(!headerOpen)}>
          {headerOpen ? 'Collapse header' : 'Expand header'}
        </button>
      </header>
      <p className="summary" aria-live="polite" data-testid="page-summary">
        {/* Counts only for a page read: before the first scan (or when it failed) there is nothing counted yet. */}
        {scan ? formatCounts(summary.page) : session.phase === 'error' ? 'The page was not read.' : 'Scanning the page…'}
      </p>
      {matching > 0 && (
        <p className="hint" data-testid="matching-progress">
          Matching {matching} question{matching === 1 ? '' : 's'} against the library…
        </p>
      )}
      {session.error && (
        <div className="error" role="alert">
          <p>{session.error}</p>
          <button type="button" onClick={session.dismissError}>
            Dismiss
          </button>
        </div>
      )}
      {scan && scan.warnings.length > 0 && !headerOpen && (
        <p className="warning-line" role="note">
          The page does not look as expected ({scan.warnings.length} warnings): expand the header to read them.
        </p>
      )}
      {headerOpen && scan && scan.warnings.length > 0 && (
        <div className="warning" role="note" aria-label="Page structure warnings">
          <strong>The page does not look as expected</strong>
          <ul>
            {scan.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
          <p className="hint">Check each answer on the page; the portal may have changed its layout.</p>
        </div>
      )}
      {session.hidden.length > 0 && <HiddenFills hidden={session.hidden} onDismiss={session.dismissHidden} />}
      {scan?.refusedFrameOrigins && <RefusedFrames origins={scan.refusedFrameOrigins} onAllow={(origin) => void session.allowFrameOrigin(origin)} />}
      {headerOpen && scan?.sections && scan.sections.names.length > 1 && (
        <SectionBar
          sections={scan.sections}
          busy={session.phase === 'scanning' || !!bulk}
          onOpen={(i) => void session.openSection(i).catch((e: unknown) => setNotice(e instanceof Error ? e.message : String(e)))}
          onStepAll={stepAllSections}
        />
      )}
      <PortalSessionBar tabId={working.id} scan={scan} onRefilled={() => void session.rescan()} />
      {offer && (
        <SaveEditOffer
          offer={offer}
          onDismiss={() => setOffer(undefined)}
          onSaveDraft={async () => {
            const saved = await services.library.saveDraft({ question: offer.questionText, answer: offer.answer, choice: offer.choice, base: offer.base });
            await session.reloadLibrary();
            return `Saved as draft “${saved.id}”; it needs review before it is proposed for bulk fill.`;
          }}
          onAddWording={async () => {
            const saved = await services.library.addAlternateWording(offer.base!.id, offer.questionText);
            await session.reloadLibrary();
            return `Added the wording to “${saved.id}”.`;
          }}
        />
      )}
      {bulk ? (
        <BulkFillPreview
          plan={bulk.plan}
          progress={bulk.progress}
          matching={bulk.awaitingMatches ? { done: allRows.length - matching, total: allRows.length } : undefined}
          step={bulk.step}
          unticked={bulk.unticked ?? new Set()}
          onTick={(keys: string[], ticked: boolean) =>
            setBulk((b) => {
              if (!b) return b;
              const unticked = new Set(b.unticked);
              for (const key of keys) {
                if (ticked) unticked.delete(key);
                else unticked.add(key);
              }
              return { ...b, unticked };
            })
          }
          onConfirm={() => void confirmBulk()}
          onSkipSection={bulk.step && !bulk.controller ? () => afterSection(bulk.step!, 0, false) : undefined}
          onCancel={cancelBulk}
        />
      ) : (
        <div className="toolbar">
          <button ref={bulkButton} type="button" className="primary" disabled={allRows.length === 0} onClick={openBulk}>
            Fill all high-confidence…
          </button>
          <ShortcutList />
        </div>
      )}
      {scan && allRows.length > 0 && !bulk && <HandoffButtons rows={allRows} library={session.wholeLibrary} page={handoffPage} />}
      {allRows.length > 0 && <LeftoversBar filter={filter} counts={filterCounts} compact={compact} onFilter={setFilter} onCompact={setCompact} />}
      <p className="announce" role="status" data-testid="announce">
        {announcement}
      </p>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {session.phase === 'error' && !scan && <p className="empty">Could not read this page. Re-scan after it has loaded.</p>}
      {scan && allRows.length === 0 && <p className="empty">{scan.sections ? 'No questions in this section.' : 'No questions found on this page.'}</p>}
      {allRows.length > 0 && rows.length === 0 && <p className="empty">No questions match “{filter === 'attention' ? 'needs attention' : filter}”.</p>}
      {rows.length > 0 && (
        <QuestionList
          // One list per tab: the place it opens at is read when it mounts.
          key={working.id}
          ref={list}
          shown={active}
          place={scan && places.current.get(working.id)?.url === scan.url ? places.current.get(working.id)!.place : undefined}
          onPlace={(place) => {
            if (scan) places.current.set(working.id, { url: scan.url, place });
          }}
          rows={rows}
          sections={summary.sections}
          selected={selected}
          compact={compact}
          modes={modes}
          entries={session.entries}
          searcher={session.searcher}
          onSelect={select}
          onMode={setMode}
          onAccept={onAccept}
          onFillEdited={onFillEdited}
          onSkip={session.skip}
          onUndo={undo}
          onChoose={session.choose}
          onPick={session.pickEntry}
          onAttach={session.attach}
        />
      )}
    </section>
  );
}

/** The page as a hand-off sheet names it: its title and its address without query or fragment (they may hold tokens). */
function pageForHandoff(scan: { title: string; url: string } | undefined): { title: string; url: string } {
  if (!scan) return { title: '', url: '' };
  try {
    const url = new URL(scan.url);
    return { title: scan.title, url: `${url.origin}${url.pathname}` };
  } catch {
    return { title: scan.title, url: '' };
  }
}

/** The tab the panel works on, always named: its title and host. */
function TargetLine({ target }: { target: TargetTab }) {
  return (
    <p className="target-tab" data-testid="target-tab">
      Working on: <strong>{target.label}</strong>
    </p>
  );
}

/**
 * Filled questions the page hid after the fill, as a portal hides a dependent question when the answer it depends on
 * changes: the analyst no longer sees them, and what was filled may still be saved with the form.
 */
function HiddenFills({ hidden, onDismiss }: { hidden: readonly HiddenFill[]; onDismiss: () => void }) {
  const one = hidden.length === 1;
  return (
    <div className="warning" role="note" aria-label="Filled questions the page hid" data-testid="hidden-fills">
      <strong>{one ? 'A question you filled is no longer shown' : `${hidden.length} questions you filled are no longer shown`}</strong>
      <ul>
        {hidden.map((h) => (
          <li key={h.key}>
            {h.number ? `${h.number} ` : ''}
            {h.text}
            {h.section ? ` (${h.section})` : ''}
          </li>
        ))}
      </ul>
      <p className="hint">
        The page hid {one ? 'it' : 'them'} after another answer changed. What was filled may still be saved with the form: check
        in the portal, or change that answer back to show {one ? 'it' : 'them'} here again and undo the fill.
      </p>
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
