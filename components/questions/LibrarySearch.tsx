// Search the library by hand from a question and pick the entry to propose for it.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { LibraryEntry } from '../../lib/schema';
import type { LibrarySearcher } from '../../lib/panel/library-search';
import { entryStatus, isStale } from '../../lib/schema';

export function LibrarySearch({ searcher, onPick, onCancel }: { searcher: LibrarySearcher; onPick(entry: LibraryEntry, score: number): void; onCancel(): void }) {
  const [query, setQuery] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const results = useMemo(() => searcher.search(query), [searcher, query]);

  return (
    <div className="search" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <label>
        Search the library
        <input ref={input} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="e.g. encryption at rest" />
      </label>
      {query.trim() !== '' && results.length === 0 && <p className="hint">{searcher.ready === false ? 'Reading the library…' : <>Nothing in the library matches “{query}”.</>}</p>}
      <ul className="search-results">
        {results.map(({ entry, score }) => (
          <li key={entry.id}>
            <button type="button" className="result" onClick={() => onPick(entry, score)}>
              <strong>{entry.question}</strong>
              <span className="hint">
                {entry.id}
                {entry.sample && ' · sample'}
                {entryStatus(entry) === 'draft' && ' · draft'}
                {isStale(entry) && ' · stale'}
              </span>
              <span className="result-answer">{entry.answer}</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={onCancel}>
        Close search
      </button>
    </div>
  );
}
