/**
 * Splits Chinese (and Latin-script) text into sentences, keeping each sentence's closing
 * punctuation and any closing quote or bracket after it. Text inside quotes stays with its
 * sentence when the quote closes the sentence (……。” ends one sentence, not two).
 */
const SENTENCE_END = /[^。！？!?]*(?:[。！？!?]+[”’」』)）"]*|$)/gu;

export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const match of text.matchAll(SENTENCE_END)) {
    const sentence = match[0].trim();
    if (sentence) sentences.push(sentence);
  }
  return sentences;
}
