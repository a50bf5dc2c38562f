// The detection engine (lib/detect, pure DOM) bundled with esbuild for a plain page, as the content script runs
// it: `window.qaDetect` scans with an incremental cache fed by a MutationObserver that dirties nodes the way the
// question watcher does, and can scan afresh for comparison.
import { bundleForPage } from './bundle-for-page';

/** What a scan says of each question, field ids aside (each registry numbers its own). */
export interface QuestionSummary {
  key: string;
  text: string;
  kind: string;
  hidden: string | null;
}

export interface DetectEngine {
  /** A full scan that primes the incremental cache and starts collecting mutations. */
  full(): QuestionSummary[];
  /** An incremental re-scan of the mutations collected since the last scan. */
  incremental(): QuestionSummary[];
  /** A full scan with a cache and registry of its own: what the incremental re-scan must equal. */
  fresh(): QuestionSummary[];
}

export async function bundleDetectEngine(): Promise<string> {
  return bundleForPage(
    `
        import { scanPage } from './lib/detect/scan-page';
        import { FieldRegistry } from './lib/detect/field-registry';
        import { GenericScanCache } from './lib/detect/incremental-scan';
        const registry = new FieldRegistry('engine');
        const cache = new GenericScanCache();
        let dirty = [];
        const collect = (records) => {
          for (const r of records) {
            if (r.type === 'childList' && r.removedNodes.length === 0) {
              for (const n of Array.from(r.addedNodes)) if (n.nodeType !== 3 || (n.nodeValue ?? '').trim() !== '') dirty.push(n);
            } else dirty.push(r.target);
          }
        };
        const observer = new MutationObserver(collect);
        const summary = (scan) => scan.questions.map((q) => ({ key: q.key, text: q.text, kind: q.kind, hidden: q.hidden ?? null }));
        window.qaDetect = {
          full() {
            observer.disconnect();
            const scan = scanPage(document, { adapters: [], layout: true, registry, cache });
            observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
            dirty = [];
            return summary(scan);
          },
          incremental() {
            collect(observer.takeRecords());
            const changed = dirty;
            dirty = [];
            return summary(scanPage(document, { adapters: [], layout: true, registry, cache, dirty: changed }));
          },
          fresh() {
            return summary(scanPage(document, { adapters: [], layout: true, registry: new FieldRegistry('fresh') }));
          },
        };`,
    'of the detection engine',
  );
}
