/**
 * Splits Chinese (and Latin-script) text into sentences, keeping each sentence's closing
 * punctuation and any closing quote or bracket after it (……。” ends one sentence, not two).
 * A half-width `.` ends a sentence only after an ideograph or a closing quote, and before a space
 * or the end: reposts that swap 。 for `.` still split, while 223.1亿 and 1,072,000 do not.
 * In Latin-script text a full stop ends a sentence when a space and a capital follow.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let current = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    current += ch;
    const next = chars[i + 1];
    const ends =
      /[。！？!?]/u.test(ch) ||
      (ch === '.' && /[\p{Script=Han}”’」』)）"]/u.test(chars[i - 1] ?? '') && (next === undefined || /\s/u.test(next))) ||
      // Latin-script prose (Vietnamese, English): a full stop, a space, a capital.
      (ch === '.' && next !== undefined && /\s/u.test(next) && /\p{Lu}/u.test(chars[i + 2] ?? ''));
    if (!ends || (next !== undefined && /[。！？!?]/u.test(next))) continue;
    while (chars[i + 1] !== undefined && /[”’」』)）"]/u.test(chars[i + 1]!)) current += chars[++i]!;
    if (current.trim()) sentences.push(current.trim());
    current = '';
  }
  if (current.trim()) sentences.push(current.trim());
  return sentences;
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
