// Which design the panel opens with, and starting its matching worker (with the services: started from the panel's
// first module instead, its script ran sooner but the panel's own opening got slower, 1,207 against 1,039 ms median
// of 7 for the panel-reads design in the same run at load 9-11, where it had been faster).
import { MATCH_WORKER_INDEX_ONLY, MATCH_WORKER_PANEL_SENDS, MATCH_WORKER_WITHOUT_CACHE } from './match-worker-name';

/**
 * The matching worker's name for this opening, or undefined for none: `?matcher=main` (the main-thread design,
 * kept for the bench's comparison) or no Worker here. By default it reads the library database itself and the panel
 * reads no entries to open. The bench's baselines: `?open=panel-reads` (the panel reads every entry and sends them
 * in chunks, the design before), `?open=previous` (that, and every question matched again: the design before
 * remembered proposals), `?index=rebuild` (that, and the index built on every opening).
 */
export function matchWorkerName(search: string = location.search): string | undefined {
  const params = new URLSearchParams(search);
  if (params.get('matcher') === 'main' || typeof Worker === 'undefined') return undefined;
  if (params.get('index') === 'rebuild') return MATCH_WORKER_WITHOUT_CACHE;
  if (params.get('open') === 'previous') return MATCH_WORKER_INDEX_ONLY;
  if (params.get('open') === 'panel-reads') return MATCH_WORKER_PANEL_SENDS;
  return 'match';
}

/** The worker reads the library itself (the default design). */
export const readsLibrary = (name: string | undefined): boolean => name === 'match';

export function startMatchWorker(name: string): Worker | undefined {
  try {
    return new Worker(new URL('./match.worker.ts', import.meta.url), { type: 'module', name });
  } catch {
    return undefined;
  }
}
