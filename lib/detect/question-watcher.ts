// Picks up questions that appear later (lazy sections, conditional questions, SPA navigation): one
// MutationObserver over every readable document and open shadow root, debounced, torn down by an AbortSignal.
import { OWN_HOST_ATTRIBUTE, readableDocuments, rootsOfDocument, type QueryRoot } from './deep-query';

const OBSERVED_ATTRIBUTES = [
  'style',
  'class',
  'hidden',
  'open',
  'aria-hidden',
  'aria-expanded',
  'aria-checked',
  'aria-pressed',
  'aria-selected',
  'disabled',
  'readonly',
  'type',
  'contenteditable',
];

export interface WatchOptions {
  signal: AbortSignal;
  debounceMs: number;
  /** Called once the page has been quiet for `debounceMs` after relevant changes, with the changed nodes. */
  onChange: (dirty: Node[] | undefined) => void;
}

function isOwnNode(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return el?.closest(`[${OWN_HOST_ATTRIBUTE}]`) != null;
}

export class QuestionWatcher {
  private observer: MutationObserver;
  private observed = new WeakSet<QueryRoot>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Mutation targets since the last onChange; undefined after an event that may change anything (a frame load). */
  private dirty: Node[] | undefined = [];
  /** Any change seen since the last markScanned() (true until the first: what came before the watcher is unknown). */
  private changedSinceScan = true;

  constructor(
    private doc: Document,
    private options: WatchOptions,
  ) {
    this.observer = new MutationObserver((records) => this.onRecords(records));
    options.signal.addEventListener('abort', () => this.stop(), { once: true });
    this.observeNewRoots();
  }

  /** Start observing roots that appeared since the last call (new shadow roots, newly loaded iframes). */
  observeNewRoots(): void {
    if (this.options.signal.aborted) return;
    for (const d of readableDocuments(this.doc)) {
      if (!this.observed.has(d)) {
        // An iframe finishing its load changes no node of the parent document; catch its load event instead.
        d.addEventListener(
          'load',
          () => {
            this.dirty = undefined;
            this.changedSinceScan = true;
            this.schedule();
          },
          { capture: true, signal: this.options.signal },
        );
      }
      for (const root of rootsOfDocument(d)) {
        if (this.observed.has(root)) continue;
        this.observed.add(root);
        this.observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: OBSERVED_ATTRIBUTES });
        // A value the analyst types or picks changes no node: `change` (not composed, so per root) reports it, and
        // `input` reports typing before the field loses focus (a value typed after the panel's last read would
        // otherwise wait for a blur that may never come).
        for (const type of ['change', 'input'] as const) {
          root.addEventListener(
            type,
            (event) => {
              if (event.target instanceof Node) this.dirty?.push(event.target);
              this.changedSinceScan = true;
              this.schedule();
            },
            { capture: true, signal: this.options.signal },
          );
        }
      }
    }
  }

  /**
   * Nothing seen since markScanned(): no mutation, no typed or picked value, no frame load, including records still
   * queued (taken first). Stricter than "nothing left to report": once a change was reported, the questions an
   * incremental re-scan keeps may differ from what a full scan would read (a widget that redraws outside the changed
   * region), so only a full scan makes the page "unchanged" again.
   */
  unchangedSinceScan(): boolean {
    const queued = this.observer.takeRecords();
    if (queued.length > 0) this.onRecords(queued);
    return !this.options.signal.aborted && !this.changedSinceScan;
  }

  /** A full scan has just read the page (synchronously, before any page script could run since). */
  markScanned(): void {
    const queued = this.observer.takeRecords();
    if (queued.length > 0) this.onRecords(queued);
    this.changedSinceScan = false;
  }

  private onRecords(records: MutationRecord[]): void {
    const relevant = records.filter((r) => !isOwnNode(r.target));
    if (relevant.length === 0) return;
    this.changedSinceScan = true;
    if (this.dirty) {
      for (const r of relevant) {
        // Pure additions (a lazy section, a conditional question) only dirty the added nodes, not the whole
        // container they were added to; anything removed or changed dirties the target.
        if (r.type === 'childList' && r.removedNodes.length === 0) {
          for (const n of Array.from(r.addedNodes)) if (n.nodeType !== 3 || (n.nodeValue ?? '').trim() !== '') this.dirty.push(n);
        }
        else this.dirty.push(r.target);
      }
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.options.signal.aborted) return;
      this.observeNewRoots();
      const dirty = this.dirty;
      this.dirty = [];
      this.options.onChange(dirty);
    }, this.options.debounceMs);
  }

  private stop(): void {
    this.observer.disconnect();
    if (this.timer !== undefined) clearTimeout(this.timer);
  }
}
