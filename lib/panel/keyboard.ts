// The panel's keyboard map: one table drives both the key handling and the shortcut list shown to the analyst.
export type PanelCommand = 'next' | 'previous' | 'next-unresolved' | 'first' | 'last' | 'accept' | 'edit' | 'skip' | 'undo' | 'search' | 'help';

export interface Shortcut {
  command: PanelCommand;
  keys: string[];
  label: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { command: 'next', keys: ['j', 'ArrowDown'], label: 'Next question' },
  { command: 'previous', keys: ['k', 'ArrowUp'], label: 'Previous question' },
  { command: 'next-unresolved', keys: ['n'], label: 'Next unresolved question' },
  { command: 'first', keys: ['Home'], label: 'First question' },
  { command: 'last', keys: ['End'], label: 'Last question' },
  { command: 'accept', keys: ['a'], label: 'Accept and fill' },
  { command: 'edit', keys: ['e'], label: 'Edit, then fill' },
  { command: 'skip', keys: ['s'], label: 'Skip / unskip' },
  { command: 'undo', keys: ['u'], label: 'Undo the last fill' },
  { command: 'search', keys: ['/'], label: 'Search the library' },
  { command: 'help', keys: ['?'], label: 'Show shortcuts' },
];

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** The key was pressed while typing in a text field, select or editable element. */
  inEditable?: boolean;
}

const byKey = new Map(SHORTCUTS.flatMap((s) => s.keys.map((k) => [k, s.command] as const)));

/** The command for a key press, or undefined when the key is for something else (typing, browser shortcuts). */
export function commandForKey(input: KeyInput): PanelCommand | undefined {
  if (input.ctrlKey || input.metaKey || input.altKey || input.inEditable) return undefined;
  return byKey.get(input.key.length === 1 ? input.key.toLowerCase() : input.key);
}

/** The next index when moving through `length` questions, clamped at both ends. */
export function step(current: number, direction: 1 | -1, length: number): number {
  if (length === 0) return -1;
  if (current < 0) return direction === 1 ? 0 : length - 1;
  return Math.min(length - 1, Math.max(0, current + direction));
}

/**
 * The key of the question selected after moving through `keys` (the list in display order): the selection is a
 * question, never a list position, so a question inserted above it does not take its place.
 */
export function stepSelection(keys: readonly string[], selectedKey: string | undefined, direction: 1 | -1): string | undefined {
  const index = selectedKey === undefined ? -1 : keys.indexOf(selectedKey);
  return keys[step(index, direction, keys.length)];
}
