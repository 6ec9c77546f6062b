import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareCodeUnits } from '../../src/text/compareCodeUnits.js';
import { CONFIG_FILE, ROOT } from '../helpers.js';

const CLI = path.join(ROOT, 'dist/cli/bin.js');

describe('compareCodeUnits', () => {
  it('orders by code unit whatever the locale: capitals first, 王 (U+738B) before 范 (U+8303)', () => {
    expect(['ab', 'a-b', 'a', 'B', '范平明', '王毅'].sort(compareCodeUnits)).toEqual(['B', 'a', 'a-b', 'ab', '王毅', '范平明']);
    expect(compareCodeUnits('g0000087', 'g0000087')).toBe(0);
  });
});

/** Two pairs of reposts whose ids sort one way by pinyin (范 fan before 王 wang) and the other by code point. */
function repostCorpus(): string {
  const first = '王毅在北京同越南外长举行会谈。双方表示，愿共同落实两党两国领导人达成的重要共识，推进各领域务实合作，妥善管控海上分歧，维护地区和平稳定。';
  const second = '范平明在河内会见中国驻越南大使。他表示，越方重视发展同中国的关系，希望双方加强经贸、教育和地方合作，早日完成陆地边境口岸升级工作。';
  const record = (id: string, title: string, text: string) => JSON.stringify({ id, title, text, published: '2024-05-20', outlet: '越通社', side: 'vn' });
  return [record('王毅会谈', '王毅同越南外长会谈', first), record('王毅会谈-转载', '王毅同越南外长会谈', first), record('范平明会见', '范平明会见中国大使', second), record('范平明会见-转载', '范平明会见中国大使', second)].join('\n') + '\n';
}

describe('the order of what parallax writes', () => {
  it('is the same under LANG=zh_CN.UTF-8 as under en_US.UTF-8 (duplicates.jsonl, sorted by id)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-locale-'));
    const corpus = path.join(dir, 'reposts.jsonl');
    await writeFile(corpus, repostCorpus());
    const duplicatesUnder = async (locale: string) => {
      const out = path.join(dir, locale);
      execFileSync(process.execPath, [CLI, 'dupes', '--config', CONFIG_FILE, '--input', corpus, '--out', out, '--quiet', '--no-cache'], {
        env: { ...process.env, LANG: locale, LC_ALL: locale },
      });
      return (await readFile(path.join(out, 'data/duplicates.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line).a);
    };
    // By pinyin (zh_CN collation) 范平明 would come first.
    expect(await duplicatesUnder('zh_CN.UTF-8')).toEqual(['王毅会谈', '范平明会见']);
    expect(await duplicatesUnder('en_US.UTF-8')).toEqual(['王毅会谈', '范平明会见']);
  });
});
