import { useEffect, useRef } from 'preact/hooks';
import type { Block, Story, StoryArticle } from '../../core/records.js';
import type { Span } from '../../core/span.js';
import { outletName } from '../../corpus/outlet.js';
import { countWords } from '../../extract/text/lines.js';
import { articleDate, describeOrigin, factsById, flagLine, summarizeRemoved } from '../../present/describe.js';
import { useStory } from './citations.js';
import { html } from './html.js';
import { OUTSIDE_LINK_REL, safeHttpUrl } from './links.js';
import { MarkedText } from './marked-text.js';

/** One block of an article's body, with the passages that fall in it marked. */
function BodyBlock({ article, block, marks }: { article: StoryArticle; block: Block; marks: readonly Span[] }) {
  const text = html`<${MarkedText} text=${article.text.slice(block.start, block.end)} offset=${block.start} marks=${marks} />`;
  switch (block.kind) {
    case 'heading':
      return html`<h4>${text}</h4>`;
    case 'quote':
      return html`<blockquote>${text}</blockquote>`;
    case 'list-item':
      return html`<p class="list-item">${text}</p>`;
    case 'paragraph':
      return html`<p>${text}</p>`;
  }
}

/** What the article alone reports, and what most reports state that it leaves out. */
function Contribution({ story, article }: { story: Story; article: StoryArticle }) {
  const coverage = story.coverage.byArticle.find((entry) => entry.article === article.id);
  if (coverage === undefined || coverage.unique.length + coverage.missing.length === 0 || story.articles.length < 2) return null;
  const facts = factsById(story);
  const list = (ids: readonly string[]) => html`<ul>${ids.map((id) => html`<li key=${id}>${facts.get(id)?.text ?? id}</li>`)}</ul>`;
  return html`<details class="contribution">
    <summary>${coverage.unique.length} fact${coverage.unique.length === 1 ? '' : 's'} only this report states; leaves out ${coverage.missing.length} widely reported</summary>
    ${coverage.unique.length > 0 ? html`<h4>Only here</h4>${list(coverage.unique)}` : null}
    ${coverage.missing.length > 0 ? html`<h4>Left out</h4>${list(coverage.missing)}` : null}
  </details>`;
}

/**
 * One article: outlet, date, origin and flags always shown; the full text on request, with the
 * open passages marked; the boilerplate removed from it on request.
 */
function ArticleCard({ story, article, number, marks, reveal }: { story: Story; article: StoryArticle; number: number; marks: readonly Span[]; reveal: number }) {
  const { numbers } = useStory();
  const body = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (reveal === 0 || body.current === null) return;
    body.current.open = true;
    body.current.focus({ preventScroll: true });
    (body.current.querySelector('mark') ?? body.current).scrollIntoView({ block: 'center' });
  }, [reveal]);
  const link = safeHttpUrl(article.url ?? article.source);
  const words = countWords(article.text);
  const origin = describeOrigin(story, article, numbers);
  return html`<li class=${marks.length > 0 ? 'article highlighted' : 'article'} id=${`article-${number}`}>
    <h3><span class="number">[${number}]</span> ${article.title ?? '(untitled)'}</h3>
    <p class="meta">
      <strong>${outletName(article)}</strong> · ${articleDate(article)}${article.byline === null ? '' : ` · by ${article.byline}`}
      ${link === null ? null : html` · <a href=${link} rel=${OUTSIDE_LINK_REL} target="_blank">original</a>`}
    </p>
    <p class=${origin === 'independent report' ? 'origin-line independent' : 'origin-line copy'}>${origin}</p>
    ${article.flags.map((flag, index) => html`<p class=${`flag ${flag.kind}`} key=${index}>Flagged ${flagLine(flag, numbers)}</p>`)}
    <${Contribution} story=${story} article=${article} />
    <details class="article-body" ref=${body} tabindex="-1">
      <summary>Read the article (${words} words)</summary>
      ${article.paragraphs.map((block, index) => html`<${BodyBlock} key=${index} article=${article} block=${block} marks=${marks} />`)}
    </details>
    ${article.removed.length > 0
      ? html`<details class="removed">
          <summary>Boilerplate removed: ${summarizeRemoved(article)}</summary>
          <ul>
            ${article.removed.map(
              (removed, index) => html`<li key=${index}><span class="removed-kind">${removed.kind}</span> <span class="removed-rule">(${removed.rule})</span> ${removed.text}</li>`,
            )}
          </ul>
        </details>`
      : null}
  </li>`;
}

/** Every article of the story, in citation-number order. */
export function Articles({ story, reveal }: { story: Story; reveal: { article: string; count: number } }) {
  const { numbers, selection } = useStory();
  return html`<section class="articles" aria-labelledby="articles-heading">
    <h2 id="articles-heading">The articles</h2>
    <ol class="article-list">
      ${story.articles.map((article) => {
        const marks = selection !== null && selection.article === article.id ? selection.citations : [];
        return html`<${ArticleCard}
          key=${article.id}
          story=${story}
          article=${article}
          number=${numbers.get(article.id) ?? 0}
          marks=${marks}
          reveal=${reveal.article === article.id ? reveal.count : 0}
        />`;
      })}
    </ol>
  </section>`;
}
