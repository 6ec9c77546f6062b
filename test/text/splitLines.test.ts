import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../src/text/splitLines.js';
import { SEEDS } from '../helpers.js';

describe('splitLines', () => {
  it('splits at \\n, \\r\\n and a lone \\r, as readline does, keeping empty lines (they separate paragraphs)', () => {
    expect(splitLines('越通社河内——\r\n\r\n双方同意\r加强合作\n完')).toEqual(['越通社河内——', '', '双方同意', '加强合作', '完']);
    expect(splitLines('a\r\r\nb')).toEqual(['a', '', 'b']);
  });

  it('gives a seed page dump, which has no \\r, the same lines as the regex it stands for (seed 002)', () => {
    const text = readFileSync(path.join(SEEDS, '002_061585ea926fb11c.txt'), 'utf8');
    const lines = splitLines(text);
    expect(lines).toEqual(text.replace(/\r\n?/gu, '\n').split('\n'));
    expect(lines.length).toBeGreaterThan(10);
    // The same page saved with Windows line ends splits the same way.
    expect(splitLines(text.replace(/\n/gu, '\r\n'))).toEqual(lines);
  });
});
