import { readSync } from 'node:fs';

/**
 * Reads `length` bytes at `position` of an open file into the start of `buffer`, in as many reads
 * as it takes; a file that ends first is an error naming it (`file`).
 */
export function readFully(fd: number, file: string, buffer: Uint8Array, position: number, length: number): void {
  let done = 0;
  while (done < length) {
    const got = readSync(fd, buffer, done, length - done, position + done);
    if (got === 0) throw new Error(`${file} ends before byte ${position + length}`);
    done += got;
  }
}
