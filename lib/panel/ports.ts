// What the panel needs from the outside world, as interfaces: the page (through the content script), the
// matcher and the library store. The side panel wires the real ones; tests and the bench can wire others.
import type { LearnedChange } from '../db/aliases-repository';
import type { AttachReply, DetectedQuestion, FillEvent, FillRequest, FillResolution, FillResult, LibraryEntry, PageScan, PanelToContent, Proposal } from '../schema';

export interface ContentPort {
  /**
   * Every frame's questions, merged into one scan; each question carries its frameId. `openLists` only when the
   * analyst asked for the scan: lists that show options only while open may then be opened and closed to read them.
   */
  scan(options?: { openLists?: boolean }): Promise<PageScan>;
  /** Each request goes to the frame that owns its field; results come back in request order. */
  fill(requests: FillRequest[]): Promise<FillResult[]>;
  highlight(fieldIds: string[], mode: Extract<PanelToContent, { type: 'highlight' }>['mode']): Promise<void>;
  scrollTo(fieldId: string): Promise<void>;
  openSection(index: number): Promise<void>;
  /** Calls `onChange` when the page loads anew or its questions change; returns the unsubscribe. */
  watch(onChange: () => void): () => void;
  /** Attach a file to (or remove it from) the upload control of a question, in the frame `frameId` only. */
  attach?(frameId: number, message: Extract<PanelToContent, { type: 'attach' | 'detach' }>): Promise<AttachReply>;
  /** Trust frames of `origin` in this tab from now on (the analyst chose it by name; the default is refuse). */
  allowFrameOrigin(origin: string): void;
}

export interface LibrarySnapshot {
  entries: LibraryEntry[];
  /** Learned wordings, with where each was learned and whether it was reviewed (lib/panel/learned-wording.ts). */
  aliases: { entryId: string; text: string; normalized: string; origin?: string; reviewedAt?: string }[];
  /** Why the library may be incomplete (e.g. the first-run sample failed to load), for the analyst. */
  problem?: string;
  /**
   * The entries were not read by the panel (`entries` is empty): the matching worker reads them from the library
   * database and sends those its proposals name. `generation` counts the entry changes the panel knows of.
   */
  fromDatabase?: { generation: number };
}

/**
 * Ranked proposals (best first) per question key; retired entries are never proposed. `page.origin` is the site
 * asking: a match through an unreviewed wording learned on another site is capped below High. Without `page`
 * (the matching worker) no cap is applied: the panel applies it per page (`capLearnedMatches`).
 */
export type ProposeFn = (
  questions: Pick<DetectedQuestion, 'key' | 'text' | 'kind' | 'options' | 'optionsSearchable'>[],
  library: LibrarySnapshot,
  page?: { origin?: string },
) => Record<string, Proposal[]>;

/** The option label an entry's short answer maps to among a question's options, if any. */
export type MapChoiceFn = (entry: LibraryEntry, options: string[]) => string | undefined;

/** What one learning changed, kept by the panel only to take it back. */
export type LearnedToken = LearnedChange;

export interface LibraryStore {
  /** Every entry and learned wording (read once and kept until an entry change is announced). */
  load(): Promise<LibrarySnapshot>;
  /**
   * Where the matching worker reads the library itself: the learned wordings only, no entries (`fromDatabase`),
   * the same object while nothing changed. Absent: match with `load()`.
   */
  loadForMatching?(): Promise<LibrarySnapshot>;
  /** Calls `listener` when any extension page announces an entry change; returns the unsubscribe. */
  onEntriesChanged?(listener: () => void): () => void;
  /** The current entries with these ids (missing ones left out). */
  entriesById?(ids: readonly string[]): Promise<LibraryEntry[]>;
  /** Saves an edited answer as a new draft entry (copying the base entry's citations, tags and owner). */
  saveDraft(input: { question: string; answer: string; choice?: string; base?: LibraryEntry }): Promise<LibraryEntry>;
  /** Adds a question wording to an entry's alternate questions. */
  addAlternateWording(entryId: string, wording: string): Promise<LibraryEntry>;
  /** Learns the wording accepted on `page`; the returned token takes that learning back (undo of the fill). */
  learnAlias(entryId: string, wording: string, page: { url: string; title: string }): Promise<LearnedToken>;
  forgetLearning(token: LearnedToken): Promise<void>;
  /** Writes fill rows (`pending` before their requests leave) in one transaction: all recorded or none. */
  recordFills(events: FillEvent[]): Promise<void>;
  /** Settles rows by request id with the page's results or a read-back. */
  resolveFills(resolutions: readonly FillResolution[]): Promise<void>;
  pendingFills(): Promise<FillEvent[]>;
  /** Every row recorded for one page (top page URL). */
  pageHistory(pageUrl: string): Promise<FillEvent[]>;
  history(): Promise<FillEvent[]>;
  clearHistory(): Promise<void>;
  /** One version of an entry as it was filled (a history row's entryVersion); undefined when it is not recorded. */
  entryVersion(entryId: string, version: number): Promise<FilledVersion | undefined>;
}

/** The entry content of one version, for "show me what we sent". */
export interface FilledVersion {
  entry: LibraryEntry;
  version: number;
  /** When that version was written, when known. */
  at?: string;
  /** It is still the entry's current version. */
  current: boolean;
}
