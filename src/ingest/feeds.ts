import { Tokenizer } from 'htmlparser2';
import { escapeHtml } from '../core/escape-html.js';
import { httpUrl } from '../core/urls.js';
import { makeDiagnostic, type Diagnostic } from '../core/diagnostic.js';
import type { Result, SourceHints } from '../core/records.js';
import { childElements, collapseWhiteSpace, parseMarkup, rawText, type HtmlElement, type HtmlNode } from '../extract/html/dom.js';
import { collectBlocks } from '../extract/html/blocks.js';
import { parseHeaderDate } from '../extract/text/dates.js';

/**
 * Feeds and subscription lists: RSS 2.0 and 1.0 (RDF), Atom 1.0, JSON Feed 1.0/1.1 and OPML.
 * Pure parsing, no network: the fetcher hands us text and where it came from. Feeds in the wild
 * vary (prefixes, letter case, HTML in titles, dates in every format), so reading is lenient;
 * but a document that is not a feed, or XML too broken to trust, is a failed result with an
 * `invalid-feed` diagnostic rather than a feed with silently missing items.
 */

export type FeedKind = 'rss' | 'atom' | 'json-feed' | 'opml';

/** One entry of a feed, normalised across formats. */
export interface FeedItem {
  /** The article's address, absolute (resolved against xml:base, the feed's URL or its site link); http(s) only. */
  readonly url: string | null;
  /** Plain text: entities decoded, HTML tags stripped. */
  readonly title: string | null;
  /** ISO 8601, with the offset the feed stated (`2026-03-17T09:30:00Z`, `…+01:00`). */
  readonly published: string | null;
  readonly updated: string | null;
  readonly authors: readonly string[];
  /** The summary, as plain text. */
  readonly description: string | null;
  /** The full content as HTML (content:encoded, Atom html/xhtml content, JSON Feed content_html). */
  readonly contentHtml: string | null;
  /** The full content as plain text (Atom text content, JSON Feed content_text). */
  readonly contentText: string | null;
  readonly imageUrl: string | null;
  /** guid, Atom id or JSON Feed id, as written. */
  readonly id: string | null;
}

/** A parsed feed: its own metadata and its items, in document order. */
export interface Feed {
  readonly kind: 'rss' | 'atom' | 'json-feed';
  readonly title: string | null;
  /** The site the feed belongs to (not the feed's own address). */
  readonly url: string | null;
  readonly published: string | null;
  readonly updated: string | null;
  readonly authors: readonly string[];
  readonly items: readonly FeedItem[];
}

/** One feed listed in an OPML subscription list. */
export interface Subscription {
  readonly url: string;
  readonly title: string | null;
}

// ---------------------------------------------------------------------------------------------
// Detection

/** Media types that name one kind of feed. Generic XML and JSON types say nothing by themselves. */
const CONTENT_TYPE_KINDS: Readonly<Record<string, FeedKind>> = {
  'application/rss+xml': 'rss',
  'application/rdf+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/feed+json': 'json-feed',
  'text/x-opml': 'opml',
  'text/x-opml+xml': 'opml',
  'application/x-opml': 'opml',
  'application/x-opml+xml': 'opml',
  'text/opml': 'opml',
};

/** The kind of feed a root element (its local name, lower-cased) makes a document. */
const ROOT_KINDS: Readonly<Record<string, FeedKind>> = { rss: 'rss', rdf: 'rss', feed: 'atom', opml: 'opml' };

/** JSON Feed's required `version`; checked on the raw text, so detection never parses JSON. */
const JSON_FEED_VERSION_IN_TEXT = /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//;
const JSON_FEED_VERSION = /^https?:\/\/jsonfeed\.org\/version\//;

function kindFromContentType(contentType: string | null | undefined): FeedKind | null {
  if (contentType === null || contentType === undefined) return null;
  const mediaType = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return CONTENT_TYPE_KINDS[mediaType] ?? null;
}

/** Index of the first character that is not a byte-order mark or white space. */
function skipLeadingSpace(text: string, from = 0): number {
  let index = from;
  while (index < text.length && (text.charCodeAt(index) === 0xfeff || /\s/.test(text[index] ?? ''))) index++;
  return index;
}

const TAG_NAME = /<([^\s/>!?]+)/y;

/**
 * The name of a document's first element, as written, skipping the XML declaration,
 * processing instructions, comments and a doctype; null when the text does not begin with
 * markup. Reads only the prolog, so an HTML page costs a few string searches.
 */
function rootElementName(text: string): string | null {
  let index = skipLeadingSpace(text);
  while (index < text.length) {
    if (text[index] !== '<') return null;
    let end: number;
    if (text.startsWith('<?', index)) {
      end = text.indexOf('?>', index + 2);
      end = end < 0 ? -1 : end + 2;
    } else if (text.startsWith('<!--', index)) {
      end = text.indexOf('-->', index + 4);
      end = end < 0 ? -1 : end + 3;
    } else if (text.startsWith('<!', index)) {
      // A doctype, perhaps with an internal subset in brackets that holds `>` of its own.
      const close = text.indexOf('>', index);
      const subset = text.indexOf('[', index);
      if (subset >= 0 && (close < 0 || subset < close)) {
        const subsetEnd = text.indexOf(']', subset);
        end = subsetEnd < 0 ? -1 : text.indexOf('>', subsetEnd);
      } else end = close;
      end = end < 0 ? -1 : end + 1;
    } else {
      TAG_NAME.lastIndex = index;
      return TAG_NAME.exec(text)?.[1] ?? null;
    }
    if (end < 0) return null;
    index = skipLeadingSpace(text, end);
  }
  return null;
}

/** The part of a qualified name after its prefix, lower-cased (`rdf:RDF` → `rdf`). */
function localName(qualified: string): string {
  return qualified.slice(qualified.indexOf(':') + 1).toLowerCase();
}

/**
 * Tells whether a text is a feed or an OPML list, by its root element or JSON shape; the
 * content type only breaks ties. Content wins over a label: an Atom document served as
 * `application/rss+xml` is Atom, and an HTML page is never a feed whatever its label. A text
 * that is neither markup nor JSON takes a feed-specific content type at its word, so that
 * parsing it reports the broken feed instead of treating it as a page.
 */
export function detectFeedKind(text: string, contentType?: string | null): FeedKind | null {
  const hinted = kindFromContentType(contentType);
  const start = skipLeadingSpace(text);
  const first = text[start];
  if (first === '{') {
    if (JSON_FEED_VERSION_IN_TEXT.test(text)) return 'json-feed';
    return hinted === 'json-feed' ? hinted : null;
  }
  if (first === '<') {
    const root = rootElementName(text);
    if (root === null) return hinted;
    const local = localName(root);
    if (local === 'html') return null;
    return ROOT_KINDS[local] ?? hinted;
  }
  return start < text.length ? hinted : null;
}

// ---------------------------------------------------------------------------------------------
// Results and well-formedness

function invalid<T>(source: string, reason: string): Result<T> {
  return { ok: false, reason, diagnostics: [makeDiagnostic('error', 'invalid-feed', reason, source)] };
}

/** A tag name fit for a message: a garbage document can have names of any length. */
function shownName(name: string): string {
  return name.length > 40 ? `${name.slice(0, 40)}…` : name;
}

/** A no-op for the tokenizer events the well-formedness check does not need. */
function ignore(): void {}

/**
 * The first well-formedness error in an XML text, or null. htmlparser2 repairs broken markup
 * silently (a stray end tag is dropped, an unclosed element closes with its parent), which
 * would turn a truncated feed into a feed with missing items; this check runs its tokenizer
 * with an element stack of our own, so broken XML is reported instead.
 */
function xmlProblem(text: string): string | null {
  const stack: string[] = [];
  let problem: string | null = null;
  let roots = 0;
  const fail = (message: string): void => {
    problem ??= message;
  };
  const outsideRoot = (): void => {
    if (stack.length === 0) fail('there is text outside the root element');
  };
  const tokenizer = new Tokenizer(
    { xmlMode: true, decodeEntities: true },
    {
      onopentagname(start, end) {
        const name = text.slice(start, end);
        if (stack.length === 0 && ++roots === 2) fail(`there is a second root element <${shownName(name)}>`);
        stack.push(name);
      },
      onselfclosingtag() {
        stack.pop();
      },
      onclosetag(start, end) {
        const name = text.slice(start, end);
        const open = stack.pop();
        if (open === undefined) fail(`</${shownName(name)}> closes no element`);
        else if (open !== name) fail(`</${shownName(name)}> does not match <${shownName(open)}>`);
      },
      ontext(start, end) {
        const chunk = text.slice(start, end);
        // The tokenizer ends a doctype at its first `>`, so an internal subset leaves `]>` behind.
        if (/\S/.test(chunk) && !(roots === 0 && /^\s*\]\s*>\s*$/.test(chunk))) outsideRoot();
      },
      ontextentity: outsideRoot,
      oncdata: outsideRoot,
      onend() {
        const open = stack[stack.length - 1];
        if (open !== undefined) fail(`<${shownName(open)}> is never closed (the document may be cut short)`);
        if (roots === 0) fail('there is no root element');
      },
      onattribdata: ignore,
      onattribentity: ignore,
      onattribend: ignore,
      onattribname: ignore,
      oncomment: ignore,
      ondeclaration: ignore,
      onopentagend: ignore,
      onprocessinginstruction: ignore,
    },
  );
  tokenizer.write(text);
  tokenizer.end();
  return problem;
}

/**
 * Checks that a text is well-formed XML whose root is one of `expected` (local names), and
 * parses it; otherwise says why not, naming what the document is instead when that helps.
 */
function parseXmlRoot(text: string, expected: readonly string[], what: string): { root: HtmlElement } | { reason: string } {
  const start = skipLeadingSpace(text);
  if (start === text.length) return { reason: 'is empty' };
  if (text[start] !== '<') {
    return { reason: text[start] === '{' || text[start] === '[' ? `is JSON, not ${what}` : `is not XML, so not ${what}` };
  }
  const rootName = rootElementName(text);
  if (rootName === null) return { reason: `is not XML (no root element), so not ${what}` };
  const local = localName(rootName);
  if (local === 'html') return { reason: `is an HTML page, not ${what}` };
  if (!expected.includes(local)) {
    return { reason: local === 'opml' ? `is an OPML subscription list, not ${what}` : `has the root element <${shownName(rootName)}>, so it is not ${what}` };
  }
  const problem = xmlProblem(text);
  if (problem !== null) return { reason: `is not well-formed XML: ${problem}` };
  const root = childElements(parseMarkup(text, { xml: true }))[0];
  return root === undefined ? { reason: 'is not XML (no root element)' } : { root };
}

// ---------------------------------------------------------------------------------------------
// Names and namespaces

/**
 * Namespaces we read, by normalised URI (see {@link normalizeNamespace}), mapped to the key
 * used below. Matching by namespace rather than by prefix reads feeds that pick odd prefixes;
 * undeclared prefixes (common in hand-made feeds) fall back to the prefix itself.
 */
const NAMESPACES: Readonly<Record<string, string>> = {
  'http://www.w3.org/2005/atom': 'atom',
  'http://purl.org/atom/ns': 'atom',
  'http://purl.org/rss/1.0': 'rss',
  'http://my.netscape.com/rdf/simple/0.9': 'rss',
  'http://backend.userland.com/rss2': 'rss',
  'http://purl.org/dc/elements/1.1': 'dc',
  'http://purl.org/dc/terms': 'dcterms',
  'http://purl.org/rss/1.0/modules/content': 'content',
  'http://search.yahoo.com/mrss': 'media',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns': 'rdf',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://rssnamespace.org/feedburner/ext/1.0': 'feedburner',
};

function normalizeNamespace(uri: string): string {
  return uri.trim().toLowerCase().replace(/^https:/, 'http:').replace(/[/#]+$/, '');
}

interface QualifiedName {
  /** A key from {@link NAMESPACES}, the lower-cased prefix when unknown, or '' for none. */
  readonly ns: string;
  readonly local: string;
}

const names = new WeakMap<HtmlElement, QualifiedName>();

function declaredNamespace(element: HtmlElement, prefix: string): string | null {
  const attributeName = prefix === '' ? 'xmlns' : `xmlns:${prefix}`;
  for (let current: HtmlElement | null = element; current !== null; current = current.parent) {
    const value = current.attributes[attributeName];
    if (value !== undefined) return value;
  }
  return null;
}

function nameOf(element: HtmlElement): QualifiedName {
  const known = names.get(element);
  if (known !== undefined) return known;
  const colon = element.tag.indexOf(':');
  const prefix = colon < 0 ? '' : element.tag.slice(0, colon);
  const declared = declaredNamespace(element, prefix);
  const ns = (declared === null ? undefined : NAMESPACES[normalizeNamespace(declared)]) ?? prefix.toLowerCase();
  const name = { ns, local: element.tag.slice(colon + 1).toLowerCase() };
  names.set(element, name);
  return name;
}

/** Namespace keys under which RSS's own elements appear (none in 2.0, RSS 1.0's in 1.0). */
const RSS = ['', 'rss'] as const;
/** Atom's own elements; an Atom document that forgot its namespace is still Atom. */
const ATOM_DOC = ['atom', ''] as const;

function isNamed(element: HtmlElement, namespaces: readonly string[], local: string): boolean {
  const name = nameOf(element);
  return name.local === local && namespaces.includes(name.ns);
}

function childrenNamed(element: HtmlElement, namespaces: readonly string[], local: string): HtmlElement[] {
  return childElements(element).filter((child) => isNamed(child, namespaces, local));
}

function childNamed(element: HtmlElement, namespaces: readonly string[], local: string): HtmlElement | null {
  return childElements(element).find((child) => isNamed(child, namespaces, local)) ?? null;
}

/** An element's text, trimmed; null when empty. */
function textOf(element: HtmlElement | null): string | null {
  if (element === null) return null;
  const text = rawText(element).trim();
  return text === '' ? null : text;
}

function childText(element: HtmlElement, namespaces: readonly string[], local: string): string | null {
  for (const child of childrenNamed(element, namespaces, local)) {
    const text = textOf(child);
    if (text !== null) return text;
  }
  return null;
}

/** An attribute by local name, ignoring letter case and prefix (`xmlUrl`, `xmlurl`, `rdf:about`). */
function attributeOf(element: HtmlElement, local: string): string | null {
  const wanted = local.toLowerCase();
  for (const [name, value] of Object.entries(element.attributes)) {
    if (localName(name) === wanted && !name.toLowerCase().startsWith('xmlns')) return value;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// URLs

function isHttpUrl(text: string): boolean {
  return /^https?:\/\//i.test(text.trim());
}

/** The base address in effect at an element: its xml:base chain, resolved from the outermost. */
function baseAt(element: HtmlElement, documentBase: string | null): string | null {
  const bases: string[] = [];
  for (let current: HtmlElement | null = element; current !== null; current = current.parent) {
    const value = current.attributes['xml:base'];
    if (value !== undefined) bases.push(value);
  }
  let base = documentBase;
  for (let index = bases.length - 1; index >= 0; index--) base = httpUrl(bases[index] ?? null, base) ?? base;
  return base;
}

// ---------------------------------------------------------------------------------------------
// Text and HTML

/** The blocks of text of an HTML fragment (paragraphs, headings, list items), as the extractor sees them. */
function htmlBlocks(html: string): string[] {
  return collectBlocks(parseMarkup(html)).map((block) => block.text);
}

/** Text that holds a tag or an entity, so must be read as HTML to become plain text. */
const MARKUP_HINT = /<\/?[a-z][\w:-]*[\s/>]|&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i;

/**
 * Plain text from a field that may hold HTML (RSS titles and descriptions often do, and
 * double-escaped entities are common): read as HTML only when it looks like HTML, so a title
 * such as "Tolls < costs" survives.
 */
function plainText(value: string | null): string | null {
  if (value === null) return null;
  const text = MARKUP_HINT.test(value) ? htmlBlocks(value).join(' ') : collapseWhiteSpace(value);
  return text === '' ? null : text;
}

const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * Writes markup from the tree back out as HTML: prefixes dropped (`xhtml:p` → `p`), namespace
 * declarations omitted, void elements without end tags. Atom xhtml content arrives as
 * elements, while the rest of the pipeline takes HTML text.
 */
function serializeHtml(nodes: readonly HtmlNode[]): string {
  let html = '';
  for (const node of nodes) {
    if (node.type === 'text') {
      html += escapeHtml(node.text);
      continue;
    }
    const tag = localName(node.tag);
    let attributes = '';
    for (const [name, value] of Object.entries(node.attributes)) {
      if (/^xmlns(?::|$)/i.test(name) || /^xml:/i.test(name)) continue;
      attributes += ` ${name.slice(name.indexOf(':') + 1)}="${escapeHtml(value)}"`;
    }
    html += VOID_TAGS.has(tag) ? `<${tag}${attributes}>` : `<${tag}${attributes}>${serializeHtml(node.children)}</${tag}>`;
  }
  return html;
}

/**
 * The HTML an element holds: its text when it holds only text (CDATA or escaped markup, the
 * usual way), or its elements written back out when a feed embedded them unescaped.
 */
function htmlOf(element: HtmlElement | null): string | null {
  if (element === null) return null;
  const html = element.children.every((child) => child.type === 'text') ? rawText(element) : serializeHtml(element.children);
  return html.trim() === '' ? null : html.trim();
}

// ---------------------------------------------------------------------------------------------
// Dates

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Zone names and their offsets in minutes: RFC 822's own (UT, GMT, the four US zones) and a
 * few unambiguous ones feeds use anyway. An unknown name leaves the time without an offset.
 */
const ZONES: Readonly<Record<string, number>> = {
  z: 0, ut: 0, utc: 0, gmt: 0, wet: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  akst: -540, akdt: -480, hst: -600,
  bst: 60, cet: 60, west: 60, cest: 120, eet: 120, eest: 180, jst: 540, aest: 600, aedt: 660, nzst: 720, nzdt: 780,
};

/** RFC 822 / 2822 dates: `Tue, 17 Mar 2026 09:30:00 GMT`, lenient about weekday, seconds, year digits and month spelling. */
const RFC_822 =
  /^(?:[a-z]{2,9}\.?,?\s*)?(\d{1,2})[\s-]+([a-z]{3,9})\.?,?[\s-]+(\d{4}|\d{2})(?:[\s,T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s*([a-z]{1,5}|[+-]\d{2}:?\d{2}))?)?\s*(?:\([^)]*\))?$/i;

/** RFC 3339 and W3C-DTF (dc:date): `2026-03-17T09:30:00Z`, `2026-03-17T10:30+01:00`, `2026-03-17`. */
const RFC_3339 = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  const absolute = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad2(Math.floor(absolute / 60))}:${pad2(absolute % 60)}`;
}

/** Minutes east of UTC for `+0100`, `-05:00`, `+01`, `Z` or a zone name; undefined when unknown. */
function parseOffset(zone: string): number | undefined {
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (numeric === null) return ZONES[zone.toLowerCase()];
  const [, sign, hours, minutes] = numeric;
  const total = Number(hours) * 60 + Number(minutes ?? 0);
  return Number(minutes ?? 0) > 59 ? undefined : sign === '-' ? -total : total;
}

function formatDate(
  year: number,
  month: number,
  day: number,
  time: { hour: number; minute: number; second: number; zone: string | undefined } | null,
): string | null {
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  const date = `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
  if (time === null) return date;
  if (time.hour > 23 || time.minute > 59 || time.second > 60) return null;
  const offset = time.zone === undefined ? undefined : parseOffset(time.zone);
  return `${date}T${pad2(time.hour)}:${pad2(time.minute)}:${pad2(time.second)}${offset === undefined ? '' : formatOffset(offset)}`;
}

/**
 * Parses a feed date (RFC 822 `pubDate`, RFC 3339 Atom and JSON Feed dates, W3C-DTF `dc:date`)
 * into ISO 8601 that keeps the stated offset (`2026-03-17T09:30:00Z`, `…T10:30:00+01:00`), a
 * date alone when only a date is given. Anything else is tried as a free-form date; null when
 * no full date can be read, since a missing date is better than a wrong one.
 */
export function parseFeedDate(text: string | null): string | null {
  if (text === null) return null;
  const trimmed = collapseWhiteSpace(text);
  if (trimmed === '') return null;
  const iso = RFC_3339.exec(trimmed);
  if (iso !== null) {
    const [, year, month, day, hour, minute, second, zone] = iso;
    const time = hour === undefined ? null : { hour: Number(hour), minute: Number(minute), second: Number(second ?? 0), zone };
    return formatDate(Number(year), Number(month), Number(day), time);
  }
  const rfc822 = RFC_822.exec(trimmed);
  if (rfc822 !== null) {
    const [, day, monthName, yearText, hour, minute, second, zone] = rfc822;
    const month = MONTHS.indexOf((monthName ?? '').slice(0, 3).toLowerCase()) + 1;
    if (month === 0) return null;
    // RFC 822's two-digit years; feeds still carrying them are from either side of 2000.
    const year = yearText?.length === 2 ? Number(yearText) + (Number(yearText) < 50 ? 2000 : 1900) : Number(yearText);
    const time = hour === undefined ? null : { hour: Number(hour), minute: Number(minute), second: Number(second ?? 0), zone };
    return formatDate(year, month, Number(day), time);
  }
  // Free-form dates only when a year is written: chrono reads "yesterday" or "next week"
  // against its reference date, and a feed has no "today" to anchor them to.
  if (!/\b\d{4}\b/.test(trimmed)) return null;
  const loose = parseHeaderDate(trimmed);
  return loose === null ? null : loose.replace(/(T\d{2}:\d{2})(?!:)/, '$1:00');
}

// ---------------------------------------------------------------------------------------------
// People

/** Adds names not yet listed (case-insensitively). */
function addNames(names: string[], candidates: readonly (string | null)[]): void {
  for (const candidate of candidates) {
    if (candidate === null) continue;
    if (!names.some((name) => name.toLowerCase() === candidate.toLowerCase())) names.push(candidate);
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * A person's name from an RSS `author` (`jo@example.org (Jo Marsh)`, `Jo Marsh <jo@…>`, `Jo
 * Marsh`); a bare address gives no name, and addresses are not bylines.
 */
function personName(value: string | null): string | null {
  const text = plainText(value);
  if (text === null) return null;
  const parenthesised = /^\S+@\S+\s*\((.+)\)$/.exec(text);
  if (parenthesised?.[1] !== undefined) return parenthesised[1].trim() || null;
  const angled = /^(.+?)\s*<[^>]*@[^>]*>$/.exec(text);
  if (angled?.[1] !== undefined) return angled[1].replace(/^"|"$/g, '').trim() || null;
  return EMAIL.test(text) ? null : text;
}

/**
 * Names of Atom `author` elements (Person constructs) under an element. An `author` holding
 * bare text instead of a `name` (Atom 0.3 habits, RSS-style authors) is read like RSS's.
 */
function atomAuthors(element: HtmlElement, namespaces: readonly string[]): string[] {
  const names: string[] = [];
  for (const author of childrenNamed(element, namespaces, 'author')) {
    const name = childText(author, namespaces, 'name');
    addNames(names, [name !== null ? plainText(name) : childElements(author).length === 0 ? personName(textOf(author)) : null]);
  }
  return names;
}

// ---------------------------------------------------------------------------------------------
// Images

const IMAGE_EXTENSION = /\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i;

function isImage(element: HtmlElement, url: string): boolean {
  const medium = attributeOf(element, 'medium')?.toLowerCase();
  const type = attributeOf(element, 'type')?.toLowerCase();
  if (medium !== undefined) return medium === 'image';
  if (type !== undefined) return type.startsWith('image/');
  return IMAGE_EXTENSION.test(url);
}

/**
 * The item's image: the widest Media RSS image, else a Media RSS thumbnail, else an image
 * enclosure (RSS `enclosure` or Atom `link rel="enclosure"`).
 */
function itemImage(item: HtmlElement, documentBase: string | null): string | null {
  const urlAt = (element: HtmlElement, name: string): string | null => httpUrl(attributeOf(element, name), baseAt(element, documentBase));
  const media = childElements(item).flatMap((child) => (isNamed(child, ['media'], 'group') ? childElements(child) : [child]));
  let best: { url: string; width: number } | null = null;
  for (const element of media) {
    if (!isNamed(element, ['media'], 'content')) continue;
    const url = urlAt(element, 'url');
    if (url === null || !isImage(element, url)) continue;
    const width = Number(attributeOf(element, 'width') ?? 0) || 0;
    if (best === null || width > best.width) best = { url, width };
  }
  if (best !== null) return best.url;
  for (const element of media) {
    if (!isNamed(element, ['media'], 'thumbnail')) continue;
    const url = urlAt(element, 'url');
    if (url !== null) return url;
  }
  for (const element of childElements(item)) {
    const name = nameOf(element);
    const url =
      name.local === 'enclosure' ? urlAt(element, 'url')
      : name.local === 'link' && attributeOf(element, 'rel')?.toLowerCase() === 'enclosure' ? urlAt(element, 'href')
      : null;
    if (url !== null && attributeOf(element, 'type')?.toLowerCase().startsWith('image/') === true) return url;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// RSS 2.0 and RSS 1.0

/** An Atom `link` with the given relation (a link without `rel` is `alternate`), HTML pages first. */
function atomLink(element: HtmlElement, namespaces: readonly string[], rel: string, documentBase: string | null): string | null {
  const links = childrenNamed(element, namespaces, 'link').filter((link) => (attributeOf(link, 'rel') ?? 'alternate').toLowerCase() === rel);
  const ranked = [...links].sort((a, b) => Number(isHtmlLink(b)) - Number(isHtmlLink(a)));
  for (const link of ranked) {
    const url = httpUrl(attributeOf(link, 'href'), baseAt(link, documentBase));
    if (url !== null) return url;
  }
  return null;
}

function isHtmlLink(link: HtmlElement): boolean {
  const type = attributeOf(link, 'type');
  return type === null || /html/i.test(type);
}

/** An RSS `link`'s address: its text, or an `href` when a feed wrote it Atom-style. */
function rssLink(element: HtmlElement, documentBase: string | null): string | null {
  for (const link of childrenNamed(element, RSS, 'link')) {
    const url = httpUrl(textOf(link) ?? attributeOf(link, 'href'), baseAt(link, documentBase));
    if (url !== null) return url;
  }
  return null;
}

/** The address in a child element's text (feedburner:origLink), resolved where it stands. */
function childUrl(element: HtmlElement, namespaces: readonly string[], local: string, documentBase: string | null): string | null {
  const child = childNamed(element, namespaces, local);
  return child === null ? null : httpUrl(textOf(child), baseAt(child, documentBase));
}

/** One RSS item. Its link falls back to a permalink guid, RDF's rdf:about, then an atom:link. */
function rssItem(item: HtmlElement, documentBase: string | null): FeedItem {
  const guid = childNamed(item, RSS, 'guid');
  const guidText = textOf(guid);
  const guidIsLink = guid !== null && attributeOf(guid, 'isPermaLink')?.toLowerCase() !== 'false' && guidText !== null && isHttpUrl(guidText);
  const about = attributeOf(item, 'about');
  const url =
    childUrl(item, ['feedburner'], 'origlink', documentBase) ??
    rssLink(item, documentBase) ??
    (guidIsLink ? httpUrl(guidText, null) : null) ??
    (about !== null && isHttpUrl(about) ? httpUrl(about, null) : null) ??
    atomLink(item, ['atom'], 'alternate', documentBase);
  const authors: string[] = [];
  addNames(authors, childrenNamed(item, ['dc'], 'creator').map((creator) => plainText(textOf(creator))));
  addNames(authors, childrenNamed(item, RSS, 'author').map((author) => personName(textOf(author))));
  addNames(authors, atomAuthors(item, ['atom']));
  return {
    url,
    title: plainText(childText(item, RSS, 'title') ?? childText(item, ['dc'], 'title')),
    published: parseFeedDate(
      childText(item, RSS, 'pubdate') ?? childText(item, ['dc'], 'date') ?? childText(item, ['dcterms'], 'issued') ??
        childText(item, ['dcterms'], 'created') ?? childText(item, ['atom'], 'published'),
    ),
    updated: parseFeedDate(childText(item, ['atom'], 'updated') ?? childText(item, ['dcterms'], 'modified')),
    authors,
    description: plainText(childText(item, RSS, 'description') ?? childText(item, ['dc'], 'description')),
    contentHtml: htmlOf(childNamed(item, ['content'], 'encoded')),
    contentText: null,
    imageUrl: itemImage(item, documentBase),
    id: guidText ?? about,
  };
}

function parseRss(root: HtmlElement, source: string): Feed {
  const sourceUrl = isHttpUrl(source) ? httpUrl(source, null) : null;
  const channel = childNamed(root, RSS, 'channel') ?? root;
  const siteUrl = rssLink(channel, sourceUrl) ?? atomLink(channel, ['atom'], 'alternate', sourceUrl);
  // Relative item links resolve against the feed's own address, or its site when read from a file.
  const itemBase = sourceUrl ?? siteUrl;
  // RSS 2.0 puts items in the channel; RSS 1.0 beside it, under rdf:RDF.
  const items = [...childrenNamed(root, RSS, 'item'), ...(channel === root ? [] : childrenNamed(channel, RSS, 'item'))];
  const authors: string[] = [];
  addNames(authors, childrenNamed(channel, ['dc'], 'creator').map((creator) => plainText(textOf(creator))));
  addNames(authors, atomAuthors(channel, ['atom']));
  return {
    kind: 'rss',
    title: plainText(childText(channel, RSS, 'title') ?? childText(channel, ['dc'], 'title')),
    url: siteUrl,
    published: parseFeedDate(childText(channel, RSS, 'pubdate') ?? childText(channel, ['dc'], 'date')),
    updated: parseFeedDate(childText(channel, RSS, 'lastbuilddate') ?? childText(channel, ['atom'], 'updated') ?? childText(channel, ['dcterms'], 'modified')),
    authors,
    items: items.map((item) => rssItem(item, itemBase)),
  };
}

// ---------------------------------------------------------------------------------------------
// Atom

/** An Atom text construct (title, summary) as plain text; `type` says whether it is HTML. */
function atomText(element: HtmlElement | null): string | null {
  if (element === null) return null;
  const type = (attributeOf(element, 'type') ?? 'text').toLowerCase();
  if (type === 'xhtml' || type.includes('xml')) return plainText(serializeHtml(xhtmlContent(element)));
  if (type === 'html' || type.includes('html')) return plainText(textOf(element));
  const text = textOf(element);
  return text === null ? null : collapseWhiteSpace(text) || null;
}

/** The nodes of an xhtml construct, without the wrapping `div` Atom requires. */
function xhtmlContent(element: HtmlElement): readonly HtmlNode[] {
  const elements = childElements(element);
  const only = elements[0];
  const wrapped = elements.length === 1 && only !== undefined && nameOf(only).local === 'div' &&
    element.children.every((child) => child === only || (child.type === 'text' && child.text.trim() === ''));
  return wrapped ? only.children : element.children;
}

/** Atom `content`: HTML for `html` and `xhtml` (written back out), text for `text`; out-of-line content (`src`) is not read. */
function atomContent(entry: HtmlElement): { html: string | null; text: string | null } {
  const content = childNamed(entry, ATOM_DOC, 'content');
  if (content === null || attributeOf(content, 'src') !== null) return { html: null, text: null };
  const type = (attributeOf(content, 'type') ?? 'text').toLowerCase();
  if (type === 'xhtml' || type.endsWith('+xml') || type.endsWith('/xml')) {
    const html = serializeHtml(xhtmlContent(content)).trim();
    return { html: html === '' ? null : html, text: null };
  }
  if (type === 'html' || type === 'text/html') return { html: htmlOf(content), text: null };
  if (type === 'text' || type.startsWith('text/')) return { html: null, text: textOf(content) };
  return { html: null, text: null };
}

function atomEntry(entry: HtmlElement, documentBase: string | null): FeedItem {
  const content = atomContent(entry);
  const authors: string[] = [];
  addNames(authors, atomAuthors(entry, ATOM_DOC));
  addNames(authors, childrenNamed(entry, ['dc'], 'creator').map((creator) => plainText(textOf(creator))));
  return {
    url: childUrl(entry, ['feedburner'], 'origlink', documentBase) ?? atomLink(entry, ATOM_DOC, 'alternate', documentBase),
    title: atomText(childNamed(entry, ATOM_DOC, 'title')),
    published: parseFeedDate(childText(entry, ATOM_DOC, 'published') ?? childText(entry, ATOM_DOC, 'issued') ?? childText(entry, ['dc'], 'date')),
    updated: parseFeedDate(childText(entry, ATOM_DOC, 'updated') ?? childText(entry, ATOM_DOC, 'modified')),
    authors,
    description: atomText(childNamed(entry, ATOM_DOC, 'summary')),
    contentHtml: content.html,
    contentText: content.text,
    imageUrl: itemImage(entry, documentBase),
    id: childText(entry, ATOM_DOC, 'id'),
  };
}

function parseAtom(root: HtmlElement, source: string): Feed {
  const sourceUrl = isHttpUrl(source) ? httpUrl(source, null) : null;
  const siteUrl = atomLink(root, ATOM_DOC, 'alternate', sourceUrl);
  // Read from a file, relative links resolve against the site, or else the feed's own address.
  const entryBase = sourceUrl ?? siteUrl ?? atomLink(root, ATOM_DOC, 'self', sourceUrl);
  return {
    kind: 'atom',
    title: atomText(childNamed(root, ATOM_DOC, 'title')),
    url: siteUrl,
    published: parseFeedDate(childText(root, ATOM_DOC, 'published')),
    updated: parseFeedDate(childText(root, ATOM_DOC, 'updated') ?? childText(root, ATOM_DOC, 'modified')),
    authors: atomAuthors(root, ATOM_DOC),
    items: childrenNamed(root, ATOM_DOC, 'entry').map((entry) => atomEntry(entry, entryBase)),
  };
}

// ---------------------------------------------------------------------------------------------
// JSON Feed

type JsonObject = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(object: JsonObject, key: string): string | null {
  const value = object[key];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** JSON Feed 1.1 `authors`, else 1.0 `author`: the names (authors given by URL or avatar only are skipped). */
function jsonAuthors(object: JsonObject): string[] {
  const people = Array.isArray(object['authors']) ? object['authors'] : object['author'] === undefined ? [] : [object['author']];
  const names: string[] = [];
  addNames(names, people.map((person) => (isObject(person) ? plainText(stringField(person, 'name')) : null)));
  return names;
}

/**
 * Says where a JSON syntax error is, by line and column, without the engine's message: V8
 * quotes the surrounding text, and diagnostics must not carry the input's text.
 */
function describeJsonError(text: string, error: unknown): string {
  const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
  if (position === undefined) return 'is not valid JSON';
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return `is not valid JSON (syntax error at line ${line}, column ${column})`;
}

function jsonItem(item: JsonObject, base: string | null): FeedItem {
  const id = item['id'];
  return {
    url: httpUrl(stringField(item, 'url'), base) ?? httpUrl(stringField(item, 'external_url'), base),
    title: plainText(stringField(item, 'title')),
    published: parseFeedDate(stringField(item, 'date_published')),
    updated: parseFeedDate(stringField(item, 'date_modified')),
    authors: jsonAuthors(item),
    description: plainText(stringField(item, 'summary')),
    contentHtml: stringField(item, 'content_html')?.trim() ?? null,
    contentText: stringField(item, 'content_text')?.trim() ?? null,
    imageUrl: httpUrl(stringField(item, 'image'), base) ?? httpUrl(stringField(item, 'banner_image'), base),
    id: typeof id === 'string' && id.trim() !== '' ? id : typeof id === 'number' ? String(id) : null,
  };
}

function parseJsonFeed(text: string, source: string): Result<Feed> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return invalid(source, describeJsonError(text, error));
  }
  const version = isObject(data) ? data['version'] : undefined;
  if (!isObject(data) || typeof version !== 'string' || !JSON_FEED_VERSION.test(version)) {
    return invalid(source, 'is JSON but not a JSON Feed (no "version" of https://jsonfeed.org/version/…)');
  }
  const rawItems = data['items'] ?? [];
  if (!Array.isArray(rawItems)) return invalid(source, 'is a JSON Feed whose "items" is not a list');
  const diagnostics: Diagnostic[] = [];
  const objects = rawItems.filter(isObject);
  if (objects.length < rawItems.length) {
    diagnostics.push(makeDiagnostic('warning', 'invalid-feed', `${rawItems.length - objects.length} item(s) are not objects and were skipped`, source));
  }
  const homePage = httpUrl(stringField(data, 'home_page_url'), null);
  const base = (isHttpUrl(source) ? httpUrl(source, null) : null) ?? homePage ?? httpUrl(stringField(data, 'feed_url'), null);
  const feed: Feed = {
    kind: 'json-feed',
    title: plainText(stringField(data, 'title')),
    url: httpUrl(stringField(data, 'home_page_url'), base),
    published: null,
    updated: null,
    authors: jsonAuthors(data),
    items: objects.map((item) => jsonItem(item, base)),
  };
  return { ok: true, value: feed, diagnostics };
}

// ---------------------------------------------------------------------------------------------
// Entry points

/**
 * Parses an RSS (2.0 or 1.0), Atom or JSON Feed document. `source` (a path or URL) names the
 * input in diagnostics, and when it is a URL, relative links resolve against it. Anything that
 * is not a feed, or is broken, is a failed result with an `invalid-feed` diagnostic; a feed
 * with no items is a feed.
 */
export function parseFeed(text: string, source: string): Result<Feed> {
  const start = skipLeadingSpace(text);
  if (text[start] === '{' || text[start] === '[') return parseJsonFeed(text.slice(start), source);
  const parsed = parseXmlRoot(text.slice(start), ['rss', 'rdf', 'feed'], 'a feed');
  if ('reason' in parsed) return invalid(source, parsed.reason);
  const kind = localName(parsed.root.tag);
  return { ok: true, value: kind === 'feed' ? parseAtom(parsed.root, source) : parseRss(parsed.root, source), diagnostics: [] };
}

/**
 * Parses an OPML subscription list into the feeds it names, in document order, each once.
 * Outlines nest (folders are outlines without `xmlUrl`); an entry whose `xmlUrl` is empty or
 * not an http(s) address is skipped with a warning, since the list is still usable.
 */
export function parseOpml(text: string, source: string): Result<readonly Subscription[]> {
  const start = skipLeadingSpace(text);
  const parsed = parseXmlRoot(text.slice(start), ['opml'], 'an OPML subscription list');
  if ('reason' in parsed) return invalid(source, parsed.reason);
  const base = isHttpUrl(source) ? httpUrl(source, null) : null;
  const body = childNamed(parsed.root, [nameOf(parsed.root).ns, ''], 'body') ?? parsed.root;
  const subscriptions: Subscription[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  const visit = (parent: HtmlElement): void => {
    for (const outline of childElements(parent)) {
      if (nameOf(outline).local !== 'outline') continue;
      const xmlUrl = attributeOf(outline, 'xmlUrl');
      if (xmlUrl !== null) {
        const url = httpUrl(xmlUrl, base);
        if (url === null) skipped++;
        else if (!seen.has(url)) {
          seen.add(url);
          subscriptions.push({ url, title: plainText(attributeOf(outline, 'title')) ?? plainText(attributeOf(outline, 'text')) });
        }
      }
      visit(outline);
    }
  };
  visit(body);
  const diagnostics =
    skipped === 0 ? [] : [makeDiagnostic('warning', 'invalid-feed', `skipped ${skipped} outline(s) whose xmlUrl is empty or not an http(s) address`, source)];
  return { ok: true, value: subscriptions, diagnostics };
}

/**
 * The {@link SourceHints} an item gives the page it links to: the item's own fields first;
 * the feed's title as the outlet and the feed's authors where the item names none (Atom says
 * entries inherit the feed's authors). The feed's own dates are never an item's dates.
 */
export function hintsForItem(feed: Feed, item: FeedItem): SourceHints {
  const hints: { -readonly [Key in keyof SourceHints]: SourceHints[Key] } = {};
  if (item.title !== null) hints.title = item.title;
  if (item.published !== null) hints.published = item.published;
  if (item.updated !== null) hints.updated = item.updated;
  const authors = item.authors.length > 0 ? item.authors : feed.authors;
  if (authors.length > 0) hints.authors = authors;
  if (feed.title !== null) hints.outlet = feed.title;
  if (item.description !== null) hints.description = item.description;
  if (item.imageUrl !== null) hints.imageUrl = item.imageUrl;
  return hints;
}

/** Characters of text from which content is an article, not a teaser. */
const FULL_CONTENT_CHARACTERS = 500;
/** Paragraphs from which content is an article, however short they are… */
const FULL_CONTENT_PARAGRAPHS = 3;
/** …counting only blocks this long: a caption or a "Read more" line is not a paragraph. */
const PARAGRAPH_CHARACTERS = 60;

/** Footers feed software appends to every item, full or not ("The post … appeared first on …"). */
const FEED_FOOTER = /\s*The post .{1,300} appeared first on .{1,200}$/i;
/** The marks of a cut-short excerpt: an ellipsis or a link to the rest at the very end. */
const TEASER_END =
  /(?:\u2026|\.\.\.|\[(?:\u2026|\.\.\.)\]|\((?:more|read more)\s*(?:\u2026|\.\.\.)?\)|\b(?:read more|continue reading|keep reading|read the full (?:story|article)|read full (?:story|article))\b[^\p{L}\p{N}]*)$/iu;

/**
 * Whether an item carries the article itself, so its page need not be fetched: content of
 * at least {@link FULL_CONTENT_CHARACTERS} characters of text or {@link FULL_CONTENT_PARAGRAPHS}
 * real paragraphs, that does not end the way excerpts end ("…", "Continue reading").
 */
export function itemHasFullContent(item: FeedItem): boolean {
  let blocks: string[];
  if (item.contentHtml !== null) blocks = htmlBlocks(item.contentHtml);
  else if (item.contentText !== null) {
    const byBlankLine = item.contentText.split(/\n[ \t]*\n/);
    blocks = (byBlankLine.length > 1 ? byBlankLine : item.contentText.split('\n')).map(collapseWhiteSpace).filter((block) => block !== '');
  } else return false;
  const text = blocks.join(' ').replace(FEED_FOOTER, '').trim();
  if (TEASER_END.test(text)) return false;
  const paragraphs = blocks.filter((block) => block.length >= PARAGRAPH_CHARACTERS).length;
  return text.length >= FULL_CONTENT_CHARACTERS || paragraphs >= FULL_CONTENT_PARAGRAPHS;
}
