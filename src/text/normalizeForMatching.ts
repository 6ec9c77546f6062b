import { foldScript, foldScriptWith, scriptFoldTable } from './foldScript.js';
import { precomputedTables } from './matchingTables.js';

/**
 * Text as parallax compares it: NFKC (full-width letters, digits and punctuation fold to their
 * half-width forms), traditional → simplified, Latin lower-cased, whitespace collapsed.
 * Reports never show this form; they show the original.
 */
export function normalizeForMatching(text: string): string {
  return normalizeDirect(text) ?? normalizeSlow(text);
}

/** The definition of normalizeForMatching: every step in turn over the whole string. */
export function normalizeSlow(text: string): string {
  return foldScript(text.normalize('NFKC')).toLowerCase().replace(/\s+/gu, ' ').trim();
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Whether each code unit of the Basic Multilingual Plane is a letter or digit, from the same
 * Unicode classes as the regex, computed once: an exact answer per character without a regex call.
 */
let bmp: Uint8Array | null = null;

function letterOrDigitTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c < 0xd800 || c > 0xdfff) table[c] = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 0;
  }
  return table;
}

/**
 * Letters, digits and ideographs only (Unicode L and N): what shingles are made of, so punctuation
 * style cannot matter.
 */
export function foldForFingerprint(normalized: string): string {
  const table = (bmp ??= letterOrDigitTable());
  let out = '';
  let start = 0;
  for (let i = 0; i < normalized.length; i++) {
    const c = normalized.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff ? isLetterOrDigitAt(normalized, i) : table[c] === 1) continue;
    out += normalized.slice(start, i);
    start = i + 1;
  }
  return start === 0 ? normalized : out + normalized.slice(start);
}

function isLetterOrDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  // A surrogate half belongs to a character outside the BMP: judge the pair, keep both halves with it.
  if (c <= 0xdbff) return LETTER_OR_DIGIT.test(text.slice(i, i + 2));
  return LETTER_OR_DIGIT.test(text.slice(i - 1, i + 1));
}

/** Text reduced to what matching compares: normalised, then letters and digits only (see foldTextDirect). */
export function foldText(text: string): string {
  return foldTextDirect(text) ?? foldTextSlow(text);
}

/** The definition: every step in turn over the whole string. */
export function foldTextSlow(text: string): string {
  return foldForFingerprint(normalizeSlow(text));
}

/** In the tables: the character needs the whole-string path (it combines, or folds to several). */
const CONTEXTUAL = 0xffff;
/** In the tables: the character folds to nothing (in the fold table: punctuation, spaces, symbols). */
const DROPPED = 0;

let foldTable: Uint16Array | null = null;

/**
 * Hangul jamo compose with their neighbours under NFKC (ᄀ + ᅡ → 가), as combining marks do with
 * their base: characters that fold to a jamo, or that a jamo can follow, never take the table path.
 */
function composesWithNeighbours(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f) || (c >= 0xa960 && c <= 0xa97f) ||
    (c >= 0xd7b0 && c <= 0xd7ff) || (c >= 0xffa0 && c <= 0xffdf) || (c >= 0x3200 && c <= 0x327f) ||
    (c >= 0xac00 && c <= 0xd7a3)
  );
}

/** What each BMP character folds to on its own (`base`: normalizedCharacters), kept only if a letter or digit. */
export function buildFoldTable(base = baseCharacters()): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const f = base[c]!;
    table[c] = f === CONTEXTUAL || f === DROPPED ? f : LETTER_OR_DIGIT.test(String.fromCharCode(f)) ? f : DROPPED;
  }
  return table;
}

const MARK = /\p{M}/u;
let baseTable: Uint16Array | null = null;

/** normalizedCharacters under this thread's script fold, computed once for both tables. */
function baseCharacters(): Uint16Array {
  return (baseTable ??= normalizedCharacters(scriptFoldTable()));
}

/** normalizeCharacter of every BMP character, traditional characters folded through `script` (buildScriptTable). */
export function normalizedCharacters(script: Uint16Array): Uint16Array {
  const base = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) base[c] = normalizeCharacter(c, script);
  return base;
}

/**
 * What one BMP character becomes under NFKC, script folding and lower case. Per character this is
 * exact for a string made only of characters that neither combine with a neighbour (marks, jamo)
 * nor become more than one character nor lower-case by context (Σ, and what NFKC turns into it):
 * any other is CONTEXTUAL, and sends its whole string down the slow path.
 */
function normalizeCharacter(c: number, script: Uint16Array): number {
  const ch = String.fromCharCode(c);
  if ((c >= 0xd800 && c <= 0xdfff) || c === 0x03a3 || MARK.test(ch) || composesWithNeighbours(c)) return CONTEXTUAL;
  const upper = foldScriptWith(ch.normalize('NFKC'), script);
  const folded = upper.toLowerCase();
  // Σ lower-cases by its position in a word, whatever character it came from (ϹΣ → σ or ς).
  if (upper.includes('\u03a3')) return CONTEXTUAL;
  if (folded.length === 0) return DROPPED;
  if (folded.length > 1 || MARK.test(folded)) return CONTEXTUAL;
  const f = folded.charCodeAt(0);
  // The tables' two markers cannot stand for themselves: such a character takes the whole-string path.
  return (f >= 0xd800 && f <= 0xdfff) || f === CONTEXTUAL || f === DROPPED ? CONTEXTUAL : f;
}

/** In the normalising table: the character is white space, which collapses with its neighbours to one space. */
const SPACE = 0x20;
let normalizeTable: Uint16Array | null = null;

/** What each BMP character normalises to on its own (`base`: normalizedCharacters), white space as SPACE. */
export function buildNormalizeTable(base = baseCharacters()): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const f = base[c]!;
    table[c] = f !== CONTEXTUAL && f !== DROPPED && /\s/u.test(String.fromCharCode(f)) ? SPACE : f;
  }
  return table;
}

/**
 * Code units written one at a time, read back as a string through a Buffer over the same memory:
 * Node copies them as they are, where TextDecoder, a twentieth of building an article, checks each
 * one. The same string here: the tables never put out a surrogate or a byte-order mark, the only
 * code units TextDecoder would have changed.
 */
class CodeUnits {
  readonly units: Uint16Array;
  private readonly bytes: Buffer;

  constructor(size: number) {
    this.units = new Uint16Array(size);
    this.bytes = Buffer.from(this.units.buffer, this.units.byteOffset, this.units.byteLength);
  }

  /** The first `n` code units as a string. */
  read(n: number): string {
    return this.bytes.toString('utf16le', 0, n * 2);
  }
}

let normalizeBuffer = new CodeUnits(1 << 14);

/**
 * normalizeForMatching in one pass through a table, as foldTextDirect does for foldText (the
 * string operations were a tenth of building an article); null when the text holds a character
 * only the whole-string path normalises correctly. Tested equal to normalizeSlow.
 */
export function normalizeDirect(text: string): string | null {
  const table = (normalizeTable ??= precomputedTables()?.normalize ?? buildNormalizeTable());
  if (normalizeBuffer.units.length < text.length) normalizeBuffer = new CodeUnits(text.length * 2);
  const out = normalizeBuffer.units;
  let n = 0;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const f = table[text.charCodeAt(i)]!;
    if (f === DROPPED) continue;
    if (f === CONTEXTUAL) return null;
    if (f === SPACE) {
      // Leading white space is trimmed; inner runs wait to see if text follows them.
      space = n > 0;
      continue;
    }
    if (space) {
      out[n++] = SPACE;
      space = false;
    }
    out[n++] = f;
  }
  return n === 0 ? '' : normalizeBuffer.read(n);
}

let buffer = new CodeUnits(1 << 14);

/**
 * foldText in one pass through a table, about ten times faster than the string operations it
 * stands for (it is most of what fingerprinting spends); null when the text holds a character
 * only the whole-string path folds correctly. Tested equal to foldTextSlow.
 */
export function foldTextDirect(text: string): string | null {
  const n = foldIntoBuffer(text, 0);
  return n < 0 ? null : n === 0 ? '' : buffer.read(n);
}

/** Makes `buffer` hold at least `size` code units, keeping its first `keep`. */
function reserve(size: number, keep: number): void {
  if (buffer.units.length >= size) return;
  const grown = new CodeUnits(size * 2);
  grown.units.set(buffer.units.subarray(0, keep));
  buffer = grown;
}

/**
 * Folds `text` through the table into `buffer` from `at`; returns where the folded text ends, or
 * -1 when the text needs the whole-string path.
 */
function foldIntoBuffer(text: string, at: number): number {
  const table = (foldTable ??= precomputedTables()?.fold ?? buildFoldTable());
  reserve(at + text.length, at);
  const out = buffer.units;
  let n = at;
  for (let i = 0; i < text.length; i++) {
    const f = table[text.charCodeAt(i)]!;
    if (f === CONTEXTUAL) return -1;
    // Every character is written, and `n` moves on by (f + 0xffff) >>> 16: 1 for a kept one, 0 for
    // DROPPED (0). A branch on punctuation, one character in ten, was mispredicted often enough to
    // cost a third of the loop (3.5 → 2.4 ns a character). The buffer has room for the whole text.
    out[n] = f;
    n += (f + 0xffff) >>> 16;
  }
  return n;
}

/**
 * foldText of each text, joined: equal to `texts.map(foldText).join('')`, with one string made for
 * the lot instead of one per text (an article's paragraphs: making the strings was half the cost of
 * folding them). `lengths`, when given, receives each text's folded length.
 */
export function foldTexts(texts: string[], lengths?: number[]): string {
  let n = 0;
  for (const text of texts) {
    let end = foldIntoBuffer(text, n);
    if (end < 0) {
      // A text the table cannot fold goes the whole-string way; its result joins the others in the buffer.
      const folded = foldTextSlow(text);
      reserve(n + folded.length, n);
      end = n;
      for (let i = 0; i < folded.length; i++) buffer.units[end++] = folded.charCodeAt(i);
    }
    lengths?.push(end - n);
    n = end;
  }
  return n === 0 ? '' : buffer.read(n);
}
