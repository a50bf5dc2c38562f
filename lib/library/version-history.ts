// What the Library view says about each version of an entry: how it came to be, and which fields it changed.
import type { EntryVersion, VersionHow } from '../db/records';
import { canonicalEntry } from './canonical-entry';

/** "edit", "import of team.json", "restore of version 2", ... */
export function describeHow(how: VersionHow): string {
  switch (how.kind) {
    case 'create':
      return 'created';
    case 'edit':
      return 'edit';
    case 'review':
      return 'marked reviewed';
    case 'import':
      return `import of ${how.file}`;
    case 'retire':
      return 'retired';
    case 'unretire':
      return 'restored from retired';
    case 'restore':
      return `restore of version ${how.fromVersion}`;
    case 'merge':
      return `merge of ${how.mergedId}`;
    case 'earlier':
      return 'as it was before versions were kept';
  }
}

/** Fields whose value differs between two versions (the version number and change time aside), in format order. */
export function changedFields(before: EntryVersion['entry'] | undefined, after: EntryVersion['entry']): string[] {
  if (!before) return [];
  const a = canonicalEntry({ ...before, version: undefined, updatedAt: undefined }) as Record<string, unknown>;
  const b = canonicalEntry({ ...after, version: undefined, updatedAt: undefined }) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}
