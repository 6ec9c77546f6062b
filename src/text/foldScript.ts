import * as OpenCC from 'opencc-js';

/**
 * Traditional → simplified for matching only, one character at a time. OpenCC's phrase-aware
 * converter (`toSimplified`) is right for text a reader sees but walks a trie per character;
 * matching only needs both sides folded the same way, so each character's single-character
 * conversion is taken once from OpenCC's dictionaries (Taiwan and Hong Kong) into a table.
 * Context-free, it folds 著名 to 着名 on both sides alike: never show its output.
 */
let table: Map<number, string> | null = null;

function buildTable(): Map<number, string> {
  const converters = [OpenCC.Converter({ from: 'tw', to: 'cn' }), OpenCC.Converter({ from: 'hk', to: 'cn' })];
  const map = new Map<number, string>();
  for (const [from, to] of [[0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff]] as const) {
    const chars: string[] = [];
    for (let c = from; c <= to; c++) chars.push(String.fromCharCode(c));
    // One character per line: no dictionary phrase spans a line break, so each converts alone.
    for (const convert of converters) {
      convert(chars.join('\n'))
        .split('\n')
        .forEach((out: string, i: number) => {
          if (out !== chars[i] && out.length === 1 && !map.has(from + i)) map.set(from + i, out);
        });
    }
  }
  return map;
}

export function foldScript(text: string): string {
  table ??= buildTable();
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const replacement = table.get(text.charCodeAt(i));
    if (replacement === undefined) continue;
    out += text.slice(start, i) + replacement;
    start = i + 1;
  }
  return start === 0 ? text : out + text.slice(start);
}

/** How many characters the fold would change: a cheap measure of how traditional a text is. */
export function countFoldable(text: string): number {
  table ??= buildTable();
  let n = 0;
  for (let i = 0; i < text.length; i++) if (table.has(text.charCodeAt(i))) n++;
  return n;
}
