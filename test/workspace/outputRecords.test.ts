import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../src/workspace/openWorkspace.js';

describe('Workspace output records', () => {
  it('finds each recorded file unchanged by its own folder, whatever folders share the start of its name', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'parallax-outputs-'));
    // events/, events2/ and events.old-1/ share a start; index.html sits above them.
    const files = ['index.html', 'events/2024-06-03-a.html', 'events2/2024-06-03-a.html', 'events.old-1/2024-06-03-a.html', 'events/sub/deeper.json'];
    for (const file of files) {
      await mkdir(path.dirname(path.join(out, file)), { recursive: true });
      await writeFile(path.join(out, file), `<p>${file}：中越会谈</p>`);
    }
    const first = new Workspace(path.join(out, 'workspace.sqlite'), 'run');
    files.forEach((file, k) => first.recordOutput(path.join(out, file), `key-${k}`));
    first.close();
    const again = new Workspace(path.join(out, 'workspace.sqlite'), 'run');
    expect(files.map((file, k) => again.outputUnchanged(path.join(out, file), `key-${k}`))).toEqual([true, true, true, true, true]);
    // Another file's key is not this file's.
    expect(again.outputUnchanged(path.join(out, 'events2/2024-06-03-a.html'), 'key-1')).toBe(false);
    expect(again.outputUnchanged(path.join(out, 'events/never-written.html'), 'key-1')).toBe(false);
    again.close();
  });
});
