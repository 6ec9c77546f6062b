import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/runPipeline.js';
import { openEventPages } from '../../src/pipeline/writeEventPages.js';
import { writeOutputs } from '../../src/pipeline/writeOutputs.js';
import { escapeHtml, html, safeHref } from '../../src/report/escapeHtml.js';
import { allowedScript, ROOT, testConfig } from '../helpers.js';

describe('escaping', () => {
  it('escapes every interpolated value', () => {
    expect(html`<p>${'<script>alert(1)</script>'}</p>`.value).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(escapeHtml(`"onerror='x'"`)).toBe('&quot;onerror=&#39;x&#39;&quot;');
  });

  it('keeps javascript: URLs out of hrefs', () => {
    expect(safeHref("javascript:alert('href')")).toBeNull();
    expect(safeHref('https://www.mfa.gov.cn/a.shtml')).toBe('https://www.mfa.gov.cn/a.shtml');
  });
});

describe('reports on hostile input', () => {
  it('renders a page whose title and text carry scripts as inert, visible text', async () => {
    const config = await testConfig();
    const out = await mkdtemp(path.join(tmpdir(), 'parallax-hostile-'));
    const events = await openEventPages(out);
    const result = await runPipeline([path.join(ROOT, 'fixtures/hostile'), path.join(ROOT, 'fixtures/seeds', '001_04b9df7d89f70d67.txt')], config, 'report', { events });
    await writeOutputs(result, config, { out, command: 'run', configFile: 'x', inputs: [], events });
    const pages = (await readdir(path.join(out, 'events'))).filter((f) => f.endsWith('.html'));
    const htmls = [await readFile(path.join(out, 'index.html'), 'utf8'), ...(await Promise.all(pages.map((p) => readFile(path.join(out, 'events', p), 'utf8'))))];
    const [index, ...eventPages] = htmls;
    for (const page of eventPages) expect(page).not.toMatch(/<script/iu);
    // The index holds one script, ours, and the CSP allows that script by its hash and nothing else.
    const script = allowedScript(index!);
    expect(index!.match(/<script/giu)).toHaveLength(1);
    expect(script).not.toMatch(/alert|pwned/u);
    const all = htmls.join('\n').replace(`<script>${script}</script>`, '');
    expect(all).not.toMatch(/<script/iu);
    expect(all).not.toMatch(/<img/iu);
    expect(all).not.toMatch(/href="javascript:/iu);
    expect(all).not.toMatch(/<\/textarea>/iu);
    expect(all).toContain('&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;');
    expect(all).toContain('onerror=alert(3)&gt;');
    for (const page of htmls) {
      expect(page).toContain('http-equiv="Content-Security-Policy"');
      expect(page).not.toMatch(/(src|href)="(https?:)?\/\//iu);
    }
  });
});
