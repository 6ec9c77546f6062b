import type { Gazetteer, GazetteerMatch } from '../ingest/matchGazetteer.js';
import { normalizeForMatching } from '../text/normalizeForMatching.js';
import { sentencesOf } from '../text/splitSentences.js';
import type { Article, Voice } from '../types.js';
import { compareCodeUnits } from '../text/compareCodeUnits.js';

/** Both delegations speaking as one (`双方一致认为`) are a voice of their own. */
const COLLECTIVE = /(双方|两国外长|两国领导人|两党总书记|两国总理)[^，。；,;]{0,4}$/u;
const PRONOUN = /(他|她)[^，。；,;]{0,4}$/u;

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

const verbPatterns = new WeakMap<string[], RegExp>();

/** One pattern of every speech verb, longest first, compiled once per config list. */
function verbPattern(verbs: string[]): RegExp {
  let pattern = verbPatterns.get(verbs);
  if (!pattern) {
    pattern = new RegExp(verbs.map(escapeRegex).sort((a, b) => b.length - a.length).join('|'), 'gu');
    verbPatterns.set(verbs, pattern);
  }
  return pattern;
}

/**
 * Who the article reports as saying something: a speech verb (表示, 强调 …) with a named person
 * just before it (`王毅表示`, `习近平总书记热烈祝贺`), `他` for the last person named in the
 * paragraph, or `双方` for both sides. Counts statements and the characters of what was said.
 */
export function extractVoices(article: Article, people: Gazetteer, verbs: string[]): Voice[] {
  const verb = verbPattern(verbs);
  const voices = new Map<string, Voice>();
  for (const paragraph of article.paragraphs) {
    let lastSpeaker: string | null = null;
    for (const sentence of sentencesOf(paragraph)) {
      const text = normalizeForMatching(sentence);
      // Names are looked for only in sentences with a speech verb, in the form already made.
      let names: GazetteerMatch[] | undefined;
      for (const match of text.matchAll(verb)) {
        names ??= people.findNormalized(text);
        const at = match.index ?? 0;
        const before = text.slice(Math.max(0, at - 12), at);
        const named = names.filter((n) => n.index < at && at - n.index <= 12 && !/[，。；,;]/u.test(text.slice(n.index, at))).at(-1);
        const speaker = named?.name ?? (COLLECTIVE.exec(before)?.[1] ? '双方' : PRONOUN.test(before) ? lastSpeaker : null);
        if (!speaker) continue;
        if (named) lastSpeaker = named.name;
        const said = text.slice(at + match[0].length).replace(/^[，,：:\s]+/u, '');
        const voice = voices.get(speaker) ?? { speaker, statements: 0, chars: 0, example: sentence };
        voice.statements += 1;
        voice.chars += said.length;
        voices.set(speaker, voice);
        break;
      }
    }
  }
  return [...voices.values()].sort((a, b) => b.chars - a.chars || compareCodeUnits(a.speaker, b.speaker));
}
