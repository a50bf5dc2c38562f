// The evidence bundle: library JSON + files + manifest with SHA-256, refused whole on any problem, sizes limited.
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { EvidenceMeta } from '../../lib/db/records';
import { buildBundle, readBundle } from '../../lib/evidence/bundle';
import { sha256Hex } from '../../lib/evidence/evidence-file';

const PDF = strToU8('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const TXT = strToU8('Incident response plan v4\n');
const LIBRARY = JSON.stringify({ format: 'answer-library', version: 1, entries: [{ id: 'soc2', question: 'SOC 2?', answer: 'Yes.' }] });

async function meta(id: string, fileName: string, bytes: Uint8Array, mime: string): Promise<EvidenceMeta> {
  return { id, title: id, fileName, mime, size: bytes.length, sha256: await sha256Hex(bytes), entryIds: ['soc2'], addedAt: '2026-01-01T00:00:00.000Z' };
}

async function sample() {
  return buildBundle(LIBRARY, [
    { meta: await meta('ev-1', 'soc2.pdf', PDF, 'application/pdf'), bytes: PDF },
    { meta: await meta('ev-2', 'irp.txt', TXT, 'text/plain'), bytes: TXT },
  ], '2026-06-01T00:00:00.000Z');
}

/** Rebuilds a bundle's zip with `change` applied to its parts. */
function rezip(zip: Uint8Array, change: (parts: Record<string, Uint8Array>) => void): Uint8Array {
  const parts = unzipSync(zip);
  change(parts);
  return zipSync(parts);
}

describe('evidence bundle', () => {
  it('round-trips the library JSON and every file with its metadata; the manifest names each SHA-256', async () => {
    const read = await readBundle('team.zip', await sample());
    expect(read.libraryJson).toBe(LIBRARY);
    expect(read.files.map((f) => [f.meta.id, f.meta.fileName, Array.from(f.bytes)])).toEqual([
      ['ev-1', 'soc2.pdf', Array.from(PDF)],
      ['ev-2', 'irp.txt', Array.from(TXT)],
    ]);
    expect(read.manifest.evidence.map((e) => [e.path, e.sha256])).toEqual([
      ['evidence/ev-1/soc2.pdf', await sha256Hex(PDF)],
      ['evidence/ev-2/irp.txt', await sha256Hex(TXT)],
    ]);
    expect(read.manifest.library.sha256).toBe(await sha256Hex(strToU8(LIBRARY)));
  });

  it('refuses the whole bundle when one file was changed, one is missing, or an unnamed file was added', async () => {
    const zip = await sample();
    await expect(readBundle('a.zip', rezip(zip, (p) => (p['evidence/ev-2/irp.txt'] = strToU8('Incident response plan v5\n'))))).rejects.toThrow(
      'a.zip: evidence/ev-2/irp.txt does not match its SHA-256 in the manifest (changed after export?). Nothing was imported.',
    );
    await expect(readBundle('b.zip', rezip(zip, (p) => delete p['evidence/ev-1/soc2.pdf']))).rejects.toThrow(/names evidence\/ev-1\/soc2\.pdf, which the bundle does not hold/);
    await expect(readBundle('c.zip', rezip(zip, (p) => (p['evidence/x/run.exe'] = strToU8('MZ'))))).rejects.toThrow(/files the manifest does not name \(evidence\/x\/run\.exe\)/);
    await expect(readBundle('d.zip', rezip(zip, (p) => (p['library.json'] = strToU8('{}'))))).rejects.toThrow(/library\.json does not match the SHA-256/);
    await expect(readBundle('e.zip', rezip(zip, (p) => delete p['manifest.json']))).rejects.toThrow(/no manifest\.json/);
  });

  it('refuses a file of the wrong type even when its hash matches, and a non-zip', async () => {
    const exe = strToU8('MZ\u0090\u0000binary');
    const zip = await buildBundle(LIBRARY, [{ meta: await meta('ev-x', 'report.pdf', exe, 'application/pdf'), bytes: exe }]);
    await expect(readBundle('f.zip', zip)).rejects.toThrow(/"report\.pdf" is named as a PDF, but its content is an unknown binary format/);
    await expect(readBundle('g.zip', strToU8('not a zip at all'))).rejects.toThrow(/not a readable \.zip/);
  });

  it('refuses a part whose declared size is over the limit before inflating it', async () => {
    const zip = rezip(await sample(), () => undefined);
    // Patch the central directory's uncompressed size of the first evidence file to 30 MB.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const name = strToU8('evidence/ev-1/soc2.pdf');
    let at = -1;
    for (let i = zip.length - 46; i >= 0; i--) {
      if (view.getUint32(i, true) === 0x02014b50 && view.getUint16(i + 28, true) === name.length && zip.subarray(i + 46, i + 46 + name.length).every((b, k) => b === name[k])) {
        at = i;
        break;
      }
    }
    expect(at).toBeGreaterThan(0);
    view.setUint32(at + 24, 30 * 1024 * 1024, true);
    await expect(readBundle('big.zip', zip)).rejects.toThrow('big.zip: the part evidence/ev-1/soc2.pdf inflates to 30.0 MB; the limit is 25 MB. Nothing was imported.');
  });
});
