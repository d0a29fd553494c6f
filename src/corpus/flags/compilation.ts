import type { Analyzed, ArticleFlag, Block, CompilationSegment, SegmentKind } from '../../core/records.js';
import type { Span } from '../../core/span.js';
import { nameWords } from '../name-match.js';
import type { AnalyzedStory } from '../origins.js';
import { MIN_SENTENCE_TOKENS, sentenceSimilarity, sentenceTokens } from '../passages.js';
import { outletName } from '../outlet.js';
import { RELATED_HEADING } from '../../extract/text/boilerplate.js';
import { quoteStart } from './labels.js';

/**
 * Compilations: one page stitching several reports together, as aggregators and portals make
 * them. What gives one away, each measured over the page:
 *
 * - **repeated passages**: a sentence or paragraph that appears twice, because two stitched
 *   reports both carried it (a single report never says the same paragraph twice);
 * - **re-introductions**: people introduced again by full name and title after the page has
 *   already called them by surname ("… Lavrov said. … Russian Foreign Minister Sergei Lavrov
 *   …"), because each stitched report introduces them anew;
 * - **several sources**: stretches of the page that are, sentence for sentence, different
 *   reports of the story;
 * - **embedded "See also" material**: a "See also:", "Related materials" or "Read more" heading
 *   with its list of other headlines, in the text or removed from it by extraction.
 *
 * One of the first three (the stitching itself) and a second mark of any kind make the flag;
 * every mark alone is found in ordinary pages now and then. The page is then split into
 * segments in text order: stretches of one report (attributed to the story article they copy,
 * when there is one), repeated passages, and "See also" material.
 */

/** Least similarity of a sentence to an earlier one of the same page for it to be a repeat: an exact or lightly edited copy. */
export const MIN_REPEAT_SIMILARITY = 0.8;

/** Words a repeated passage needs to count: more than a repeated short quote or slogan. */
export const MIN_REPEATED_WORDS = 15;

/**
 * Re-introductions by full name and title needed for the mark. On the 181 native texts of the
 * extraction benchmark no text has more than one; a page stitched from three reports has many.
 */
export const MIN_REINTRODUCTIONS = 3;

/** Sentences a stretch needs to count as copied from one story article. */
export const MIN_COPIED_SENTENCES = 2;

/** Shingles held by more sentences than this are phrases of the page's own boilerplate: not used to find repeats (bounds the work). */
const MAX_SHINGLE_POSTINGS = 50;

/** A paragraph that reads as a headline or section title: a short line without final punctuation. */
export function isHeadlineLike(text: string): boolean {
  const trimmed = text.trim();
  const words = trimmed.split(/\s+/u).length;
  return words >= 1 && words <= 14 && /^[\p{Lu}\p{N}"“']/u.test(trimmed) && !/[.!?:;,"”'’)]$/u.test(trimmed);
}

/** Whether a line is a "See also"-style heading: one the extractor's related-links rule knows. */
export function isSeeAlsoHeading(text: string): boolean {
  return RELATED_HEADING.test(text.trim());
}

/** A sentence of the page that repeats an earlier one. */
export interface Repeat {
  readonly sentence: number;
  readonly earlier: number;
  readonly similarity: number;
}

/**
 * Sentences of one article that repeat an earlier sentence of it, word for word or lightly
 * edited ({@link MIN_REPEAT_SIMILARITY}): exact repeats by their word sequence, near repeats
 * through an index of word 3-shingles (as matchSentences compares articles). Linear in the
 * text: a shingle held by more than {@link MAX_SHINGLE_POSTINGS} sentences is not followed.
 */
export function findRepeats(analyzed: Analyzed): Repeat[] {
  const firstByWords = new Map<string, number>();
  const postings = new Map<string, number[]>();
  const words: string[][] = [];
  const repeats: Repeat[] = [];
  analyzed.sentences.forEach((_, sentence) => {
    const tokens = sentenceTokens(analyzed, sentence);
    words.push(tokens);
    if (tokens.length < MIN_SENTENCE_TOKENS) return;
    const key = tokens.join(' ');
    const exact = firstByWords.get(key);
    const shingles = new Set<string>();
    for (let index = 0; index + 3 <= tokens.length; index++) shingles.add(tokens.slice(index, index + 3).join(' '));
    if (exact !== undefined) repeats.push({ sentence, earlier: exact, similarity: 1 });
    else {
      firstByWords.set(key, sentence);
      const shared = new Map<number, number>();
      for (const shingle of shingles) for (const other of postings.get(shingle) ?? []) shared.set(other, (shared.get(other) ?? 0) + 1);
      let best: Repeat | null = null;
      for (const [other, count] of shared) {
        if (count < 2) continue;
        const similarity = sentenceSimilarity(tokens, words[other]!);
        if (similarity >= MIN_REPEAT_SIMILARITY && (best === null || similarity > best.similarity)) best = { sentence, earlier: other, similarity };
      }
      if (best !== null) repeats.push(best);
    }
    for (const shingle of shingles) {
      const list = postings.get(shingle) ?? [];
      if (list.length <= MAX_SHINGLE_POSTINGS) list.push(sentence);
      postings.set(shingle, list);
    }
  });
  return repeats;
}

/** A person named again in full, with a title, after the page had already shortened the name to the surname. */
export interface Reintroduction extends Span {
  /** The name as written there, with its title ("Foreign Minister Sergei Lavrov"). */
  readonly name: string;
}

/**
 * Full names with a title that come after the same person was already called by surname alone:
 * a report introduces a person once; a page that does so again is starting another report.
 */
export function findReintroductions(analyzed: Analyzed): Reintroduction[] {
  const shortened = new Set<string>();
  const introduced = new Set<string>();
  const found: Reintroduction[] = [];
  for (const mention of analyzed.entities) {
    if (mention.kind !== 'person') continue;
    const words = nameWords(analyzed.article.text.slice(mention.start, mention.end));
    const surname = words.at(-1);
    if (surname === undefined) continue;
    if (words.length >= 2) {
      if (shortened.has(surname) && mention.role !== null) {
        found.push({ start: mention.start, end: mention.end, name: analyzed.article.text.slice(mention.start, mention.end) });
      }
      introduced.add(surname);
      shortened.delete(surname);
    } else if (introduced.has(surname)) shortened.add(surname);
  }
  return found;
}

/** "See also" material: headings and the link lists after them, in the text or removed from it. */
interface SeeAlso {
  /** Spans of the text that are such material (heading and list). */
  readonly spans: readonly Span[];
  /** Descriptions of blocks extraction removed ("'See also:' with 4 other headlines"). */
  readonly removed: readonly string[];
}

/** Longest paragraph (in words) still read as an item of a link list: a headline or a one- or two-sentence blurb. */
const MAX_LIST_ITEM_WORDS = 40;

function wordCount(text: string): number {
  return text.split(/\s+/u).filter((word) => word !== '').length;
}

/**
 * The "See also" material of an article: in its text, a heading and the short paragraphs
 * (headlines, blurbs) after it; among its removed passages, the related-links blocks that open
 * with such a heading.
 */
export function findSeeAlso(analyzed: Analyzed): SeeAlso {
  const { text, paragraphs, removed } = analyzed.article;
  const spans: Span[] = [];
  for (let index = 0; index < paragraphs.length; index++) {
    const heading = paragraphs[index]!;
    if (!isSeeAlsoHeading(text.slice(heading.start, heading.end))) continue;
    let end = heading.end;
    while (index + 1 < paragraphs.length && wordCount(text.slice(paragraphs[index + 1]!.start, paragraphs[index + 1]!.end)) <= MAX_LIST_ITEM_WORDS) {
      index++;
      end = paragraphs[index]!.end;
    }
    spans.push({ start: heading.start, end });
  }
  const removedBlocks = removed.flatMap((passage) => {
    if (passage.kind !== 'related') return [];
    const [first = '', ...rest] = passage.text.split('\n').map((line) => line.replace(/^[\s•·*-]+/u, '').trim()).filter((line) => line !== '');
    if (!isSeeAlsoHeading(first)) return [];
    const items = rest.filter(isHeadlineLike).length;
    return [items > 0 ? `'${first}' with ${items} other headline${items === 1 ? '' : 's'}` : `'${first}'`];
  });
  return { spans, removed: removedBlocks };
}

/** Per sentence of an article: the story article (index) it copies best, from the story's sentence matches with other origin groups. */
export function sentenceSources(story: AnalyzedStory, article: number): (number | null)[] {
  const sources: (number | null)[] = new Array<number | null>(story.articles[article]?.sentences.length ?? 0).fill(null);
  const best = new Map<number, number>();
  const group = story.originOf[article];
  for (const match of story.matches) {
    const [own, other] = match.a.article === article ? [match.a, match.b] : match.b.article === article ? [match.b, match.a] : [null, null];
    if (own === null || other === null || story.originOf[other.article] === group) continue;
    if (match.similarity > (best.get(own.sentence) ?? 0)) {
      best.set(own.sentence, match.similarity);
      sources[own.sentence] = other.article;
    }
  }
  return sources;
}

/** The index of the block holding a position, or -1. */
function blockAt(blocks: readonly Block[], position: number): number {
  let low = 0;
  let high = blocks.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const block = blocks[middle]!;
    if (position < block.start) high = middle - 1;
    else if (position >= block.end) low = middle + 1;
    else return middle;
  }
  return -1;
}

/** What one sentence of the page is, for segmenting. */
interface SentenceRole {
  readonly kind: SegmentKind;
  /** The story article it copies, or null. */
  readonly source: number | null;
  /** A headline-like paragraph of its own (a section title), which belongs to what follows. */
  readonly heading: boolean;
  /** Too short to tell (fewer words than a match needs): it continues the segment it stands in. */
  readonly neutral: boolean;
  /** The first sentence of a paragraph that introduces two people again (a new report's lead), or the first of a stretch copied from one story article. */
  readonly boundary: boolean;
}

/** Share of a segment's characters its copied sentences must cover for the segment to be attributed to their article. */
export const MIN_ATTRIBUTED_SHARE = 0.25;

interface OpenSegment {
  start: number;
  end: number;
  readonly kind: SegmentKind;
  /** Copied characters per story article. */
  readonly sources: Map<number, number>;
  /** Sentences copied from any story article. */
  copied: number;
  /** Characters of its sentences. */
  length: number;
}

/**
 * Splits a page into segments in text order: runs of sentences of one kind, a report's run
 * broken where a stretch copied from another story article begins or where a new lead
 * introduces people again. A heading belongs to the segment after it. A segment is attributed to the story article its sentences copy most, when
 * they are at least {@link MIN_COPIED_SENTENCES} and cover {@link MIN_ATTRIBUTED_SHARE} of it.
 * Segments cover the page from its first sentence to its last.
 */
function segmentsOf(analyzed: Analyzed, roles: readonly SentenceRole[], ids: readonly string[]): CompilationSegment[] {
  const segments: OpenSegment[] = [];
  let headingStart: number | null = null;
  analyzed.sentences.forEach((span, index) => {
    const role = roles[index]!;
    const current = segments.at(-1);
    if (current !== undefined && role.heading && role.kind === 'report' && index + 1 < roles.length) {
      headingStart ??= span.start;
      return;
    }
    const startsNew = current === undefined || (!role.neutral && current.kind !== role.kind) || (role.kind === 'report' && current.kind === 'report' && role.boundary);
    if (startsNew) segments.push({ start: headingStart ?? span.start, end: span.end, kind: role.kind, sources: new Map(), copied: 0, length: 0 });
    else current.end = span.end;
    headingStart = null;
    const segment = segments.at(-1)!;
    segment.length += span.end - span.start;
    if (role.source === null) return;
    segment.sources.set(role.source, (segment.sources.get(role.source) ?? 0) + span.end - span.start);
    segment.copied++;
  });
  return segments.map(({ start, end, kind, sources, copied, length }) => {
    const source = topSource(sources);
    const attributed = source !== null && copied >= MIN_COPIED_SENTENCES && sources.get(source)! >= MIN_ATTRIBUTED_SHARE * length;
    return { start, end, kind, source: attributed ? ids[source]! : null };
  });
}

/** The source with the most characters, or null. */
function topSource(sources: ReadonlyMap<number, number>): number | null {
  let best: number | null = null;
  let bestLength = 0;
  for (const [source, length] of sources) if (length > bestLength) [best, bestLength] = [source, length];
  return best;
}

/** The compilation flag of one article of a story, or null. */
export function findCompilation(story: AnalyzedStory, article: number): ArticleFlag | null {
  const analyzed = story.articles[article];
  if (analyzed === undefined) return null;
  const { text, paragraphs } = analyzed.article;
  const evidence: string[] = [];
  let stitching = 0;
  let marks = 0;

  const repeats = findRepeats(analyzed);
  const repeated = new Set(repeats.map((repeat) => repeat.sentence));
  const repeatedWords = repeats.reduce((sum, repeat) => sum + sentenceTokens(analyzed, repeat.sentence).length, 0);
  if (repeatedWords >= MIN_REPEATED_WORDS) {
    stitching++;
    marks++;
    evidence.push(describeRepeats(analyzed, repeats));
  }

  const reintroductions = findReintroductions(analyzed);
  if (reintroductions.length >= MIN_REINTRODUCTIONS) {
    stitching++;
    marks++;
    const names = [...new Set(reintroductions.map((item) => `'${item.name}'`))];
    evidence.push(
      `introduces people again by full name and title ${reintroductions.length} times after calling them by surname, as separate reports do (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''})`,
    );
  }

  const sources = sentenceSources(story, article);
  const ids = story.articles.map((item) => item.article.id);
  // A repeated passage is its own segment: it must not make two stitched reports look interleaved.
  const stretches = sourceStretches(
    sources.map((source, index) => (repeated.has(index) ? null : source)),
    story.originOf,
  );
  if (stretches.length >= 2) {
    stitching++;
    marks++;
    const described = stretches.map(
      ({ source, sentences, first, last }) =>
        `sentences ${first + 1}–${last + 1} copy ${outletName(story.articles[source]!.article)} (${sentences} sentences)`,
    );
    evidence.push(`stitched from ${stretches.length} reports in the story: ${described.join('; ')}`);
  }

  const seeAlso = findSeeAlso(analyzed);
  if (seeAlso.spans.length > 0 || seeAlso.removed.length > 0) {
    marks++;
    const inText = seeAlso.spans.map((span) => `'${text.slice(span.start, span.end).split('\n')[0]!.trim()}' in the text`);
    evidence.push(`carries "See also" material: ${[...inText, ...seeAlso.removed.map((block) => `${block} (removed from the text)`)].join('; ')}`);
  }

  if (stitching === 0 || marks < 2) return null;

  const inSeeAlso = (position: number): boolean => seeAlso.spans.some((span) => span.start <= position && position < span.end);
  const leadBlocks = leadParagraphs(paragraphs, reintroductions);
  const stretchStarts = new Set(stretches.map((stretch) => stretch.first));
  const roles: SentenceRole[] = analyzed.sentences.map((span, index) => {
    const blockIndex = blockAt(paragraphs, span.start);
    const block = paragraphs[blockIndex];
    const startsBlock = block !== undefined && block.start === span.start;
    const heading = startsBlock && block.end === span.end && isHeadlineLike(text.slice(span.start, span.end));
    const kind: SegmentKind = inSeeAlso(span.start) ? 'see-also' : repeated.has(index) ? 'repeated' : 'report';
    const neutral = kind === 'report' && sentenceTokens(analyzed, index).length < MIN_SENTENCE_TOKENS;
    const boundary = (startsBlock && leadBlocks.has(blockIndex)) || stretchStarts.has(index);
    return { kind, source: sources[index] ?? null, heading, neutral, boundary };
  });
  return { kind: 'compilation', evidence, derivedFrom: [], segments: segmentsOf(analyzed, roles, ids) };
}

/** Paragraphs (indexes) where two people or more are introduced again: the leads of stitched reports. */
function leadParagraphs(paragraphs: readonly Block[], reintroductions: readonly Reintroduction[]): Set<number> {
  const names = new Map<number, Set<string>>();
  for (const item of reintroductions) {
    const block = blockAt(paragraphs, item.start);
    names.set(block, (names.get(block) ?? new Set<string>()).add(item.name));
  }
  return new Set([...names].filter(([, set]) => set.size >= 2).map(([block]) => block));
}

/** A run of the page copied from one story article. */
interface Stretch {
  readonly source: number;
  readonly sentences: number;
  readonly first: number;
  readonly last: number;
}

/**
 * The stretches of a page that copy different reports: for each origin group the page copies at
 * least {@link MIN_COPIED_SENTENCES} sentences of, the span of sentences from its first to its
 * last copied one, attributed to the group's most copied article. Kept only when the stretches
 * of two groups do not interleave: a page that alternates two sources sentence by sentence is
 * one report quoting both, not two reports stitched.
 */
function sourceStretches(sources: readonly (number | null)[], originOf: readonly string[]): Stretch[] {
  const byGroup = new Map<string, { counts: Map<number, number>; first: number; last: number; sentences: number }>();
  sources.forEach((source, sentence) => {
    if (source === null) return;
    const group = originOf[source] ?? String(source);
    const entry = byGroup.get(group) ?? { counts: new Map<number, number>(), first: sentence, last: sentence, sentences: 0 };
    entry.counts.set(source, (entry.counts.get(source) ?? 0) + 1);
    entry.last = sentence;
    entry.sentences++;
    byGroup.set(group, entry);
  });
  const stretches = [...byGroup.values()]
    .filter((entry) => entry.sentences >= MIN_COPIED_SENTENCES)
    .map((entry) => ({ source: topSource(entry.counts)!, sentences: entry.sentences, first: entry.first, last: entry.last }))
    .sort((a, b) => a.first - b.first);
  const interleaved = stretches.some((stretch, index) => index > 0 && stretch.first <= stretches[index - 1]!.last);
  return interleaved ? [] : stretches;
}

/** Evidence for repeats, by paragraph when whole paragraphs repeat. */
function describeRepeats(analyzed: Analyzed, repeats: readonly Repeat[]): string {
  const { text, paragraphs } = analyzed.article;
  const paragraphOf = (sentence: number): number => blockAt(paragraphs, analyzed.sentences[sentence]!.start) + 1;
  const pairs = new Map<string, Repeat>();
  for (const repeat of repeats) {
    const key = `${paragraphOf(repeat.sentence)}:${paragraphOf(repeat.earlier)}`;
    if (!pairs.has(key)) pairs.set(key, repeat);
  }
  const described = [...pairs.entries()].slice(0, 3).map(([key, repeat]) => {
    const [later, earlier] = key.split(':');
    const span = analyzed.sentences[repeat.earlier]!;
    return `paragraph ${later} repeats paragraph ${earlier} (${quoteStart(text.slice(span.start, span.end))})`;
  });
  return `${repeats.length} sentence${repeats.length === 1 ? '' : 's'} appear${repeats.length === 1 ? 's' : ''} twice: ${described.join('; ')}${pairs.size > 3 ? '; …' : ''}`;
}
