import { addDays, dayNumber, formatDate } from '../text/calendar.js';
import { splitSentences } from '../text/splitSentences.js';
import type { DateSource, EventDateResolution } from '../types.js';

/**
 * Which day the reported event happened. News states it in the lead, usually without a year
 * (`9月11日`, or just `17日`), so a year and sometimes a month come from elsewhere: the
 * publication date, or failing that the years the body itself names (never the boilerplate,
 * which has been removed before this runs).
 */

interface DateMention {
  year: number | null;
  month: number | null;
  day: number;
  phrase: string;
  sentence: string;
  score: number;
}

/** Verbs that report a meeting or visit: the sentence holding the event date usually has one. */
const EVENT_VERB = /会谈|会见|会晤|通电话|通话|举行|出席|访问|访华|访越|主持|签署|召开|接见|举办|抵达|同.{1,20}会面|视频会|tiếp|hội đàm|hội kiến|gặp|điện đàm|thăm|chủ trì/iu;
/** Dates that bound a period rather than mark an event: `截至2022年6月`, `自…以来`, `(10月20日至23日)`. */
const PERIOD_BEFORE = /(截至|截止|自|从|到|直至|至|以来|since|từ)\s*$/u;
const PERIOD_AFTER = /^\s*(以来|起|前|后|之前|以后|左右)/u;

const FULL_OR_MONTH_DAY =
  /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*[至到—-]\s*(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日)?/gu;
const BARE_DAY = /(?<![\d月年\/.-])(\d{1,2})\s*日(?:\s*[至到—-]\s*\d{1,2}\s*日)?(?![\d报])/gu;
/** `ngày 11/9/2021`, `Chiều 13/10`, `sáng 11-9`: a day and month after a Vietnamese day word. */
const VIETNAMESE_DATE = /(?:ngày|sáng|chiều|tối|trưa|đêm)\s+(\d{1,2})[/-](\d{1,2})(?:[/-](\d{4}))?/giu;
const NUMERIC_DATE = /(?<!\d)(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/gu;

function insideParentheses(sentence: string, index: number): boolean {
  const before = sentence.slice(0, index);
  const open = Math.max(before.lastIndexOf('('), before.lastIndexOf('（'));
  const close = Math.max(before.lastIndexOf(')'), before.lastIndexOf('）'));
  return open > close;
}

function scoreMention(sentence: string, index: number, length: number, position: number): number | null {
  const before = sentence.slice(Math.max(0, index - 6), index);
  const after = sentence.slice(index + length, index + length + 4);
  if (PERIOD_BEFORE.test(before) || PERIOD_AFTER.test(after)) return null;
  if (insideParentheses(sentence, index)) return null;
  let score = -position;
  if (EVENT_VERB.test(sentence)) score += 3;
  // A date opening its sentence (`17日，…`, `2021年12月2日，…`) is the news peg.
  if (index <= 2) score += 1;
  return score;
}

function findMentions(sentences: { text: string; position: number }[]): DateMention[] {
  const mentions: DateMention[] = [];
  for (const { text, position } of sentences) {
    const normalized = text.normalize('NFKC');
    const taken: [number, number][] = [];
    const push = (m: RegExpMatchArray, year: number | null, month: number | null, day: number, bonus = 0) => {
      const index = m.index ?? 0;
      const end = index + m[0].length;
      if (taken.some(([s, e]) => index < e && end > s)) return;
      taken.push([index, end]);
      const score = scoreMention(normalized, index, m[0].length, position);
      if (score === null || day < 1 || day > 31 || (month !== null && (month < 1 || month > 12))) return;
      mentions.push({ year, month, day, phrase: m[0], sentence: text, score: score + bonus });
    };
    for (const m of normalized.matchAll(FULL_OR_MONTH_DAY)) {
      push(m, m[1] ? Number(m[1]) : null, Number(m[2]), Number(m[3]));
    }
    for (const m of normalized.matchAll(VIETNAMESE_DATE)) {
      push(m, m[3] ? Number(m[3]) : null, Number(m[2]), Number(m[1]));
    }
    for (const m of normalized.matchAll(NUMERIC_DATE)) {
      push(m, Number(m[3]), Number(m[2]), Number(m[1]));
    }
    // A bare day is weaker evidence: `17日` could be part of a phrase; it ranks below a full date.
    for (const m of normalized.matchAll(BARE_DAY)) push(m, null, null, Number(m[1]), -0.5);
  }
  return mentions;
}

/**
 * Years the body names in its own voice. Excluded: years in document names (`1982年《联合国海洋法公约》`)
 * and target years (`到2030年`, `2030年议程`), which say nothing about when the article was written.
 */
export function bodyYears(paragraphs: string[]): number[] {
  const years: number[] = [];
  for (const paragraph of paragraphs) {
    const text = paragraph.normalize('NFKC');
    for (const m of text.matchAll(/(\d{4})\s*年/gu)) {
      const index = m.index ?? 0;
      const before = text.slice(Math.max(0, index - 3), index);
      const after = text.slice(index + m[0].length, index + m[0].length + 8);
      if (/^[《“"]/u.test(after) || /(到|至|面向|截至)\s*$/u.test(before)) continue;
      if (/^(?:前|后)?(?:将|要|实现|目标|愿景|议程|规划|可持续)|^[^，。,]{0,6}(?:议程|愿景|目标)/u.test(after)) continue;
      const year = Number(m[1]);
      if (year >= 1900 && year <= 2100) years.push(year);
    }
  }
  return years;
}

function resolveAgainstPublished(month: number, day: number, published: string): string | null {
  const year = Number(published.slice(0, 4));
  const options = [year - 1, year, year + 1]
    .map((y) => formatDate(y, month, day))
    .filter((d): d is string => d !== null);
  const target = dayNumber(published);
  // Reports follow events; previews ("将于7月12日") run ahead by days, rarely months.
  options.sort((a, b) => cost(dayNumber(a) - target) - cost(dayNumber(b) - target));
  return options[0] ?? null;
}

function cost(offsetDays: number): number {
  return offsetDays <= 0 ? -offsetDays : offsetDays * 3;
}

function resolveBareDay(day: number, published: string): string | null {
  const year = Number(published.slice(0, 4));
  const month = Number(published.slice(5, 7));
  const publishedDay = Number(published.slice(8, 10));
  // `17日` in an article of the 18th is this month; `30日` in an article of the 2nd is last month.
  if (day <= publishedDay + 1) return formatDate(year, month, day);
  return month === 1 ? formatDate(year - 1, 12, day) : formatDate(year, month - 1, day);
}

/** `昨天王毅表示…`: days before publication named by a word, read only in a sentence reporting the event. */
const RELATIVE_DAY: [RegExp, number][] = [
  [/今天|今日/u, 0],
  [/昨天|昨日/u, -1],
  [/前天/u, -2],
];

function resolveRelativeDay(sentences: { text: string }[], published: string): EventDateResolution | null {
  for (const { text } of sentences) {
    if (!EVENT_VERB.test(text) && !/表示|说|指出|强调/u.test(text)) continue;
    for (const [pattern, offset] of RELATIVE_DAY) {
      const phrase = pattern.exec(text)?.[0];
      if (phrase) return { date: addDays(published, offset), source: 'relative', phrase, sentence: text };
    }
  }
  return null;
}

export interface EventDateInput {
  title: string;
  paragraphs: string[];
  published: string | null;
  /** How many leading paragraphs count as the lead, where the news peg is stated. */
  leadParagraphs?: number;
}

export function resolveEventDate(input: EventDateInput): EventDateResolution {
  const lead = input.paragraphs.slice(0, input.leadParagraphs ?? 3);
  const sentences = lead.flatMap((p, pi) =>
    splitSentences(p).map((text, si) => ({ text, position: pi + si * 0.1 })),
  );
  const mentions = findMentions(sentences).sort((a, b) => b.score - a.score);
  const best = mentions[0];
  if (!best) {
    if (input.published) {
      return resolveRelativeDay(sentences, input.published) ?? { date: input.published, source: 'published', phrase: null, sentence: null };
    }
    return { date: null, source: 'none', phrase: null, sentence: null };
  }
  let date: string | null = null;
  let source: DateSource = 'text';
  if (best.year !== null && best.month !== null) {
    date = formatDate(best.year, best.month, best.day);
  } else if (best.month !== null && input.published) {
    date = resolveAgainstPublished(best.month, best.day, input.published);
    source = 'text+published-year';
  } else if (best.month !== null) {
    const years = bodyYears(input.paragraphs);
    if (years.length > 0) {
      date = formatDate(Math.max(...years), best.month, best.day);
      source = 'text+body-year';
    }
  } else if (input.published) {
    date = resolveBareDay(best.day, input.published);
    source = 'text+published-year';
  }
  if (date === null) return { date: null, source: 'none', phrase: best.phrase, sentence: best.sentence };
  return { date, source, phrase: best.phrase, sentence: best.sentence };
}
