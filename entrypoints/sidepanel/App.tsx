import { useState } from 'react';
import { QuestionsTab } from '../../components/questions/QuestionsTab';
import { LibraryTab } from '../../components/library/LibraryTab';
import { HistoryTab } from '../../components/history/HistoryTab';

const TABS = [
  { id: 'questions', label: 'Questions', render: () => <QuestionsTab /> },
  { id: 'library', label: 'Library', render: () => <LibraryTab /> },
  { id: 'history', label: 'History', render: () => <HistoryTab /> },
] as const;

type TabId = (typeof TABS)[number]['id'];

export function App() {
  const [tab, setTab] = useState<TabId>('questions');
  const current = TABS.find((t) => t.id === tab) ?? TABS[0];
  return (
    <main>
      <h1>Questionnaire Autofill</h1>
      <nav role="tablist" aria-label="Views">
        {TABS.map((t) => (
          <button key={t.id} role="tab" aria-selected={t.id === tab} onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </nav>
      <div role="tabpanel">{current.render()}</div>
    </main>
  );
}
