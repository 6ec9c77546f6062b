/**
 * Questions stripBoilerplate asks of every line of every page, answered by looking at the few code
 * units that can decide them. Each equals a regular expression (named in its comment, and checked
 * against it in the tests); as regexes they scanned whole lines, since V8 tries an end-anchored
 * pattern at every position, and were a tenth of building an article.
 */

/** Whether a code unit is one `\s` matches (with the `u` flag: every one of them is in the BMP). */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** `/[。！？!?.…”」』"）)]$/u.test(text)`: the line ends a sentence. */
export function endsSentence(text: string): boolean {
  switch (text.charCodeAt(text.length - 1)) {
    case 0x3002: case 0xff01: case 0xff1f: case 0x21: case 0x3f: case 0x2e: case 0x2026:
    case 0x201d: case 0x300d: case 0x300f: case 0x22: case 0xff09: case 0x29:
      return true;
    default:
      return false;
  }
}

/** `text.replace(/[：:>»›\s]+$/u, '')`: a marker line (`更多>>`, `相关新闻：`) without what points onward. */
export function withoutTrailingPointers(text: string): string {
  let end = text.length;
  while (end > 0) {
    const c = text.charCodeAt(end - 1);
    if (c === 0xff1a || c === 0x3a || c === 0x3e || c === 0xbb || c === 0x203a || isSpace(c)) end--;
    else break;
  }
  return end === text.length ? text : text.slice(0, end);
}

/**
 * False only when `/^[^，,。\s]{2,24}?(?:——|--|—|电)/u` cannot match: no `—`, `-` or `电` where a
 * dateline's mark can start, after the 2nd to the 24th code point. The regex counts code points (`u`
 * flag), so a place with emoji or rare characters outside the BMP reaches past the 25th code unit.
 * Most lines have no mark there.
 */
export function mayStartWithDateline(text: string): boolean {
  for (let i = 0, points = 0; i < text.length && points <= 24; i++, points++) {
    // codePointAt joins a surrogate pair (a lone surrogate is a code point of its own, as in the regex).
    const c = text.codePointAt(i)!;
    if (points >= 2 && (c === 0x2014 || c === 0x2d || c === 0x7535)) return true;
    if (c > 0xffff) i++;
  }
  return false;
}
