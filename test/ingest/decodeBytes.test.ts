import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/ingest/decodeBytes.js';
import { CORPUS } from '../helpers.js';

describe('decodeBytes', () => {
  it('detects GB18030 without a declaration (the 2022 Xinhua page dump)', () => {
    const decoded = decodeBytes(readFileSync(path.join(CORPUS, 'cn/xinhua-20221031-xi-trong.gb18030.txt')));
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.replaced).toBe(0);
    expect(decoded.text.split('\n')[0]).toBe('习近平同越共中央总书记阮富仲举行会谈');
  });

  it('honours <meta charset="big5"> (the 大公网 traditional copy)', () => {
    const decoded = decodeBytes(readFileSync(path.join(CORPUS, 'hk/takungpao-20211203-wangyi-buithanhson.big5.html')));
    expect(decoded.encoding).toBe('big5');
    expect(decoded.text).toContain('國務委員兼外長王毅在浙江安吉同越南外長裴青山舉行會談');
  });

  it('detects Big5 without a declaration', () => {
    const bytes = new Uint8Array([0xa4, 0xa4, 0xb0, 0xea, 0xbb, 0x50, 0xb6, 0x56, 0xab, 0x6e, 0xc1, 0x7c, 0xa6, 0xe6, 0xb7, 0x7c, 0xbd, 0xcd]);
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe('big5');
    expect(decoded.text).toBe('中國與越南舉行會談');
  });

  it('strips a UTF-8 byte-order mark', () => {
    const decoded = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('越通社')]));
    expect(decoded).toEqual({ text: '越通社', encoding: 'utf-8', replaced: 0 });
  });
});
