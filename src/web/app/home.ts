import { useEffect } from 'preact/hooks';
import type { StoriesResponse } from '../../server/api-types.js';
import type { StoryChanges } from '../../store/store.js';
import { html } from '../view/html.js';
import type { ApiClient } from './api.js';
import { displayTitle, ErrorMessage, LiveStatus, PageHeading, Time } from './components.js';
import { countNoun, formatFigureChange } from './format.js';
import { routeHref, storyHref } from './route.js';
import { useApiCall, useDocumentTitle } from './use-api.js';
import type { VisitMemory } from './visits.js';

/** A story of the home page's list, with what it gained since the last visit. */
export type HomeStory = StoriesResponse['stories'][number];

/** How many stories the home page asks for. */
export const HOME_STORY_LIMIT = 100;

/** Props of {@link HomePage}. */
export interface HomePageProps {
  /** The stories, newest first, as the API lists them. */
  readonly stories: readonly HomeStory[];
  /** The time of the previous visit, or null on the first one. */
  readonly lastVisit: string | null;
}

/** The stories that gained facts or whose figures changed since the last visit, in list order. */
export function selectChangedStories(stories: readonly HomeStory[]): Array<HomeStory & { readonly changes: StoryChanges }> {
  return stories.filter(
    (story): story is HomeStory & { readonly changes: StoryChanges } =>
      story.changes !== null && (story.changes.facts.length > 0 || story.changes.figures.length > 0),
  );
}

/** The home page: what changed since the last visit, then every story, newest first. */
export function HomePage({ stories, lastVisit }: HomePageProps) {
  return html`<div class="app-page app-home">
    <${PageHeading}>Stories<//>
    ${stories.length === 0 ? html`<${EmptyArchive} />` : html`<${ChangesSinceLastVisit} stories=${stories} lastVisit=${lastVisit} />`}
    ${stories.length === 0
      ? null
      : html`<section class="app-section" aria-labelledby="app-all-stories">
          <h2 id="app-all-stories">All stories, newest first</h2>
          <ol class="app-story-list">
            ${stories.map((story) => html`<${StoryListItem} key=${story.id} story=${story} />`)}
          </ol>
        </section>`}
  </div>`;
}

/** What a reader sees when the archive holds no story yet: how to add articles. */
function EmptyArchive() {
  return html`<section class="app-section app-empty" aria-labelledby="app-empty-title">
    <h2 id="app-empty-title">The archive is empty</h2>
    <p>Parallax has no articles yet. Add some, and it groups them into stories:</p>
    <ul>
      <li>on the <a href=${routeHref({ page: 'add' })}>Add articles</a> page, give addresses of articles or paste one;</li>
      <li>or, in a terminal, run <code>parallax ingest</code> with files, folders, URLs or feeds, for example <code>parallax ingest ./articles feeds.opml</code>.</li>
    </ul>
  </section>`;
}

/** The top of the home page: a first-visit note, or the stories that changed since the last visit. */
function ChangesSinceLastVisit({ stories, lastVisit }: { readonly stories: readonly HomeStory[]; readonly lastVisit: string | null }) {
  if (lastVisit === null) {
    return html`<p class="app-note">This is your first visit. From your next visit on, this page shows first what changed since then.</p>`;
  }
  const changed = selectChangedStories(stories);
  if (changed.length === 0) {
    return html`<p class="app-note">Nothing changed since your last visit (<${Time} iso=${lastVisit} />).</p>`;
  }
  return html`<section class="app-section app-changes" aria-labelledby="app-changes-title">
    <h2 id="app-changes-title">What changed since your last visit</h2>
    <p class="app-muted">Since <${Time} iso=${lastVisit} />.</p>
    <ul class="app-change-list">
      ${changed.map(
        ({ id, title, changes }) => html`<li key=${id} class="app-change">
          <a class="app-story-link" href=${storyHref(id)}>${displayTitle(title)}</a>
          ${changes.facts.length > 0 ? html`<p>${countNoun(changes.facts.length, 'new fact')}</p>` : null}
          ${changes.figures.length > 0
            ? html`<div>
                <p>${changes.figures.length === 1 ? 'A figure changed:' : 'Figures changed:'}</p>
                <ul class="app-figure-list">
                  ${changes.figures.map((figure) => html`<li key=${figure.key}>${formatFigureChange(figure)}</li>`)}
                </ul>
              </div>`
            : null}
        </li>`,
      )}
    </ul>
  </section>`;
}

/** One story of the list: its title, when it was updated and its counts. */
function StoryListItem({ story }: { readonly story: HomeStory }) {
  const { articles, outlets, independentReports } = story.counts;
  return html`<li class="app-story">
    <h3 class="app-story-title"><a class="app-story-link" href=${storyHref(story.id)}>${displayTitle(story.title)}</a></h3>
    <p class="app-muted">Updated <${Time} iso=${story.updatedAt} /></p>
    <ul class="app-counts">
      <li>${countNoun(articles, 'article')}</li>
      <li>${countNoun(outlets, 'outlet')}</li>
      <li>${independentReports === null ? 'not analysed yet' : countNoun(independentReports, 'independent report')}</li>
      ${story.needsAnalysis && independentReports !== null ? html`<li>new articles not analysed yet</li>` : null}
    </ul>
  </li>`;
}

/** Props of {@link HomeRoute}. */
export interface HomeRouteProps {
  readonly api: ApiClient;
  readonly visits: VisitMemory;
  /** Called once the page shows its list or its error (the app then moves focus to the heading). */
  readonly onReady: () => void;
}

/** The home page with its data: asks the API what changed since the last visit, then records this visit. */
export function HomeRoute({ api, visits, onReady }: HomeRouteProps) {
  const lastVisit = visits.homeSince();
  const { state, retry } = useApiCall(() => api.listStories({ limit: HOME_STORY_LIMIT, since: lastVisit }), `home ${lastVisit ?? ''}`);
  useDocumentTitle(null);
  useEffect(() => {
    if (state.kind === 'loaded') visits.recordHomeVisit();
    if (state.kind !== 'loading') onReady();
  }, [state]);

  return html`<div class="app-route">
    <${LiveStatus} message=${state.kind === 'loading' ? 'Loading stories…' : ''} />
    ${state.kind === 'loaded'
      ? html`<${HomePage} stories=${state.value.stories} lastVisit=${lastVisit} />`
      : state.kind === 'failed'
        ? html`<div class="app-page">
            <${PageHeading}>Stories<//>
            <${ErrorMessage} message=${`Could not load the stories. ${state.failure.message}`} onRetry=${retry} />
          </div>`
        : null}
  </div>`;
}
