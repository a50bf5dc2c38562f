// Library rows are one line: when neighbouring questions share a long opening ("Describe your process for ..."),
// the row shows the part that tells it apart instead of the same cut-off opening seventeen times.

/** Titles sharing fewer leading characters than this still read apart on one line. */
const SHARED_OPENING = 24;

function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/**
 * Where the distinguishing part of `title` starts (0 when its opening already differs from its neighbours'): the
 * word before the one where it parts from the closest neighbour, so the shown text keeps a little context.
 */
export function distinguishingStart(title: string, neighbours: readonly (string | undefined)[]): number {
  let shared = 0;
  for (const other of neighbours) if (other !== undefined && other !== title) shared = Math.max(shared, commonPrefixLength(title, other));
  if (shared < SHARED_OPENING) return 0;
  const parting = title.lastIndexOf(' ', shared - 1);
  if (parting <= 0) return 0;
  const before = title.lastIndexOf(' ', parting - 1);
  return before > 0 ? before + 1 : parting + 1;
}
