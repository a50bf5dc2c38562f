// Small builders for the panel unit tests.
import type { DetectedQuestion, LibraryEntry, Proposal } from '../../lib/schema';

export function question(over: Partial<DetectedQuestion> & { key: string }): DetectedQuestion {
  return {
    fieldId: `f-${over.key}`,
    text: `Question ${over.key}?`,
    textSource: 'label-for',
    kind: 'textarea',
    options: [],
    required: false,
    currentValue: null,
    portal: 'servicenow',
    writer: 'input',
    ...over,
  };
}

export function proposal(over: Partial<Proposal> & { entryId: string }): Proposal {
  return {
    confidence: 0.93,
    band: 'high',
    why: { source: 'exact', matchedTerms: ['encrypt'], matchedText: 'Is data encrypted?' },
    stale: false,
    draft: false,
    ...over,
  };
}

export function entry(over: Partial<LibraryEntry> & { id: string }): LibraryEntry {
  return { question: `Entry ${over.id}?`, answer: `Answer of ${over.id}.`, ...over };
}
