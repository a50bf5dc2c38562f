// Checks an XLSX archive before the spreadsheet reader touches it. The reader inflates every XML part into a buffer
// of the size the archive declares, and pads every row and column up to the farthest value, so a small file can
// demand gigabytes. This reads the ZIP directory (declared sizes), then streams the first sheet through the
// platform's inflater, stopping at the declared size, and refuses a value placed far outside any library.
import { LibraryFileError } from './library-errors';
import { MAX_SHEET_CELLS, MAX_SHEET_COLUMNS, MAX_XLSX_INFLATED_BYTES } from './limits';

interface ZipPart {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  dataStart: number;
}

const MB = 1024 * 1024;
const formatCount = (n: number) => n.toLocaleString('en-US');
const formatMb = (bytes: number) => `${(bytes / MB).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`;

/** The parts the spreadsheet reader inflates (it skips images and other binaries). */
const isXmlPart = (name: string) => name.endsWith('.xml') || name.endsWith('.xml.rels');

/** Refuses a workbook that would inflate beyond the limits or make the reader fill billions of cells. */
export async function checkWorkbook(fileName: string, bytes: Uint8Array): Promise<void> {
  const parts = readZipDirectory(fileName, bytes);
  checkInflatedSizes(fileName, parts.filter((p) => isXmlPart(p.name)));
  const sheet = await findFirstSheet(fileName, bytes, parts);
  if (sheet) await scanSheetCells(fileName, bytes, sheet.part, sheet.name);
}

function readZipDirectory(fileName: string, bytes: Uint8Array): ZipPart[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged = (what: string) => new LibraryFileError(fileName, `the workbook cannot be read (${what}). Save it again from Excel as .xlsx.`);
  const u16 = (at: number) => {
    if (at < 0 || at + 2 > bytes.length) throw damaged('a ZIP header points outside the file');
    return view.getUint16(at, true);
  };
  const u32 = (at: number) => {
    if (at < 0 || at + 4 > bytes.length) throw damaged('a ZIP header points outside the file');
    return view.getUint32(at, true);
  };
  // The end record is within the last 64 KB (its comment is at most 65,535 bytes); search as the reader does.
  let end = bytes.length - 22;
  while (end > 0 && u32(end) !== 0x06054b50) {
    if (bytes.length - end > 65558) throw damaged('no ZIP directory');
    end--;
  }
  if (end <= 0) throw damaged('no ZIP directory');
  if (end >= 20 && u32(end - 20) === 0x07064b50) {
    throw new LibraryFileError(fileName, 'the workbook uses ZIP64 (for archives over 4 GB), which no library file needs. Save it again from Excel as .xlsx.');
  }
  const count = u16(end + 10);
  let at = u32(end + 16);
  const parts: ZipPart[] = [];
  for (let i = 0; i < count; i++) {
    if (u32(at) !== 0x02014b50) throw damaged('a broken ZIP directory entry');
    const nameLength = u16(at + 28);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const compressedSize = u32(at + 20);
    const size = u32(at + 24);
    if (compressedSize === 0xffffffff || size === 0xffffffff) {
      throw new LibraryFileError(fileName, `the workbook part ${name} uses ZIP64 sizes (over 4 GB), which no library file needs.`);
    }
    const local = u32(at + 42);
    parts.push({ name, method: u16(at + 10), compressedSize, size, dataStart: local + 30 + u16(local + 26) + u16(local + 28) });
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
  }
  return parts;
}

function checkInflatedSizes(fileName: string, parts: readonly ZipPart[]): void {
  const limit = `the limit is ${MAX_XLSX_INFLATED_BYTES / MB} MB of workbook XML`;
  for (const part of parts) {
    if (part.size > MAX_XLSX_INFLATED_BYTES) {
      throw new LibraryFileError(fileName, `the workbook part ${part.name} inflates to ${formatMb(part.size)}; ${limit}. Split the library into smaller files.`);
    }
  }
  const total = parts.reduce((sum, p) => sum + p.size, 0);
  if (total > MAX_XLSX_INFLATED_BYTES) {
    throw new LibraryFileError(fileName, `the workbook's XML inflates to ${formatMb(total)} in all; ${limit}. Split the library into smaller files.`);
  }
}

/** Streams one part's inflated text to `onText`, refusing data longer than the size its header declares. */
async function inflatePart(fileName: string, bytes: Uint8Array, part: ZipPart, onText: (text: string) => void): Promise<void> {
  const data = bytes.subarray(part.dataStart, part.dataStart + part.compressedSize);
  const decoder = new TextDecoder();
  if (part.method === 0) {
    onText(decoder.decode(data.subarray(0, part.size)));
    return;
  }
  if (part.method !== 8) throw new LibraryFileError(fileName, `the workbook part ${part.name} uses an unknown compression (method ${part.method}).`);
  const reader = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  let inflated = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      inflated += value.byteLength;
      if (inflated > part.size) {
        throw new LibraryFileError(
          fileName,
          `the workbook part ${part.name} inflates to more than the ${formatCount(part.size)} bytes its header declares; the file is damaged or hostile. Save it again from Excel as .xlsx.`,
        );
      }
      onText(decoder.decode(value, { stream: true }));
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    if (error instanceof LibraryFileError) throw error;
    throw new LibraryFileError(fileName, `the workbook part ${part.name} cannot be inflated (${(error as Error).message}). Save it again from Excel as .xlsx.`);
  }
  onText(decoder.decode());
}

async function partText(fileName: string, bytes: Uint8Array, part: ZipPart): Promise<string> {
  let text = '';
  await inflatePart(fileName, bytes, part, (chunk) => (text += chunk));
  return text;
}

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** The part and name of the workbook's first sheet (the one imported), via workbook.xml and its relationships. */
async function findFirstSheet(fileName: string, bytes: Uint8Array, parts: readonly ZipPart[]): Promise<{ part: ZipPart; name: string } | undefined> {
  const byName = new Map(parts.map((p) => [p.name, p]));
  const workbook = byName.get('xl/workbook.xml');
  const relations = byName.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !relations) return undefined;
  const sheetTag = /<(?:\w+:)?sheet\s[^>]*>/.exec(await partText(fileName, bytes, workbook))?.[0];
  const relationId = sheetTag && /\s(?:\w+:)?id="([^"]*)"/.exec(sheetTag)?.[1];
  if (!sheetTag || !relationId) return undefined;
  const relationTag = [...(await partText(fileName, bytes, relations)).matchAll(/<(?:\w+:)?Relationship\s[^>]*>/g)].map((m) => m[0]).find((tag) => attribute(tag, 'Id') === relationId);
  const target = relationTag && attribute(relationTag, 'Target');
  if (!target) return undefined;
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const part = byName.get(path);
  return part ? { part, name: attribute(sheetTag, 'name') ?? path } : undefined;
}

const columnNumber = (letters: string) => [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);

/** Streams the sheet and refuses a value cell beyond the column limit or one that makes the used area too large. */
async function scanSheetCells(fileName: string, bytes: Uint8Array, part: ZipPart, sheetName: string): Promise<void> {
  let rows = 0;
  let columns = 0;
  let carry = '';
  const where = `sheet "${sheetName}"`;
  const checkCell = (reference: string, letters: string, row: number) => {
    const column = columnNumber(letters);
    if (column > MAX_SHEET_COLUMNS) {
      throw new LibraryFileError(
        fileName,
        `${where}: cell ${reference} holds a value in column ${formatCount(column)}; a library sheet may use at most ${formatCount(MAX_SHEET_COLUMNS)} columns. Delete the stray cell and save again.`,
      );
    }
    rows = Math.max(rows, row);
    columns = Math.max(columns, column);
    if (rows * columns > MAX_SHEET_CELLS) {
      throw new LibraryFileError(
        fileName,
        `${where}: a value in cell ${reference} makes the sheet span ${formatCount(rows)} rows by ${formatCount(columns)} columns, more than ${formatCount(MAX_SHEET_CELLS)} cells. Delete the stray cells and save again.`,
      );
    }
  };
  await inflatePart(fileName, bytes, part, (chunk) => {
    const text = carry + chunk;
    // A tag cut by the chunk boundary is scanned with the next chunk.
    const open = text.lastIndexOf('<');
    const cut = open >= 0 && text.indexOf('>', open) < 0 ? open : text.length;
    carry = text.slice(cut);
    // Only cells with content count: an empty formatted cell (<c r="XFD9" s="1"/>) is skipped by the reader.
    for (const match of text.slice(0, cut).matchAll(/<(?:\w+:)?c\b[^>]*?\sr="([A-Z]{1,3})(\d+)"[^>]*?(\/?)>/g)) {
      if (match[3] !== '/') checkCell(`${match[1]}${match[2]}`, match[1]!, Number(match[2]));
    }
  });
}
