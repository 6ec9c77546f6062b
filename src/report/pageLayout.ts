import { createHash } from 'node:crypto';
import { Html, html } from './escapeHtml.js';

/**
 * Reports open from `file://` and offline: no external fonts, scripts, images or requests, and a
 * Content-Security-Policy that forbids them, so even a rendering bug cannot make a page fetch or run anything.
 */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** Our own script, never an article's: allowed by its hash alone, so nothing else can run. */
function policy(script: string | undefined): string {
  if (!script) return CSP;
  const hash = createHash('sha256').update(script).digest('base64');
  return `${CSP}; script-src 'sha256-${hash}'`;
}

const STYLE = `
:root { --cn: #b3261e; --vn: #1a5fb4; --hk: #6a3d9a; --ink: #1d1d1f; --muted: #5f6368; --rule: #d9d9de; --bg-add: #e6f4ea; --bg-del: #fce8e6; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 78rem; padding: 1.2rem 1.5rem 3rem; color: var(--ink); background: #fff;
  font: 16px/1.65 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; }
h1 { font-size: 1.5rem; line-height: 1.3; margin: .4rem 0 .6rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .6rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }
a { color: #0b57d0; }
nav.crumbs { font-size: .9rem; color: var(--muted); }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0 1rem; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--rule); }
th { background: #f6f6f8; position: sticky; top: 0; }
.side { display: inline-block; padding: 0 .4rem; border-radius: .3rem; font-size: .8rem; color: #fff; background: var(--muted); white-space: nowrap; }
.side-cn { background: var(--cn); } .side-vn { background: var(--vn); } .side-hk { background: var(--hk); }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: .4rem 1.2rem; padding: .6rem 0; border-bottom: 1px solid var(--rule); }
.pair .diff { grid-column: 1 / -1; font-size: .9rem; color: var(--muted); }
.badge { font-size: .75rem; border: 1px solid currentColor; border-radius: .25rem; padding: 0 .3rem; margin-right: .3rem; white-space: nowrap; }
.verbatim { color: #1e6b34; } .reworded { color: #8a5a00; }
ins { background: var(--bg-add); text-decoration: underline; color: inherit; }
del { background: var(--bg-del); text-decoration: line-through; color: inherit; }
.only { border-left: .3rem solid var(--rule); padding: .2rem .8rem; margin: .4rem 0; background: #fafafa; }
.only-cn { border-left-color: var(--cn); } .only-vn { border-left-color: var(--vn); } .only-hk { border-left-color: var(--hk); }
td.date { white-space: nowrap; }
td { overflow-wrap: anywhere; }
.muted { color: var(--muted); font-size: .9rem; }
.summary { display: flex; flex-wrap: wrap; gap: 1.5rem; margin: .5rem 0 1rem; }
.summary div { min-width: 8rem; } .summary b { display: block; font-size: 1.4rem; }
#only-diff:checked ~ section .pair.verbatim-pair { display: none; }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1.2rem; }
.headline { font-weight: 600; font-size: 1.05rem; margin: .2rem 0; } .lead { margin: .2rem 0; }
.bar { display: inline-block; width: 6rem; height: .7rem; border: 1px solid var(--rule); vertical-align: middle; }
.fill { display: block; height: 100%; background: var(--muted); }
.fill-cn { background: var(--cn); } .fill-vn { background: var(--vn); } .fill-hk { background: var(--hk); }
.score { font-size: 1.4rem; }
.flag { font-size: .8rem; border: 1px solid currentColor; border-radius: .25rem; padding: 0 .3rem; }
.flag-only { color: #8a5a00; } .flag-differs { color: #b3261e; font-weight: 600; } .flag-matches { color: #1e6b34; }
table.panel { margin: .3rem 0 1rem; }
th button { font: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-decoration: underline dotted; }
th[aria-sort="ascending"] button::after { content: " ▲"; } th[aria-sort="descending"] button::after { content: " ▼"; }
#controls { display: flex; gap: 1.5rem; flex-wrap: wrap; margin: .5rem 0; } #controls[hidden] { display: none; }
figure { margin: .5rem 0 1rem; } figcaption { font-size: .85rem; color: var(--muted); }
@media (max-width: 48rem) { .pair { grid-template-columns: 1fr; } body { padding: .8rem; }
  table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; } table.stack thead { display: none; }
  table.stack tr { border-bottom: 1px solid var(--rule); padding: .4rem 0; } table.stack td { border: 0; padding: .1rem .3rem; } }
@media print { body { max-width: none; font-size: 11pt; } a { color: inherit; text-decoration: none; } .noprint { display: none; }
  .pair { break-inside: avoid; } th { position: static; } }
`;

export function pageLayout(title: string, body: Html, script?: string): string {
  return html`<!doctype html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy(script)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${new Html(STYLE)}</style>
</head>
<body>
${body}
${script ? html`<script>${new Html(script)}</script>` : ''}
</body>
</html>
`.value;
}
