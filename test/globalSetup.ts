import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Every test's temporary files go in one folder for the run, removed when it ends: the tests make
 * their folders with mkdtemp and the CLI processes and browsers they start make their own, and
 * left behind they came to gigabytes over a day of test runs. The test workers, and what they
 * start, inherit TMPDIR from this process, which os.tmpdir() reads.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), 'parallax-test-'));
  process.env.TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
