import { byTag, collapseWhiteSpace, parseMarkup, rawText, textContent, type HtmlElement } from './dom.js';

/**
 * JSON-LD (`<script type="application/ld+json">`) as pages really write it: several scripts,
 * `@graph` lists, arrays, nodes that point at each other by `@id`, and JSON that does not
 * parse until trailing commas, comments or raw line breaks are repaired.
 */

/** A JSON object as parsed. */
export type JsonObject = { readonly [key: string]: unknown };

/** The structured data of a page. */
export interface JsonLd {
  /** Top-level nodes, `@graph` members and the `mainEntity` of pages, in document order. */
  readonly nodes: readonly JsonObject[];
  /** Every node that carries an `@id` and something besides it, so `{"@id": …}` can be resolved. */
  readonly byId: ReadonlyMap<string, JsonObject>;
}

/** Schema.org types that are a news article or a post: the page's own story. */
const ARTICLE_TYPES = new Set([
  'article', 'newsarticle', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle', 'reviewnewsarticle',
  'backgroundnewsarticle', 'askpublicnewsarticle', 'satiricalarticle', 'blogposting', 'liveblogposting', 'socialmediaposting',
  'discussionforumposting', 'report', 'techarticle', 'scholarlyarticle', 'advertisercontentarticle', 'creativework',
]);

/** Whether a value is a JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as a list: arrays as they are, anything else as a list of one (none for null). */
function asList(value: unknown): readonly unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

/** A node's types, lower-cased, without the vocabulary prefix (`schema:NewsArticle`, `https://schema.org/Article`). */
export function typesOf(node: JsonObject): string[] {
  return asList(node['@type'])
    .filter((type): type is string => typeof type === 'string')
    .map((type) => type.replace(/^.*[/:#]/, '').toLowerCase());
}

/** Whether a node is an article-like type. */
function isArticleNode(node: JsonObject): boolean {
  return typesOf(node).some((type) => ARTICLE_TYPES.has(type));
}

/** Whether a node is a web page (`WebPage`, `ItemPage`, `MedicalWebPage`…). */
function isPageNode(node: JsonObject): boolean {
  return typesOf(node).some((type) => type.endsWith('webpage') || type === 'itempage');
}

/** A `{"@id": …}` reference replaced by the node it names, when the page defines it. */
export function resolveNode(ld: JsonLd, value: unknown): unknown {
  if (!isObject(value) || typeof value['@id'] !== 'string') return value;
  const keys = Object.keys(value);
  if (keys.length > 1 && !(keys.length === 2 && '@type' in value)) return value;
  return ld.byId.get(value['@id']) ?? value;
}

/**
 * Text stored in a value: entities decoded (pages often encode them twice, or write them in
 * JSON), tags removed, white space collapsed.
 */
export function cleanText(value: string): string {
  const text = /[<&]/.test(value) ? textContent(parseMarkup(`<div>${value}</div>`)) : value;
  return collapseWhiteSpace(text);
}

/** The string values of a property: plain strings, `{"@value": …}`, and arrays of either. */
export function stringsOf(value: unknown): string[] {
  const found: string[] = [];
  for (const item of asList(value)) {
    if (typeof item === 'string') found.push(item);
    else if (typeof item === 'number') found.push(String(item));
    else if (isObject(item) && typeof item['@value'] === 'string') found.push(item['@value']);
  }
  return found.map(cleanText).filter((text) => text !== '');
}

/** The first string value of a property, or null. */
export function firstString(value: unknown): string | null {
  return stringsOf(value)[0] ?? null;
}

/**
 * Repairs the JSON mistakes pages make, outside and inside strings: raw line breaks and other
 * control characters in strings, `//` and block comments, single-quoted strings, trailing
 * commas, a closing brace too many (which would end the root early) and missing closers at the end.
 */
export function repairJson(text: string): string {
  let out = '';
  const closers: string[] = [];
  let index = 0;
  const source = text.trim().replace(/^<!--|-->$/g, '').replace(/^\s*\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>\s*$/g, '');
  while (index < source.length) {
    const char = source[index]!;
    if (char === '"' || char === "'") {
      const quote = char;
      let body = '';
      index++;
      while (index < source.length && source[index] !== quote) {
        const inner = source[index]!;
        if (inner === '\\' && index + 1 < source.length) {
          const escaped = source[index + 1]!;
          // `\'` is no JSON escape; `\` before anything unknown is a stray backslash.
          body += escaped === "'" ? "'" : /["\\/bfnrtu]/.test(escaped) ? inner + escaped : `\\\\${escaped}`;
          index += 2;
          continue;
        }
        if (inner < ' ') body += inner === '\n' || inner === '\r' || inner === '\t' ? ' ' : '';
        else if (inner === '"') body += '\\"';
        else body += inner;
        index++;
      }
      out += `"${body}"`;
      index++;
      continue;
    }
    if (char === '/' && source[index + 1] === '/') {
      while (index < source.length && source[index] !== '\n') index++;
      continue;
    }
    if (char === '/' && source[index + 1] === '*') {
      const end = source.indexOf('*/', index + 2);
      index = end < 0 ? source.length : end + 2;
      continue;
    }
    if (char === '{' || char === '[') closers.push(char === '{' ? '}' : ']');
    else if (char === '}' || char === ']') {
      const rest = source.slice(index + 1).trim();
      // A closer that would end the root while more follows is one too many.
      if (closers.length === 1 && rest !== '' && rest !== ';' && !rest.startsWith('{') && !rest.startsWith('[')) {
        index++;
        continue;
      }
      if (closers.length === 0) {
        index++;
        continue;
      }
      closers.pop();
    }
    out += char < ' ' ? ' ' : char;
    index++;
  }
  out += closers.reverse().join('');
  return out.replace(/,(\s*[}\]])/g, '$1').replace(/;\s*$/, '');
}

/**
 * Parses JSON-LD text, leniently: as written first, then repaired, then as several objects
 * written one after another. Returns undefined when nothing parses.
 */
export function parseLenientJson(text: string): unknown {
  const attempts = [text, repairJson(text)];
  for (const attempt of attempts) {
    try {
      return JSON.parse(attempt) as unknown;
    } catch {
      // try the next repair
    }
  }
  try {
    return JSON.parse(`[${repairJson(text).replace(/\}\s*\{/g, '},{')}]`) as unknown;
  } catch {
    return undefined;
  }
}

/** Records every node with an `@id` and content, however deep it sits. */
function indexIds(value: unknown, byId: Map<string, JsonObject>, depth = 0): void {
  if (depth > 20) return;
  if (Array.isArray(value)) {
    for (const item of value) indexIds(item, byId, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  const id = value['@id'];
  if (typeof id === 'string' && Object.keys(value).length > 1 && !byId.has(id)) byId.set(id, value);
  for (const child of Object.values(value)) indexIds(child, byId, depth + 1);
}

/** Reads every JSON-LD script of a document; scripts that do not parse are skipped. */
export function readJsonLd(document: HtmlElement): JsonLd {
  const nodes: JsonObject[] = [];
  const byId = new Map<string, JsonObject>();
  const add = (value: unknown): void => {
    for (const item of asList(value)) {
      if (!isObject(item)) continue;
      if ('@graph' in item) add(item['@graph']);
      if (typeof item['@type'] === 'string' || Array.isArray(item['@type'])) nodes.push(item);
      // A page that names its story as `mainEntity` holds the article inside it.
      const main = item['mainEntity'];
      if (isPageNode(item) && isObject(main) && '@type' in main) nodes.push(main);
    }
  };
  for (const script of byTag(document, 'script')) {
    if (!/ld\+json/i.test(script.attributes['type'] ?? '')) continue;
    const parsed = parseLenientJson(rawText(script));
    if (parsed === undefined) continue;
    indexIds(parsed, byId);
    add(parsed);
  }
  return { nodes, byId };
}

/** A URL folded for comparison: no scheme, `www.`, query, fragment or final slash. */
function foldUrl(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
}

/** The addresses a node says it is about: `url`, `@id`, `mainEntityOfPage`. */
export function nodeUrls(node: JsonObject): string[] {
  const urls: string[] = [...stringsOf(node['url'])];
  for (const page of asList(node['mainEntityOfPage'])) {
    if (typeof page === 'string') urls.push(page);
    else if (isObject(page)) urls.push(...stringsOf(page['@id']), ...stringsOf(page['url']));
  }
  urls.push(...stringsOf(node['@id']));
  return urls.filter((url) => /^(?:https?:)?\/\/|^\//i.test(url));
}

/**
 * The node that describes the page's own story: an article-typed node, preferring one whose
 * address is the page's, then one with a headline and a publication date; null when the page
 * has none (a listing, a product page).
 */
export function pickArticleNode(ld: JsonLd, pageUrls: readonly string[]): JsonObject | null {
  const folded = new Set(pageUrls.map(foldUrl));
  let best: JsonObject | null = null;
  let bestScore = -1;
  for (const node of ld.nodes) {
    if (!isArticleNode(node)) continue;
    let score = 0;
    if (nodeUrls(node).some((url) => folded.has(foldUrl(url)))) score += 4;
    if (firstString(node['headline']) !== null) score += 2;
    if (firstString(node['datePublished']) !== null) score += 1;
    if (score > bestScore) {
      best = node;
      bestScore = score;
    }
  }
  return best;
}

/** The first web-page node, which often carries the dates when the article node does not. */
export function pickPageNode(ld: JsonLd): JsonObject | null {
  return ld.nodes.find(isPageNode) ?? null;
}

/** The names a person or organisation value gives: strings, `{name}`, `{givenName, familyName}`, lists. */
export function namesOf(ld: JsonLd, value: unknown): { readonly name: string; readonly organisation: boolean }[] {
  const found: { name: string; organisation: boolean }[] = [];
  for (const raw of asList(value)) {
    const item = resolveNode(ld, raw);
    if (typeof item === 'string') {
      const name = cleanText(item);
      if (name !== '') found.push({ name, organisation: false });
      continue;
    }
    if (!isObject(item)) continue;
    const organisation = typesOf(item).some((type) => type.includes('organization') || type.includes('organisation'));
    const name =
      firstString(item['name']) ??
      ([firstString(item['givenName']), firstString(item['familyName'])].filter((part) => part !== null).join(' ') || null);
    if (name !== null && name !== '') found.push({ name, organisation });
  }
  return found;
}

/** Image addresses of a value: a string, `{url}`, `{contentUrl}`, `{@id}`, or a list of those. */
export function imageUrlsOf(ld: JsonLd, value: unknown): string[] {
  const urls: string[] = [];
  for (const raw of asList(value)) {
    const item = resolveNode(ld, raw);
    if (typeof item === 'string') urls.push(item.trim());
    else if (isObject(item)) {
      const url = firstString(item['url']) ?? firstString(item['contentUrl']) ?? firstString(item['@id']);
      if (url !== null) urls.push(url);
    }
  }
  return urls.filter((url) => url !== '');
}

/** The article body a node states, as plain text with its paragraph breaks kept. */
export function articleBodyOf(node: JsonObject): string | null {
  const raw = asList(node['articleBody']).find((item): item is string => typeof item === 'string');
  if (raw === undefined) return null;
  let text = raw;
  // Markup in the body (sometimes escaped twice): keep its block breaks as blank lines, drop the tags.
  for (let pass = 0; pass < 2 && /<\/?[a-z][^>]*>|&(?:#\d+|#x[0-9a-f]+|[a-z]+);/i.test(text); pass++) {
    text = rawText(parseMarkup(text.replace(/<\/(?:p|div|h[1-6]|li|blockquote)>|<br\s*\/?>/gi, '$&\n\n')));
  }
  const paragraphs = text
    .split(/\n\s*\n|\r\n\s*\r\n/)
    .map((paragraph) => collapseWhiteSpace(paragraph))
    .filter((paragraph) => paragraph !== '');
  return paragraphs.length === 0 ? null : paragraphs.join('\n\n');
}
