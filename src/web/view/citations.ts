import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Citation, Story, StoryArticle } from '../../core/records.js';
import type { Span } from '../../core/span.js';
import { outletName } from '../../corpus/outlet.js';
import { html } from './html.js';
import { MarkedText } from './marked-text.js';

/**
 * Citations: every claim the story view shows carries markers ([1], [2]) naming the articles
 * it rests on. Opening a marker shows the exact passages under the claim, highlighted in their
 * sentences, and marks them in the article's full text further down the page.
 */

/** The passages of one article that one claim rests on, opened from the claim's marker. */
export interface Selection {
  /** Which claim opened it: markers and their passage panel share this key. */
  readonly owner: string;
  readonly article: string;
  readonly citations: readonly Citation[];
}

/** What every part of the story view shares: the story, its article numbers, and the open selection. */
export interface StoryContextValue {
  readonly story: Story;
  readonly numbers: ReadonlyMap<string, number>;
  readonly articles: ReadonlyMap<string, StoryArticle>;
  readonly selection: Selection | null;
  select(selection: Selection | null): void;
  /** Opens an article's full text and scrolls to its first highlighted passage. */
  showInArticle(article: string): void;
}

export const StoryContext = createContext<StoryContextValue | null>(null);

/** The story view's shared state; only used inside {@link StoryContext}. */
export function useStory(): StoryContextValue {
  const value = useContext(StoryContext);
  if (value === null) throw new Error('story view parts need the StoryContext');
  return value;
}

/** Whether a passage panel keyed `owner` shows the selection (its own markers, or those of its rows, `owner:row`). */
function ownsSelection(owner: string, selection: Selection | null): selection is Selection {
  return selection !== null && (selection.owner === owner || selection.owner.startsWith(`${owner}:`));
}

/** The citations grouped by article, in article-number order. */
function byArticle(citations: readonly Citation[], numbers: ReadonlyMap<string, number>): Array<{ article: string; number: number; citations: Citation[] }> {
  const groups = new Map<string, Citation[]>();
  for (const citation of citations) groups.set(citation.article, [...(groups.get(citation.article) ?? []), citation]);
  return [...groups.entries()]
    .map(([article, members]) => ({ article, number: numbers.get(article) ?? 0, citations: members }))
    .filter(({ number }) => number > 0)
    .sort((a, b) => a.number - b.number);
}

/**
 * One marker that opens the passages of one article: `[n]` by default, or `label`.
 * Without script it is a plain link to the article.
 */
export function Marker({ owner, article, citations, label }: { owner: string; article: string; citations: readonly Citation[]; label?: string }) {
  const { numbers, articles, selection, select } = useStory();
  const number = numbers.get(article) ?? 0;
  const source = articles.get(article);
  const open = selection !== null && selection.owner === owner && selection.article === article;
  const name = source === undefined ? `article ${number}` : `${outletName(source)}, article ${number}`;
  const toggle = (event: Event) => {
    event.preventDefault();
    select(open ? null : { owner, article, citations });
  };
  // A link that acts as a button answers Space as buttons do (Enter already clicks it).
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === ' ') toggle(event);
  };
  return html`<a class=${open ? 'cite open' : 'cite'} href=${`#article-${number}`} role="button" aria-expanded=${open ? 'true' : 'false'} aria-label=${`${open ? 'Hide' : 'Show'} the passage in ${name}`} onClick=${toggle} onKeyDown=${onKeyDown}>${label ?? `[${number}]`}</a>`;
}

/** The markers of a claim: one per article carrying it. */
export function Markers({ owner, citations }: { owner: string; citations: readonly Citation[] }) {
  const { numbers } = useStory();
  const groups = byArticle(citations, numbers);
  if (groups.length === 0) return null;
  return html`<span class="cites">${groups.map((group) => html`<${Marker} key=${group.article} owner=${owner} article=${group.article} citations=${group.citations} />`)}</span>`;
}

/** The sentences around a passage: from the start of the first sentence it touches to the end of the last. */
export function passageContext(article: StoryArticle, citation: Span): Span {
  let start = citation.start;
  let end = citation.end;
  for (const sentence of article.sentences) {
    if (sentence.end <= citation.start || sentence.start >= citation.end) continue;
    start = Math.min(start, sentence.start);
    end = Math.max(end, sentence.end);
  }
  return { start, end };
}

/** How many passages a panel quotes; the article shows them all marked. */
const PASSAGES_SHOWN = 5;

/** The panel under a claim that shows the passages its open marker points to. */
export function Passages({ owner }: { owner: string }) {
  const { selection, articles, numbers, select, showInArticle } = useStory();
  if (!ownsSelection(owner, selection)) return null;
  const article = articles.get(selection.article);
  if (article === undefined) return null;
  const number = numbers.get(article.id) ?? 0;
  const contexts = mergeSpans(selection.citations.map((citation) => passageContext(article, citation)));
  const shown = contexts.slice(0, PASSAGES_SHOWN);
  return html`<div class="passages" role="region" aria-label=${`Passages from article ${number}`}>
    <p class="passages-source"><strong>[${number}] ${outletName(article)}</strong>${article.title === null ? '' : html` — ${article.title}`}</p>
    ${shown.map(
      (context) =>
        html`<blockquote class="passage"><${MarkedText} text=${article.text.slice(context.start, context.end)} offset=${context.start} marks=${selection.citations} /></blockquote>`,
    )}
    ${contexts.length > shown.length ? html`<p class="hint">and ${contexts.length - shown.length} more passages, marked in the article</p>` : null}
    <p class="passages-actions">
      <button type="button" onClick=${() => showInArticle(article.id)}>Show in the article</button>
      <button type="button" onClick=${() => select(null)}>Close</button>
    </p>
  </div>`;
}

/** Spans sorted and overlapping ones joined. */
function mergeSpans(spans: readonly Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    else merged.push(span);
  }
  return merged;
}
