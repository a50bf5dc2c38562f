// The Questions view: summary, drift warnings, sections, bulk fill, the question list and the keyboard loop.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LibraryEntry } from '../../lib/schema';
import { planBulkFill, type BulkPlan } from '../../lib/panel/bulk-fill';
import { commandForKey, step } from '../../lib/panel/keyboard';
import { currentProposal, type QuestionRow } from '../../lib/panel/question-rows';
import { formatCounts, NO_SECTION, summarize } from '../../lib/panel/summary';
import { usePanelServices } from '../common/PanelServices';
import { BulkFillPreview, type SectionStep } from './BulkFillPreview';
import { needsConfirm, type CardMode } from './QuestionCard';
import { QuestionList, type QuestionListHandle } from './QuestionList';
import { SaveEditOffer, type EditOffer } from './SaveEditOffer';
import { SectionBar } from './SectionBar';
import { ShortcutList } from './ShortcutList';
import { useQuestionSession, type FillChoice } from './useQuestionSession';

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
  progress?: { done: number; total: number };
  controller?: AbortController;
  step?: SectionStep;
}

const nextTick = () => new Promise((resolve) => setTimeout(resolve, 0));

export function QuestionsTab({ tabId, active }: { tabId: number | undefined; active: boolean }) {
  const services = usePanelServices();
  const session = useQuestionSession(tabId, active);
  const rows = useMemo(() => groupBySection(session.rows), [session.rows]);
  const summary = useMemo(() => summarize(rows), [rows]);
  const [selected, setSelected] = useState(-1);
  const [modes, setModes] = useState<Record<string, CardMode>>({});
  const [bulk, setBulk] = useState<BulkState>();
  const [notice, setNotice] = useState<string>();
  const [offer, setOffer] = useState<EditOffer>();
  const list = useRef<QuestionListHandle>(null);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;

  const select = useCallback(
    (index: number) => {
      setSelected(index);
      list.current?.scrollToRow(index);
      const row = rowsRef.current[index];
      if (row) session.focus(row.key);
    },
    [session.focus],
  );

  const setMode = useCallback((key: string, mode: CardMode) => setModes((m) => ({ ...m, [key]: mode })), []);

  const accept = useCallback(
    async (key: string) => {
      setMode(key, 'view');
      const ok = await session.fill(key);
      if (ok) {
        const index = rowsRef.current.findIndex((r) => r.key === key);
        if (index >= 0 && index + 1 < rowsRef.current.length) {
          setSelected(index + 1);
          list.current?.scrollToRow(index + 1);
        }
      }
    },
    [session.fill, setMode],
  );

  const fillEdited = useCallback(
    async (key: string, choice: FillChoice, base: LibraryEntry | undefined) => {
      setMode(key, 'view');
      const ok = await session.fill(key, choice);
      const row = rowsRef.current.find((r) => r.key === key);
      const changed = !base || base.answer.trim() !== choice.text.trim() || (choice.choice ?? '') !== (base.choice ?? currentProposal(row!)?.choice ?? '');
      if (ok && row && changed) setOffer({ key, questionText: row.question.text, answer: choice.text, choice: choice.choice, base });
    },
    [session.fill, setMode],
  );

  const openBulk = () => {
    setNotice(undefined);
    setBulk({ plan: planBulkFill(rows, session.entries) });
  };

  /** Opens section `index`, scans it and previews its high-confidence answers. */
  const previewSection = async (step: SectionStep) => {
    setBulk({ plan: { items: [], excluded: [] }, step, progress: { done: 0, total: 0 } });
    try {
      await session.openSection(step.index);
    } catch (e) {
      setBulk(undefined);
      setNotice(`Stopped at section ${step.index + 1}: ${e instanceof Error ? e.message : String(e)} Filled ${step.filled} answers.`);
      return;
    }
    await nextTick();
    setBulk({ plan: planBulkFill(session.latestRows(), session.entries), step });
  };

  const stepAllSections = () => {
    const names = session.scan?.sections?.names;
    if (!names?.length) return;
    setNotice(undefined);
    void previewSection({ index: 0, names, filled: 0 });
  };

  /** After a section: the next one, or the closing notice. */
  const afterSection = (step: SectionStep, filledNow: number, stopped: boolean) => {
    const filled = step.filled + filledNow;
    const next = step.index + 1;
    if (!stopped && next < step.names.length) {
      void previewSection({ ...step, index: next, filled });
      return;
    }
    setBulk(undefined);
    setNotice(`${stopped ? `Stopped at section ${step.index + 1} of ${step.names.length}` : `Stepped through ${step.names.length} sections`}: filled ${filled} high-confidence answers.`);
  };

  const confirmBulk = async () => {
    if (!bulk) return;
    const controller = new AbortController();
    const total = bulk.plan.items.length;
    setBulk({ ...bulk, progress: { done: 0, total }, controller });
    const ok = await session.bulkFill(bulk.plan.items, controller.signal, (done) => setBulk((b) => b && { ...b, progress: { done, total } }));
    if (bulk.step) {
      afterSection(bulk.step, ok, controller.signal.aborted);
      return;
    }
    setBulk(undefined);
    setNotice(`${controller.signal.aborted ? 'Cancelled: filled' : 'Filled'} ${ok} of ${total} answers.${ok < total && !controller.signal.aborted ? ' See the failed questions for the reason.' : ''}`);
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
        select(step(selected, command === 'next' ? 1 : -1, rows.length));
        return;
      case 'first':
        if (rows.length) select(0);
        return;
      case 'last':
        if (rows.length) select(rows.length - 1);
        return;
      case 'accept':
        if (!row || row.status === 'filled' || row.status === 'edited' || row.status === 'skipped') return;
        if (needsConfirm(row) && modes[row.key] !== 'confirm') setMode(row.key, 'confirm');
        else void accept(row.key);
        return;
      case 'edit':
        if (row) setMode(row.key, 'edit');
        return;
      case 'skip':
        if (row) session.skip(row.key);
        return;
      case 'undo':
        if (row) void session.undo(row.key);
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
      runRef.current(command);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [active]);

  if (session.phase === 'no-tab') {
    return (
      <section aria-label="Questions" className="view">
        <p className="empty">Open a questionnaire in this window; the panel works on the active tab.</p>
      </section>
    );
  }

  const scan = session.scan;
  return (
    <section aria-label="Questions" className="view questions-view">
      <header className="page-head">
        <div className="page-title">
          <strong>{scan?.title || 'This page'}</strong>
          {scan && <span className="badge portal">{scan.portal}</span>}
        </div>
        <button type="button" onClick={() => void session.rescan()} disabled={session.phase === 'scanning'}>
          {session.phase === 'scanning' ? 'Scanning…' : 'Re-scan'}
        </button>
      </header>
      <p className="summary" aria-live="polite" data-testid="page-summary">
        {session.phase === 'scanning' && !scan ? 'Scanning the page…' : formatCounts(summary.page)}
      </p>
      {session.error && (
        <div className="error" role="alert">
          <p>{session.error}</p>
          <button type="button" onClick={session.dismissError}>
            Dismiss
          </button>
        </div>
      )}
      {scan && scan.warnings.length > 0 && (
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
      {scan?.sections && scan.sections.names.length > 1 && (
        <SectionBar
          sections={scan.sections}
          busy={session.phase === 'scanning' || !!bulk}
          onOpen={(i) => void session.openSection(i)}
          onStepAll={stepAllSections}
        />
      )}
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
          step={bulk.step}
          onConfirm={() => void confirmBulk()}
          onSkipSection={bulk.step && !bulk.controller ? () => afterSection(bulk.step!, 0, false) : undefined}
          onCancel={cancelBulk}
        />
      ) : (
        <div className="toolbar">
          <button type="button" className="primary" disabled={rows.length === 0} onClick={openBulk}>
            Fill all high-confidence…
          </button>
          <ShortcutList />
        </div>
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {session.phase === 'error' && !scan && <p className="empty">Could not read this page. Re-scan after it has loaded.</p>}
      {scan && rows.length === 0 && <p className="empty">{scan.sections ? 'No questions in this section.' : 'No questions found on this page.'}</p>}
      {rows.length > 0 && (
        <QuestionList
          ref={list}
          rows={rows}
          sections={summary.sections}
          selected={selected}
          modes={modes}
          entries={session.entries}
          searcher={session.searcher}
          onSelect={select}
          onMode={setMode}
          onAccept={(key) => void accept(key)}
          onFillEdited={(key, choice, base) => void fillEdited(key, choice, base)}
          onSkip={session.skip}
          onUndo={(key) => void session.undo(key)}
          onChoose={session.choose}
          onPick={session.pickEntry}
        />
      )}
    </section>
  );
}
