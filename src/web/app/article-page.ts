import { useEffect } from 'preact/hooks';
import type { Block, Extracted, MetadataField, MetadataSource } from '../../core/records.js';
import { outletName } from '../../corpus/outlet.js';
import { summarizeRemoved } from '../../present/describe.js';
import type { ArticleResponse } from '../../server/api-types.js';
import { html } from '../view/html.js';
import type { ApiClient, ApiFailure } from './api.js';
import { displayTitle, ExternalLink, LiveStatus, LoadFailure, Time } from './components.js';
import { countWords } from '../../extract/text/lines.js';
import { countNoun, formatLanguage, formatPublished } from './format.js';
import { storyHref } from './route.js';
import { useApiCall, useDocumentTitle } from './use-api.js';

/**
 * One stored article on its own page: what it is (outlet, dates, byline, language, where it
 * was read from, its story), its whole text block by block, and on request the boilerplate
 * extraction removed and where each metadata field was read from. Every value is the article's
 * own text and is placed as text; only http(s) addresses become links.
 */

/** Props of {@link ArticlePage}. */
export interface ArticlePageProps {
  /** The API's answer: the article as extracted, its sentences and its place in the archive. */
  readonly response: ArticleResponse;
}

/** The title an article is shown by: the extracted one, else the archive's, else `Untitled article`. */
export function articleTitle(response: ArticleResponse): string {
  return displayTitle(response.extracted.title ?? response.article.title, 'Untitled article');
}

/** A stored article: its metadata, its text and what was removed from it. */
export function ArticlePage({ response }: ArticlePageProps) {
  const { article, extracted, sentences } = response;
  const byline = [outletName(extracted), extracted.byline === null ? null : `by ${extracted.byline}`].filter(
    (part): part is string => part !== null && part.trim() !== '',
  );
  return html`<div class="app-page app-article-page">
    <article class="app-article" aria-labelledby="app-article-title">
      <header class="app-article-header">
        ${extracted.kicker === null ? null : html`<p class="app-kicker">${extracted.kicker}</p>`}
        <h1 id="app-article-title" class="app-title" tabindex="-1">${articleTitle(response)}</h1>
        ${extracted.description === null ? null : html`<p class="app-standfirst">${extracted.description}</p>`}
        <p class="app-muted app-article-line">
          ${byline.join(' · ')}${byline.length === 0 ? '' : ' · '}<${PublishedDate} extracted=${extracted} />
        </p>
        <p class="app-article-links">
          ${article.story === null
            ? html`<span>In no story yet.</span>`
            : html`<a href=${storyHref(article.story)}>Read it in its story</a>`}
        </p>
      </header>

      <section class="app-section" aria-labelledby="app-article-about">
        <h2 id="app-article-about">About this article</h2>
        <${ArticleFacts} response=${response} />
      </section>

      <section class="app-section" aria-labelledby="app-article-text">
        <h2 id="app-article-text">The text</h2>
        <p class="app-muted">${countNoun(countWords(extracted.text), 'word')} · ${countNoun(sentences.length, 'sentence')}</p>
        <${ArticleText} extracted=${extracted} />
      </section>

      <section class="app-section" aria-labelledby="app-article-extraction">
        <h2 id="app-article-extraction">How it was extracted</h2>
        <${RemovedPassages} extracted=${extracted} />
        <${Provenance} extracted=${extracted} />
      </section>
    </article>
  </div>`;
}

/** The publication date (and the update's), or `undated`. */
function PublishedDate({ extracted }: { readonly extracted: Pick<Extracted, 'published' | 'updated'> }) {
  if (extracted.published !== null) return html`<${DateValue} iso=${extracted.published} />`;
  if (extracted.updated !== null) return html`updated <${DateValue} iso=${extracted.updated} />`;
  return html`undated`;
}

/** A date as the article states it: a `<time>` when it is one, else the text as it stands. */
function DateValue({ iso }: { readonly iso: string }) {
  return Number.isNaN(Date.parse(iso)) ? html`${iso}` : html`<time datetime=${iso}>${formatPublished(iso)}</time>`;
}

/** An address: a link when it is http(s), else its text, unlinked. */
function Address({ url }: { readonly url: string }) {
  return html`<${ExternalLink} url=${url}><span class="app-address">${url}</span><//>`;
}

/** The article's metadata, one term each; fields it does not state say so. */
function ArticleFacts({ response }: { readonly response: ArticleResponse }) {
  const { article, extracted } = response;
  const notStated = html`<span class="app-muted">not stated</span>`;
  // The address it was finally fetched from comes first; a different canonical address is listed too.
  const address = article.url ?? extracted.url;
  const canonical = extracted.url !== null && extracted.url !== address ? extracted.url : null;
  return html`<dl class="app-facts">
    <dt>Outlet</dt>
    <dd>${extracted.outlet ?? notStated}</dd>
    ${extracted.credits.length === 0 ? null : html`<dt>Credited</dt><dd>${extracted.credits.join(', ')}</dd>`}
    <dt>Published</dt>
    <dd>${extracted.published === null ? notStated : html`<${DateValue} iso=${extracted.published} />`}</dd>
    ${extracted.updated === null ? null : html`<dt>Updated</dt><dd><${DateValue} iso=${extracted.updated} /></dd>`}
    <dt>Byline</dt>
    <dd>${extracted.byline ?? notStated}</dd>
    <dt>Language</dt>
    <dd>${extracted.language === null ? notStated : formatLanguage(extracted.language)}</dd>
    <dt>Source</dt>
    <dd>${extracted.source === '-' ? 'standard input' : html`<${Address} url=${extracted.source} />`}</dd>
    <dt>Original address</dt>
    <dd>${address === null ? notStated : html`<${Address} url=${address} />`}</dd>
    ${canonical === null ? null : html`<dt>Canonical address</dt><dd><${Address} url=${canonical} /></dd>`}
    <dt>First stored</dt>
    <dd><${Time} iso=${article.firstSeenAt} /></dd>
    <dt>Content hash</dt>
    <dd><code class="app-hash">${article.contentHash}</code></dd>
  </dl>`;
}

/** A run of blocks shown together: one block, or consecutive list items as one list. */
type BlockGroup = { readonly kind: 'block'; readonly block: Block } | { readonly kind: 'list'; readonly items: readonly Block[] };

/** The blocks in order, consecutive list items gathered into one list. */
export function groupBlocks(blocks: readonly Block[]): BlockGroup[] {
  const groups: BlockGroup[] = [];
  for (const block of blocks) {
    const last = groups[groups.length - 1];
    if (block.kind === 'list-item' && last !== undefined && last.kind === 'list') groups[groups.length - 1] = { kind: 'list', items: [...last.items, block] };
    else groups.push(block.kind === 'list-item' ? { kind: 'list', items: [block] } : { kind: 'block', block });
  }
  return groups;
}

/** The article's body, block by block: paragraphs, headings, lists and quotations, each a slice of its text. */
function ArticleText({ extracted }: { readonly extracted: Pick<Extracted, 'text' | 'paragraphs'> }) {
  const { text } = extracted;
  const slice = (block: Block) => text.slice(block.start, block.end);
  if (extracted.paragraphs.length === 0) {
    // No block structure recorded: the text's own blank lines divide it.
    const parts = text.split(/\n\s*\n/).filter((part) => part.trim() !== '');
    if (parts.length === 0) return html`<p class="app-note">This article has no text.</p>`;
    return html`<div class="app-article-text">${parts.map((part, index) => html`<p key=${index}>${part}</p>`)}</div>`;
  }
  return html`<div class="app-article-text">
    ${groupBlocks(extracted.paragraphs).map((group, index) => {
      if (group.kind === 'list') return html`<ul key=${index}>${group.items.map((item, itemIndex) => html`<li key=${itemIndex}>${slice(item)}</li>`)}</ul>`;
      const { block } = group;
      switch (block.kind) {
        case 'heading':
          return html`<h3 key=${index}>${slice(block)}</h3>`;
        case 'quote':
          return html`<blockquote key=${index}><p>${slice(block)}</p></blockquote>`;
        default:
          return html`<p key=${index}>${slice(block)}</p>`;
      }
    })}
  </div>`;
}

/** The passages removed as boilerplate, each with its kind and rule, on request. */
function RemovedPassages({ extracted }: { readonly extracted: Pick<Extracted, 'removed'> }) {
  if (extracted.removed.length === 0) return html`<p class="app-muted">No boilerplate was removed from this article.</p>`;
  return html`<details class="removed app-removed">
    <summary>Boilerplate removed: ${summarizeRemoved(extracted)}</summary>
    <ul>
      ${extracted.removed.map(
        (removed, index) =>
          html`<li key=${index}><span class="removed-kind">${removed.kind}</span> <span class="removed-rule">(${removed.rule})</span> ${removed.text}</li>`,
      )}
    </ul>
  </details>`;
}

/** The metadata fields in the order a reader meets them, with their names. */
const FIELD_NAMES: ReadonlyArray<readonly [MetadataField, string]> = [
  ['title', 'Title'],
  ['outlet', 'Outlet'],
  ['published', 'Published'],
  ['updated', 'Updated'],
  ['byline', 'Byline'],
  ['description', 'Description'],
  ['language', 'Language'],
  ['url', 'Address'],
  ['imageUrl', 'Lead image'],
];

/** Where a metadata field can be read from, in words. */
const SOURCE_NAMES: Readonly<Record<MetadataSource, string>> = {
  'json-ld': 'the page’s JSON-LD data',
  'open-graph': 'the page’s Open Graph tags',
  meta: 'the page’s meta tags',
  time: 'a time element of the page',
  url: 'the article’s address',
  dateline: 'the dateline in its text',
  'html-title': 'the page’s title element',
  feed: 'the feed that listed it',
  'text-header': 'a header line of the text',
  detected: 'detected from the text',
};

/** Where each metadata field was read from, as the extractor recorded it. */
export function provenanceLines(extracted: Pick<Extracted, 'provenance'>): Array<{ readonly field: string; readonly source: string }> {
  return FIELD_NAMES.flatMap(([field, name]) => {
    const source = extracted.provenance[field];
    if (source === undefined) return [];
    return [{ field: name, source: Object.prototype.hasOwnProperty.call(SOURCE_NAMES, source) ? SOURCE_NAMES[source] : String(source) }];
  });
}

/** A small definition list: each metadata field, and where it was read from. */
function Provenance({ extracted }: { readonly extracted: Pick<Extracted, 'provenance'> }) {
  const lines = provenanceLines(extracted);
  if (lines.length === 0) return null;
  return html`<h3 class="app-subheading">Where the metadata was read from</h3>
    <dl class="app-facts app-provenance">
      ${lines.map(({ field, source }) => html`<dt key=${`t-${field}`}>${field}</dt><dd key=${`d-${field}`}>${source}</dd>`)}
    </dl>`;
}

/** Props of {@link ArticleFailure}. */
export interface ArticleFailureProps {
  readonly contentHash: string;
  readonly failure: ApiFailure;
  readonly onRetry?: () => void;
}

/** Why an article cannot be shown: none with that content hash (404), or the request failed. */
export function ArticleFailure({ contentHash, failure, onRetry }: ArticleFailureProps) {
  return html`<${LoadFailure} noun="article" name=${contentHash} notFound=${'The archive holds no article with this content hash. Articles are named by the 64 hexadecimal digits of their content hash; search finds them by their words.'} failure=${failure} onRetry=${onRetry} />`;
}

/** Props of {@link ArticleRoute}. */
export interface ArticleRouteProps {
  readonly api: ApiClient;
  readonly contentHash: string;
  /** Called once the page shows the article or its error (the app then moves focus to the heading). */
  readonly onReady: () => void;
}

/** An article page with its data. */
export function ArticleRoute({ api, contentHash, onReady }: ArticleRouteProps) {
  const { state, retry } = useApiCall(() => api.getArticle(contentHash), contentHash);
  useDocumentTitle(state.kind === 'loaded' ? articleTitle(state.value) : state.kind === 'failed' ? 'Article not available' : 'Loading article');
  useEffect(() => {
    if (state.kind !== 'loading') onReady();
  }, [state]);

  return html`<div class="app-route">
    <${LiveStatus} message=${state.kind === 'loading' ? 'Loading the article…' : ''} />
    ${state.kind === 'loaded'
      ? html`<${ArticlePage} response=${state.value} />`
      : state.kind === 'failed'
        ? html`<${ArticleFailure} contentHash=${contentHash} failure=${state.failure} onRetry=${retry} />`
        : null}
  </div>`;
}
