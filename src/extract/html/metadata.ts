import type { MetadataSource } from '../../core/records.js';
import { attribute, byTag, closest, collapseWhiteSpace, findAll, findFirst, isInside, textContent, type HtmlElement, type HtmlNode } from './dom.js';
import { cleanAuthorNames, foldName, type AuthorNames, type AuthorOptions } from './metadata-authors.js';
import { dateFromUrl, isSurelyBefore, parseMachineDate, readDatelines, type Dateline } from './metadata-dates.js';
import { foldText } from '../fold.js';
import {
  articleBodyOf,
  cleanText,
  firstString,
  imageUrlsOf,
  isObject,
  namesOf,
  nodeUrls,
  pickArticleNode,
  pickPageNode,
  readJsonLd,
  resolveNode,
  stringsOf,
  typesOf,
  type JsonLd,
  type JsonObject,
} from './metadata-jsonld.js';
import { inForeignItem, isExcluded, isNearAfter, isNearBefore, hyphenatedNames, readRegions, type PageRegions } from './metadata-regions.js';

/**
 * Page metadata read from the markup tree: title, dates, authors, outlet, description,
 * canonical address, lead image and declared language, each with where it was read from.
 * Sources are tried most trusted first (structured data, then social tags, then the markup,
 * then the URL and the visible text); a value a page states for something else (a comment's
 * time, a related story's date, the footer's copyright) is never taken for the article's.
 */

/** A value and where it was read from. */
export interface Sourced<T> {
  readonly value: T;
  readonly source: MetadataSource;
}

/** What a page says about itself. */
export interface PageMetadata {
  readonly title: Sourced<string> | null;
  /** ISO 8601, with the precision and offset the page stated. */
  readonly published: Sourced<string> | null;
  /** ISO 8601; never earlier than `published`. */
  readonly updated: Sourced<string> | null;
  readonly authors: Sourced<readonly string[]> | null;
  /** The site or publisher name. */
  readonly outlet: Sourced<string> | null;
  readonly description: Sourced<string> | null;
  /** The canonical address, absolute. */
  readonly url: Sourced<string> | null;
  /** The lead image's address, absolute. */
  readonly imageUrl: Sourced<string> | null;
  /** The language the page declares, as a lower-case ISO 639-1 code. */
  readonly declaredLanguage: string | null;
  /** The article text the page's JSON-LD states, paragraphs separated by a blank line. */
  readonly articleBodyHint: string | null;
}

/** The meta tags of a page by lower-cased key (`name`, `property`, `itemprop` or `http-equiv`). */
type MetaTags = ReadonlyMap<string, readonly string[]>;

/** Reads every `<meta>` with content, skipping microdata that belongs to a comment or a list. */
function readMetaTags(document: HtmlElement, regions: PageRegions): MetaTags {
  const tags = new Map<string, string[]>();
  for (const meta of byTag(document, 'meta')) {
    const content = attribute(meta, 'content') ?? attribute(meta, 'value');
    if (content === null || content.trim() === '') continue;
    const itemprop = attribute(meta, 'itemprop');
    if (itemprop !== null && (inForeignItem(meta) || isExcluded(meta, regions))) continue;
    for (const key of [attribute(meta, 'name'), attribute(meta, 'property'), itemprop, attribute(meta, 'http-equiv')]) {
      if (key === null) continue;
      for (const word of key.toLowerCase().split(/\s+/)) {
        if (word === '') continue;
        const list = tags.get(word) ?? [];
        list.push(content.trim());
        tags.set(word, list);
      }
    }
  }
  return tags;
}

/** The first value of the first key that has one. */
function firstMeta(tags: MetaTags, keys: readonly string[]): string | null {
  for (const key of keys) {
    for (const value of tags.get(key) ?? []) {
      const text = cleanText(value);
      if (text !== '') return text;
    }
  }
  return null;
}

/** All values of the keys, in key order. */
function allMeta(tags: MetaTags, keys: readonly string[]): string[] {
  return keys.flatMap((key) => tags.get(key) ?? []);
}

/** Makes absolute http(s) addresses from what a page wrote, resolved against its base. */
function makeResolver(document: HtmlElement, pageUrl: string | null): (value: string | null) => string | null {
  let base: string | null = null;
  try {
    base = pageUrl === null ? null : new URL(pageUrl).href;
  } catch {
    base = null;
  }
  const baseElement = findFirst(document, (element) => element.tag === 'base' && attribute(element, 'href') !== null);
  const declared = baseElement === null ? null : attribute(baseElement, 'href');
  if (declared !== null) {
    try {
      base = new URL(declared.trim(), base ?? undefined).href;
    } catch {
      // an unusable <base> is ignored
    }
  }
  return (value) => {
    if (value === null) return null;
    const text = value.trim();
    if (text === '' || /^(?:data|javascript|mailto|about):/i.test(text)) return null;
    try {
      const url = base === null && text.startsWith('//') ? new URL(`https:${text}`) : new URL(text, base ?? undefined);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch {
      return null;
    }
  };
}

/** The first candidate that has a value. */
function firstOf<T>(candidates: readonly (readonly [T | null | undefined, MetadataSource])[]): Sourced<T> | null {
  for (const [value, source] of candidates) if (value !== null && value !== undefined) return { value, source };
  return null;
}

// ---------------------------------------------------------------------------------------------
// Dates

/** Open Graph and `article:*` tags for the publication and modification times. */
const OPEN_GRAPH_PUBLISHED = ['article:published_time', 'og:published_time', 'og:article:published_time', 'article:published'];
const OPEN_GRAPH_MODIFIED = ['article:modified_time', 'og:updated_time', 'og:modified_time', 'article:updated_time', 'og:article:modified_time'];

/** Other meta tags that carry the publication date, most specific first. */
const META_PUBLISHED = [
  'datepublished', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'pub_date', 'publication_date', 'publication-date',
  'date_published', 'dc.date.issued', 'dcterms.issued', 'dc.date.created', 'dcterms.created', 'dc.date', 'dcterms.date',
  'sailthru.date', 'parsely-pub-date', 'article.published', 'article_date_original', 'original-publish-date',
  'cxenseparse:recs:publishtime', 'displaydate', 'date', 'datecreated',
];
const META_MODIFIED = ['datemodified', 'dcterms.modified', 'dc.date.modified', 'article.updated', 'lastmod', 'last-modified-date', 'revised'];

/** A date read from a `<time>` (or other dated) element, with how sure it is to be the article's. */
interface TimeCandidate {
  readonly value: string;
  readonly kind: 'published' | 'updated' | 'unknown';
  readonly score: number;
  readonly position: number;
}

/** Words in an element's names or labels that say which date it is. */
const UPDATED_HINT = /updat|modif|revis|edited/i;
const PUBLISHED_HINT = /publish|pubdate|posted|created|dateline|first/i;
const DATE_NAME_HINT = /date|time|stamp|publish|posted|byline|meta|updated|info/i;

/** The text just before an element inside its parent ("Updated: " before a `<time>`). */
function labelBefore(element: HtmlElement): string {
  const siblings = element.parent?.children ?? [];
  let text = '';
  for (let index = siblings.indexOf(element) - 1; index >= 0 && text.length < 40; index--) {
    const sibling = siblings[index]!;
    text = `${sibling.type === 'text' ? sibling.text : textContent(sibling)} ${text}`;
  }
  return text.slice(-40);
}

/** Reads the dated elements of the page: `<time>`, and hAtom `published`/`updated` stamps. */
function readTimeCandidates(document: HtmlElement, regions: PageRegions): TimeCandidate[] {
  const candidates: TimeCandidate[] = [];
  const dated = findAll(
    document,
    (element) =>
      element.tag === 'time' ||
      (element.tag !== 'meta' && attribute(element, 'datetime') !== null) ||
      (element.tag === 'abbr' && attribute(element, 'title') !== null && hyphenatedNames(element).some((word) => /^(?:published|updated)$/.test(word))),
  );
  for (const element of dated) {
    if (isExcluded(element, regions) || inForeignItem(element)) continue;
    const stated = attribute(element, 'datetime') ?? (element.tag === 'abbr' ? attribute(element, 'title') : null);
    const visible = boundedText(element, 80) ?? '';
    const value = (stated === null ? null : parseMachineDate(stated)) ?? (visible.length <= 80 ? readDatelines(visible)[0]?.value ?? null : null);
    if (value === null) continue;
    const itemprop = (attribute(element, 'itemprop') ?? '').toLowerCase();
    const names = `${hyphenatedNames(element).join(' ')} ${attribute(element, 'name') ?? ''}`;
    const label = `${labelBefore(element)} ${visible.slice(0, 20)}`;
    let kind: TimeCandidate['kind'] = 'unknown';
    if (/datemodified/.test(itemprop) || UPDATED_HINT.test(names) || (/updated|modified/i.test(label) && !/published|posted/i.test(label))) kind = 'updated';
    else if (/datepublished|datecreated/.test(itemprop) || 'pubdate' in element.attributes || PUBLISHED_HINT.test(names) || /published|posted/i.test(label)) {
      kind = 'published';
    }
    let score = 0;
    if (regions.article !== null && isInside(element, regions.article)) score += 3;
    else if (regions.article !== null && isNearBefore(element, regions.article, regions)) score += 2;
    else if (regions.headline !== null && (isNearAfter(element, regions.headline, regions) || isNearBefore(element, regions.headline, regions, 2))) score += 2;
    if (/date(?:published|modified|created)/.test(itemprop)) score += 3;
    else if ('pubdate' in element.attributes) score += 2;
    else if (DATE_NAME_HINT.test(names)) score += 1;
    candidates.push({ value, kind, score, position: regions.position.get(element) ?? 0 });
  }
  return candidates;
}

/** The best candidate of a kind: highest score, then earliest on the page. */
function bestTime(candidates: readonly TimeCandidate[], accept: (candidate: TimeCandidate) => boolean): TimeCandidate | null {
  let best: TimeCandidate | null = null;
  for (const candidate of candidates) {
    if (!accept(candidate)) continue;
    const rank = candidate.score + (candidate.kind === 'published' ? 0.5 : 0);
    const bestRank = best === null ? -1 : best.score + (best.kind === 'published' ? 0.5 : 0);
    if (best === null || rank > bestRank) best = candidate;
  }
  return best;
}

/** Microdata dates on elements other than `<meta>` and `<time>` (`<span itemprop="datePublished" content="…">`). */
function readMicrodataDates(document: HtmlElement, regions: PageRegions, property: RegExp): string | null {
  for (const element of findAll(document, (candidate) => property.test(attribute(candidate, 'itemprop') ?? ''))) {
    if (element.tag === 'meta' || element.tag === 'time' || inForeignItem(element) || isExcluded(element, regions)) continue;
    const stated = attribute(element, 'content') ?? attribute(element, 'datetime') ?? attribute(element, 'title');
    const value = stated !== null ? parseMachineDate(stated) : readDatelines(textContent(element))[0]?.value ?? null;
    if (value !== null) return value;
  }
  return null;
}

/** The first value of a list that parses as a date. */
function firstDate(values: readonly (string | null)[]): string | null {
  for (const value of values) {
    if (value === null) continue;
    const date = parseMachineDate(value);
    if (date !== null) return date;
  }
  return null;
}

/**
 * A date stated only to the day (by the URL, or a date-only field) takes the time a less
 * trusted source states for the same day: "2019-05-10" from the URL and "2019-05-10T17:42"
 * from the dateline are one statement, the second more precise.
 */
function refineDay(chosen: Sourced<string> | null, candidates: readonly (readonly [string | null | undefined, MetadataSource])[]): Sourced<string> | null {
  if (chosen === null || chosen.value.includes('T')) return chosen;
  for (const [value, source] of candidates) {
    if (value !== null && value !== undefined && value.includes('T') && value.startsWith(`${chosen.value}T`)) return { value, source };
  }
  return chosen;
}

/**
 * An element's visible text when it is at most `limit` characters long, else null. Stops
 * reading as soon as the text is too long, so wrappers around the whole story cost little.
 */
function boundedText(element: HtmlElement, limit: number): string | null {
  let visible = 0;
  let tooLong = false;
  const parts: string[] = [];
  const visit = (node: HtmlNode): void => {
    if (tooLong) return;
    if (node.type === 'text') {
      parts.push(node.text);
      visible += node.text.replace(/[\s\u00a0]+/g, '').length;
      tooLong = visible > limit;
      return;
    }
    if (['script', 'style', 'noscript', 'template', 'head', 'title', 'svg', 'math', 'iframe', 'object'].includes(node.tag)) return;
    if (node.tag === 'br') parts.push(' ');
    for (const child of node.children) visit(child);
  };
  visit(element);
  if (tooLong) return null;
  const text = collapseWhiteSpace(parts.join(''));
  return text.length > limit ? null : text;
}

/**
 * The publication and modification dates, most trusted source first: JSON-LD, Open Graph,
 * the article's `<time>`, other meta tags and microdata, the URL, the visible dateline (and,
 * on a page without an article element, any `<time>` outside comments, lists and sidebars).
 * A date stated only to the day takes the time a less trusted source gives for the same day.
 */
function readDates(
  document: HtmlElement,
  regions: PageRegions,
  tags: MetaTags,
  blocks: readonly string[],
  stated: { readonly articleNode: JsonObject | null; readonly pageNode: JsonObject | null; readonly urls: readonly string[] },
): { readonly published: Sourced<string> | null; readonly updated: Sourced<string> | null } {
  const times = readTimeCandidates(document, regions);
  const sureTimes = times.filter((candidate) => candidate.score >= 2);
  const datelines: Dateline[] = blocks.flatMap((block) => readDatelines(block));
  // A block inside "Updated Nov 13, 2019" reads "Nov 13, 2019" alone: a date labelled once keeps its label.
  const labelledUpdated = new Set(datelines.filter((line) => line.kind === 'updated').map((line) => line.value));
  const datelinePublished = datelines.find((line) => line.kind === 'published' && !labelledUpdated.has(line.value))?.value;
  const ldPublished = firstDate([
    ...stringsOf(stated.articleNode?.['datePublished']),
    ...stringsOf(stated.articleNode?.['dateCreated']),
    ...stringsOf(stated.pageNode?.['datePublished']),
  ]);
  const publishedCandidates: (readonly [string | null | undefined, MetadataSource])[] = [
    [ldPublished, 'json-ld'],
    [firstDate(allMeta(tags, OPEN_GRAPH_PUBLISHED)), 'open-graph'],
    [bestTime(sureTimes, (candidate) => candidate.kind !== 'updated')?.value, 'time'],
    [firstDate(allMeta(tags, META_PUBLISHED)) ?? readMicrodataDates(document, regions, /\bdate(?:published|created)\b/i), 'meta'],
    [stated.urls.map(dateFromUrl).find((date) => date !== null), 'url'],
    [datelinePublished, 'dateline'],
  ];
  // A <time> that is not surely the article's is used only when the page has no article element to tell by.
  const weakTime = regions.article === null ? bestTime(times, (candidate) => candidate.kind !== 'updated')?.value : undefined;
  const published = refineDay(firstOf<string>(publishedCandidates), publishedCandidates) ?? firstOf<string>([[weakTime, 'time']]);
  const ldModified = firstDate([...stringsOf(stated.articleNode?.['dateModified']), ...stringsOf(stated.pageNode?.['dateModified'])]);
  let updated = firstOf<string>([
    [ldModified, 'json-ld'],
    [firstDate(allMeta(tags, OPEN_GRAPH_MODIFIED)), 'open-graph'],
    [bestTime(times, (candidate) => candidate.kind === 'updated' && candidate.score >= 1)?.value, 'time'],
    [firstDate(allMeta(tags, META_MODIFIED)) ?? readMicrodataDates(document, regions, /\bdatemodified\b/i), 'meta'],
    [datelines.find((line) => line.kind === 'updated' && line.value !== datelinePublished)?.value, 'dateline'],
  ]);
  // A modification stated before the publication is a mistake of the page's.
  if (updated !== null && published !== null && isSurelyBefore(updated.value, published.value)) updated = null;
  return { published, updated };
}

/** How many short blocks under the headline are read for a dateline or a byline. */
const TOP_BLOCKS = 15;
/** Blocks longer than this are body text (or a standfirst), not a dateline or a byline. */
const SHORT_BLOCK = 150;
/** Elements whose text is never a dateline or a byline: media, captions, controls. */
const NOT_TOP_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'figure', 'figcaption', 'picture', 'img', 'button', 'select', 'video', 'audio']);

/**
 * The short blocks of visible text at the top of the article: from the headline (or the
 * article's start) on, elements with at most {@link SHORT_BLOCK} characters, until the body's
 * paragraphs begin. This is where datelines and bylines are printed. Both an outer block
 * ("Ana Ruiz May 10, 2019") and the shorter ones inside it ("May 10, 2019") are listed, so a
 * byline glued to a date can be read either way.
 */
function topBlocks(regions: PageRegions): string[] {
  const anchor = regions.headline ?? regions.article;
  if (anchor === null) return [];
  const start = regions.position.get(anchor) ?? 0;
  const blocks: string[] = [];
  let outer: HtmlElement | null = null;
  let outerText = '';
  let outerBlocks = 0;
  let skipped: HtmlElement | null = null;
  let longParagraphs = 0;
  for (let index = start + 1; index < regions.elements.length && index < start + 600; index++) {
    const element = regions.elements[index]!;
    if (anchor === regions.headline && isInside(element, anchor)) continue;
    if (skipped !== null && isInside(element, skipped)) continue;
    if (NOT_TOP_TEXT.has(element.tag) || isExcluded(element, regions)) {
      skipped = element;
      continue;
    }
    const inner = outer !== null && isInside(element, outer);
    if (!inner && outerBlocks >= TOP_BLOCKS) break;
    const text = boundedText(element, SHORT_BLOCK);
    if (text === null) {
      if (element.tag === 'p' && ++longParagraphs >= 2) break;
      continue;
    }
    if (text.length < 3 || (inner && text === outerText) || blocks.includes(text)) continue;
    blocks.push(text);
    if (!inner) {
      outer = element;
      outerText = text;
      outerBlocks++;
    }
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// Title and outlet

/** Separators between a headline and the site's name in a `<title>` ("Headline | Outlet"). */
const TITLE_SEPARATOR = /\s+(?:[|\-–—·•»~]|::|\/\/)\s+/g;

/**
 * The name part of a host: the label before the public suffix ("news.example.co.uk" →
 * "example", "blog.example.com" → "example").
 */
function siteLabel(host: string): string {
  const labels = host.toLowerCase().split('.').filter((label) => label !== '');
  if (labels.length < 2) return labels[0] ?? '';
  const last = labels[labels.length - 1]!;
  const second = labels[labels.length - 2]!;
  // "co.uk", "com.br", "org.au": a two-letter country code under a short generic label.
  const countrySuffix = last.length === 2 && second.length <= 3 && labels.length >= 3;
  return countrySuffix ? labels[labels.length - 3]! : second;
}

/** Whether a segment of a title names the outlet (its name, or its domain). */
function namesOutlet(segment: string, outlets: readonly string[], host: string | null): boolean {
  const folded = foldText(segment);
  if (folded.length < 2) return false;
  for (const outlet of outlets) {
    const name = foldText(outlet);
    if (name.length < 2) continue;
    if (folded === name) return true;
    // "Outlet.com", "Outlet News", "The Outlet": the name and a few letters more, or most of the name.
    if (name.length >= 4 && folded.includes(name) && folded.length - name.length <= 8) return true;
    if (folded.length >= 4 && name.includes(folded) && folded.length * 2 >= name.length) return true;
  }
  if (host !== null) {
    const label = siteLabel(host);
    if (folded === foldText(host.replace(/^www\d?\./, '')) || (label.length >= 3 && folded === foldText(label))) return true;
  }
  return false;
}

/** Whether a name looks like the site's domain ("Daily Post" on dailypost.example). */
function resemblesHost(name: string, host: string | null): boolean {
  if (host === null) return false;
  const label = foldText(siteLabel(host));
  const folded = foldText(name);
  if (label.length < 3 || folded.length < 3) return false;
  return folded.includes(label) || (folded.length >= 4 && label.includes(folded));
}

/** A title's segments around its separators, with where each separator stands. */
function titleSegments(title: string): { readonly segments: string[]; readonly cuts: { start: number; end: number }[] } {
  const cuts: { start: number; end: number }[] = [];
  for (const match of title.matchAll(TITLE_SEPARATOR)) cuts.push({ start: match.index, end: match.index + match[0].length });
  const segments: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    segments.push(title.slice(from, cut.start));
    from = cut.end;
  }
  segments.push(title.slice(from));
  return { segments, cuts };
}

/** Whether a title segment reads like a name (capitalised words, or a domain), as site names do. */
function looksLikeSiteName(segment: string): boolean {
  const words = segment.trim().split(/\s+/);
  if (words.length > 4 || segment.length > 40) return false;
  return words.every((word) => /^(?:[\p{Lu}\p{N}]|[\p{L}\d-]+\.[a-z]{2,})/u.test(word) || /^(?:of|the|and|&|de|la|le|el|di|du|der|die|das)$/i.test(word));
}

/** A title cleaned of the site's name, and the site's name as the title wrote it (when it had one). */
interface CleanedTitle {
  readonly title: string;
  readonly siteName: string | null;
}

/** A leading "Outlet: Headline". */
const NAME_PREFIX = /^([^:]{2,40}):\s+(?=\S)/;

/**
 * Drops the site's name from a title: a segment that names a known outlet or the host, with
 * whatever follows it ("Headline - Section | Outlet"), or a leading "Outlet | Headline" or
 * "Outlet: Headline". For a `<title>` (`guess`), a short name-like last segment is dropped
 * even when no outlet is known, when what is left is a headline: three words or more, or the
 * text of the page's headline element (`headline`).
 */
function cleanTitle(raw: string, outlets: readonly string[], host: string | null, guess: boolean, headline: string | null = null): CleanedTitle {
  const title = collapseWhiteSpace(raw);
  const prefix = NAME_PREFIX.exec(title);
  if (prefix !== null && namesOutlet(prefix[1]!, outlets, host)) return { title: title.slice(prefix[0].length), siteName: prefix[1]!.trim() };
  const { segments, cuts } = titleSegments(title);
  if (segments.length < 2) return { title, siteName: null };
  for (let index = 1; index < segments.length; index++) {
    if (!namesOutlet(segments[index]!, outlets, host)) continue;
    const kept = title.slice(0, cuts[index - 1]!.start).trim();
    if (kept.split(/\s+/).length >= 2 || segments.length === 2) return { title: kept, siteName: segments[index]!.trim() };
  }
  if (namesOutlet(segments[0]!, outlets, host)) return { title: title.slice(cuts[0]!.end).trim(), siteName: segments[0]!.trim() };
  if (guess) {
    const last = segments[segments.length - 1]!;
    const kept = title.slice(0, cuts[cuts.length - 1]!.start).trim();
    const isHeadline = kept.split(/\s+/).length >= 3 || (headline !== null && foldText(headline) === foldText(kept));
    if (looksLikeSiteName(last) && isHeadline) return { title: kept, siteName: last.trim() };
  }
  return { title, siteName: null };
}

/** The document's `<title>` (not an SVG's). */
function documentTitle(document: HtmlElement): string | null {
  const element = findFirst(document, (candidate) => candidate.tag === 'title' && closest(candidate, (ancestor) => ancestor.tag === 'svg') === null);
  if (element === null) return null;
  const text = cleanText(element.children.map((child) => (child.type === 'text' ? child.text : '')).join(''));
  return text === '' ? null : text;
}

/** A site name as pages state it, tidied; null when it is empty or is an address. */
function cleanOutlet(value: string | null): string | null {
  if (value === null) return null;
  let name = cleanText(value).replace(/^@(?=\w)/, '');
  if (/^https?:\/\//i.test(name)) return null;
  // "Outlet | Outlet.com", "Outlet - News, Sport and Opinion": the name is the first part.
  name = titleSegments(name).segments[0]!.trim();
  // A long name is a headline or a slogan stated in the wrong tag.
  return name === '' || name.length > 60 || name.split(/\s+/).length > 6 ? null : name;
}

// ---------------------------------------------------------------------------------------------
// Authors

/** Meta tags that name the author. */
const META_AUTHOR = ['author', 'sailthru.author', 'parsely-author', 'dc.creator', 'dcterms.creator', 'byl', 'article.author'];

/** Names from one source, cleaned. */
function namesFrom(values: readonly string[], options: AuthorOptions): AuthorNames {
  const people: string[] = [];
  const organisations: string[] = [];
  for (const value of values) {
    const names = cleanAuthorNames(value, options);
    people.push(...names.people);
    organisations.push(...names.organisations);
  }
  return { people, organisations };
}

/** The authors the JSON-LD article names (its `author`, else its `creator`). */
function jsonLdAuthors(ld: JsonLd, article: JsonObject | null, options: AuthorOptions): AuthorNames {
  if (article === null) return { people: [], organisations: [] };
  for (const property of ['author', 'creator']) {
    const people: string[] = [];
    const organisations: string[] = [];
    for (const { name, organisation } of namesOf(ld, article[property])) {
      const names = cleanAuthorNames(name, options);
      people.push(...(organisation ? [] : names.people));
      organisations.push(...names.organisations, ...(organisation ? names.people : []));
    }
    if (people.length + organisations.length > 0) return { people, organisations };
  }
  return { people: [], organisations: [] };
}

/** Names in microdata `itemprop="author"` items and `rel="author"` links that belong to the story. */
function markupAuthors(document: HtmlElement, regions: PageRegions): { readonly itemprop: string[]; readonly rel: string[] } {
  const itemprop: string[] = [];
  const rel: string[] = [];
  for (const element of findAll(document, (candidate) => /\b(?:author|creator)\b/i.test(attribute(candidate, 'itemprop') ?? ''))) {
    if (element.tag === 'meta' || element.tag === 'link' || inForeignItem(element.parent ?? element) || isExcluded(element, regions)) continue;
    const named = findFirst(element, (inner) => /\bname\b/i.test(attribute(inner, 'itemprop') ?? ''));
    const value = named !== null ? attribute(named, 'content') ?? textContent(named) : attribute(element, 'content') ?? textContent(element);
    if (value.length <= SHORT_BLOCK) itemprop.push(value);
  }
  for (const link of findAll(document, (candidate) => candidate.tag === 'a' && /\bauthor\b/i.test(attribute(candidate, 'rel') ?? ''))) {
    if (inForeignItem(link) || isExcluded(link, regions)) continue;
    const text = textContent(link);
    if (text.length <= 80) rel.push(text);
  }
  return { itemprop, rel };
}

/** Class and id words of byline elements, and of author furniture that holds no byline. */
const BYLINE_NAME = /(?:^|[-_])(?:by-?line|bylines|author|authors|author-?name|writer|contributor)(?:$|[-_])|byline/;
const NOT_BYLINE = /avatar|image|img|photo|picture|thumb|bio|about|desc|social|share|follow|email|icon|twitter|facebook|mugshot|headshot|role|title|job/;

/**
 * Visible bylines: short elements named like a byline near the top of the story, and "By …"
 * lines under the headline. Those in or just before the article come first.
 */
function visibleBylines(document: HtmlElement, regions: PageRegions, blocks: readonly string[]): string[] {
  const near: string[] = [];
  const far: string[] = [];
  for (const element of findAll(document, (candidate) => hyphenatedNames(candidate).some((word) => BYLINE_NAME.test(word) && !NOT_BYLINE.test(word)))) {
    if (['body', 'html', 'article', 'main', 'section', 'img', 'meta', 'link'].includes(element.tag)) continue;
    if (inForeignItem(element) || isExcluded(element, regions)) continue;
    const text = boundedText(element, SHORT_BLOCK);
    if (text === null || text === '') continue;
    const anchor = regions.article ?? regions.headline;
    const isNear =
      anchor !== null &&
      (isInside(element, anchor) || isNearBefore(element, anchor, regions) || (regions.headline !== null && isNearAfter(element, regions.headline, regions)));
    (isNear ? near : far).push(text);
  }
  const lines = blocks.filter((block) => /^(?:(?:written|posted|reported|words|text|story)\s+)?by[\s:]/i.test(block) && block.split(/\s+/).length <= 16);
  return [...near, ...lines, ...far];
}

/**
 * The names of the first visible byline that reads as names alone (strictly): a byline box
 * whose whole text mixes names with other words gives way to the name element inside it.
 * A byline naming people is preferred to one naming only an agency or the outlet.
 */
function firstVisibleByline(texts: readonly string[], options: AuthorOptions): AuthorNames {
  let organisations: AuthorNames | null = null;
  for (const text of texts) {
    const names = cleanAuthorNames(text, { ...options, strict: true });
    if (names.people.length > 0) return names;
    if (names.organisations.length > 0) organisations ??= names;
  }
  return organisations ?? { people: [], organisations: [] };
}

/** People when any source names them (most trusted first); else the organisations named. */
function chooseAuthors(sources: readonly (readonly [AuthorNames, MetadataSource])[]): Sourced<readonly string[]> | null {
  for (const [names, source] of sources) if (names.people.length > 0) return { value: dedupe(names.people), source };
  for (const [names, source] of sources) if (names.organisations.length > 0) return { value: dedupe(names.organisations), source };
  return null;
}

function dedupe(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = foldName(name);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Language

/** A language tag's primary subtag when it is a two-letter ISO 639-1 code ("en-GB" → "en"). */
function primaryLanguage(tag: string | null): string | null {
  if (tag === null) return null;
  const match = /^\s*([a-z]{2})(?:[-_][a-z0-9]+)*\s*$/i.exec(tag.split(',')[0] ?? '');
  return match === null ? null : match[1]!.toLowerCase();
}

// ---------------------------------------------------------------------------------------------

/**
 * Reads a page's metadata. `article` is the element the content extractor chose as the body
 * (or null): it tells which `<time>` elements and bylines belong to the story. `pageUrl`
 * resolves relative addresses and may state the publication day.
 */
export function readMetadata(document: HtmlElement, pageUrl: string | null, article?: HtmlElement | null): PageMetadata {
  const ld = readJsonLd(document);
  const resolve = makeResolver(document, pageUrl);

  // Titles the page states, to recognise its headline element by.
  const preliminaryTags = new Map<string, string[]>();
  for (const meta of byTag(document, 'meta')) {
    const key = (attribute(meta, 'property') ?? attribute(meta, 'name') ?? '').toLowerCase();
    const content = attribute(meta, 'content');
    if ((key === 'og:title' || key === 'twitter:title') && content !== null) preliminaryTags.set(key, [content]);
  }
  const htmlTitle = documentTitle(document);
  const canonicalLink = findFirst(document, (element) => element.tag === 'link' && /\bcanonical\b/i.test(attribute(element, 'rel') ?? ''));
  const canonical = resolve(canonicalLink === null ? null : attribute(canonicalLink, 'href'));
  const pageUrls = [pageUrl, canonical].filter((url): url is string => url !== null);
  const articleNode = pickArticleNode(ld, pageUrls);
  const pageNode = pickPageNode(ld);
  const ldHeadline = articleNode === null ? null : firstString(articleNode['headline']) ?? firstString(articleNode['name']);
  const statedTitles = [...preliminaryTags.values()].flat().map(cleanText);
  if (ldHeadline !== null) statedTitles.push(ldHeadline);
  if (htmlTitle !== null) statedTitles.push(...titleSegments(htmlTitle).segments);

  const regions = readRegions(document, article ?? null, statedTitles);
  const tags = readMetaTags(document, regions);
  let host: string | null = null;
  try {
    host = new URL(canonical ?? pageUrl ?? '').hostname;
  } catch {
    host = null;
  }

  // Outlet first: the title is cleaned of its name.
  const publisher = articleNode === null ? null : resolveNode(ld, articleNode['publisher']);
  const publisherName = isObject(publisher) ? firstString(publisher['name']) : typeof publisher === 'string' ? cleanText(publisher) : null;
  const websiteNode = ld.nodes.find((node) => typesOf(node).includes('website'));
  const websiteName = websiteNode === undefined ? null : firstString(websiteNode['name']);
  // A site name unlike the domain ("U.S.", a tagline) gives way to a publisher name like it.
  const siteName = cleanOutlet(firstMeta(tags, ['og:site_name']));
  const publisherFirst = siteName !== null && publisherName !== null && !resemblesHost(siteName, host) && resemblesHost(publisherName, host);
  const statedOutlet = firstOf<string>([
    [publisherFirst ? null : siteName, 'open-graph'],
    [cleanOutlet(publisherName), 'json-ld'],
    [siteName, 'open-graph'],
    [cleanOutlet(websiteName), 'json-ld'],
    [cleanOutlet(firstMeta(tags, ['application-name', 'apple-mobile-web-app-title'])), 'meta'],
  ]);
  const outletNames = [statedOutlet?.value, publisherName, websiteName, firstMeta(tags, ['application-name', 'apple-mobile-web-app-title'])]
    .concat((tags.get('twitter:site') ?? []).map((handle) => handle.replace(/^@/, '')))
    .map((name) => cleanOutlet(name ?? null))
    .filter((name): name is string => name !== null);

  const headlineText = regions.headline === null ? null : textContent(regions.headline);
  const cleanedHtmlTitle = htmlTitle === null ? null : cleanTitle(htmlTitle, outletNames, host, true, headlineText);
  const titleSiteName = cleanOutlet(cleanedHtmlTitle?.siteName?.replace(/^www\./i, '') ?? null);
  const outlet = statedOutlet ?? (titleSiteName === null ? null : { value: titleSiteName, source: 'html-title' as const });

  const title = readTitle(tags, ldHeadline, regions, cleanedHtmlTitle?.title ?? null, outletNames, host);

  const blocks = topBlocks(regions);
  const { published, updated } = readDates(document, regions, tags, blocks, {
    articleNode,
    pageNode,
    urls: pageUrls,
  });

  // Authors.
  const markup = markupAuthors(document, regions);
  const hostLabel = host === null ? [] : [siteLabel(host)];
  const nameOptions: AuthorOptions = { outlets: [...outletNames, ...(titleSiteName === null ? [] : [titleSiteName]), ...hostLabel] };
  const authors = chooseAuthors([
    [jsonLdAuthors(ld, articleNode, nameOptions), 'json-ld'],
    [namesFrom(allMeta(tags, META_AUTHOR), nameOptions), 'meta'],
    [namesFrom(allMeta(tags, ['article:author']), nameOptions), 'open-graph'],
    [namesFrom(markup.rel, nameOptions), 'meta'],
    [namesFrom(markup.itemprop, nameOptions), 'meta'],
    // Visible text is read strictly: a line that is not all names gives none.
    [firstVisibleByline(visibleBylines(document, regions, blocks), nameOptions), 'dateline'],
  ]);

  const description = firstOf<string>([
    [firstMeta(tags, ['og:description']), 'open-graph'],
    [articleNode === null ? null : firstString(articleNode['description']), 'json-ld'],
    [firstMeta(tags, ['description', 'twitter:description', 'dc.description', 'sailthru.description']), 'meta'],
  ]);

  const url = firstOf<string>([
    [usableCanonical(canonical, pageUrl), 'meta'],
    [usableCanonical(resolve(firstMeta(tags, ['og:url'])), pageUrl), 'open-graph'],
    [usableCanonical(resolve(articleNode === null ? null : nodeUrls(articleNode)[0] ?? null), pageUrl), 'json-ld'],
  ]);

  const imageUrl = firstOf<string>([
    [firstResolved(allMeta(tags, ['og:image:secure_url', 'og:image', 'og:image:url']), resolve), 'open-graph'],
    [firstResolved(allMeta(tags, ['twitter:image', 'twitter:image:src']), resolve), 'meta'],
    [firstResolved(articleNode === null ? [] : [...imageUrlsOf(ld, articleNode['image']), ...imageUrlsOf(ld, articleNode['thumbnailUrl'])], resolve), 'json-ld'],
    [firstResolved(imageLinks(document), resolve), 'meta'],
  ]);

  const htmlElement = findFirst(document, (element) => element.tag === 'html');
  const declaredLanguage =
    primaryLanguage(htmlElement === null ? null : attribute(htmlElement, 'lang') ?? attribute(htmlElement, 'xml:lang')) ??
    primaryLanguage(firstMeta(tags, ['og:locale'])) ??
    primaryLanguage(firstMeta(tags, ['content-language', 'language', 'dc.language', 'inlanguage'])) ??
    primaryLanguage(articleNode === null ? null : firstString(articleNode['inLanguage']));

  return {
    title,
    published,
    updated,
    authors,
    outlet,
    description,
    url,
    imageUrl,
    declaredLanguage,
    articleBodyHint: articleNode === null ? null : articleBodyOf(articleNode),
  };
}

/**
 * The title: `og:title`, the JSON-LD headline, the headline element, other title tags, the
 * cleaned `<title>`. When the headline element says the same as the chosen tag, its text (as
 * the reader sees it) is used, recorded with the tag's source. A headline element alone is
 * visible text (`dateline`).
 */
function readTitle(
  tags: MetaTags,
  ldHeadline: string | null,
  regions: PageRegions,
  htmlTitle: string | null,
  outlets: readonly string[],
  host: string | null,
): Sourced<string> | null {
  const clean = (value: string | null): string | null => {
    if (value === null) return null;
    const cleaned = cleanTitle(value, outlets, host, false).title;
    // A title that is only the site's name ("Daily Post") is no headline.
    return cleaned === '' || namesOutletExactly(cleaned, outlets) ? null : cleaned;
  };
  const headlineText = regions.headline === null ? null : clean(textContent(regions.headline));
  const agrees = (value: string): boolean => headlineText !== null && sameHeadline(headlineText, value);
  const stated = firstOf<string>([
    [clean(firstMeta(tags, ['og:title'])), 'open-graph'],
    [clean(ldHeadline), 'json-ld'],
  ]);
  if (stated !== null) return agrees(stated.value) ? { value: headlineText!, source: stated.source } : stated;
  const others = clean(firstMeta(tags, ['twitter:title', 'headline', 'dc.title', 'parsely-title', 'sailthru.title', 'title']));
  const cleanedTitle = clean(htmlTitle);
  if (headlineText !== null) {
    if (others !== null && agrees(others)) return { value: headlineText, source: 'meta' };
    if (cleanedTitle !== null && agrees(cleanedTitle)) return { value: headlineText, source: 'html-title' };
    // A headline element that frames the article is the visible title; one elsewhere only when nothing else names the page.
    if (regions.headlineFramed) return { value: headlineText, source: 'dateline' };
  }
  return firstOf<string>([
    [others, 'meta'],
    [cleanedTitle, 'html-title'],
    [headlineText !== null && headlineText.split(/\s+/).length >= 2 ? headlineText : null, 'dateline'],
  ]);
}

/**
 * Whether a headline element says what a stated title says: the same words, or the stated
 * title with a section or series label before or after it ("Opinion | Headline", "Headline - Auto News").
 */
function sameHeadline(headline: string, stated: string): boolean {
  const folded = foldText(headline);
  if (folded === '') return false;
  const { segments } = titleSegments(stated);
  for (let first = 0; first < segments.length; first++) {
    for (let last = first; last < segments.length; last++) {
      if (first !== 0 && last !== segments.length - 1) continue;
      if (foldText(segments.slice(first, last + 1).join(' ')) === folded) return true;
    }
  }
  return false;
}

function namesOutletExactly(value: string, outlets: readonly string[]): boolean {
  const folded = foldText(value);
  return outlets.some((outlet) => foldText(outlet) === folded);
}

/** A canonical address, unless it points at the site's home while the page is elsewhere. */
function usableCanonical(url: string | null, pageUrl: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url);
    const page = pageUrl === null ? null : new URL(pageUrl);
    if (parsed.pathname === '/' && parsed.search === '' && page !== null && page.pathname !== '/') return null;
  } catch {
    return null;
  }
  return url;
}

function firstResolved(values: readonly string[], resolve: (value: string | null) => string | null): string | null {
  for (const value of values) {
    const url = resolve(value);
    if (url !== null) return url;
  }
  return null;
}

/** `<link rel="image_src">` and microdata images of the story. */
function imageLinks(document: HtmlElement): string[] {
  return findAll(document, (element) => element.tag === 'link' && /\bimage_src\b/i.test(attribute(element, 'rel') ?? ''))
    .map((element) => attribute(element, 'href'))
    .filter((href): href is string => href !== null);
}
