// The evidence store: type checks by extension and first bytes, the 25 MB limit, SHA-256, links to entries.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { AutofillDatabase } from '../../lib/db/database';
import { addEvidence, evidenceForEntry, evidenceTotalBytes, linkEvidence, listEvidence, readEvidenceBytes, removeEvidence } from '../../lib/db/evidence-repository';
import { checkEvidenceFile, EVIDENCE_MAX_BYTES, EvidenceFileError, isEvidenceExpired, sha256Hex, sniffKind } from '../../lib/evidence/evidence-file';

const enc = new TextEncoder();
const PDF = enc.encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const zipWith = (part: string) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(26).fill(0), ...enc.encode(part)]);
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);

let dbs: AutofillDatabase[] = [];
function freshDb(): AutofillDatabase {
  const db = new AutofillDatabase(`evidence-${Math.random()}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs) await db.delete();
  dbs = [];
});

describe('evidence file checks', () => {
  it('recognises each accepted type by its first bytes', () => {
    expect(sniffKind(PDF)).toBe('pdf');
    expect(sniffKind(PNG)).toBe('png');
    expect(sniffKind(JPEG)).toBe('jpeg');
    expect(sniffKind(zipWith('[Content_Types].xmlword/document.xml'))).toBe('docx');
    expect(sniffKind(zipWith('[Content_Types].xmlxl/workbook.xml'))).toBe('xlsx');
    expect(sniffKind(zipWith('other.bin'))).toBe('zip');
    expect(sniffKind(enc.encode('Incident response plan, version 4\n'))).toBe('txt');
    expect(sniffKind(EXE)).toBeUndefined();
  });

  it('accepts a file whose extension and content agree, with its MIME type', () => {
    expect(checkEvidenceFile('SOC2-2026.PDF', PDF)).toEqual({ kind: 'pdf', mime: 'application/pdf' });
    expect(checkEvidenceFile('diagram.jpeg', JPEG).kind).toBe('jpeg');
    expect(checkEvidenceFile('policy.docx', zipWith('word/document.xml')).kind).toBe('docx');
  });

  it('refuses a wrong extension, a renamed binary, a mismatched container, an empty file, with a message naming the file', () => {
    expect(() => checkEvidenceFile('tool.exe', EXE)).toThrow(/"tool\.exe" is not an accepted evidence file \(\.exe\).*PDF, DOCX, XLSX, PNG, JPEG or TXT/);
    expect(() => checkEvidenceFile('report.pdf', EXE)).toThrow(/"report\.pdf" is named as a PDF, but its content is an unknown binary format/);
    expect(() => checkEvidenceFile('report.pdf', PNG)).toThrow(/content is a PNG image/);
    expect(() => checkEvidenceFile('sheet.xlsx', zipWith('word/document.xml'))).toThrow(/named as a Excel workbook \(XLSX\), but its content is a Word document/);
    expect(() => checkEvidenceFile('empty.txt', new Uint8Array())).toThrow(/is empty/);
    expect(() => checkEvidenceFile('noext', PDF)).toThrow(/no extension/);
  });

  it('refuses a file over 25 MB and accepts one exactly at the limit', () => {
    const at = new Uint8Array(EVIDENCE_MAX_BYTES);
    at.set(PDF);
    expect(checkEvidenceFile('big.pdf', at).kind).toBe('pdf');
    const over = new Uint8Array(EVIDENCE_MAX_BYTES + 1);
    over.set(PDF);
    expect(() => checkEvidenceFile('big.pdf', over)).toThrow(EvidenceFileError);
    expect(() => checkEvidenceFile('big.pdf', over)).toThrow(/"big\.pdf" is 25\.0 MB; evidence files may be at most 25 MB/);
  });

  it('hashes with SHA-256 exactly as Node computes it', async () => {
    expect(await sha256Hex(PDF)).toBe(createHash('sha256').update(PDF).digest('hex'));
    expect(await sha256Hex(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('calls evidence expired only after its validity end date', () => {
    expect(isEvidenceExpired({ validUntil: '2026-03-31' }, '2026-04-01')).toBe(true);
    expect(isEvidenceExpired({ validUntil: '2026-03-31' }, '2026-03-31')).toBe(false);
    expect(isEvidenceExpired({}, '2030-01-01')).toBe(false);
  });
});

describe('evidence repository', () => {
  it('stores a file as a Blob with its hash, lists it without bytes, and reads the same bytes back', async () => {
    const db = freshDb();
    const stored = await addEvidence({ title: ' SOC 2 Type II ', owner: 'GRC', validUntil: '2026-12-31', fileName: 'soc2.pdf', bytes: PDF, entryIds: ['soc2', 'soc2'] }, db, new Date('2026-01-02T00:00:00Z'));
    expect(stored.blob).toBeInstanceOf(Blob);
    expect(stored).toMatchObject({ title: 'SOC 2 Type II', owner: 'GRC', mime: 'application/pdf', size: PDF.length, entryIds: ['soc2'], addedAt: '2026-01-02T00:00:00.000Z' });
    expect(stored.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    const listed = await listEvidence(db);
    expect(listed).toHaveLength(1);
    expect(listed[0]).not.toHaveProperty('blob');
    const read = await readEvidenceBytes(stored.id, db);
    expect(Array.from(read.bytes)).toEqual(Array.from(PDF));
  });

  it('refuses a bad file and stores nothing', async () => {
    const db = freshDb();
    await expect(addEvidence({ title: 'Tool', fileName: 'report.pdf', bytes: EXE }, db)).rejects.toThrow(EvidenceFileError);
    await expect(addEvidence({ title: 'Bad date', fileName: 'a.pdf', bytes: PDF, validUntil: '31/12/2026' }, db)).rejects.toThrow(/ISO date/);
    expect(await db.evidence.count()).toBe(0);
  });

  it('links files to entries, finds them per entry, totals their size and removes them', async () => {
    const db = freshDb();
    const a = await addEvidence({ title: 'SOC 2', fileName: 'soc2.pdf', bytes: PDF, entryIds: ['soc2'] }, db);
    const b = await addEvidence({ title: 'Diagram', fileName: 'net.png', bytes: PNG }, db);
    expect((await evidenceForEntry('soc2', db)).map((e) => e.id)).toEqual([a.id]);
    await linkEvidence(b.id, ['soc2', 'network'], db);
    expect((await evidenceForEntry('soc2', db)).map((e) => e.id).sort()).toEqual([a.id, b.id].sort());
    expect((await evidenceForEntry('network', db)).map((e) => e.id)).toEqual([b.id]);
    expect(await evidenceTotalBytes(db)).toBe(PDF.length + PNG.length);
    await removeEvidence(a.id, db);
    expect(await evidenceTotalBytes(db)).toBe(PNG.length);
    await expect(linkEvidence(a.id, ['x'], db)).rejects.toThrow(/No evidence file/);
  });

  it('refuses to hand out bytes that no longer match their recorded hash', async () => {
    const db = freshDb();
    const a = await addEvidence({ title: 'SOC 2', fileName: 'soc2.pdf', bytes: PDF }, db);
    await db.evidence.update(a.id, { blob: new Blob([enc.encode('%PDF-tampered')]) });
    await expect(readEvidenceBytes(a.id, db)).rejects.toThrow(/no longer match their SHA-256/);
  });
});
