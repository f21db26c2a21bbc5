import { randomUUID } from 'node:crypto';
import { constants, createReadStream, createWriteStream } from 'node:fs';
import { copyFile as fsCopyFile, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Uploaded and generated files on local disk, addressed by a relative key such as
 * `<sellerId>/images/<id>/original.webp`. An S3-compatible store can replace this module later:
 * callers only use keys.
 */
let root: string | null = null;

export function configureFileStore(dir: string): void {
  root = resolve(dir);
}

function pathOf(key: string): string {
  if (!root) throw new Error('file store not configured');
  if (!/^[A-Za-z0-9._/-]+$/.test(key) || key.split('/').some((part) => part === '..' || part === '')) {
    throw new Error(`invalid file key: ${key}`);
  }
  const full = join(root, key);
  if (!full.startsWith(root + sep)) throw new Error(`invalid file key: ${key}`);
  return full;
}

/** Written aside and renamed into place, so a reader never sees half a file (e.g. a job that reruns). */
export async function putFile(key: string, data: Buffer | Uint8Array | string): Promise<void> {
  const full = pathOf(key);
  await mkdir(dirname(full), { recursive: true });
  const temp = `${full}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(temp, data);
  await rename(temp, full);
}

/** Streams into a file; resolves with the number of bytes written. */
export async function putStream(key: string, source: Readable): Promise<number> {
  const full = pathOf(key);
  await mkdir(dirname(full), { recursive: true });
  await pipeline(source, createWriteStream(full));
  return (await stat(full)).size;
}

/** Copies a stored file to another key (a copy-on-write clone where the filesystem supports it). */
export async function copyFile(fromKey: string, toKey: string): Promise<void> {
  const to = pathOf(toKey);
  await mkdir(dirname(to), { recursive: true });
  await fsCopyFile(pathOf(fromKey), to, constants.COPYFILE_FICLONE);
}

export const readFileBytes = (key: string): Promise<Buffer> => readFile(pathOf(key));
export const openFileStream = (key: string): Readable => createReadStream(pathOf(key));
/** Local path for libraries that need one (e.g. a streaming XLSX reader). */
export const localPath = (key: string): string => pathOf(key);

export async function fileExists(key: string): Promise<boolean> {
  try {
    await stat(pathOf(key));
    return true;
  } catch {
    return false;
  }
}

export async function removeFiles(prefix: string): Promise<void> {
  await rm(pathOf(prefix), { recursive: true, force: true });
}
