import { countFoldable } from './foldScript.js';
import type { Article } from '../types.js';

/** Ideographs of the CJK blocks (countScripts). */
export function countHan(text: string): number {
  return countScripts(text).han;
}

export interface ScriptCounts {
  /** Ideographs of the CJK blocks. */
  han: number;
  /** Basic and accented Latin letters, Vietnamese's included. */
  latin: number;
}

const HAN = 1;
const LATIN = 2;

/** HAN for an ideograph of the CJK blocks, LATIN for a basic or accented Latin letter (Vietnamese's included), else 0. */
function scriptOf(c: number): number {
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) return HAN;
  const l = c | 0x20;
  return (l >= 0x61 && l <= 0x7a) || (l >= 0xc0 && l <= 0x24f) || (l >= 0x1e00 && l <= 0x1eff) ? LATIN : 0;
}

/**
 * scriptOf of every code unit, made once: counting then adds each character's bits with no branch
 * (a branch per character on whether it was an ideograph mispredicted at every punctuation mark,
 * and the counts are read of every page and title).
 */
const SCRIPT_OF = (() => {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = scriptOf(c);
  return table;
})();

/** Both counts in one pass: the language and the script of an article are read from the same text. */
export function countScripts(text: string): ScriptCounts {
  let han = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const script = SCRIPT_OF[text.charCodeAt(i)]!;
    han += script & HAN;
    latin += script >> 1;
  }
  return { han, latin };
}

/** The language rule for Chinese: at least half as many ideographs as Latin letters, and some. */
function mostlyHan(han: number, latin: number): boolean {
  return han > 0 && han >= latin * 0.5;
}

/** Characters counted between two looks at whether the rest could still change the answer. */
const DECIDE_EVERY = 256;

/**
 * `detectLanguage(texts.join('\n')) === 'zh'`, reading only as far as the answer is open: a page
 * is Chinese when at least half as many of its characters are ideographs as Latin letters, and
 * once the count so far holds even were every character left a Latin letter (or fails even were
 * every one an ideograph), the rest cannot change it. Stripping asks this of every page's whole
 * text; a Chinese page is decided within its first third.
 */
export function isMostlyHan(texts: readonly string[]): boolean {
  let left = texts.reduce((sum, t) => sum + t.length, 0);
  let han = 0;
  let latin = 0;
  for (const text of texts) {
    for (let start = 0; start < text.length; start += DECIDE_EVERY) {
      const end = Math.min(text.length, start + DECIDE_EVERY);
      for (let i = start; i < end; i++) {
        const script = SCRIPT_OF[text.charCodeAt(i)]!;
        han += script & HAN;
        latin += script >> 1;
      }
      left -= end - start;
      // Decided when every character left, all Latin letters or all ideographs, could not change it.
      if (mostlyHan(han, latin + left)) return true;
      if (!mostlyHan(han + left, latin)) return false;
    }
  }
  return mostlyHan(han, latin);
}

/** Letters that only Vietnamese writes among the Latin-script languages a news corpus holds. */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu;

function count(text: string, pattern: RegExp): number {
  let n = 0;
  pattern.lastIndex = 0;
  while (pattern.exec(text)) n++;
  return n;
}

/** `counts`, when given, are countScripts(text), already at hand. */
export function detectLanguage(text: string, counts: ScriptCounts = countScripts(text)): Article['language'] {
  const { han, latin } = counts;
  if (mostlyHan(han, latin)) return 'zh';
  if (latin > 0 && count(text, VIETNAMESE) >= Math.max(3, latin * 0.03)) return 'vi';
  return 'other';
}

/**
 * Traditional when a noticeable share of its ideographs change under the traditional → simplified
 * fold; a simplified text has almost none that do. `counts`, when given, are countScripts(text).
 */
export function detectScript(text: string, counts: ScriptCounts = countScripts(text)): Article['script'] {
  const { han, latin } = counts;
  if (han === 0) return latin > 0 ? 'latin' : 'mixed';
  const share = countFoldable(text) / han;
  if (share >= 0.05) return 'traditional';
  return 'simplified';
}

let latinScript: Uint8Array | null = null;

/** Whether each BMP code unit is of the Latin script, from the regex's own Unicode data, computed once. */
function latinScriptTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  const latin = /\p{Script=Latin}/u;
  for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) table[c] = latin.test(String.fromCharCode(c)) ? 1 : 0;
  return table;
}

const LATIN_CHARACTER = /^\p{Script=Latin}$/u;

/**
 * `/\p{Script=Latin}{2,}/u.test(text)`, by table: the regex, run on every line of every page to
 * find alt text in another language, was a twentieth of building an article. Two neighbouring
 * characters always cover an odd position, so only those are read first, and the neighbours of
 * one that is Latin: half the reads of a walk over every character, on lines that are almost all
 * Chinese. A surrogate at an odd position (every character outside the BMP has a half at one)
 * sends the text to the walk that judges such characters whole.
 */
export function hasLatinRun(text: string): boolean {
  const table = (latinScript ??= latinScriptTable());
  for (let i = 1; i < text.length; i += 2) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return walkForLatinRun(text, table);
    if (table[c] === 1 && (table[text.charCodeAt(i - 1)] === 1 || (i + 1 < text.length && table[text.charCodeAt(i + 1)] === 1))) return true;
  }
  return false;
}

/** hasLatinRun character by character, a character outside the BMP judged whole and counted once. */
function walkForLatinRun(text: string, table: Uint8Array): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let latin: boolean;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        latin = LATIN_CHARACTER.test(text.slice(i, i + 2));
        i++;
      } else latin = false;
    } else latin = table[c] === 1;
    run = latin ? run + 1 : 0;
    if (run >= 2) return true;
  }
  return false;
}
