// The side panel: three views (Questions, Library, History) kept mounted so switching keeps the work in progress.
import { useMemo, useState, type KeyboardEvent } from 'react';
import { QuestionsTab } from '../../components/questions/QuestionsTab';
import { LibraryTab } from '../../components/library/LibraryTab';
import { HistoryTab } from '../../components/history/HistoryTab';
import { PanelServicesProvider } from '../../components/common/PanelServices';
import { createPanelServices } from './services';
import { useTargetTab } from './useTargetTab';

const TABS = [
  { id: 'questions', label: 'Questions' },
  { id: 'library', label: 'Library' },
  { id: 'history', label: 'History' },
] as const;

type TabId = (typeof TABS)[number]['id'];

export function App() {
  const [tab, setTab] = useState<TabId>('questions');
  const tabId = useTargetTab();
  const services = useMemo(
    () =>
      createPanelServices((entryId) => {
        // The Library view reads the entry to show from the hash.
        location.hash = `entry=${encodeURIComponent(entryId)}`;
        setTab('library');
      }),
    [],
  );

  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = TABS.findIndex((t) => t.id === tab);
    const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    setTab(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };

  return (
    <PanelServicesProvider services={services}>
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
        {TABS.map((t) => (
          <div key={t.id} id={`panel-${t.id}`} role="tabpanel" aria-labelledby={`tab-${t.id}`} hidden={t.id !== tab} className="tabpanel">
            {t.id === 'questions' && <QuestionsTab tabId={tabId} active={tab === 'questions'} />}
            {t.id === 'library' && <LibraryTab />}
            {t.id === 'history' && <HistoryTab active={tab === 'history'} />}
          </div>
        ))}
      </main>
    </PanelServicesProvider>
  );
}
