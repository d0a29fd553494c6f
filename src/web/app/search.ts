import { useEffect } from 'preact/hooks';
import type { SearchResponse } from '../../server/api-types.js';
import type { ArticleHit, StoryHit } from '../../store/store.js';
import { html } from '../view/html.js';
import { safeHttpUrl } from '../view/links.js';
import type { ApiClient } from './api.js';
import { displayTitle, ErrorMessage, ExternalLink, HighlightedSnippet, LiveStatus, PageHeading, ReadyOnMount } from './components.js';
import { countNoun, formatPublished } from './format.js';
import { articleHref, storyHref } from './route.js';
import { useApiCall, useDocumentTitle } from './use-api.js';

/** How many hits of each kind the search page asks for. */
export const SEARCH_LIMIT = 50;

/** Props of {@link SearchPage}. */
export interface SearchPageProps {
  /** The API's answer: matching stories and articles, each with a snippet. */
  readonly response: SearchResponse;
}

/** Search results: the matching stories, then the matching articles, each with its highlighted snippet. */
export function SearchPage({ response }: SearchPageProps) {
  const { query, stories, articles } = response;
  const nothing = stories.length === 0 && articles.length === 0;
  return html`<div class="app-page app-search-page">
    <${PageHeading}>Search: “${query}”<//>
    ${nothing
      ? html`<p class="app-note">Nothing matches “${query}”. Try fewer or other words.</p>`
      : response.match === 'any'
        ? html`<p class="app-note">No story or article holds all of these words; these hold some of them.</p>`
        : null}
    ${stories.length === 0
      ? null
      : html`<section class="app-section" aria-labelledby="app-story-hits">
          <h2 id="app-story-hits">${countNoun(stories.length, 'story', 'stories')}</h2>
          <ol class="app-hit-list">
            ${stories.map((hit) => html`<${StoryHitItem} key=${hit.story.id} hit=${hit} />`)}
          </ol>
        </section>`}
    ${articles.length === 0
      ? null
      : html`<section class="app-section" aria-labelledby="app-article-hits">
          <h2 id="app-article-hits">${countNoun(articles.length, 'article')}</h2>
          <ol class="app-hit-list">
            ${articles.map((hit) => html`<${ArticleHitItem} key=${hit.article.contentHash} hit=${hit} />`)}
          </ol>
        </section>`}
  </div>`;
}

/** A matching story: its title (a link to it), its snippet and its size. */
function StoryHitItem({ hit }: { readonly hit: StoryHit }) {
  const { story } = hit;
  return html`<li class="app-hit">
    <h3 class="app-hit-title"><a class="app-story-link" href=${storyHref(story.id)}>${displayTitle(story.title)}</a></h3>
    <${HighlightedSnippet} snippet=${hit.snippet} />
    <p class="app-muted">
      ${countNoun(story.articles.length, 'article')}${story.independentReports === null
        ? ', not analysed yet'
        : `, ${countNoun(story.independentReports, 'independent report')}`}
    </p>
  </li>`;
}

/** A matching article: its title (a link to its page), outlet and date, its snippet, its story (or none yet) and its original address. */
function ArticleHitItem({ hit }: { readonly hit: ArticleHit }) {
  const { article } = hit;
  const details = [article.outlet, article.published === null ? null : formatPublished(article.published)].filter(
    (detail): detail is string => detail !== null && detail !== '',
  );
  return html`<li class="app-hit">
    <h3 class="app-hit-title">
      <a class="app-article-link" href=${articleHref(article.contentHash)}>${displayTitle(article.title, 'Untitled article')}</a>
    </h3>
    ${details.length === 0 ? null : html`<p class="app-muted">${details.join(' · ')}</p>`}
    <${HighlightedSnippet} snippet=${hit.snippet} />
    <p class="app-hit-links">
      ${article.story === null
        ? html`<span>In no story yet.</span>`
        : html`<a href=${storyHref(article.story)}>Read it in its story</a>`}
      ${article.url === null
        ? null
        : safeHttpUrl(article.url) === null
          ? html` <span class="app-unlinked">Address: ${article.url}</span>`
          : html` <${ExternalLink} url=${article.url}>Original article<//>`}
    </p>
  </li>`;
}

/** The search page when no words were given. */
export function EmptySearchPage() {
  return html`<div class="app-page app-search-page">
    <${PageHeading}>Search<//>
    <p class="app-note">Type words in the search box to find stories and articles; put a phrase in quotes to find it as written.</p>
  </div>`;
}

/** Props of {@link SearchRoute}. */
export interface SearchRouteProps {
  readonly api: ApiClient;
  readonly query: string;
  /** Called once the page shows its results or its error (the app then moves focus to the heading). */
  readonly onReady: () => void;
}

/** The search page with its data. */
export function SearchRoute({ api, query, onReady }: SearchRouteProps) {
  useDocumentTitle(query === '' ? 'Search' : `Search: ${query}`);
  if (query === '') return html`<${ReadyOnMount} onReady=${onReady}><${EmptySearchPage} /><//>`;
  return html`<${SearchResults} api=${api} query=${query} onReady=${onReady} />`;
}

/** Runs a search and shows its results. */
function SearchResults({ api, query, onReady }: SearchRouteProps) {
  const { state, retry } = useApiCall(() => api.search(query, { limit: SEARCH_LIMIT }), query);
  useEffect(() => {
    if (state.kind !== 'loading') onReady();
  }, [state]);
  return html`<div class="app-route">
    <${LiveStatus} message=${state.kind === 'loading' ? `Searching for “${query}”…` : ''} />
    ${state.kind === 'loaded'
      ? html`<${SearchPage} response=${state.value} />`
      : state.kind === 'failed'
        ? html`<div class="app-page">
            <${PageHeading}>Search: “${query}”<//>
            <${ErrorMessage} message=${`The search failed. ${state.failure.message}`} onRetry=${retry} />
          </div>`
        : null}
  </div>`;
}
