// The evidence bundle: one .zip with the library JSON, every evidence file, and a manifest naming each file's
// metadata and SHA-256. Reading refuses the whole bundle on any problem (all or nothing), checks declared sizes
// before anything is inflated, and checks every file's bytes against the manifest after. Pure: runs in Node.
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { z } from 'zod';
import { EvidenceMetaSchema, type EvidenceMeta } from '../db/records';
import { MAX_LIBRARY_FILE_BYTES } from '../library/limits';
import { checkEvidenceFile, EVIDENCE_MAX_BYTES, sha256Hex } from './evidence-file';

export const BUNDLE_FORMAT = 'evidence-bundle';
export const BUNDLE_VERSION = 1;
/** Most bytes a bundle may inflate to, all parts together. */
export const MAX_BUNDLE_INFLATED_BYTES = 512 * 1024 * 1024;
/** Most evidence files one bundle may hold. */
export const MAX_BUNDLE_FILES = 1000;

const LIBRARY_PATH = 'library.json';
const MANIFEST_PATH = 'manifest.json';

const ManifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  exportedAt: z.string(),
  library: z.object({ path: z.literal(LIBRARY_PATH), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  evidence: z.array(EvidenceMetaSchema.extend({ path: z.string().min(1) })).max(MAX_BUNDLE_FILES),
});
export type BundleManifest = z.infer<typeof ManifestSchema>;

export class BundleError extends Error {
  override readonly name = 'BundleError';
  constructor(fileName: string, problem: string) {
    super(`${fileName}: ${problem} Nothing was imported.`);
  }
}

export interface BundleFile {
  meta: EvidenceMeta;
  bytes: Uint8Array;
}

/** A path inside the bundle for one file: its id keeps names unique, the name is kept for people unzipping it. */
function pathOf(meta: EvidenceMeta): string {
  const safeName = meta.fileName.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
  return `evidence/${meta.id.replace(/[^A-Za-z0-9._-]/g, '_')}/${safeName}`;
}

/** Builds the bundle (the library JSON as exported, each file as stored). */
export async function buildBundle(libraryJson: string, files: readonly BundleFile[], exportedAt: string = new Date().toISOString()): Promise<Uint8Array> {
  const library = strToU8(libraryJson);
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt,
    library: { path: LIBRARY_PATH, sha256: await sha256Hex(library) },
    evidence: files.map((f) => ({ ...f.meta, path: pathOf(f.meta) })),
  };
  const entries: Zippable = { [MANIFEST_PATH]: strToU8(JSON.stringify(manifest, null, 2)), [LIBRARY_PATH]: library };
  // PDFs, images and Office files are compressed already: stored as they are.
  for (const f of files) entries[pathOf(f.meta)] = [f.bytes, { level: 0 }];
  return zipSync(entries);
}

export interface ReadBundle {
  manifest: BundleManifest;
  libraryJson: string;
  files: BundleFile[];
}

/** Reads and checks a bundle; throws BundleError naming the first problem. */
export async function readBundle(fileName: string, zip: Uint8Array): Promise<ReadBundle> {
  let inflatedTotal = 0;
  const refuse = (problem: string): never => {
    throw new BundleError(fileName, problem);
  };
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(zip, {
      // Declared sizes are checked before anything is inflated; fflate inflates into a buffer of the declared size.
      filter(entry) {
        if (entry.name.endsWith('/')) return false;
        const limit = entry.name === LIBRARY_PATH || entry.name === MANIFEST_PATH ? MAX_LIBRARY_FILE_BYTES : EVIDENCE_MAX_BYTES;
        if (entry.originalSize > limit) refuse(`the part ${entry.name} inflates to ${(entry.originalSize / 1024 / 1024).toFixed(1)} MB; the limit is ${limit / 1024 / 1024} MB.`);
        inflatedTotal += entry.originalSize;
        if (inflatedTotal > MAX_BUNDLE_INFLATED_BYTES) refuse(`the bundle inflates to more than ${MAX_BUNDLE_INFLATED_BYTES / 1024 / 1024} MB in all.`);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof BundleError) throw e;
    return refuse(`the file is not a readable .zip (${e instanceof Error ? e.message : String(e)}).`);
  }
  const manifestBytes = parts[MANIFEST_PATH] ?? refuse('the bundle has no manifest.json; export it again from the Library view.');
  let manifestJson: unknown;
  try {
    manifestJson = JSON.parse(strFromU8(manifestBytes));
  } catch {
    return refuse('manifest.json is not valid JSON.');
  }
  const parsed = ManifestSchema.safeParse(manifestJson);
  if (!parsed.success) return refuse(`manifest.json is not an evidence bundle manifest (${parsed.error.issues.map((i) => `${i.path.join('.') || 'manifest'}: ${i.message}`).join('; ')}).`);
  const manifest = parsed.data;
  const library = parts[LIBRARY_PATH] ?? refuse('the bundle has no library.json.');
  if ((await sha256Hex(library)) !== manifest.library.sha256) refuse('library.json does not match the SHA-256 in the manifest (changed after export?).');
  const expected = new Set([MANIFEST_PATH, LIBRARY_PATH, ...manifest.evidence.map((e) => e.path)]);
  const extra = Object.keys(parts).filter((name) => !expected.has(name));
  if (extra.length > 0) refuse(`the bundle holds files the manifest does not name (${extra.slice(0, 3).join(', ')}).`);
  const ids = new Set<string>();
  const files: BundleFile[] = [];
  for (const { path, ...meta } of manifest.evidence) {
    if (ids.has(meta.id)) refuse(`the manifest names the evidence id "${meta.id}" twice.`);
    ids.add(meta.id);
    const bytes = parts[path] ?? refuse(`the manifest names ${path}, which the bundle does not hold.`);
    if (bytes.length !== meta.size) refuse(`${path} is ${bytes.length} bytes; the manifest says ${meta.size}.`);
    if ((await sha256Hex(bytes)) !== meta.sha256) refuse(`${path} does not match its SHA-256 in the manifest (changed after export?).`);
    try {
      checkEvidenceFile(meta.fileName, bytes);
    } catch (e) {
      refuse(e instanceof Error ? e.message : String(e));
    }
    files.push({ meta, bytes });
  }
  return { manifest, libraryJson: strFromU8(library), files };
}
