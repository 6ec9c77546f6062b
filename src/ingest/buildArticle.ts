import type { ResolvedConfig } from '../config/resolveConfig.js';
import { anyPattern } from '../text/anyPattern.js';
import { countScripts, detectLanguage, detectScript } from '../text/detectScript.js';
import { normalizeForMatching } from '../text/normalizeForMatching.js';
import { parsePublished } from '../text/parsePublished.js';
import { splitSentences } from '../text/splitSentences.js';
import type { Article, Diagnostic, RawDocument } from '../types.js';
import { detectOutlet } from './detectOutlet.js';
import { buildGazetteer, mostSpecificPlaces, namesInOrder, type Gazetteer } from './matchGazetteer.js';
import { extractArticleText } from './extractArticleText.js';
import { resolveEventDate } from './resolveEventDate.js';
import type { BoilerplateRules } from './stripBoilerplate.js';

/** What building an article needs besides the document: built once per run, shared by every article. */
export interface IngestContext {
  config: ResolvedConfig;
  people: Gazetteer;
  places: Gazetteer;
  rules: BoilerplateRules;
}

export function createIngestContext(config: ResolvedConfig): IngestContext {
  // Built when an article first asks: `dupes` reads only text, and each of its threads spent a
  // fifth of a second building gazetteers it never used.
  let people: Gazetteer | undefined;
  let places: Gazetteer | undefined;
  return {
    config,
    get people() {
      return (people ??= buildGazetteer(config.people));
    },
    get places() {
      return (places ??= buildGazetteer(config.places));
    },
    rules: {
      ...config.boilerplate,
      isDropLine: anyPattern(config.boilerplate.dropLines),
      isPhotoCredit: anyPattern(config.boilerplate.photoCredits),
      outletNames: config.outlets.flatMap((o) => [o.name, ...o.aliases]),
    },
  };
}

/** A built article comes with its paragraphs folded (StrippedText.folded), for signing it without folding them again. */
export type BuildResult = { ok: true; article: Article; folded: string[] } | { ok: false; reason: string; diagnostics: Diagnostic[] };

/**
 * RawDocument → Article: parse the page, strip boilerplate, identify the outlet and side, and
 * read the event's date, place and participants. Pure: every fact comes from the document and
 * the config. A document without article text is refused with a reason, not thrown.
 */
export function buildArticle(raw: RawDocument, context: IngestContext): BuildResult {
  const { config } = context;
  const result = extractArticleText(raw, context.rules);
  if (!result.ok) return result;
  const { text, page, stripped } = result.extracted;
  const { title: articleTitle, diagnostics } = text;

  const url = page.given.url ?? page.meta.url ?? null;
  const outlet = detectOutlet(
    {
      givenOutlet: page.given.outlet,
      givenSide: page.given.side,
      urls: [url, ...(page.given.imageUrls ?? [])].filter((u): u is string => !!u),
      siteName: page.meta.siteName,
      frontMatterNames: [page.given.author, ...(page.given.categories ?? [])].filter((n): n is string => !!n),
      text: [articleTitle, stripped.bodyRegion()].join('\n'),
    },
    config,
  );
  if (!outlet.outlet) diagnostics.push({ level: 'warning', code: 'unknown-outlet', message: 'outlet not identified' });
  if (outlet.side && !config.sides[outlet.side]) {
    diagnostics.push({ level: 'warning', code: 'unknown-side', message: `side "${outlet.side}" is not in the config` });
  }
  const offset = (outlet.side && config.sides[outlet.side]?.utcOffsetMinutes) || 0;
  const publishedText = page.given.published ?? page.meta.published;
  const published = publishedText ? parsePublished(publishedText, offset) : null;
  if (publishedText && !published) {
    diagnostics.push({ level: 'warning', code: 'bad-published', message: `cannot read publication date "${publishedText}"` });
  }

  const paragraphs = stripped.paragraphs;
  const fullText = paragraphs.join('\n');
  const when = resolveEventDate({ title: articleTitle, paragraphs, published });
  if (!when.date) diagnostics.push({ level: 'warning', code: 'no-event-date', message: 'event date not resolved' });

  // The whole text is normalised once and scanned for people and places alike.
  const normalizedText = normalizeForMatching(fullText);
  const allPeople = namesInOrder([...context.people.find(articleTitle), ...context.people.findNormalized(normalizedText)]);
  const eventText = when.sentence ?? splitSentences(paragraphs[0] ?? '')[0] ?? '';
  let participants = namesInOrder(context.people.find(`${articleTitle}\n${eventText}`));
  if (participants.length === 0) participants = namesInOrder(context.people.find(paragraphs[0] ?? ''));
  const people = [...participants, ...allPeople.filter((p) => !participants.includes(p))];

  const allPlaces = namesInOrder(context.places.findNormalized(normalizedText));
  const eventPlaces = mostSpecificPlaces(namesInOrder(context.places.find(eventText)), context.places.entries);
  const eventPlace = eventPlaces[0] ?? null;
  const places = eventPlace ? [eventPlace, ...allPlaces.filter((p) => p !== eventPlace)] : allPlaces;

  const titled = `${articleTitle}\n${fullText}`;
  const counts = countScripts(titled);
  const language = detectLanguage(titled, counts);
  return {
    ok: true,
    folded: stripped.folded,
    article: {
      ...text,
      url,
      outlet: outlet.outlet,
      side: outlet.side,
      language,
      script: language === 'zh' ? detectScript(titled, counts) : detectScript(fullText),
      published,
      eventDate: when.date,
      eventDateSource: when.source,
      eventDatePhrase: when.phrase,
      people,
      participants,
      places,
      eventPlace,
      byline: stripped.byline,
    },
  };
}
