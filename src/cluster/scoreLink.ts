import type { ResolvedConfig } from '../config/resolveConfig.js';
import type { GazetteerEntry } from '../config/resolveConfig.js';
import { daysBetween } from '../text/calendar.js';
import { placeAndContainers } from '../ingest/matchGazetteer.js';
import type { Article, ClusterLink, LinkFeatures } from '../types.js';
import { diceOfTexts, type LinkingTextTable } from './linkingTextTable.js';

export interface LinkContext {
  config: ResolvedConfig;
  places: Map<string, GazetteerEntry>;
  people: Map<string, GazetteerEntry>;
  duplicates: Map<string, number>;
  /** Every article's title and lead, prepared once (buildLinkingTextTable)... */
  texts: LinkingTextTable;
  /** ...and where each article's are in it, by id. */
  textIndex: Map<string, number>;
}

/** What scoring a pair reads of an article besides its texts. */
export type LinkArticle = Pick<Article, 'id' | 'eventDate' | 'eventDateSource' | 'eventPlace' | 'participants'>;

/** Same place, or one inside the other: a report from 浙江 and one from 安吉 agree. */
export function placesAgree(a: string, b: string, places: Map<string, GazetteerEntry>): boolean {
  return placeAndContainers(a, places).has(b) || placeAndContainers(b, places).has(a);
}

/** An article's own date is firm when the text states it; a publication-date fallback may be a day off. */
function dateSlack(article: LinkArticle): number {
  return article.eventDateSource === 'published' ? 1 : 0;
}

/** How many of `b` are in `a`: participant lists are a handful of names, so a scan beats a Set. */
function sharedCount(a: string[], b: string[]): number {
  let shared = 0;
  for (const x of b) if (a.includes(x)) shared++;
  return shared;
}

function overlap(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  return sharedCount(a, b) / Math.min(a.length, b.length);
}

/**
 * How far two articles name the same participants. Judged per country: on the day 王毅 held talks
 * with 裴青山 he also co-chaired a committee with 范平明 in the same city; the shared Chinese side
 * says nothing when the Vietnamese counterparts differ, so disjoint counterparts score 0.
 */
export function participantAgreement(a: string[], b: string[], people: Map<string, GazetteerEntry>): number {
  const countryOf = (name: string) => people.get(name)?.country ?? '?';
  for (const name of a) {
    const country = countryOf(name);
    const x = a.filter((p) => countryOf(p) === country);
    const y = b.filter((p) => countryOf(p) === country);
    if (y.length > 0 && sharedCount(x, y) === 0) return 0;
  }
  return overlap(a, b);
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** How many of an article's first paragraphs make the lead a link compares. */
export const LEAD_PARAGRAPHS = 2;

/** The lead a link compares: the first paragraphs. */
export function leadForLinking(article: Pick<Article, 'paragraphs'>): string {
  return article.paragraphs.slice(0, LEAD_PARAGRAPHS).map((p) => p.text).join('');
}

/**
 * Scores one candidate pair on every feature and decides. Vetoes come first: two dated articles
 * further apart than the window, or two stated places that are not the same place, cannot be one
 * event, whatever else they share. Duplicates are one event by definition.
 */
export function scoreLink(a: LinkArticle, b: LinkArticle, context: LinkContext): ClusterLink {
  const { config, places } = context;
  const window = config.thresholds.dateWindowDays;
  const duplicate = context.duplicates.get(pairKey(a.id, b.id)) ?? 0;
  const ta = 2 * context.textIndex.get(a.id)!;
  const tb = 2 * context.textIndex.get(b.id)!;

  let date = 0;
  let dateConflict = false;
  if (a.eventDate && b.eventDate) {
    const apart = daysBetween(a.eventDate, b.eventDate);
    dateConflict = apart > window + dateSlack(a) + dateSlack(b);
    date = dateConflict ? 0 : Math.max(0, 1 - apart / (window + 1));
  }
  let place = 0.5;
  let placeConflict = false;
  if (a.eventPlace && b.eventPlace) {
    placeConflict = !placesAgree(a.eventPlace, b.eventPlace, places);
    place = placeConflict ? 0 : 1;
  }
  const features: LinkFeatures = {
    date: round(date),
    participants: round(participantAgreement(a.participants, b.participants, context.people)),
    place,
    text: round(diceOfTexts(context.texts, ta + 1, tb + 1)),
    title: round(diceOfTexts(context.texts, ta, tb)),
    duplicate: round(duplicate),
  };
  const w = config.cluster.weights;
  const score = round(
    w.date * features.date +
      w.participants * features.participants +
      w.place * features.place +
      w.text * features.text +
      w.title * features.title,
  );
  const [first, second] = a.id < b.id ? [a.id, b.id] : [b.id, a.id];
  const decision: ClusterLink['decision'] =
    duplicate > 0
      ? 'duplicate'
      : dateConflict
        ? 'date-conflict'
        : placeConflict
          ? 'place-conflict'
          : decideLink('below-threshold', score, config.thresholds.cluster);
  return { a: first, b: second, score, features, decision };
}

/** A link's decision under `threshold`: vetoes and duplicates stand whatever the score; the rest is the score against it. */
export function decideLink(decision: ClusterLink['decision'], score: number, threshold: number): ClusterLink['decision'] {
  if (decision === 'duplicate' || decision === 'date-conflict' || decision === 'place-conflict') return decision;
  return score >= threshold ? 'linked' : 'below-threshold';
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
