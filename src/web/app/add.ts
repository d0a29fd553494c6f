import { useState } from 'preact/hooks';
import type { IngestRequest, IngestResponse } from '../../server/api-types.js';
import { html } from '../view/html.js';
import type { ApiClient } from './api.js';
import { LiveStatus, PageHeading, ReadyOnMount } from './components.js';
import { countNoun } from './format.js';
import { routeHref } from './route.js';
import { useDocumentTitle } from './use-api.js';

/** What the add form holds, as typed. */
export interface AddFormValues {
  /** Addresses, one per line. */
  readonly urls: string;
  readonly title: string;
  readonly outlet: string;
  /** The publication date (`YYYY-MM-DD` from the date input), or `''`. */
  readonly published: string;
  /** The pasted article's own address, or `''`. */
  readonly articleUrl: string;
  /** The pasted article's text. */
  readonly text: string;
}

/** A form with nothing typed. */
export const EMPTY_ADD_FORM: AddFormValues = { urls: '', title: '', outlet: '', published: '', articleUrl: '', text: '' };

/** Where the form's submission stands. */
export type AddSubmission =
  | { readonly kind: 'idle' }
  | { readonly kind: 'invalid'; readonly message: string }
  | { readonly kind: 'sending' }
  | { readonly kind: 'done'; readonly response: IngestResponse }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * The request the form asks for: the non-blank lines as URLs, and the pasted article when it
 * has text. Fails, with what to do, when there is nothing to add or a title, outlet, date or
 * address was given without the article's text.
 */
export function buildIngestRequest(
  values: AddFormValues,
): { readonly ok: true; readonly request: IngestRequest } | { readonly ok: false; readonly message: string } {
  const urls = values.urls
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const text = values.text.trim();
  const detailsGiven = [values.title, values.outlet, values.published, values.articleUrl].some((value) => value.trim() !== '');
  if (text === '' && detailsGiven) {
    return { ok: false, message: 'Paste the text of the article too, or clear its title, outlet, date and address.' };
  }
  if (urls.length === 0 && text === '') {
    return { ok: false, message: 'Give at least one address, or paste the text of an article.' };
  }

  const article: { text: string; title?: string; outlet?: string; published?: string; url?: string } = { text };
  if (values.title.trim() !== '') article.title = values.title.trim();
  if (values.outlet.trim() !== '') article.outlet = values.outlet.trim();
  if (values.published.trim() !== '') article.published = values.published.trim();
  if (values.articleUrl.trim() !== '') article.url = values.articleUrl.trim();

  const request: { urls?: string[]; articles?: (typeof article)[] } = {};
  if (urls.length > 0) request.urls = urls;
  if (text !== '') request.articles = [article];
  return { ok: true, request };
}

/** One sentence for what an ingest did (also announced to screen readers). */
export function summarizeIngest(response: IngestResponse): string {
  const parts = [`Added ${countNoun(response.added, 'new article')}`];
  if (response.duplicates > 0) parts.push(`${response.duplicates} ${response.duplicates === 1 ? 'was' : 'were'} already stored`);
  if (response.failed.length > 0) parts.push(`${response.failed.length} could not be added`);
  return `${parts.join('; ')}.`;
}

/** Props of {@link AddPage}. */
export interface AddPageProps {
  readonly values: AddFormValues;
  readonly submission: AddSubmission;
  /** Called with a field's new value as the reader types. */
  readonly onChange: (field: keyof AddFormValues, value: string) => void;
  readonly onSubmit: () => void;
}

/** The add page: a form of addresses and one pasted article, then what the server did with them. */
export function AddPage({ values, submission, onChange, onSubmit }: AddPageProps) {
  const sending = submission.kind === 'sending';
  const submit = (event: Event) => {
    event.preventDefault();
    if (!sending) onSubmit();
  };
  const input = (field: keyof AddFormValues) => (event: Event) =>
    onChange(field, (event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value);

  return html`<div class="app-page app-add">
    <${PageHeading}>Add articles<//>
    <p>Give addresses of articles to fetch, paste one article, or both. Parallax stores them and groups them into stories.</p>
    <form class="app-form" onSubmit=${submit} aria-describedby="app-add-status">
      <div class="app-field">
        <label for="app-add-urls">Addresses of articles or feeds, one per line</label>
        <textarea id="app-add-urls" class="app-input" rows="5" spellcheck="false" aria-describedby="app-add-urls-hint"
          value=${values.urls} onInput=${input('urls')}></textarea>
        <p id="app-add-urls-hint" class="app-hint">http or https addresses. The server refuses addresses on private networks unless it was started to allow them.</p>
      </div>
      <fieldset class="app-fieldset">
        <legend>Or paste one article</legend>
        <div class="app-field">
          <label for="app-add-title">Title</label>
          <input id="app-add-title" class="app-input" type="text" value=${values.title} onInput=${input('title')} />
        </div>
        <div class="app-field-row">
          <div class="app-field">
            <label for="app-add-outlet">Outlet</label>
            <input id="app-add-outlet" class="app-input" type="text" value=${values.outlet} onInput=${input('outlet')} />
          </div>
          <div class="app-field">
            <label for="app-add-published">Date published</label>
            <input id="app-add-published" class="app-input" type="date" value=${values.published} onInput=${input('published')} />
          </div>
        </div>
        <div class="app-field">
          <label for="app-add-article-url">Its address (optional)</label>
          <input id="app-add-article-url" class="app-input" type="url" inputmode="url" value=${values.articleUrl} onInput=${input('articleUrl')} />
        </div>
        <div class="app-field">
          <label for="app-add-text">Text of the article</label>
          <textarea id="app-add-text" class="app-input" rows="10" value=${values.text} onInput=${input('text')}></textarea>
        </div>
      </fieldset>
      <button class="app-button app-button-primary" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
        ${sending ? 'Adding…' : 'Add articles'}
      </button>
    </form>
    <div id="app-add-status">
      <${LiveStatus} message=${sending ? 'Adding articles; fetching addresses can take a while…' : submission.kind === 'done' ? summarizeIngest(submission.response) : ''} />
      ${submission.kind === 'invalid' || submission.kind === 'failed'
        ? html`<div class="app-error" role="alert"><p>${submission.kind === 'failed' ? `Could not add the articles. ${submission.message}` : submission.message}</p></div>`
        : null}
      ${submission.kind === 'done' ? html`<${IngestResult} response=${submission.response} />` : null}
    </div>
  </div>`;
}

/** What an ingest did: counts, the stories it touched, and every input that failed with its reason. */
export function IngestResult({ response }: { readonly response: IngestResponse }) {
  return html`<section class="app-section app-ingest-result" aria-labelledby="app-ingest-result-title">
    <h2 id="app-ingest-result-title">Result</h2>
    <ul class="app-counts">
      <li>${countNoun(response.added, 'article')} added</li>
      <li>${response.duplicates} already stored</li>
      <li>${countNoun(response.storiesCreated, 'story', 'stories')} created</li>
      <li>${countNoun(response.storiesUpdated, 'story', 'stories')} updated</li>
    </ul>
    ${response.storiesCreated + response.storiesUpdated > 0
      ? html`<p><a href=${routeHref({ page: 'home' })}>See the stories</a></p>`
      : null}
    ${response.failed.length === 0
      ? null
      : html`<div class="app-failures">
          <h3>${response.failed.length === 1 ? 'Not added' : `Not added (${response.failed.length})`}</h3>
          <ul>
            ${response.failed.map(
              (failure, index) => html`<li key=${index}><span class="app-failed-input">${failure.input}</span>: ${failure.reason}</li>`,
            )}
          </ul>
        </div>`}
  </section>`;
}

/** Props of {@link AddRoute}. */
export interface AddRouteProps {
  readonly api: ApiClient;
  /** Called once the page is shown (the app then moves focus to the heading). */
  readonly onReady: () => void;
}

/** The add page with its state: sends the form to `POST /api/ingest`. */
export function AddRoute({ api, onReady }: AddRouteProps) {
  const [values, setValues] = useState<AddFormValues>(EMPTY_ADD_FORM);
  const [submission, setSubmission] = useState<AddSubmission>({ kind: 'idle' });
  useDocumentTitle('Add articles');

  const change = (field: keyof AddFormValues, value: string) => setValues((previous) => ({ ...previous, [field]: value }));
  const submit = () => {
    const built = buildIngestRequest(values);
    if (!built.ok) {
      setSubmission({ kind: 'invalid', message: built.message });
      return;
    }
    setSubmission({ kind: 'sending' });
    api.ingest(built.request).then((result) => {
      if (!result.ok) {
        setSubmission({ kind: 'failed', message: result.failure.message });
        return;
      }
      setSubmission({ kind: 'done', response: result.value });
      // When an input failed, the form keeps everything so it can be corrected; else it is cleared.
      if (result.value.failed.length === 0) setValues(EMPTY_ADD_FORM);
    });
  };

  return html`<${ReadyOnMount} onReady=${onReady}>
    <${AddPage} values=${values} submission=${submission} onChange=${change} onSubmit=${submit} />
  <//>`;
}
