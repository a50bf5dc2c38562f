// Choice mapping: which option label of a yes/no or choice field an entry's answer stands for.
// When the mapping is ambiguous, no option is proposed: a wrong pick is worse than none.
import type { LibraryEntry } from '../schema/library';

type Polarity = 'yes' | 'no' | 'na' | 'partial';

const POLARITY_LABELS: Record<Polarity, readonly string[]> = {
  yes: ['yes', 'y', 'true', 'implemented', 'fully implemented', 'in place', 'compliant', 'fully compliant', 'agree', 'supported', 'available', 'enabled', 'complete', 'completed', 'ja', 'oui', 'si'],
  no: ['no', 'n', 'false', 'not implemented', 'not in place', 'non compliant', 'noncompliant', 'not compliant', 'disagree', 'not supported', 'unsupported', 'not available', 'disabled', 'none', 'nein', 'non'],
  na: ['n a', 'na', 'not applicable', 'does not apply', 'not relevant', 'n a not applicable', 'no applicable'],
  partial: ['partial', 'partially', 'partially implemented', 'partly', 'in progress', 'planned', 'partially compliant'],
};

function normalizeLabel(label: string): string {
  return label
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const LABEL_POLARITY = new Map<string, Polarity>();
for (const [polarity, labels] of Object.entries(POLARITY_LABELS) as Array<[Polarity, readonly string[]]>) {
  for (const label of labels) LABEL_POLARITY.set(normalizeLabel(label), polarity);
}

/** Which polarity a label or short answer expresses: the whole label, else its leading words ("Yes, ..."). */
export function polarityOf(text: string): Polarity | undefined {
  const n = normalizeLabel(text);
  if (!n) return undefined;
  const whole = LABEL_POLARITY.get(n);
  if (whole) return whole;
  // "Not applicable - ...", "Partially implemented (see ...)", "Yes, we do", "No - not offered".
  const ws = n.split(' ');
  for (const take of [3, 2, 1]) {
    if (ws.length <= take) continue;
    const head = LABEL_POLARITY.get(ws.slice(0, take).join(' '));
    // A one-letter head ("y", "n") is only trusted as the whole label.
    if (head && (take > 1 || ws[0]!.length > 1)) return head;
  }
  return undefined;
}

/** The short answer an entry gives: its `choice`, else the leading Yes/No/N/A of its answer text. */
export function preferredChoice(entry: Pick<LibraryEntry, 'choice' | 'answer'>): string | undefined {
  if (entry.choice && entry.choice.trim()) return entry.choice.trim();
  const lead = /^\s*(yes|no|n\/a|not applicable|partially)\b/i.exec(entry.answer);
  if (!lead) return undefined;
  const word = lead[1]!.toLowerCase();
  return word === 'yes' ? 'Yes' : word === 'no' ? 'No' : word === 'partially' ? 'Partial' : 'N/A';
}

/**
 * The option label to pick for an entry, or undefined when no option maps unambiguously.
 * An option equal to the entry's choice wins; otherwise the one option with the same polarity.
 */
export function mapChoice(entry: Pick<LibraryEntry, 'choice' | 'answer'>, options: readonly string[]): string | undefined {
  const wanted = preferredChoice(entry);
  if (!wanted || options.length === 0) return undefined;
  const wantedLabel = normalizeLabel(wanted);
  const equal = options.filter((o) => normalizeLabel(o) === wantedLabel);
  if (equal.length === 1) return equal[0];
  if (equal.length > 1) return undefined;
  const polarity = polarityOf(wanted);
  if (!polarity) return undefined;
  const same = options.filter((o) => polarityOf(o) === polarity);
  return same.length === 1 ? same[0] : undefined;
}
