import { useEffect } from 'preact/hooks';
import type { StoryResponse } from '../../server/api-types.js';
import { html } from '../view/html.js';
import { StoryView } from '../view/story-view.js';
import type { ApiClient, ApiFailure } from './api.js';
import { displayTitle, LiveStatus, LoadFailure } from './components.js';
import { useApiCall, useDocumentTitle } from './use-api.js';
import type { VisitMemory } from './visits.js';

/** Props of {@link StoryPage}. */
export interface StoryPageProps {
  /** The API's answer: the story, and what it gained since the reader last viewed it. */
  readonly response: StoryResponse;
}

/** A story: the shared story view (the same one the HTML report shows). */
export function StoryPage({ response }: StoryPageProps) {
  return html`<div class="app-page app-story-page">
    <${StoryView} story=${response.story} since=${response.since} changes=${response.changes} />
  </div>`;
}

/** Props of {@link StoryFailure}. */
export interface StoryFailureProps {
  readonly storyId: string;
  readonly failure: ApiFailure;
  readonly onRetry?: () => void;
}

/** Why a story cannot be shown: no story with that id (404), or the request failed. */
export function StoryFailure({ storyId, failure, onRetry }: StoryFailureProps) {
  return html`<${LoadFailure} noun="story" name=${storyId} notFound=${'No story has this id. It may have been merged into another story; the list of stories has them all.'} failure=${failure} onRetry=${onRetry} />`;
}

/** Props of {@link StoryRoute}. */
export interface StoryRouteProps {
  readonly api: ApiClient;
  readonly visits: VisitMemory;
  readonly storyId: string;
  /** Called once the page shows the story or its error (the app then moves focus to the heading). */
  readonly onReady: () => void;
}

/** A story page with its data: asks what the story gained since the reader last viewed it, then records this view. */
export function StoryRoute({ api, visits, storyId, onReady }: StoryRouteProps) {
  const since = visits.storySince(storyId);
  const { state, retry } = useApiCall(() => api.getStory(storyId, { since }), `story ${storyId} ${since ?? ''}`);
  useDocumentTitle(
    state.kind === 'loaded'
      ? displayTitle(state.value.story.title)
      : state.kind === 'failed'
        ? 'Story not available'
        : 'Loading story',
  );
  useEffect(() => {
    if (state.kind === 'loaded') visits.recordStoryView(storyId);
    if (state.kind !== 'loading') onReady();
  }, [state]);

  return html`<div class="app-route">
    <${LiveStatus} message=${state.kind === 'loading' ? 'Loading the story…' : ''} />
    ${state.kind === 'loaded'
      ? html`<${StoryPage} response=${state.value} />`
      : state.kind === 'failed'
        ? html`<${StoryFailure} storyId=${storyId} failure=${state.failure} onRetry=${retry} />`
        : null}
  </div>`;
}
