import { useState } from 'preact/hooks';
import type { Story, StoryArticle } from '../../core/records.js';
import { outletName } from '../../corpus/outlet.js';
import { agreedFacts, FACTS_SHOWN } from '../../present/describe.js';
import { Marker, Passages, useStory } from './citations.js';
import { html } from './html.js';

/** The columns of the agreement table: articles grouped by the report they came from, the group's witness first. */
function originColumns(story: Story, numbers: ReadonlyMap<string, number>, articles: ReadonlyMap<string, StoryArticle>) {
  return story.originGroups
    .map((group) => ({
      group,
      members: [group.representative, ...group.articles.filter((id) => id !== group.representative)]
        .map((id) => articles.get(id))
        .filter((article): article is StoryArticle => article !== undefined),
    }))
    .filter(({ members }) => members.length > 0)
    .sort((a, b) => (numbers.get(a.members[0]!.id) ?? 0) - (numbers.get(b.members[0]!.id) ?? 0));
}

/**
 * The agreement table: the facts more than one independent report states (rows) against the
 * articles (columns). Copies are grouped under the report they came from, so a fact carried by
 * one report and its three copies visibly counts once.
 */
export function Agreement({ story }: { story: Story }) {
  const { numbers, articles } = useStory();
  const [showAll, setShowAll] = useState(false);
  const facts = agreedFacts(story);
  if (facts.length === 0 || story.articles.length < 2) return null;
  const columns = originColumns(story, numbers, articles);
  const shown = showAll ? facts : facts.slice(0, FACTS_SHOWN);
  return html`<section class="agreement" aria-labelledby="agreement-heading">
    <h2 id="agreement-heading">What independent reports agree on</h2>
    <p class="hint">Columns are articles, grouped by the report they came from: ● the report, ○ a copy of it. A ✓ opens the passage.</p>
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col" rowspan="2">Fact</th>
            <th scope="col" rowspan="2"><abbr title="independent reports">Reports</abbr></th>
            ${columns.map(
              ({ group, members }) =>
                html`<th scope="colgroup" colspan=${members.length} class=${members.length > 1 ? 'origin-group copies' : 'origin-group'} key=${group.id}>${members.length > 1 ? `one report, ${members.length} articles` : 'own report'}</th>`,
            )}
          </tr>
          <tr>
            ${columns.flatMap(({ members }) =>
              members.map(
                (article, index) =>
                  html`<th scope="col" class=${index === 0 ? 'origin' : 'copy'} key=${article.id} title=${outletName(article)}>
                    <span aria-hidden="true">${index === 0 ? '●' : '○'} </span>[${numbers.get(article.id)}]<span class="visually-hidden">${index === 0 ? ', the report' : ', a copy'} </span>
                    <span class="column-outlet">${outletName(article)}</span>
                  </th>`,
              ),
            )}
          </tr>
        </thead>
        <tbody>
          ${shown.map(
            (fact) => html`<tr key=${fact.id}>
              <th scope="row" class="fact">${fact.text}</th>
              <td class="count">${fact.independentReports}</td>
              ${columns.flatMap(({ members }) =>
                members.map((article, index) => {
                  const stated = fact.members.filter((member) => member.article === article.id);
                  const kind = index === 0 ? 'origin' : 'copy';
                  return stated.length === 0
                    ? html`<td class=${`${kind} absent`} key=${article.id}><span aria-label="not stated">·</span></td>`
                    : html`<td class=${`${kind} stated`} key=${article.id}><${Marker} owner=${`agreement:${fact.id}`} article=${article.id} citations=${stated} label="✓" /></td>`;
                }),
              )}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <${Passages} owner="agreement" />
    ${facts.length > FACTS_SHOWN
      ? html`<p><button type="button" aria-expanded=${showAll ? 'true' : 'false'} onClick=${() => setShowAll(!showAll)}>${showAll ? `Show the first ${FACTS_SHOWN}` : `Show all ${facts.length} facts`}</button></p>`
      : null}
  </section>`;
}
