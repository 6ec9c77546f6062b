import type { EventKind } from '../types.js';

/** Ordered: a call during a visit is a call, a committee meeting is not just talks. */
const KINDS: [EventKind, RegExp][] = [
  ['call', /通电话|通话|视频会晤|视频会议|điện đàm/u],
  ['committee', /委员会.{0,12}会议|联委会|指导委员会/u],
  ['talks', /会谈|hội đàm/u],
  ['meeting', /会见|会晤|拜会|接见|tiếp|hội kiến/u],
  ['visit', /访问|访华|访越|thăm/u],
];

/** What kind of event the articles report, read from their titles and leads. */
export function classifyEventKind(texts: string[]): EventKind {
  const joined = texts.join('\n');
  return KINDS.find(([, pattern]) => pattern.test(joined))?.[0] ?? 'other';
}
