// A small reader of the image ZIP of a bulk import: the central directory, then one entry at a time.
import { open } from 'node:fs/promises';
import { inflateSync } from 'fflate';
import iconv from 'iconv-lite';
import { localPath } from '../../../../platform/files/store';
import { isValidUtf8 } from './encoding';
import { ImportFileError } from './source';

export interface ZipEntry {
  /** The name without folders, as a row refers to it. */
  name: string;
  path: string;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 20_000;

/** Entry names: UTF-8 when flagged or well-formed, else GBK (Chinese Windows zips files that way). */
function entryName(bytes: Uint8Array, utf8Flag: boolean): string {
  if (utf8Flag || isValidUtf8(bytes, false)) return Buffer.from(bytes).toString('utf8');
  return iconv.decode(Buffer.from(bytes), 'gb18030');
}

/** Lookup key of an image file name: case and folders do not matter. */
export const imageNameKey = (name: string) =>
  (name.split(/[\\/]/).pop() ?? '').trim().normalize('NFC').toLowerCase();

export interface ZipIndex {
  entries: Map<string, ZipEntry>;
  /** Names that occur more than once in different folders: a row cannot say which one it means. */
  ambiguous: Set<string>;
}

/** Reads the central directory of a stored ZIP (files only; no ZIP64). */
export async function readZipIndex(fileKey: string): Promise<ZipIndex> {
  const handle = await open(localPath(fileKey), 'r');
  try {
    const { size } = await handle.stat();
    const tailSize = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailSize);
    await handle.read(tail, 0, tailSize, size - tailSize);
    let eocd = -1;
    for (let i = tailSize - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ImportFileError('zip_unreadable');
    const count = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || dirOffset === 0xffffffff) throw new ImportFileError('zip_unsupported');
    if (count > MAX_ENTRIES) throw new ImportFileError('zip_too_many_files', { max: MAX_ENTRIES });
    if (dirOffset + dirSize > size) throw new ImportFileError('zip_unreadable');
    const dir = Buffer.alloc(dirSize);
    await handle.read(dir, 0, dirSize, dirOffset);
    const entries = new Map<string, ZipEntry>();
    const ambiguous = new Set<string>();
    let p = 0;
    for (let n = 0; n < count; n++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL) throw new ImportFileError('zip_unreadable');
      const flags = dir.readUInt16LE(p + 8);
      const method = dir.readUInt16LE(p + 10);
      const compressedSize = dir.readUInt32LE(p + 20);
      const sizeOut = dir.readUInt32LE(p + 24);
      const nameLength = dir.readUInt16LE(p + 28);
      const extraLength = dir.readUInt16LE(p + 30);
      const commentLength = dir.readUInt16LE(p + 32);
      const offset = dir.readUInt32LE(p + 42);
      const path = entryName(dir.subarray(p + 46, p + 46 + nameLength), (flags & 0x800) !== 0);
      p += 46 + nameLength + extraLength + commentLength;
      if (path.endsWith('/') || path.startsWith('__MACOSX/') || path.split('/').pop()?.startsWith('._'))
        continue;
      if (compressedSize === 0xffffffff || sizeOut === 0xffffffff)
        throw new ImportFileError('zip_unsupported');
      const key = imageNameKey(path);
      if (!key) continue;
      const entry = {
        name: path.split('/').pop() ?? path,
        path,
        method,
        compressedSize,
        size: sizeOut,
        offset,
      };
      if (entries.has(key)) ambiguous.add(key);
      else entries.set(key, entry);
    }
    return { entries, ambiguous };
  } finally {
    await handle.close();
  }
}

/** The bytes of one entry; null when it cannot be read (unknown method, damaged data, encrypted). */
export async function readZipEntry(fileKey: string, entry: ZipEntry): Promise<Buffer | null> {
  const handle = await open(localPath(fileKey), 'r');
  try {
    const header = Buffer.alloc(30);
    await handle.read(header, 0, 30, entry.offset);
    if (header.readUInt32LE(0) !== LOCAL) return null;
    if ((header.readUInt16LE(6) & 0x1) !== 0) return null; // encrypted
    const start = entry.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const data = Buffer.alloc(entry.compressedSize);
    await handle.read(data, 0, entry.compressedSize, start);
    if (entry.method === 0) return data;
    if (entry.method !== 8) return null;
    try {
      const out = inflateSync(data, { out: new Uint8Array(entry.size) });
      return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
    } catch {
      return null;
    }
  } finally {
    await handle.close();
  }
}
