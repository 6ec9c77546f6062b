import { writeSync } from 'node:fs';

/**
 * Writes all of `bytes` to an open file, at `position` or (null) at its current end, in as many
 * writes as it takes: a write may take less than it is given. A write that takes nothing is an
 * error naming the file (`file`), not a loop without end.
 */
export function writeFully(fd: number, file: string, bytes: Uint8Array, position: number | null): void {
  let done = 0;
  while (done < bytes.byteLength) {
    const wrote = writeSync(fd, bytes, done, bytes.byteLength - done, position === null ? null : position + done);
    if (wrote === 0) throw new Error(`${file} took no bytes at ${position === null ? 'its end' : `byte ${position + done}`}`);
    done += wrote;
  }
}
