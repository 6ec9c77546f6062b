/**
 * Literals (names, terms) listed under their first code unit, for scanning a text position by
 * position: most characters of a text start no literal, and `starts` says so with a typed-array
 * read, without a Map look-up. Callers read `starts` in their own loop: behind a method call the
 * gazetteers' scan took 121 ms over 5,000 articles instead of 88 (287 ms with a Map look-up at every
 * character, 145 ms with an alternation regex).
 */
export interface FirstCharacterIndex<T> {
  /** 1 for each code unit that starts a literal. */
  starts: Uint8Array;
  /** The literals starting with each code unit, with their values, in the order given. */
  byFirst: Map<number, { literal: string; value: T }[]>;
}

/** Entries keep the order given: a caller that lists longer literals first finds them first. Each literal must be non-empty. */
export function indexByFirstCharacter<T>(entries: Iterable<readonly [literal: string, value: T]>): FirstCharacterIndex<T> {
  const starts = new Uint8Array(0x10000);
  const byFirst = new Map<number, { literal: string; value: T }[]>();
  for (const [literal, value] of entries) {
    const first = literal.charCodeAt(0);
    starts[first] = 1;
    const list = byFirst.get(first);
    if (list) list.push({ literal, value });
    else byFirst.set(first, [{ literal, value }]);
  }
  return { starts, byFirst };
}
