import { attribute, byTag, closest, findAll, findFirst, isInside, textContent, type HtmlElement } from './dom.js';
import { foldText } from '../fold.js';

/**
 * Which parts of a page speak about the article. Pages state dates and names for many things
 * besides the story: each comment, each related link, the sidebar's most-read list, the
 * footer's copyright. Those parts are told by their tags and by the names sites give them.
 */

/** Tags that never hold the article's own dates or bylines. */
const EXCLUDED_TAGS = new Set(['footer', 'aside', 'nav', 'form', 'dialog', 'menu']);

/** Class and id words of comment sections, related lists, sidebars, footers and menus. */
const EXCLUDED_NAME =
  /(?:^|[-_])(?:comments?|commentlist|comment(?:s)?(?:area|list|section|thread)|disqus|respond|replies|related|recommend(?:ed|ations?)?|recirc(?:ulation)?|more(?:-(?:stories|news|articles|from|on|in|like))|read-?(?:more|next|also)|also-?read|you-?may-?(?:like|also)|most-?(?:read|popular|viewed|shared|recent)|trending|popular|sidebar|side-?bar|rail|footer|nav|navbar|navigation|menu|newsletter|promo|teasers?|outbrain|taboola|widgets?|breadcrumbs?|carousel|latest-?(?:news|stories|posts|articles)|next-?(?:post|article|story)|prev(?:ious)?-?(?:post|article|story)|post-?navigation|pagination|cookie|consent|ad|ads|advert(?:isement)?)(?:$|[-_])/;

/** The class and id of an element, as hyphenated lower-case words ("relatedLinks" → "related-links"). */
export function hyphenatedNames(element: HtmlElement): string[] {
  const raw = `${attribute(element, 'class') ?? ''} ${attribute(element, 'id') ?? ''}`;
  return raw
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => word.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase());
}

/** Microdata types that describe something other than the story. */
const FOREIGN_ITEM_TYPES = /(?:^|[/#:])(?:Comment|Answer|Question|Review|ItemList|ListItem|SiteNavigationElement|WPSideBar|WPFooter|WPHeader)$/;

/** Whether an element belongs to a microdata item that is not the story (a comment, a list). */
export function inForeignItem(element: HtmlElement): boolean {
  for (let node: HtmlElement | null = element; node !== null; node = node.parent) {
    const type = attribute(node, 'itemtype');
    if (type !== null && 'itemscope' in node.attributes) return FOREIGN_ITEM_TYPES.test(type.trim());
    if (/^comments?$/i.test(attribute(node, 'itemprop') ?? '')) return true;
  }
  return false;
}

/** The layout of a page that the metadata reader needs: the article, its headline, document order. */
export interface PageRegions {
  /** The article element: the one given, or a guess; null when there is none. */
  readonly article: HtmlElement | null;
  /** The headline element of the story, when one stands out. */
  readonly headline: HtmlElement | null;
  /** Whether the headline sits in the article or just above it (not merely somewhere on the page). */
  readonly headlineFramed: boolean;
  /** Every element in document order, and each element's position in it. */
  readonly elements: readonly HtmlElement[];
  readonly position: ReadonlyMap<HtmlElement, number>;
  /**
   * The elements that frame the story: the article and its ancestors (with the `<article>` it
   * wraps, if any), and the headline's ancestors. Nothing framing the story is a comment
   * section or a sidebar, whatever its name.
   */
  readonly anchorChain: ReadonlySet<HtmlElement>;
}

/** The element and its ancestors. */
function chainOf(element: HtmlElement | null): Set<HtmlElement> {
  const chain = new Set<HtmlElement>();
  for (let node = element; node !== null; node = node.parent) chain.add(node);
  return chain;
}

/**
 * Whether an element sits in a part of the page that is not the story: a comment section, a
 * related list, a sidebar, the footer, a menu, another article's teaser. Ancestors that hold
 * the story itself (its article element or headline) are never such a part, however they are
 * named (a `<body class="comments-open">` holds everything).
 */
export function isExcluded(element: HtmlElement, regions: Pick<PageRegions, 'anchorChain' | 'article' | 'headline'>): boolean {
  const anchored = regions.article ?? regions.headline;
  for (let node: HtmlElement | null = element; node !== null; node = node.parent) {
    if (regions.anchorChain.has(node)) return false;
    if (node.tag === 'body' || node.tag === 'html' || node.tag === '#document') return false;
    if (EXCLUDED_TAGS.has(node.tag)) return true;
    // Another <article> than the story's is a teaser or a comment.
    if (node.tag === 'article' && anchored !== null) return true;
    if (hyphenatedNames(node).some((word) => EXCLUDED_NAME.test(word))) return true;
    if (/^comments?$/i.test(attribute(node, 'itemprop') ?? '')) return true;
  }
  return false;
}

/**
 * Whether `element` comes before `anchor` and close to it: their nearest common ancestor is
 * at most `levels` above the anchor. The header above an article body sits so.
 */
export function isNearBefore(element: HtmlElement, anchor: HtmlElement, regions: Pick<PageRegions, 'position'>, levels = 3): boolean {
  const elementPosition = regions.position.get(element) ?? -1;
  const anchorPosition = regions.position.get(anchor) ?? -1;
  if (elementPosition < 0 || anchorPosition < 0 || elementPosition > anchorPosition) return false;
  let ancestor = anchor.parent;
  for (let level = 0; level < levels && ancestor !== null; level++, ancestor = ancestor.parent) {
    if (ancestor.tag === 'body' || ancestor.tag === '#document') return false;
    if (isInside(element, ancestor)) return true;
  }
  return false;
}

/** Whether `element` comes after `anchor` and close to it (the line under a headline). */
export function isNearAfter(element: HtmlElement, anchor: HtmlElement, regions: Pick<PageRegions, 'position'>, levels = 3): boolean {
  const elementPosition = regions.position.get(element) ?? -1;
  const anchorPosition = regions.position.get(anchor) ?? -1;
  if (elementPosition < 0 || anchorPosition < 0 || elementPosition < anchorPosition) return false;
  let ancestor = anchor.parent;
  for (let level = 0; level < levels && ancestor !== null; level++, ancestor = ancestor.parent) {
    if (ancestor.tag === 'body' || ancestor.tag === '#document') return false;
    if (isInside(element, ancestor)) return true;
  }
  return false;
}

/** Class and id words of a page's masthead: an `<h1>` there holds the site's name or logo. */
const MASTHEAD_NAME = /^header$|(?:^|[-_])(?:(?:site|page|global|top|main)-?header|header-?(?:main|top|wrap(?:per)?)|masthead|logo|brand|branding|site-?(?:title|name|logo)|banner)(?:$|[-_])/;

/** Whether an `<h1>` is the site's name in the masthead: in an element named so, or a link to the home page. */
function isMasthead(heading: HtmlElement): boolean {
  // An <h1> named as a headline is one, wherever the page puts it.
  if (hyphenatedNames(heading).some((word) => /title|headline|heading|entry|article|story|post/.test(word) && !/site-?title/.test(word))) return false;
  for (let node: HtmlElement | null = heading; node !== null && node.tag !== 'body'; node = node.parent) {
    if (hyphenatedNames(node).some((word) => MASTHEAD_NAME.test(word))) return true;
  }
  const link = closest(heading, (ancestor) => ancestor.tag === 'a') ?? findFirst(heading, (inner) => inner.tag === 'a');
  return link !== null && /^(?:\/|\.\/|https?:\/\/[^/]+\/?)$/.test((attribute(link, 'href') ?? '').trim());
}

/**
 * Picks the story's headline: an `<h1>` in or just before the article; else one whose text is
 * one of the titles the page states; else the first `<h1>` inside an `<article>` or `<main>`;
 * else the first `<h1>` of two words or more that is not in a menu or a sidebar.
 */
function pickHeadline(
  document: HtmlElement,
  article: HtmlElement | null,
  statedTitles: readonly string[],
  position: ReadonlyMap<HtmlElement, number>,
): HtmlElement | null {
  const headings = byTag(document, 'h1').filter((heading) => textContent(heading) !== '' && !isMasthead(heading));
  const plain = { anchorChain: storyFrames(article), article, headline: null };
  const candidates = headings.filter((heading) => !isExcluded(heading, plain));
  if (article !== null) {
    const inside = candidates.find((heading) => isInside(heading, article));
    if (inside !== undefined) return inside;
    const before = candidates.find((heading) => isNearBefore(heading, article, { position }));
    if (before !== undefined) return before;
  }
  const folded = statedTitles.map(foldText).filter((title) => title.length > 0);
  const stated = candidates.find((heading) => {
    const text = foldText(textContent(heading));
    return text.length > 0 && folded.some((title) => title === text || (text.length >= 20 && title.startsWith(text)));
  });
  if (stated !== undefined) return stated;
  const framed = candidates.find((heading) => closest(heading, (ancestor) => ancestor.tag === 'article' || ancestor.tag === 'main') !== null);
  if (framed !== undefined) return framed;
  return candidates.find((heading) => textContent(heading).split(/\s+/).length >= 2) ?? null;
}

/**
 * Guesses the article element when the content extractor did not give one: the `<article>`
 * holding the headline, the element marked `itemprop="articleBody"`, or the page's only
 * `<article>`.
 */
function guessArticle(document: HtmlElement, headline: HtmlElement | null): HtmlElement | null {
  if (headline !== null) {
    const framing = closest(headline, (element) => element.tag === 'article');
    if (framing !== null) return framing;
  }
  const body = findFirst(document, (element) => /\barticlebody\b/i.test(attribute(element, 'itemprop') ?? ''));
  if (body !== null) return body;
  const articles = byTag(document, 'article');
  return articles.length === 1 ? articles[0]! : null;
}

/**
 * The elements that frame the story: the article element and its ancestors, and, when the
 * article element is a wrapper around an `<article>` that holds most of its text, that
 * `<article>` too (it is the story's own, not a teaser inside it).
 */
function storyFrames(article: HtmlElement | null): Set<HtmlElement> {
  const frames = chainOf(article);
  if (article === null) return frames;
  const total = textContent(article).length;
  const nested = findAll(article, (element) => element.tag === 'article').filter(
    (element) => closest(element, (ancestor) => ancestor.tag === 'article' && isInside(ancestor, article) && ancestor !== article) === null,
  );
  let primary: HtmlElement | null = null;
  let longest = 0;
  for (const element of nested) {
    const length = textContent(element).length;
    if (length > longest) {
      primary = element;
      longest = length;
    }
  }
  if (primary !== null && longest >= total / 2) for (let node: HtmlElement | null = primary; node !== null && node !== article; node = node.parent) frames.add(node);
  return frames;
}

/** Works out the page's layout for metadata reading. */
export function readRegions(document: HtmlElement, article: HtmlElement | null, statedTitles: readonly string[]): PageRegions {
  const elements = findAll(document, () => true);
  const position = new Map<HtmlElement, number>();
  elements.forEach((element, index) => position.set(element, index));
  const headline = pickHeadline(document, article, statedTitles, position);
  const chosen = article ?? guessArticle(document, headline);
  const anchorChain = chosen === null ? chainOf(headline) : storyFrames(chosen);
  // The headline's own ancestors hold the story too, when it sits above the article.
  for (const node of chainOf(headline)) anchorChain.add(node);
  const headlineFramed =
    headline !== null && chosen !== null && (isInside(headline, chosen) || isNearBefore(headline, chosen, { position }) || isInside(chosen, headline.parent ?? headline));
  return { article: chosen, headline, headlineFramed, elements, position, anchorChain };
}
