// Which design the panel opens with, and starting its matching worker. The worker is started by the panel's first
// module (start-worker.ts, a script of its own in index.html, loaded before React and the panel's modules) and
// handed to the services when they start; `?worker=late` keeps the design before, where the services started it.
import { MATCH_WORKER_INDEX_ONLY, MATCH_WORKER_PANEL_SENDS, MATCH_WORKER_WITHOUT_CACHE } from './match-worker-name';
import { markOpen } from '../../lib/panel/open-marks';

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

/** The worker the panel's first module started, until the services take it. */
let early: { name: string; worker: Worker } | undefined;

/** Starts this opening's matching worker now (the panel's first module), unless `?worker=late`. */
export function startMatchWorkerEarly(search: string = location.search): void {
  if (new URLSearchParams(search).get('worker') === 'late') return;
  const name = matchWorkerName(search);
  const worker = name === undefined ? undefined : startMatchWorker(name);
  if (!worker || name === undefined) return;
  markOpen('worker-created');
  early = { name, worker };
}

/** The worker for `name`: the one started early (once), else one started now. */
export function takeMatchWorker(name: string): Worker | undefined {
  const started = early?.name === name ? early.worker : undefined;
  early = undefined;
  if (started) return started;
  const worker = startMatchWorker(name);
  if (worker) markOpen('worker-created');
  return worker;
}
