import type { RemovedKind } from '../../core/records.js';
import { attribute, type HtmlElement } from './dom.js';

/**
 * What an element is when it is not article text, read from what the page says about it:
 * its tag, its ARIA role, its hidden state, and the words of its class and id. Words are
 * compared whole (`share` in `article-share-bar`, never `ad` inside `header`), which keeps
 * these rules general across sites.
 */

/** Splits class and id values into lower-case words: `articleShare-bar_top` → article, share, bar, top. */
export function nameWords(element: HtmlElement): readonly string[] {
  let words = wordsOfElement.get(element);
  if (words === undefined) {
    const names = `${attribute(element, 'class') ?? ''} ${attribute(element, 'id') ?? ''}`;
    words =
      names.trim() === ''
        ? []
        : names
            .replace(/([a-z])([A-Z])/g, '$1 $2')
            .toLowerCase()
            .split(/[^a-z0-9]+/)
            .filter((word) => word !== '');
    wordsOfElement.set(element, words);
  }
  return words;
}

/** Class and id words per element, computed once: scoring and cleaning ask about the same elements. */
const wordsOfElement = new WeakMap<HtmlElement, readonly string[]>();

/** Class/id words that name a kind of page furniture. */
const FURNITURE_WORDS: readonly (readonly [RemovedKind, ReadonlySet<string>])[] = [
  ['comments', new Set(['comment', 'comments', 'disqus', 'discussion', 'discussions', 'respond', 'replies', 'reply', 'commentlist', 'talk'])],
  ['share', new Set(['share', 'shares', 'sharing', 'sharebar', 'social', 'sociallinks', 'socialbar', 'addthis', 'sharethis', 'print', 'email', 'reactions'])],
  [
    'related',
    new Set([
      'related', 'recommended', 'recommendations', 'recommendation', 'trending', 'popular', 'mostread', 'outbrain', 'taboola', 'recirc',
      'recirculation', 'readmore', 'morestories', 'recent', 'latest', 'teaser', 'teasers', 'promo', 'promos', 'playlist', 'carousel', 'suggested', 'upnext',
    ]),
  ],
  ['newsletter', new Set(['newsletter', 'newsletters', 'subscribe', 'subscription', 'signup', 'optin', 'registration'])],
  ['advertisement', new Set(['ad', 'ads', 'advert', 'adverts', 'advertisement', 'advertising', 'sponsor', 'sponsored', 'adslot', 'adunit', 'dfp', 'gpt', 'banner', 'commercial', 'affiliate'])],
  ['cookie-notice', new Set(['cookie', 'cookies', 'consent', 'gdpr', 'cmp', 'privacy'])],
  ['paywall', new Set(['paywall', 'meter', 'metered', 'piano', 'regwall', 'premium', 'subscriber', 'tp'])],
  ['header', new Set(['header', 'byline', 'author', 'authors', 'dateline', 'timestamp', 'meta', 'kicker', 'headline'])],
  [
    'navigation',
    new Set([
      'nav', 'navbar', 'navigation', 'menu', 'breadcrumb', 'breadcrumbs', 'masthead', 'skip', 'pagination', 'pager', 'sidebar',
      'widget', 'widgets', 'toolbar', 'tags', 'tag', 'topics', 'keywords', 'footer', 'bio', 'modal', 'popup', 'overlay', 'jump',
      'toc', 'rail', 'aside',
    ]),
  ],
  ['caption', new Set(['caption', 'captions', 'credit', 'credits', 'figcaption', 'gallery'])],
];

/** Class/id words that say an element holds the article itself; they outweigh furniture words. */
const ARTICLE_WORDS = new Set([
  'article', 'articlebody', 'body', 'content', 'entry', 'main', 'post', 'story', 'storybody', 'text', 'blog', 'column', 'page',
  'prose', 'richtext',
]);

/** Class words of embedded posts and media, which quote sources inside the article. */
const EMBED_WORDS = new Set(['embed', 'embedded', 'tweet', 'oembed']);

/** Tags that are furniture whatever their class says. */
const FURNITURE_TAGS: ReadonlyMap<string, RemovedKind> = new Map([
  ['nav', 'navigation'],
  ['aside', 'related'],
  ['footer', 'navigation'],
  ['header', 'header'],
  ['figcaption', 'caption'],
  ['figure', 'caption'],
  ['dialog', 'navigation'],
  ['menu', 'navigation'],
]);

/** ARIA roles that mark furniture. */
const FURNITURE_ROLES: ReadonlyMap<string, RemovedKind> = new Map([
  ['navigation', 'navigation'],
  ['banner', 'header'],
  ['contentinfo', 'navigation'],
  ['complementary', 'related'],
  ['dialog', 'navigation'],
  ['alertdialog', 'navigation'],
  ['menu', 'navigation'],
  ['menubar', 'navigation'],
  ['search', 'navigation'],
  ['toolbar', 'navigation'],
]);

/** Whether the page hides the element from readers. */
export function isHidden(element: HtmlElement): boolean {
  if (attribute(element, 'hidden') !== null) return true;
  if (attribute(element, 'aria-hidden') === 'true') return true;
  const style = attribute(element, 'style');
  return style !== null && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** Furniture that the tag or ARIA role alone identifies. */
export function structuralFurniture(element: HtmlElement): RemovedKind | null {
  const role = attribute(element, 'role');
  if (role !== null) {
    const kind = FURNITURE_ROLES.get(role.toLowerCase());
    if (kind !== undefined) return kind;
  }
  return FURNITURE_TAGS.get(element.tag) ?? null;
}

/**
 * The furniture kind the element's class or id names ("article-share" is share, "main-nav"
 * is navigation), or null when it names none or names the article body itself.
 */
export function namedFurniture(element: HtmlElement): RemovedKind | null {
  // A quotation is the article's, whatever widget renders it (embedded posts are quoted sources).
  if (element.tag === 'blockquote') return null;
  const words = nameWords(element);
  if (words.length === 0 || namesArticleBody(element)) return null;
  // An embedded post ("social-media-embed") is a quoted source, not a share bar.
  if (words.some((word) => EMBED_WORDS.has(word))) return null;
  for (const word of words) {
    for (const [kind, vocabulary] of FURNITURE_WORDS) if (vocabulary.has(word)) return kind;
  }
  return null;
}

/** Whether the element's class, id or microdata says it holds the article body. */
export function namesArticleBody(element: HtmlElement): boolean {
  const itemprop = attribute(element, 'itemprop');
  if (itemprop !== null && /\barticleBody\b/i.test(itemprop)) return true;
  const words = nameWords(element);
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    if (word === 'articlebody' || word === 'storybody' || word === 'entrycontent' || word === 'postcontent') return true;
    const next = words[index + 1];
    if ((word === 'article' || word === 'story' || word === 'entry' || word === 'post') && (next === 'body' || next === 'content' || next === 'text')) return true;
  }
  return false;
}

/** A signed weight from class and id words: article words raise, furniture words lower. */
export function nameWeight(element: HtmlElement): number {
  const words = nameWords(element);
  if (words.length === 0) return 0;
  if (namesArticleBody(element)) return 40;
  let weight = 0;
  if (words.some((word) => ARTICLE_WORDS.has(word))) weight += 20;
  if (namedFurniture(element) !== null) weight -= 25;
  return weight;
}
