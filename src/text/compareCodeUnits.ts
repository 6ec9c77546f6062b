/**
 * Orders strings by their UTF-16 code units: the same order on every machine. localeCompare
 * follows the process's locale (LANG), so under zh_CN.UTF-8 Chinese names sort by pinyin and under
 * en_US.UTF-8 by code point, `a-b` and `ab` trade places between locales, and two researchers
 * running one corpus with one config got events, pairs and voices in different orders; where a
 * sort decides the order links are merged in, even different clusters.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
