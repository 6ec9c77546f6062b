/**
 * A number in a pattern that refers to a group (`\1`, `\k<name>`), or a named group: joined with
 * others, the first would count groups from the joined pattern's start and the second could clash.
 */
const REFERS_TO_GROUPS = /\\[1-9]|\\k<|\(\?<(?![=!])/u;

/**
 * Whether any of `patterns` matches a text, as `patterns.some((p) => p.test(text))` tells. The
 * patterns are joined into one alternation when that cannot change what any of them matches:
 * the same flags, none stateful (`g`, `y`), none referring to its groups. The user's boilerplate
 * patterns run on every line of every page, and one joined pattern scans a line once where eight
 * scanned it eight times: a twelfth of stripping a page.
 */
export function anyPattern(patterns: readonly RegExp[]): (text: string) => boolean {
  if (patterns.length === 0) return () => false;
  const flags = patterns[0]!.flags;
  const joinable = patterns.every((p) => p.flags === flags && !p.global && !p.sticky && !REFERS_TO_GROUPS.test(p.source));
  if (!joinable || patterns.length === 1) return (text) => patterns.some((p) => p.test(text));
  const joined = new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'), flags);
  return (text) => joined.test(text);
}
