// Schemas of what the database stores beside library entries: local bookkeeping, learned aliases, settings.
// Rows read back from IndexedDB are checked against these (see tests/unit/db-migration.test.ts).
import { z } from 'zod';
import { EntryStatusSchema, LibraryEntrySchema } from '../schema';

/** How a version of an entry came to be. */
export const VersionHowSchema = z.discriminatedUnion('kind', [
  /** Written in the extension (Library view, a draft saved from the Questions view). */
  z.object({ kind: z.literal('create') }),
  z.object({ kind: z.literal('edit') }),
  /** Marked reviewed from the review queue. */
  z.object({ kind: z.literal('review') }),
  /** Written by the import (sync) of a file. */
  z.object({ kind: z.literal('import'), file: z.string() }),
  z.object({ kind: z.literal('retire') }),
  /** Brought back from retired. */
  z.object({ kind: z.literal('unretire') }),
  /** An earlier version made current again. */
  z.object({ kind: z.literal('restore'), fromVersion: z.number().int().positive() }),
  /** Another entry was merged into this one. */
  z.object({ kind: z.literal('merge'), mergedId: z.string().min(1) }),
  /** The entry as it was when its first recorded change happened (written before versions were kept). */
  z.object({ kind: z.literal('earlier') }),
]);
export type VersionHow = z.infer<typeof VersionHowSchema>;

/** Local bookkeeping kept beside each entry; never exported. */
export const EntryMetaSchema = z.object({
  /** When this entry was last written by an import (ISO date-time). */
  importedAt: z.string().optional(),
  /** The export's `updatedAt` at that import (or when the analyst last kept the local side of a conflict). */
  importedUpdatedAt: z.string().optional(),
  /** When the analyst last edited this entry in the extension (ISO date-time). */
  localEditedAt: z.string().optional(),
  /** The status an entry had before it was retired, so restoring brings it back as it was. */
  statusBeforeRetire: EntryStatusSchema.optional(),
  /** Ids of entries merged into this one: an import of one of them updates nothing and never brings it back. */
  mergedIds: z.array(z.string()).optional(),
  /**
   * The entry's current version has no version row yet: an import adds thousands of entries at once, and writing a
   * copy of each as its first version doubled the import's writes. The row is written, with this provenance, when
   * the entry first changes or is removed; until then the entry itself is that version.
   */
  unrecorded: z.object({ at: z.string(), how: VersionHowSchema, by: z.string().optional() }).optional(),
});
export type EntryMeta = z.infer<typeof EntryMetaSchema>;

export const StoredEntrySchema = LibraryEntrySchema.extend({ _meta: EntryMetaSchema.optional() });
export type StoredEntry = z.infer<typeof StoredEntrySchema>;

/**
 * A question wording the analyst accepted for an entry; matches it exactly next time. The page's words, so where
 * it was learned is kept (not indexed; rows learned before these fields existed have none) and, until someone
 * reviews it, it does not make an answer bulk-fillable on another site (lib/panel/learned-wording.ts).
 */
export const LearnedAliasSchema = z.object({
  id: z.number().int().optional(),
  entryId: z.string().min(1),
  text: z.string().min(1),
  /** The normalised text (lib/match normalisation), the lookup key. */
  normalized: z.string().min(1),
  createdAt: z.string(),
  /** The origin of the page it was learned on (`https://host:port`). */
  origin: z.string().optional(),
  /** That page's URL and title when it was learned. */
  pageUrl: z.string().optional(),
  pageTitle: z.string().optional(),
  /** When someone marked it reviewed in the Library view; from then on it counts on every site. */
  reviewedAt: z.string().optional(),
});
export type LearnedAlias = z.infer<typeof LearnedAliasSchema>;

export const SettingSchema = z.object({ key: z.string().min(1), value: z.unknown() });
export type Setting = z.infer<typeof SettingSchema>;

/** The metadata of one evidence file (the bytes are beside it as a Blob). */
export const EvidenceMetaSchema = z.object({
  id: z.string().min(1).max(200),
  title: z.string().trim().min(1, 'evidence needs a title').max(300),
  owner: z.string().max(200).optional(),
  /** The last day the document is valid (e.g. a SOC 2 report's period end), ISO date. */
  validUntil: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date like 2026-06-01').optional(),
  fileName: z.string().min(1).max(255),
  mime: z.string().min(1),
  size: z.number().int().nonnegative(),
  /** SHA-256 of the file's bytes, lowercase hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The library entries this file supports. */
  entryIds: z.array(z.string().min(1)),
  addedAt: z.string(),
});
export type EvidenceMeta = z.infer<typeof EvidenceMetaSchema>;

export const StoredEvidenceSchema = EvidenceMetaSchema.extend({ blob: z.instanceof(Blob) });
export type StoredEvidence = z.infer<typeof StoredEvidenceSchema>;


/** One version of a library entry: its content as of that version, and when, how and by whom it was written. */
export const EntryVersionSchema = z.object({
  id: z.number().int().optional(),
  entryId: z.string().min(1),
  version: z.number().int().positive(),
  /** ISO date-time of the change. */
  at: z.string(),
  how: VersionHowSchema,
  /** The analyst or team name set when the change was made; absent when none was set. */
  by: z.string().optional(),
  entry: LibraryEntrySchema,
});
export type EntryVersion = z.infer<typeof EntryVersionSchema>;
