/**
 * The data that flows through parallax, named along the pipeline:
 * InputFile → RawDocument → Article → EventCluster → EventComparison.
 * This module is the kernel: it imports nothing.
 */

export type InputFormat = 'markdown' | 'html' | 'text' | 'jsonl';

/** One record read from disk, decoded, before any interpretation. */
export interface RawDocument {
  /** Stable id: the path relative to the input root, or the JSONL record's id. */
  id: string;
  /** Where it came from: a file path, or `path:line` for a JSONL record. */
  source: string;
  format: InputFormat;
  encoding: string;
  /** Characters that could not be decoded and were replaced with U+FFFD. */
  undecodable?: number;
  /** Decoded text of the file or the record's `text`/`html`. */
  body: string;
  /** Whether `body` is HTML (JSONL `html`, .html files, Markdown bodies made of HTML). */
  bodyIsHtml: boolean;
  /** Fields the record states outright (JSONL fields, front matter); they win over detection. */
  given: GivenFields;
  /** The id the input gave, when an earlier input had it: `id` is then that id with `~2`, `~3`… */
  renamedFrom?: string;
}

export interface GivenFields {
  url?: string;
  title?: string;
  published?: string;
  outlet?: string;
  side?: string;
  author?: string;
  categories?: string[];
  imageUrls?: string[];
}

/** A page reduced to its parts: a title, metadata found on the page, and text blocks in order. */
export interface ParsedPage {
  title: string | null;
  blocks: string[];
  meta: PageMeta;
}

export interface PageMeta {
  published?: string;
  url?: string;
  siteName?: string;
}

export interface Paragraph {
  id: string;
  text: string;
}

export type RemovalReason =
  | 'repeated-title'
  | 'timestamp'
  | 'caption'
  | 'photo-credit'
  | 'related-links'
  | 'teaser'
  | 'repeated-lead'
  | 'byline'
  | 'site-chrome'
  | 'trailing-block';

export interface RemovedBlock {
  reason: RemovalReason;
  text: string;
}

export type DateSource = 'text' | 'text+published-year' | 'text+body-year' | 'relative' | 'published' | 'none';

export interface EventDateResolution {
  date: string | null;
  source: DateSource;
  /** The phrase the date was read from, e.g. `9月11日`. */
  phrase: string | null;
  /** The sentence that reports the event, used for its place and participants. */
  sentence: string | null;
}

export interface Diagnostic {
  level: 'warning' | 'error';
  code: string;
  message: string;
}

/**
 * An article's text as ingest leaves it, before any fact is read from it: what near-duplicate
 * detection needs, and all that `parallax dupes` builds.
 */
export interface ArticleText {
  id: string;
  source: string;
  /** The given or page title; the start of the text when there is none. */
  title: string;
  paragraphs: Paragraph[];
  removed: RemovedBlock[];
  diagnostics: Diagnostic[];
}

export interface Article extends ArticleText {
  url: string | null;
  outlet: string | null;
  side: string | null;
  language: 'zh' | 'vi' | 'other';
  script: 'simplified' | 'traditional' | 'latin' | 'mixed';
  /** Local publication date, `YYYY-MM-DD`. */
  published: string | null;
  eventDate: string | null;
  eventDateSource: DateSource;
  eventDatePhrase: string | null;
  /** Canonical names of every gazetteer person the article names, participants first. */
  people: string[];
  /** People named where the article reports the event (title, event sentence, lead). */
  participants: string[];
  /** Canonical names of every gazetteer place the article names, event place first. */
  places: string[];
  eventPlace: string | null;
  byline: string | null;
}

/** What ingest made of one document: its article (whole, or only its text), or why there is none. */
export type BuildOutcome<A extends ArticleText = Article> =
  | { status: 'ingested'; article: A }
  | { status: 'skipped'; reason: string; diagnostics: Diagnostic[] }
  | { status: 'failed'; reason: string };

export type DuplicateKind = 'exact' | 'near';

export interface SimilarPair {
  a: string;
  b: string;
  similarity: number;
  kind: DuplicateKind;
}

/** Per-feature scores behind one candidate link between two articles. */
export interface LinkFeatures {
  date: number;
  participants: number;
  place: number;
  text: number;
  title: number;
  duplicate: number;
}

export interface ClusterLink {
  a: string;
  b: string;
  score: number;
  features: LinkFeatures;
  /** Why the link was or was not used. */
  decision: 'duplicate' | 'linked' | 'below-threshold' | 'date-conflict' | 'place-conflict' | 'cluster-conflict';
}

/**
 * Every scored candidate pair's link, read one at a time: a million articles score tens of
 * millions of pairs, too many to hold as objects.
 */
export interface ScoredLinks extends Iterable<ClusterLink> {
  readonly size: number;
  /** Each link's JSON line (JSON.stringify of the link, no newline), in the same order, made without the link objects. */
  lines(): Iterable<string>;
}

export interface EventCluster {
  id: string;
  articles: string[];
  eventDate: string | null;
  people: string[];
  places: string[];
  sides: Record<string, number>;
  links: ClusterLink[];
}

export type AlignmentKind = 'verbatim' | 'reworded';

export interface DiffPart {
  value: string;
  op: 'same' | 'added' | 'removed';
}

export interface AlignedPassage {
  /** `index`: the sentence's position in its article, so passages can be shown in article order. */
  left: { paragraphId: string; text: string; index: number };
  right: { paragraphId: string; text: string; index: number };
  similarity: number;
  kind: AlignmentKind;
  /** Word-level diff from left to right; null when the diff gave up (too long). */
  diff: DiffPart[] | null;
}

export interface OneSidePassage {
  side: string;
  paragraphId: string;
  text: string;
  index: number;
}

export interface Representative {
  side: string;
  articleId: string;
  reason: string;
}

export interface ArticleRelation {
  articleId: string;
  relation: 'original' | 'repost' | 'traditional-script copy';
  of: string | null;
}

export type EventKind = 'call' | 'committee' | 'talks' | 'meeting' | 'visit' | 'other';

export interface SideLead {
  side: string;
  articleId: string;
  title: string;
  lead: string;
}

export interface TopicCoverage {
  topic: string;
  label: string;
  /** Characters of the sentences that name one of the topic's terms. */
  chars: number;
  /** Those characters as a share of the article's text. */
  share: number;
  /** Paragraph number (1-based) where the topic first comes up; null if never. */
  firstParagraph: number | null;
}

export interface TermCount {
  name: string;
  counts: Record<string, number>;
}

export interface Voice {
  speaker: string;
  statements: number;
  chars: number;
  /** The first statement, for the reader to see what kind of thing was said. */
  example: string;
}

export interface Figure {
  /** As written, e.g. `2000亿美元`. */
  text: string;
  value: number;
  unit: string;
  context: string;
  paragraphId: string;
}

export interface FigureComparison extends Figure {
  side: string;
  /** `only`: the other side gives no figure in this unit; `differs`: it gives another value in a similar context. */
  flag: 'only' | 'differs' | 'matches';
  counterpart: string | null;
}

export interface SideFraming {
  side: string;
  articleId: string;
  chars: number;
  topics: TopicCoverage[];
  terms: TermCount[];
  voices: Voice[];
  figures: Figure[];
}

export interface Divergence {
  score: number;
  components: { unaligned: number; topics: number; terms: number };
  /** What drives the score: the longest passages only one side has, the topics the sides weigh most differently. */
  drivers: { passages: OneSidePassage[]; topics: { topic: string; label: string; difference: number }[] };
}

export interface EventComparison {
  clusterId: string;
  kind: EventKind;
  sides: [string, string] | null;
  representatives: Representative[];
  relations: ArticleRelation[];
  leads: SideLead[];
  aligned: AlignedPassage[];
  onlyIn: OneSidePassage[];
  framing: SideFraming[];
  figures: FigureComparison[];
  divergence: Divergence | null;
}

/**
 * What the index, the events table and the charts need of an event's comparison: kept for every
 * event while the whole comparison goes to its page and data file, so a run never holds all of them.
 */
export interface EventDigest {
  clusterId: string;
  kind: EventKind;
  representatives: Representative[];
  relations: ArticleRelation[];
  /** Per side framed: characters of representative text, and of it each topic's (in `topics` order). */
  topicChars: { side: string; chars: number; topics: number[] }[];
  divergence: number | null;
  aligned: number;
  onlyIn: number;
}

export type ManifestStatus = 'ingested' | 'skipped' | 'failed';

export interface ManifestEntry {
  source: string;
  id: string | null;
  format: InputFormat | null;
  status: ManifestStatus;
  reason?: string;
  encoding?: string;
  diagnostics?: Diagnostic[];
}
