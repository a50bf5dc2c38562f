// Evidence files in the library: each is checked (type by extension and first bytes, 25 MB limit), hashed and
// stored as a Blob beside its metadata; links tie it to the entries it supports.
import { checkEvidenceFile, sha256Hex } from '../evidence/evidence-file';
import { getDatabase, type AutofillDatabase } from './database';
import { EvidenceMetaSchema, type EvidenceMeta, type StoredEvidence } from './records';
import { withStorageErrors } from './storage';

export class EvidenceNotFoundError extends Error {
  override readonly name = 'EvidenceNotFoundError';
  constructor(id: string) {
    super(`No evidence file has the id "${id}" (it was removed?).`);
  }
}

export interface NewEvidence {
  title: string;
  owner?: string;
  validUntil?: string;
  fileName: string;
  bytes: Uint8Array;
  entryIds?: string[];
  /** Keep this id (a bundle import); a new one is made otherwise. */
  id?: string;
}

function newId(): string {
  return `ev-${crypto.randomUUID()}`;
}

/** Checks, hashes and stores one file. Throws EvidenceFileError (type, size) or a zod error (title, date). */
export async function addEvidence(input: NewEvidence, db: AutofillDatabase = getDatabase(), now: Date = new Date()): Promise<StoredEvidence> {
  const checked = checkEvidenceFile(input.fileName, input.bytes);
  const meta: EvidenceMeta = EvidenceMetaSchema.parse({
    id: input.id ?? newId(),
    title: input.title.trim(),
    ...(input.owner?.trim() ? { owner: input.owner.trim() } : {}),
    ...(input.validUntil ? { validUntil: input.validUntil } : {}),
    fileName: input.fileName,
    mime: checked.mime,
    size: input.bytes.length,
    sha256: await sha256Hex(input.bytes),
    entryIds: [...new Set(input.entryIds ?? [])],
    addedAt: now.toISOString(),
  });
  const stored: StoredEvidence = { ...meta, blob: new Blob([input.bytes as Uint8Array<ArrayBuffer>], { type: checked.mime }) };
  await withStorageErrors(`the evidence file "${input.fileName}"`, () => db.evidence.put(stored));
  return stored;
}

/** Every evidence file's metadata (no bytes), newest first. */
export async function listEvidence(db: AutofillDatabase = getDatabase()): Promise<EvidenceMeta[]> {
  const rows = await db.evidence.toArray();
  return rows.map(({ blob: _blob, ...meta }) => meta).sort((a, b) => b.addedAt.localeCompare(a.addedAt));
}

/** The evidence files that support one entry. */
export async function evidenceForEntry(entryId: string, db: AutofillDatabase = getDatabase()): Promise<EvidenceMeta[]> {
  const rows = await db.evidence.where('entryIds').equals(entryId).toArray();
  return rows.map(({ blob: _blob, ...meta }) => meta);
}

export async function getEvidence(id: string, db: AutofillDatabase = getDatabase()): Promise<StoredEvidence | undefined> {
  return db.evidence.get(id);
}

export async function removeEvidence(id: string, db: AutofillDatabase = getDatabase()): Promise<void> {
  await db.evidence.delete(id);
}

/** Sets the entries a file supports (the Library view's link editor). */
export async function linkEvidence(id: string, entryIds: string[], db: AutofillDatabase = getDatabase()): Promise<void> {
  await withStorageErrors('the evidence links', () =>
    db.transaction('rw', db.evidence, async () => {
      const row = await db.evidence.get(id);
      if (!row) throw new EvidenceNotFoundError(id);
      await db.evidence.put({ ...row, entryIds: [...new Set(entryIds.filter((e) => e.length > 0))] });
    }),
  );
}

/** The bytes every stored file takes, shown in the Library view. */
export async function evidenceTotalBytes(db: AutofillDatabase = getDatabase()): Promise<number> {
  let total = 0;
  await db.evidence.each((row) => {
    total += row.size;
  });
  return total;
}

/** The stored bytes of one file, checked against its recorded hash (a changed blob is never attached). */
export async function readEvidenceBytes(id: string, db: AutofillDatabase = getDatabase()): Promise<{ meta: EvidenceMeta; bytes: Uint8Array }> {
  const row = await db.evidence.get(id);
  if (!row) throw new EvidenceNotFoundError(id);
  const bytes = new Uint8Array(await row.blob.arrayBuffer());
  const { blob: _blob, ...meta } = row;
  if ((await sha256Hex(bytes)) !== meta.sha256) throw new Error(`The stored bytes of "${meta.fileName}" no longer match their SHA-256; remove the file and add it again.`);
  return { meta, bytes };
}

/** What a bundle import would change in the evidence table: files new here, and files whose id is already stored. */
export async function planEvidenceImport(files: readonly { meta: EvidenceMeta }[], db: AutofillDatabase = getDatabase()): Promise<{ added: number; replaced: number }> {
  const existing = await db.evidence.bulkGet(files.map((f) => f.meta.id));
  const replaced = existing.filter((row) => row !== undefined).length;
  return { added: files.length - replaced, replaced };
}

/**
 * Writes a bundle's files in one transaction (all or none) and returns how to take that back, so a library
 * import that fails afterwards leaves the evidence as it was.
 */
export async function putEvidenceFiles(files: readonly { meta: EvidenceMeta; bytes: Uint8Array }[], db: AutofillDatabase = getDatabase()): Promise<() => Promise<void>> {
  const rows: StoredEvidence[] = files.map((f) => ({ ...EvidenceMetaSchema.parse(f.meta), blob: new Blob([f.bytes as Uint8Array<ArrayBuffer>], { type: f.meta.mime }) }));
  const ids = rows.map((r) => r.id);
  let before: Array<StoredEvidence | undefined> = [];
  await withStorageErrors('the evidence files of the bundle', () =>
    db.transaction('rw', db.evidence, async () => {
      before = await db.evidence.bulkGet(ids);
      await db.evidence.bulkPut(rows);
    }),
  );
  return async () => {
    await db.transaction('rw', db.evidence, async () => {
      await db.evidence.bulkDelete(ids.filter((_, i) => before[i] === undefined));
      await db.evidence.bulkPut(before.filter((row): row is StoredEvidence => row !== undefined));
    });
  };
}

/** Every stored file with its bytes (for the bundle export). */
export async function listEvidenceWithBytes(db: AutofillDatabase = getDatabase()): Promise<Array<{ meta: EvidenceMeta; bytes: Uint8Array }>> {
  const rows = await db.evidence.toArray();
  return Promise.all(rows.map(async ({ blob, ...meta }) => ({ meta, bytes: new Uint8Array(await blob.arrayBuffer()) })));
}
