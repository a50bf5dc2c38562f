// Starting the panel's matching worker. Imported by the panel's first module (App.tsx), so the worker's code loads
// and it reads the library database while the services chunk still loads; the previous designs, kept for the
// bench, start it with the services as before.
import { MATCH_WORKER_INDEX_ONLY, MATCH_WORKER_PANEL_SENDS, MATCH_WORKER_WITHOUT_CACHE } from './match-worker-name';

export interface StartedMatchWorker {
  worker: Worker;
  /** It reads the library database itself (the panel sends learned wordings only). */
  fromDatabase: boolean;
}

/**
 * The matching worker, unless the panel was opened with `?matcher=main` (the main-thread design, kept for the
 * bench's comparison) or the browser cannot start it. It reads the library database itself; the bench's baselines:
 * `?open=previous` (the panel reads the library and sends it in chunks, the design before that), `?open=index-only`
 * (that, and every question matched again: the design before remembered proposals) and `?index=rebuild` (that,
 * and the index built on every opening).
 */
export function startMatchWorker(): StartedMatchWorker | undefined {
  const params = new URLSearchParams(location.search);
  if (params.get('matcher') === 'main' || typeof Worker === 'undefined') return undefined;
  try {
    const open = params.get('open');
    const name =
      params.get('index') === 'rebuild' ? MATCH_WORKER_WITHOUT_CACHE : open === 'index-only' ? MATCH_WORKER_INDEX_ONLY : open === 'previous' ? MATCH_WORKER_PANEL_SENDS : 'match';
    return { worker: new Worker(new URL('./match.worker.ts', import.meta.url), { type: 'module', name }), fromDatabase: name === 'match' };
  } catch {
    return undefined;
  }
}

/** True when the panel opens as it did before the scan ahead and the worker's own library read (the bench's baselines). */
export function previousOpening(): boolean {
  const params = new URLSearchParams(location.search);
  return params.has('open') || params.get('index') === 'rebuild' || params.get('matcher') === 'main';
}
