/**
 * Splits Chinese (and Latin-script) text into sentences, keeping each sentence's closing
 * punctuation and any closing quote or bracket after it (……。” ends one sentence, not two).
 * A half-width `.` ends a sentence only after an ideograph or a closing quote, and before a space
 * or the end: reposts that swap 。 for `.` still split, while 223.1亿 and 1,072,000 do not.
 * In Latin-script text a full stop ends a sentence when a space and a capital follow.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  const push = (sentence: string) => {
    const trimmed = sentence.trim();
    if (trimmed) sentences.push(trimmed);
  };
  // One pass over code units, stopping only at 。！？!?. (all in the BMP): a regex per character was
  // a tenth of the compare stage, which reads every representative sentence by sentence.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const terminal = isTerminal(c);
    if (!terminal && !(c === FULL_STOP && fullStopEnds(text, i))) continue;
    if (i + 1 < text.length && isTerminal(text.charCodeAt(i + 1))) continue;
    let end = i + 1;
    while (end < text.length && isCloser(text.charCodeAt(end))) end++;
    push(text.slice(start, end));
    start = end;
    i = end - 1;
  }
  push(text.slice(start));
  return sentences;
}

const FULL_STOP = 0x2e;
const HAN_OR_CLOSER = /^[\p{Script=Han}”’」』)）"]$/u;
const WHITESPACE = /^\s$/u;
const CAPITAL = /^\p{Lu}$/u;

/** 。！？!? */
const isTerminal = (c: number) => c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f;
/** ”’」』)）" */
const isCloser = (c: number) => c === 0x201d || c === 0x2019 || c === 0x300d || c === 0x300f || c === 0x29 || c === 0xff09 || c === 0x22;

/** The character (code point) at a code-unit index, or '' past the end. */
function charAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** The character (code point) ending just before a code-unit index. */
function charBefore(text: string, i: number): string {
  if (i <= 0) return '';
  const low = text.charCodeAt(i - 1);
  const high = i >= 2 ? text.charCodeAt(i - 2) : 0;
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? text.slice(i - 2, i) : text.slice(i - 1, i);
}

/** Whether the `.` at `i` ends a sentence (see splitSentences). */
function fullStopEnds(text: string, i: number): boolean {
  const next = charAt(text, i + 1);
  if (HAN_OR_CLOSER.test(charBefore(text, i)) && (next === '' || WHITESPACE.test(next))) return true;
  return next !== '' && WHITESPACE.test(next) && CAPITAL.test(charAt(text, i + 1 + next.length));
}

const bySentenceCache = new WeakMap<object, string[]>();

/**
 * The sentences of a paragraph, split once per paragraph object: alignment, topics, voices and
 * figures all read an event's paragraphs sentence by sentence.
 */
export function sentencesOf(paragraph: { text: string }): string[] {
  let sentences = bySentenceCache.get(paragraph);
  if (!sentences) bySentenceCache.set(paragraph, (sentences = splitSentences(paragraph.text)));
  return sentences;
}
