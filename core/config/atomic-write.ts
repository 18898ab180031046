import { closeSync, copyFileSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Replaces `file` so that a power cut leaves either the old or the new content, never
 * half of one (an SD card on a Pi): the new text goes to a temporary file in the same
 * folder, is flushed to disk, and renamed over the old one. The previous content is kept
 * as `<file>.bak`. The file keeps its permission bits.
 */
export function writeAtomically(file: string, text: string): void {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  const mode = statSync(file, { throwIfNoEntry: false })?.mode;
  const fd = openSync(temp, 'wx', mode === undefined ? 0o644 : mode & 0o777);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    unlinkSync(temp);
    throw err;
  }
  closeSync(fd);
  try {
    if (mode !== undefined) copyFileSync(file, `${file}.bak`);
    renameSync(temp, file);
  } catch (err) {
    unlinkSync(temp);
    throw err;
  }
  syncFolder(dir);
}

/** The rename itself is durable only once the folder's entry is on disk. */
function syncFolder(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
