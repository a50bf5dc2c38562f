// The content script's side of the protocol, free of extension APIs so it runs under happy-dom too:
// parse a panel message, act on this frame's documents, build the reply. The entry point adds the sender check
// and the transport.
import {
  PanelToContentSchema,
  type AttachReply,
  type ContentReply,
  type ContentToExtension,
  type FillRequest,
  type FrameTrust,
  type PageScan,
  type PanelToContent,
} from '../schema';
import type { PortalAdapter } from '../detect/types';
import { FieldRegistry } from '../detect/field-registry';
import { readableDocuments } from '../detect/deep-query';
import { scanPage } from '../detect/scan-page';
import { readClosedLists } from '../detect/deferred-lists';
import { GenericScanCache } from '../detect/incremental-scan';
import { QuestionWatcher } from '../detect/question-watcher';
import { SaveWatch } from '../detect/save-watch';
import { fieldOwners, fillFields, stalenessOf } from '../fill/fill-fields';
import { attachFile, detachFile } from '../fill/attach-file';
import { refusalReason } from '../fill/fill-guards';
import { FieldOwnership } from '../fill/field-ownership';
import { HighlightOverlay } from '../fill/highlight-overlay';
import type { FrameRole } from './frame-role';

export interface ContentEndpointOptions {
  doc: Document;
  adapters: readonly PortalAdapter[];
  /** This frame's role, or how to work it out from the trust the panel sends with each message. */
  role: FrameRole | ((frames: FrameTrust | undefined) => FrameRole);
  /** Layout-based visibility and hit testing; false only in unit tests. */
  layout: boolean;
  /** Aborted when the content script is invalidated (extension update, navigation). */
  signal: AbortSignal;
  /** Sends a message to the extension (runtime.sendMessage). */
  notify: (message: ContentToExtension) => void;
  debounceMs?: number;
  registry?: FieldRegistry;
}

/** Which parts of a scan count as "the questions changed": ids, texts, values, options. */
function signature(scan: PageScan): string {
  return JSON.stringify([scan.session, scan.questions.map((q) => [q.key, q.fieldId, q.text, q.currentValue, q.commentValue, q.options.length, q.required])]);
}

export class ContentEndpoint {
  readonly registry: FieldRegistry;
  private overlay = new HighlightOverlay();
  private watcher: QuestionWatcher | undefined;
  private lastSignature = '';
  private queue: Promise<unknown> = Promise.resolve();
  private cache = new GenericScanCache();
  private saveWatch: SaveWatch;

  constructor(private options: ContentEndpointOptions) {
    this.registry = options.registry ?? new FieldRegistry();
    this.saveWatch = new SaveWatch(options.signal, () => this.rescanAndNotify());
    options.signal.addEventListener('abort', () => this.overlay.clear(), { once: true });
  }

  /** Handle one raw message; invalid messages get an error reply that says what was wrong. Calls run one at a time. */
  handle(raw: unknown): Promise<ContentReply> {
    const next = this.queue.then(() => this.dispatch(raw));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** A full scan, or with `dirty` (mutation targets) an incremental one that re-reads only those regions. */
  scan(dirty?: Node[]): PageScan {
    const { doc, adapters, layout } = this.options;
    const scan = scanPage(doc, { adapters, layout, registry: this.registry, cache: this.cache, dirty });
    const docs = readableDocuments(doc);
    this.saveWatch.noteIndicators(docs.reduce((n, d) => n + (adapters.find((a) => a.countSaveIndicators && a.recognize(d, new URL(d.URL)))?.countSaveIndicators?.(d) ?? 0), 0));
    scan.session = { pageId: this.saveWatch.observe(docs), saves: this.saveWatch.saves };
    return scan;
  }

  /** Re-scan after a page change or SPA navigation; tell the extension only when something visible to it changed. */
  rescanAndNotify(dirty?: Node[]): void {
    if (this.options.signal.aborted) return;
    const scan = this.scan(dirty);
    const sig = signature(scan);
    if (sig === this.lastSignature) return;
    this.lastSignature = sig;
    this.overlay.refresh();
    this.options.notify({ type: 'questions-changed', scan });
  }

  private async dispatch(raw: unknown): Promise<ContentReply> {
    const parsed = PanelToContentSchema.safeParse(raw);
    if (!parsed.success) return { type: 'ok', ok: false, message: `invalid message: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}` };
    const role = typeof this.options.role === 'function' ? this.options.role(parsed.data.frames) : this.options.role;
    if (!role.answers) return { type: 'skipped', reason: role.reason };
    return this.act(parsed.data);
  }

  private async act(message: PanelToContent): Promise<ContentReply> {
    switch (message.type) {
      case 'scan': {
        await this.readDeferredOptions(message.openLists === true);
        // Nothing changed since the last full scan the panel asked for (a panel reopened on an untouched page): its
        // questions are kept and only their values and visibility read again, as an incremental re-scan with no
        // changed region does. Any change seen since (a reported one too, a fill's included), a frame load, or the
        // analyst's Re-scan (lists opened) makes it a full scan.
        const kept = message.openLists !== true && this.watcher?.unchangedSinceScan() === true;
        const scan = this.scan(kept ? [] : undefined);
        this.lastSignature = signature(scan);
        this.startWatching();
        if (!kept) this.watcher?.markScanned();
        return { type: 'scan-result', scan };
      }
      case 'fill':
        return { type: 'fill-result', results: await this.fill(message.requests) };
      case 'highlight': {
        if (message.mode === 'clear') {
          this.overlay.clear();
          return { type: 'ok', ok: true };
        }
        const elements = message.fieldIds.filter((id) => this.registry.owns(id)).map((id) => this.registry.resolve(id)).filter((el): el is Element => el !== null);
        this.overlay.show(elements, message.mode);
        return { type: 'ok', ok: true, message: `${elements.length} fields outlined` };
      }
      case 'scroll-to': {
        if (!this.registry.owns(message.fieldId)) return { type: 'ok', ok: false, message: 'not a field of this frame' };
        const el = this.registry.resolve(message.fieldId);
        if (!el) return { type: 'ok', ok: false, message: 'the field is no longer on the page' };
        (el as HTMLElement).scrollIntoView?.({ block: 'center', inline: 'nearest', behavior: 'smooth' });
        this.overlay.show([el], 'focus');
        return { type: 'ok', ok: true };
      }
      case 'open-section':
        return this.openSection(message.index);
      case 'attach':
      case 'detach':
        return this.attachOrDetach(message);
    }
  }

  /**
   * Attach (or undo): only to a control of this frame that still belongs to the question the analyst chose, and
   * that a fill could write (not hidden, covered, disabled, or in a sandboxed frame: the fills' own checks).
   */
  private async attachOrDetach(message: Extract<PanelToContent, { type: 'attach' | 'detach' }>): Promise<AttachReply> {
    const reply = (status: AttachReply['status'], text?: string): AttachReply => ({ type: 'attach-result', status, shown: [], ...(text ? { message: text } : {}) });
    if (!this.registry.owns(message.fieldId)) return reply('not-found', 'not a field of this frame');
    const el = this.registry.resolve(message.fieldId);
    if (!el) return reply('not-found', 'the upload control is no longer on the page');
    const owners = fieldOwners(this.scan());
    const stale = stalenessOf({ fieldId: message.fieldId, value: null, question: message.question }, owners.get(message.fieldId), owners);
    if (stale) return reply('stale', `Not attached: ${stale}.`);
    const refused = refusalReason(el, this.options.layout, 'file');
    if (refused) return reply('refused', `Not attached: ${refused}.`);
    if (message.type === 'detach') return { type: 'attach-result', ...(await detachFile(el, message.fileName, { signal: this.options.signal })) };
    const bytes = decodeBase64(message.file.base64);
    if (bytes.length !== message.file.size) return reply('refused', 'the file arrived damaged (size differs)');
    const view = (el.ownerDocument.defaultView ?? globalThis) as typeof globalThis;
    const file = new view.File([bytes as Uint8Array<ArrayBuffer>], message.file.name, { type: message.file.mime });
    return { type: 'attach-result', ...(await attachFile(el, file, { signal: this.options.signal })) };
  }

  private async fill(requests: FillRequest[]) {
    const own = requests.filter((r) => this.registry.owns(r.fieldId));
    if (own.length === 0) return [];
    // A fresh scan says which question owns each field now (stale check), again whenever the page changed.
    const ownership = new FieldOwnership(this.options.doc, () => fieldOwners(this.scan()));
    try {
      return await fillFields(own, { registry: this.registry, owners: () => ownership.current(), layout: this.options.layout, signal: this.options.signal });
    } finally {
      ownership.stop();
    }
  }

  /**
   * Lists that render their options only while open are read first (once each), so the scan reports them. A
   * portal adapter reads its own portal's lists as that portal's flow expects; on any other page only a scan the
   * analyst asked for (`openLists`) opens a list: other scans report such a list as a choice whose options are
   * read when it is filled.
   */
  private async readDeferredOptions(openLists: boolean): Promise<void> {
    const { doc, adapters, signal } = this.options;
    for (const d of readableDocuments(doc)) {
      const adapter = adapters.find((a) => a.recognize(d, new URL(d.URL)));
      if (adapter) await adapter.readDeferredOptions?.(d, signal).catch(() => 0);
      else if (openLists && this.options.layout) await readClosedLists(d, signal).catch(() => 0);
    }
  }

  private async openSection(index: number): Promise<ContentReply> {
    const { doc, adapters, signal } = this.options;
    for (const d of readableDocuments(doc)) {
      const url = new URL(d.URL);
      const adapter = adapters.find((a) => a.recognize(d, url));
      if (!adapter) continue;
      if (!adapter.openSection) return { type: 'ok', ok: false, message: `${adapter.id} pages have no sections to open` };
      const ok = await adapter.openSection(d, index, signal);
      return { type: 'ok', ok, message: ok ? undefined : `section ${index} could not be opened` };
    }
    return { type: 'ok', ok: false, message: 'no portal section list on this page' };
  }

  private startWatching(): void {
    if (this.watcher) {
      this.watcher.observeNewRoots();
      return;
    }
    this.watcher = new QuestionWatcher(this.options.doc, {
      signal: this.options.signal,
      debounceMs: this.options.debounceMs ?? 250,
      onChange: (dirty) => this.rescanAndNotify(dirty),
    });
  }
}

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
