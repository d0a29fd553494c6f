import type { DateMention, DatePrecision, EntityMention } from '../../core/annotations.js';
import type { Analyzed } from '../../core/records.js';
import { firstEndingAfter, firstStartingAt, type Span } from '../../core/span.js';
import { makeAttributor, type Attributor } from './attribution.js';
import type { AnalyzedStory } from '../origins.js';
import { makeUnionFind } from '../union-find.js';

/**
 * What the conflict finder knows about each article, prepared once per story: the sentence a
 * span lies in and the window of it that is read, the clause around a span, the entities, places
 * and dates of a stretch of text, the publication day, and whom a figure is attributed to. Also
 * the grouping step shared by figures and dates: candidates are collapsed by signature, compared
 * only within their bucket, and linked into quantities whose values may disagree.
 */

/** What the story-level steps know that the conflict finder uses. */
export interface ConflictContext {
  /** The index of the fact (statement shared across articles) a sentence states, or null. */
  factOf(article: number, sentence: number): number | null;
  /** The outlet of an article, as a reader knows it. */
  outletOf(article: number): string;
  /** The story entity of an entity mention at `span` in the article with this id, or null. */
  entityOf(article: string, span: Span): string | null;
  /** The name the story shows for an entity id; without it, names are given as the article writes them. */
  readonly nameOf?: (entity: string) => string | null;
  /** Articles that add no independent report (derivative ones); without it, none. */
  readonly excluded?: (article: number) => boolean;
}

/** One article prepared for comparison. */
export interface ArticleView {
  readonly index: number;
  /** The article, its entity mentions in text order. */
  readonly analyzed: Analyzed;
  readonly text: string;
  /** The publication (or else update) day, as days since 1970-01-01, or null when unknown. */
  readonly publishedDay: number | null;
  /** The publication day, or for an undated article the median publication day of the story's dated articles; null when none is dated. */
  readonly referenceDay: number | null;
  /** The index of the sentence holding the span's start (the last sentence when past the end). */
  sentenceOf(span: Span): number;
  /**
   * The span's sentence, cut to {@link WINDOW_CHARS} on each side of the span: what is read
   * around a figure or date, so a 100,000-word text with no full stop costs no more per figure
   * than an ordinary one.
   */
  windowOf(span: Span): Span;
  /** The entities mentioned in `[start, end)`, as story entity ids, with the entity a "the <head>" phrase names. */
  anchorsIn(span: Span): ReadonlySet<string>;
  /** The places named in `[start, end)`, as story entity ids. */
  placesIn(span: Span): ReadonlySet<string>;
  /** The entity mentions inside `[start, end)`, in text order. */
  mentionsIn(span: Span): readonly EntityMention[];
  /** The dates inside `[start, end)`, in text order. */
  datesIn(span: Span): readonly DateMention[];
  /** The clause around a span: the stretch of its window between clause marks. */
  clauseAround(span: Span): Span;
  /** Whom the sentence attributes the figure or date at `span` to, or null. */
  attribution(span: Span): string | null;
  /** The facts its sentences state (indexes from the context's `factOf`). */
  readonly facts: ReadonlySet<number>;
  /** Its most mentioned entities ({@link SALIENT_ENTITIES}, and those mentioned as often as the last of them): what it is about. */
  readonly salient: ReadonlySet<string>;
}

/** How many of an article's most mentioned entities say what it is about. */
const SALIENT_ENTITIES = 3;

/**
 * Whether two articles report on the same story, as far as the text shows: one is the other,
 * they are copies of one report, they are both about an entity (one of each one's most
 * mentioned), or they state a fact in common. A story assembled from loosely related articles
 * can hold two events, each with its own toll; figures of articles that share nothing are not
 * compared.
 */
export function reportOnOneStory(first: ArticleView, second: ArticleView, originOf: readonly string[]): boolean {
  if (first.index === second.index || (originOf[first.index] !== undefined && originOf[first.index] === originOf[second.index])) return true;
  for (const entity of first.salient) if (second.salient.has(entity)) return true;
  for (const fact of first.facts) if (second.facts.has(fact)) return true;
  return false;
}

/** Characters read on each side of a figure or date within its sentence. */
const WINDOW_CHARS = 300;

/** Marks between clauses: punctuation and the conjunctions that open a new clause. */
const CLAUSE_BOUNDARY = /[,;:()\u2014\u2013"“”]|\s-\s|\b(?:when|after|before|because|while|although|though|whereas|since|following|according|but|which|who|where)\b|\band\s+(?=(?:that|the|a|an|its|his|her|their|last|also)\b)/giu;

/** The spans (sorted by start) that lie inside `[start, end)`, found by binary search. */
function spansInside<T extends Span>(spans: readonly T[], within: Span): T[] {
  const inside: T[] = [];
  for (let index = firstStartingAt(spans, within.start); index < spans.length && spans[index]!.start < within.end; index++) {
    if (spans[index]!.end <= within.end) inside.push(spans[index]!);
  }
  return inside;
}

/** Days since 1970-01-01 of an ISO date's day, or null. */
function dayOf(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (match === null) return null;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isFinite(time) ? Math.floor(time / 86_400_000) : null;
}

/** Precision order, coarsest first. */
const PRECISION_RANK: Readonly<Record<DatePrecision, number>> = { year: 0, month: 1, day: 2 };
const PRECISION_LENGTH: Readonly<Record<DatePrecision, number>> = { year: 4, month: 7, day: 10 };

/** The coarser of two precisions. */
export function coarserPrecision(first: DatePrecision, second: DatePrecision): DatePrecision {
  return PRECISION_RANK[first] <= PRECISION_RANK[second] ? first : second;
}

/** An ISO date cut to a coarser precision ("2013-08-14" at `year` → "2013"). */
export function truncateDate(value: string, precision: DatePrecision): string {
  return value.slice(0, PRECISION_LENGTH[precision]);
}

/** A date known to some precision. */
export interface PreciseDate {
  readonly value: string;
  readonly precision: DatePrecision;
}

/**
 * How far apart two dates are at their common (coarser) precision: 0 when they agree there, the
 * number of days between them at day precision, and Infinity when they differ at a month or year.
 */
export function dateDistance(first: PreciseDate, second: PreciseDate): number {
  const common = coarserPrecision(first.precision, second.precision);
  const [a, b] = [truncateDate(first.value, common), truncateDate(second.value, common)];
  if (a === b) return 0;
  if (common !== 'day') return Infinity;
  const [dayA, dayB] = [dayOf(a), dayOf(b)];
  return dayA === null || dayB === null ? Infinity : Math.abs(dayA - dayB);
}

/** Head words of entity names to the entity ids carrying them, so "the dam" can name "the Merrow Dam". */
type HeadIndex = ReadonlyMap<string, ReadonlySet<string>>;

/** The last word of each entity name in the story, lower-cased, with the ids of the entities it ends. */
function indexNameHeads(story: AnalyzedStory, context: ConflictContext): HeadIndex {
  const heads = new Map<string, Set<string>>();
  for (const analyzed of story.articles) {
    for (const mention of analyzed.entities) {
      const id = context.entityOf(analyzed.article.id, mention);
      const head = /(\p{L}+)\P{L}*$/u.exec(analyzed.article.text.slice(mention.start, mention.end))?.[1]?.toLowerCase();
      if (id === null || head === undefined) continue;
      const ids = heads.get(head) ?? new Set<string>();
      ids.add(id);
      heads.set(head, ids);
    }
  }
  return heads;
}

/** Prepares one article; its anchors are indexed on first use. */
function viewArticle(article: Analyzed, index: number, context: ConflictContext, heads: HeadIndex, storyDay: number | null): ArticleView {
  const analyzed: Analyzed = { ...article, entities: [...article.entities].sort((first, second) => first.start - second.start) };
  const { text, id } = analyzed.article;
  const { sentences } = analyzed;
  const published = analyzed.article.published ?? analyzed.article.updated;
  const publishedDay = published === null ? null : dayOf(published);
  const referenceDay = publishedDay ?? storyDay;
  const sentenceOf = (span: Span): number => Math.min(firstEndingAfter(sentences, span.start), Math.max(sentences.length - 1, 0));

  // Every anchor of the text, in order: entity mentions, and "the <head>" naming a single entity.
  interface AnchorSpan extends Span {
    readonly entity: string;
    readonly place: boolean;
  }
  let anchorSpans: AnchorSpan[] | null = null;
  const allAnchors = (): AnchorSpan[] => {
    if (anchorSpans === null) {
      anchorSpans = [];
      for (const mention of analyzed.entities) {
        const entity = context.entityOf(id, mention);
        if (entity !== null) anchorSpans.push({ start: mention.start, end: mention.end, entity, place: mention.kind === 'place' });
      }
      for (const match of text.matchAll(/\b[Tt]he\s+(\p{Ll}+)\b/gu)) {
        const named = heads.get(match[1]!);
        if (named?.size === 1) anchorSpans.push({ start: match.index!, end: match.index! + match[0].length, entity: [...named][0]!, place: false });
      }
      anchorSpans.sort((first, second) => first.start - second.start);
    }
    return anchorSpans;
  };
  const anchorsWhere = (span: Span, keep: (anchor: AnchorSpan) => boolean): ReadonlySet<string> => {
    const spans = allAnchors();
    const found = new Set<string>();
    for (let at = firstStartingAt(spans, span.start); at < spans.length && spans[at]!.start < span.end; at++) {
      if (spans[at]!.end <= span.end && keep(spans[at]!)) found.add(spans[at]!.entity);
    }
    return found;
  };
  const anchorsIn = (span: Span): ReadonlySet<string> => anchorsWhere(span, () => true);
  const placesIn = (span: Span): ReadonlySet<string> => anchorsWhere(span, (anchor) => anchor.place);
  const dates = [...analyzed.dates].sort((first, second) => first.start - second.start);
  const datesIn = (span: Span): readonly DateMention[] => spansInside(dates, span);
  const mentionsIn = (span: Span): readonly EntityMention[] => spansInside(analyzed.entities, span);

  const windowOf = (span: Span): Span => {
    const sentence = sentences[sentenceOf(span)] ?? { start: 0, end: text.length };
    return { start: Math.max(sentence.start, Math.min(span.start - WINDOW_CHARS, sentence.end)), end: Math.min(sentence.end, Math.max(span.end + WINDOW_CHARS, sentence.start)) };
  };

  const clauseAround = (span: Span): Span => {
    const window = windowOf(span);
    let start = window.start;
    let end = window.end;
    const pattern = new RegExp(CLAUSE_BOUNDARY.source, CLAUSE_BOUNDARY.flags);
    const body = text.slice(window.start, window.end);
    for (const match of body.matchAll(pattern)) {
      const at = window.start + match.index!;
      if (at + match[0].length <= span.start) start = at + match[0].length;
      else if (at >= span.end) {
        end = at;
        break;
      }
    }
    return { start, end };
  };

  const nameOf = context.nameOf;
  const attributor: Attributor = makeAttributor(analyzed, (mention) => {
    const entity = nameOf === undefined ? null : context.entityOf(id, mention);
    return entity === null || nameOf === undefined ? null : nameOf(entity);
  });
  const attribution = (span: Span): string | null => attributor(windowOf(span), span);

  const facts = new Set<number>();
  sentences.forEach((_, sentence) => {
    const fact = context.factOf(index, sentence);
    if (fact !== null) facts.add(fact);
  });
  const mentionCounts = new Map<string, number>();
  for (const mention of analyzed.entities) {
    const entity = context.entityOf(id, mention);
    if (entity !== null) mentionCounts.set(entity, (mentionCounts.get(entity) ?? 0) + 1);
  }
  const counts = [...mentionCounts.values()].sort((first, second) => second - first);
  const least = counts[Math.min(SALIENT_ENTITIES, counts.length) - 1] ?? Infinity;
  const salient = new Set([...mentionCounts].filter(([, count]) => count >= least).map(([entity]) => entity));

  return { index, analyzed, text, publishedDay, referenceDay, sentenceOf, windowOf, anchorsIn, placesIn, mentionsIn, datesIn, clauseAround, attribution, facts, salient };
}

/** The median publication day of the story's dated articles (the earlier middle one of an even count), or null. */
function medianPublishedDay(story: AnalyzedStory): number | null {
  const days = story.articles
    .map(({ article }) => article.published ?? article.updated)
    .map((published) => (published === null ? null : dayOf(published)))
    .filter((day): day is number => day !== null)
    .sort((first, second) => first - second);
  return days.length === 0 ? null : days[Math.floor((days.length - 1) / 2)]!;
}

/** Prepares every article of the story. */
export function viewArticles(story: AnalyzedStory, context: ConflictContext): ArticleView[] {
  const heads = indexNameHeads(story, context);
  const storyDay = medianPublishedDay(story);
  return story.articles.map((analyzed, index) => viewArticle(analyzed, index, context, heads, storyDay));
}

/** How two candidates of one bucket relate. */
export type Comparison = 'unrelated' | 'agree' | 'disagree';

/** What {@link linkCandidates} needs to know of a candidate. */
export interface Linkable {
  /** Candidates with one signature are the same statement (copies) and are compared once. */
  readonly signature: string;
  /** Only candidates of one bucket are compared. */
  readonly bucket: string;
}

/**
 * Distinct signatures compared within one bucket, the most repeated first. A bucket holding
 * more (a 100,000-word text with a figure in every sentence) is cut: the work stays
 * O(n · this) instead of O(n²), and what is left out is what the fewest passages state.
 */
export const MAX_SIGNATURES_PER_BUCKET = 200;

/**
 * Groups candidates into quantities that disagree: candidates with one signature collapse into
 * one; within each bucket, every pair of signatures is compared; pairs that are about the same
 * thing (`agree` or `disagree`) are linked; a linked group with at least one disagreeing pair
 * is returned, with all its candidates, in order of first appearance.
 */
export function linkCandidates<T extends Linkable>(candidates: readonly T[], compare: (first: T, second: T) => Comparison): T[][] {
  const bySignature = new Map<string, T[]>();
  for (const candidate of candidates) {
    const same = bySignature.get(candidate.signature);
    if (same === undefined) bySignature.set(candidate.signature, [candidate]);
    else same.push(candidate);
  }
  const groups = [...bySignature.values()];
  const buckets = new Map<string, number[]>();
  groups.forEach((group, index) => {
    const bucket = group[0]!.bucket;
    const members = buckets.get(bucket);
    if (members === undefined) buckets.set(bucket, [index]);
    else members.push(index);
  });
  const unionFind = makeUnionFind(groups.length);
  const disagreeing = new Set<number>();
  const disagreements: Array<readonly [number, number]> = [];
  for (const members of buckets.values()) {
    const compared = [...members].sort((x, y) => groups[y]!.length - groups[x]!.length || x - y).slice(0, MAX_SIGNATURES_PER_BUCKET);
    for (let i = 0; i < compared.length; i++) {
      for (let j = i + 1; j < compared.length; j++) {
        const [x, y] = [compared[i]!, compared[j]!];
        const comparison = compare(groups[x]![0]!, groups[y]![0]!);
        if (comparison === 'unrelated') continue;
        unionFind.union(x, y);
        if (comparison === 'disagree') disagreements.push([x, y]);
      }
    }
  }
  for (const [x] of disagreements) disagreeing.add(unionFind.find(x));
  const linked = new Map<number, T[]>();
  groups.forEach((group, index) => {
    const root = unionFind.find(index);
    if (!disagreeing.has(root)) return;
    const members = linked.get(root);
    if (members === undefined) linked.set(root, [...group]);
    else members.push(...group);
  });
  return [...linked.values()];
}
