import { mkdir, mkdtemp, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { CONFIG_FILE, CORPUS, SEEDS } from '../helpers.js';

beforeEach(() => {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

const ARTICLE = '王毅同越南外长裴青山举行会谈\n\n2021年9月11日，国务委员兼外长王毅在河内同越南外长裴青山举行会谈。双方同意加强合作。\n';

async function run(args: string[], input: string): Promise<{ code: number; manifest: any; out: string }> {
  const out = path.join(input, '..', `out-${Math.random().toString(36).slice(2)}`);
  const code = await main([...args, '--config', CONFIG_FILE, '--input', input, '--out', out, '--quiet']);
  const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8'));
  return { code, manifest, out };
}

function entry(manifest: any, name: string) {
  return manifest.entries.find((e: { source: string }) => path.basename(e.source) === name);
}

describe('bad input is accounted for, never lost', () => {
  it('reads UTF-16 with a byte-order mark', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-bad-'));
    await mkdir(path.join(dir, 'in'));
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, 'utf16le')]);
    await writeFile(path.join(dir, 'in/utf16.txt'), utf16);
    const { manifest } = await run(['ingest'], path.join(dir, 'in'));
    expect(entry(manifest, 'utf16.txt')).toMatchObject({ status: 'ingested', encoding: 'utf-16le' });
  });

  it('skips a file over ingest.maxFileBytes and a broken link, and says why', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-bad-'));
    await mkdir(path.join(dir, 'in'));
    await writeFile(path.join(dir, 'in/big.txt'), ARTICLE.repeat(20));
    await writeFile(path.join(dir, 'in/small.txt'), ARTICLE);
    await symlink(path.join(dir, 'missing.txt'), path.join(dir, 'in/dangling.txt'));
    const { code, manifest } = await run(['ingest', '--set', 'ingest.maxFileBytes=1000'], path.join(dir, 'in'));
    expect(code).toBe(0);
    expect(entry(manifest, 'big.txt').reason).toMatch(/^file is \d+ bytes, over ingest.maxFileBytes \(1000\)$/u);
    expect(entry(manifest, 'dangling.txt')).toMatchObject({ status: 'failed', reason: 'cannot read file (ENOENT)' });
    expect(entry(manifest, 'small.txt').status).toBe('ingested');
  });

  it('reports undecodable bytes: a warning for a few, a skip for a file that is mostly unreadable', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-bad-'));
    await mkdir(path.join(dir, 'in'));
    const page = (body: Buffer) => Buffer.concat([Buffer.from('<html><head><meta charset="utf-8"><title>会谈</title></head><body><p>'), body, Buffer.from('</p></body></html>')]);
    await writeFile(path.join(dir, 'in/few.html'), page(Buffer.concat([Buffer.from(ARTICLE), Buffer.from([0xff, 0xfe, 0xfd])])));
    await writeFile(path.join(dir, 'in/most.html'), page(Buffer.alloc(400, 0xff)));
    const { manifest } = await run(['ingest'], path.join(dir, 'in'));
    expect(entry(manifest, 'few.html')).toMatchObject({ status: 'ingested' });
    expect(entry(manifest, 'few.html').diagnostics.map((d: { code: string }) => d.code)).toContain('undecodable-bytes');
    expect(entry(manifest, 'most.html')).toMatchObject({ status: 'skipped', reason: 'undecodable: 400 characters could not be read as utf-8' });
  });

  it('applies the size limit to each JSONL record, not to the file: a corpus export is one big file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-bad-'));
    await mkdir(path.join(dir, 'in'));
    const record = (id: string, text: string) => JSON.stringify({ id, title: '王毅同裴青山会谈', text });
    const lines = [record('ok-1', ARTICLE), record('huge', ARTICLE.repeat(40)), record('ok-2', ARTICLE)];
    await writeFile(path.join(dir, 'in/feed.jsonl'), lines.join('\n'));
    const { manifest } = await run(['ingest', '--set', 'ingest.maxFileBytes=1500'], path.join(dir, 'in'));
    expect(manifest.totals).toEqual({ inputs: 3, ingested: 2, skipped: 1, failed: 0 });
    expect(entry(manifest, 'feed.jsonl:2')).toMatchObject({ status: 'skipped', reason: 'line 2: record is over ingest.maxFileBytes (1500 bytes)' });
  });

  it('renames a repeated JSONL id (the second "hanoi" becomes "hanoi~2") and says so in its article, with or without the workspace', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-bad-'));
    await mkdir(path.join(dir, 'in'));
    const record = (text: string) => JSON.stringify({ id: 'hanoi', outlet: '新华社', title: '王毅同越南外长裴青山举行会谈', text });
    await writeFile(path.join(dir, 'in/feed.jsonl'), [record(ARTICLE), record(ARTICLE.replace('加强合作', '深化合作'))].join('\n') + '\n');
    for (const cache of [['--no-cache'], [], []]) {
      const { manifest, out } = await run(['ingest', ...cache], path.join(dir, 'in'));
      expect(manifest.entries.map((e: { id: string }) => e.id)).toEqual(['hanoi', 'hanoi~2']);
      const articles = (await readFile(path.join(out, 'data/articles.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
      expect(articles.map((a) => [a.id, a.diagnostics.map((d: { code: string }) => d.code)])).toEqual([
        ['hanoi', []],
        ['hanoi~2', ['duplicate-id']],
      ]);
      expect(articles[1].diagnostics[0].message).toBe('id "hanoi" already used; renamed to "hanoi~2"');
      expect(articles[1].paragraphs.at(-1).text).toContain('深化合作');
    }
  });

  it('reads back the unchanged records of a grown JSONL file and builds the new ones, a repeated id and a broken line among them', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-bad-'));
    await mkdir(path.join(dir, 'in'));
    const record = (id: string, text: string) => JSON.stringify({ id, outlet: '新华社', title: '王毅同越南外长裴青山举行会谈', text });
    const first = [record('hanoi', ARTICLE), record('beijing', ARTICLE.replace('河内', '北京'))];
    const feed = path.join(dir, 'in/feed.jsonl');
    await writeFile(feed, first.join('\n') + '\n');
    const out = path.join(dir, 'out');
    await main(['ingest', '--config', CONFIG_FILE, '--input', path.join(dir, 'in'), '--out', out, '--quiet']);
    await writeFile(feed, [...first, record('hanoi', ARTICLE.replace('加强合作', '深化合作')), '{"id": "broken"', record('hue', ARTICLE.replace('河内', '顺化'))].join('\n') + '\n');
    await main(['ingest', '--config', CONFIG_FILE, '--input', path.join(dir, 'in'), '--out', out, '--quiet']);
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.workspace.documents).toEqual({ reused: 2, computed: 2 });
    expect(manifest.entries.map((e: { id: string | null }) => e.id)).toEqual([null, 'hanoi', 'beijing', 'hanoi~2', 'hue']);
    expect(entry(manifest, 'feed.jsonl:4').reason).toMatch(/^line 4: not valid JSON/u);
    const fresh = await run(['ingest'], path.join(dir, 'in'));
    expect(manifest.entries).toEqual(fresh.manifest.entries);
  });

  it('accounts for a JSONL file that holds only blank lines', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-bad-'));
    await mkdir(path.join(dir, 'in'));
    await writeFile(path.join(dir, 'in/blank.jsonl'), '\n  \n\n');
    await writeFile(path.join(dir, 'in/a.txt'), ARTICLE);
    const { manifest } = await run(['ingest'], path.join(dir, 'in'));
    expect(entry(manifest, 'blank.jsonl')).toMatchObject({ status: 'skipped', reason: 'no records: only blank lines' });
  });

  it('keeps an article whose front matter is broken, with a warning', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-bad-'));
    await mkdir(path.join(dir, 'in'));
    await writeFile(path.join(dir, 'in/bad-front.md'), `---\ntitle: [unclosed\n---\n\n${ARTICLE}`);
    const { manifest } = await run(['ingest'], path.join(dir, 'in'));
    expect(entry(manifest, 'bad-front.md').status).toBe('ingested');
    expect(entry(manifest, 'bad-front.md').diagnostics[0].code).toBe('bad-front-matter');
  });

  it('accounts for every one of 10,000 files in a folder', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-many-'));
    await mkdir(path.join(dir, 'in'));
    await Promise.all(
      Array.from({ length: 10_000 }, (_, i) => writeFile(path.join(dir, 'in', `a${String(i).padStart(5, '0')}.txt`), i % 1000 === 0 ? '' : ARTICLE)),
    );
    const { code, manifest } = await run(['ingest'], path.join(dir, 'in'));
    expect(code).toBe(0);
    expect(manifest.totals).toEqual({ inputs: 10_000, ingested: 9_990, skipped: 10, failed: 0 });
  }, 120_000);

  it('a shorter run into a folder that holds a longer one leaves no stale outputs', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'parallax-out-'));
    // An index paged by month, so that months/ is among what the shorter run must remove.
    expect(await main(['run', '--config', CONFIG_FILE, '--input', CORPUS, '--out', out, '--quiet', '--set', 'report.indexEvents=5'])).toBe(0);
    expect((await readdir(path.join(out, 'events'))).length).toBeGreaterThan(0);
    expect((await readdir(path.join(out, 'months'))).length).toBe(10);
    expect(await main(['ingest', '--config', CONFIG_FILE, '--input', SEEDS, '--out', out, '--quiet'])).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['data', 'manifest.json', 'workspace.sqlite']);
    expect(await readdir(path.join(out, 'data'))).toEqual(['articles.jsonl']);
  });
});
