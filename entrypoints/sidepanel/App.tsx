// The side panel: three views (Questions, Library, History), each mounted when first shown and then kept mounted so
// switching keeps the work in progress. The views and the panel's services (database, messaging, matching) load as
// separate chunks after the first paint; the Library view's spreadsheet readers and editor only when it is opened.
import { lazy, Suspense, useEffect, useState, type KeyboardEvent } from 'react';
import { PanelServicesProvider, type PanelServices } from '../../components/common/PanelServices';
import { useTargetTab } from './useTargetTab';
import { markOpen } from '../../lib/panel/open-marks';

// The Questions view and the services are needed at once: their chunks start loading with this module, in parallel.
const servicesModule = import('./services');
const questionsModule = import('../../components/questions/QuestionsTab').then((m) => (markOpen('questions-module'), m));
type QuestionsTabView = (typeof import('../../components/questions/QuestionsTab'))['QuestionsTab'];
const LibraryTab = lazy(() => import('../../components/library/LibraryTab').then((m) => ({ default: m.LibraryTab })));
const HistoryTab = lazy(() => import('../../components/history/HistoryTab').then((m) => ({ default: m.HistoryTab })));

const TABS = [
  { id: 'questions', label: 'Questions' },
  { id: 'library', label: 'Library' },
  { id: 'history', label: 'History' },
] as const;

type TabId = (typeof TABS)[number]['id'];

export function App() {
  const [tab, setTab] = useState<TabId>('questions');
  const [opened, setOpened] = useState<ReadonlySet<TabId>>(() => new Set(['questions']));
  const target = useTargetTab();
  const [services, setServices] = useState<PanelServices>();
  // The Questions view is rendered once its chunk has loaded, not through lazy(): a view that suspends shows the
  // fallback first, and React then holds the real view back for its fallback throttle (about 300 ms of a
  // reopening spent waiting, with the page scan not yet asked for).
  const [questionsView, setQuestionsView] = useState<{ QuestionsTab: QuestionsTabView }>();
  const [loadError, setLoadError] = useState<string>();

  useEffect(() => {
    questionsModule.then(
      ({ QuestionsTab }) => setQuestionsView({ QuestionsTab }),
      (e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)),
    );
    servicesModule.then(
      ({ createPanelServices }) =>
        createPanelServices((entryId) => {
          // The Library view reads the entry to show from the hash.
          location.hash = `entry=${encodeURIComponent(entryId)}`;
          setTab('library');
        }).then((created) => {
          markOpen('services-ready');
          setServices(created);
        }),
    ).catch((e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)));
  }, []);

  useEffect(() => {
    setOpened((all) => (all.has(tab) ? all : new Set([...all, tab])));
  }, [tab]);

  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = TABS.findIndex((t) => t.id === tab);
    const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    setTab(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };

  return (
    <main className="panel">
      <header className="panel-head">
        <h1>Questionnaire Autofill</h1>
        <div role="tablist" aria-label="Views" onKeyDown={onTabKey}>
          {TABS.map((t) => (
            <button
              key={t.id}
              id={`tab-${t.id}`}
              role="tab"
              aria-selected={t.id === tab}
              aria-controls={`panel-${t.id}`}
              tabIndex={t.id === tab ? 0 : -1}
              onClick={() => setTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
      </header>
      {loadError && (
        <p className="error" role="alert">
          The panel could not load: {loadError}
        </p>
      )}
      {TABS.map((t) => (
        <div key={t.id} id={`panel-${t.id}`} role="tabpanel" aria-labelledby={`tab-${t.id}`} hidden={t.id !== tab} className="tabpanel">
          {services && opened.has(t.id) && (
            <PanelServicesProvider services={services}>
              <Suspense fallback={<p className="hint">Loading…</p>}>
                {t.id === 'questions' &&
                  (questionsView ? <questionsView.QuestionsTab target={target} active={tab === 'questions'} /> : <p className="hint">Loading…</p>)}
                {t.id === 'library' && <LibraryTab />}
                {t.id === 'history' && <HistoryTab active={tab === 'history'} />}
              </Suspense>
            </PanelServicesProvider>
          )}
        </div>
      ))}
    </main>
  );
}
