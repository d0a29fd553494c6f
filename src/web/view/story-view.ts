import { useMemo, useState } from 'preact/hooks';
import { describeDiagnostic } from '../../core/diagnostic.js';
import type { Story } from '../../core/records.js';
import { citationNumbers, conflictValueLine, storyCounts } from '../../present/describe.js';
import type { StoryChanges } from '../../store/store.js';
import { Agreement } from './agreement.js';
import { Articles } from './articles.js';
import { Markers, Passages, StoryContext, type Selection, type StoryContextValue } from './citations.js';
import { Conflicts } from './conflicts.js';
import { Entities } from './entities.js';
import { html } from './html.js';
import { Quotes } from './quotes.js';
import { Timeline } from './timeline.js';

/** What the story view shows: the story and, when known, what it gained since a time. */
export interface StoryViewProps {
  readonly story: Story;
  readonly since?: string | null;
  readonly changes?: StoryChanges | null;
}

/** What the story gained since the reader's last visit: new facts and changed figures. */
function Changes({ since, changes }: { since: string; changes: StoryChanges }) {
  const day = since.slice(0, 10);
  if (changes.facts.length + changes.figures.length === 0) return html`<p class="changes none">Nothing new since ${day}.</p>`;
  return html`<section class="changes" aria-labelledby="changes-heading">
    <h2 id="changes-heading">New since ${day}</h2>
    <ul>
      ${changes.figures.map(
        (figure) => html`<li key=${`figure-${figure.key}`}><strong>${figure.about}</strong>: ${figure.previousValue === null ? `now reported as ${figure.value}` : `${figure.previousValue} → ${figure.value}`}</li>`,
      )}
      ${changes.facts.map((fact) => html`<li key=${`fact-${fact.key}`}>${fact.text}</li>`)}
    </ul>
  </section>`;
}

/** Under a summary sentence that takes a side: what the sources say instead, each value with its markers. */
function Dispute({ story, conflictId, owner }: { story: Story; conflictId: string; owner: string }) {
  const conflict = story.conflicts.find((candidate) => candidate.id === conflictId);
  if (conflict === undefined) return null;
  return html`<p class="dispute">
    <a href=${`#${conflict.id}`}>Sources differ on ${conflict.about}</a>:
    ${conflict.values.map(
      (value, index) => html`<span key=${index}>${index > 0 ? '; ' : ' '}${conflictValueLine(value)} <${Markers} owner=${`${owner}:${conflict.id}-${index}`} citations=${value.members} /></span>`,
    )}
  </p>`;
}

/** The summary: every sentence with the articles it rests on, and where sources differ on what it states. */
function Summary({ story }: { story: Story }) {
  return html`<section class="summary" aria-labelledby="summary-heading">
    <h2 id="summary-heading">What happened</h2>
    ${story.summary.length === 0 ? html`<p>No sentence could be chosen and checked against its sources.</p>` : null}
    <ol class="summary-sentences">
      ${story.summary.map((sentence, index) => {
        const owner = `summary-${index}`;
        return html`<li key=${index} class=${sentence.disputed.length > 0 ? 'disputed' : ''}>
          ${sentence.text} <${Markers} owner=${owner} citations=${sentence.citations} />
          ${sentence.disputed.map((id) => html`<${Dispute} key=${id} story=${story} conflictId=${id} owner=${owner} />`)}
          <${Passages} owner=${owner} />
        </li>`;
      })}
    </ol>
  </section>`;
}

/** Inputs that were skipped or read with warnings. */
function Diagnostics({ story }: { story: Story }) {
  if (story.diagnostics.length === 0) return null;
  return html`<section class="diagnostics" aria-labelledby="diagnostics-heading">
    <h2 id="diagnostics-heading">Inputs with problems</h2>
    <ul>${story.diagnostics.map((diagnostic, index) => html`<li key=${index}>${describeDiagnostic(diagnostic)}</li>`)}</ul>
  </section>`;
}

/**
 * The story page, written once: rendered to HTML for the report (`parallax story --format
 * html`) and into the page by the web app. Every claim carries markers that open the exact
 * passages it rests on.
 */
export function StoryView({ story, since = null, changes = null }: StoryViewProps) {
  const [selection, setSelection] = useState<Selection | null>(null);
  const [reveal, setReveal] = useState({ article: '', count: 0 });
  const numbers = useMemo(() => citationNumbers(story), [story]);
  const articles = useMemo(() => new Map(story.articles.map((article) => [article.id, article])), [story]);
  const context: StoryContextValue = {
    story,
    numbers,
    articles,
    selection,
    select: setSelection,
    showInArticle: (article) => setReveal({ article, count: reveal.count + 1 }),
  };
  return html`<${StoryContext.Provider} value=${context}>
    <article class="story">
      <header class="story-header">
        <h1 tabindex="-1">${story.title ?? 'Untitled story'}</h1>
        <p class="counts">${storyCounts(story)}</p>
      </header>
      ${since !== null && changes !== null ? html`<${Changes} since=${since} changes=${changes} />` : null}
      <${Summary} story=${story} />
      <${Conflicts} story=${story} />
      <${Agreement} story=${story} />
      <${Quotes} story=${story} />
      <${Timeline} story=${story} />
      <${Entities} story=${story} />
      <${Articles} story=${story} reveal=${reveal} />
      <${Diagnostics} story=${story} />
    </article>
  <//>`;
}
