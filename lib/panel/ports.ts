// What the panel needs from the outside world, as interfaces: the page (through the content script), the
// matcher and the library store. The side panel wires the real ones; tests and the bench can wire others.
import type { DetectedQuestion, FillEvent, FillRequest, FillResult, LibraryEntry, PageScan, PanelToContent, Proposal } from '../schema';

export interface ContentPort {
  /** Every frame's questions, merged into one scan; each question carries its frameId. */
  scan(): Promise<PageScan>;
  /** Each request goes to the frame that owns its field; results come back in request order. */
  fill(requests: FillRequest[]): Promise<FillResult[]>;
  highlight(fieldIds: string[], mode: Extract<PanelToContent, { type: 'highlight' }>['mode']): Promise<void>;
  scrollTo(fieldId: string): Promise<void>;
  openSection(index: number): Promise<void>;
  /** Calls `onChange` when the page loads anew or its questions change; returns the unsubscribe. */
  watch(onChange: () => void): () => void;
}

export interface LibrarySnapshot {
  entries: LibraryEntry[];
  aliases: { entryId: string; text: string; normalized: string }[];
  /** Why the library may be incomplete (e.g. the first-run sample failed to load), for the analyst. */
  problem?: string;
}

/** Ranked proposals (best first) per question key; retired entries are never proposed. */
export type ProposeFn = (questions: Pick<DetectedQuestion, 'key' | 'text' | 'kind' | 'options'>[], library: LibrarySnapshot) => Record<string, Proposal[]>;

/** The option label an entry's short answer maps to among a question's options, if any. */
export type MapChoiceFn = (entry: LibraryEntry, options: string[]) => string | undefined;

export interface LibraryStore {
  load(): Promise<LibrarySnapshot>;
  /** Saves an edited answer as a new draft entry (copying the base entry's citations, tags and owner). */
  saveDraft(input: { question: string; answer: string; choice?: string; base?: LibraryEntry }): Promise<LibraryEntry>;
  /** Adds a question wording to an entry's alternate questions. */
  addAlternateWording(entryId: string, wording: string): Promise<LibraryEntry>;
  learnAlias(entryId: string, wording: string): Promise<void>;
  recordFill(event: FillEvent): Promise<void>;
  history(): Promise<FillEvent[]>;
}
