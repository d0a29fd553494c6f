import { useState } from 'preact/hooks';
import type { Story, StoryArticle } from '../../core/records.js';
import { outletName } from '../../corpus/outlet.js';
import { agreedFacts, FACTS_SHOWN } from '../../present/describe.js';
import { Marker, Passages, useStory } from './citations.js';
import { html } from './html.js';

/** How an article stands in its column group: the report itself, a copy of it, or a rewording derived from it. */
type ColumnRole = 'origin' | 'copy' | 'derived';

const ROLE_SYMBOL: Record<ColumnRole, string> = { origin: '●', copy: '○', derived: '◇' };
const ROLE_WORDS: Record<ColumnRole, string> = { origin: 'the report', copy: 'a copy', derived: 'derived from it' };

/** The origin group a derivative article is shown under: that of the first article it rewords, when it stands alone otherwise. */
function derivedOrigin(article: StoryArticle, story: Story, articles: ReadonlyMap<string, StoryArticle>): string | null {
  const flag = article.flags.find((candidate) => candidate.kind === 'derivative' && candidate.derivedFrom.length > 0);
  const group = story.originGroups.find((candidate) => candidate.id === article.origin);
  if (flag === undefined || (group !== undefined && group.articles.length > 1)) return null;
  const source = articles.get(flag.derivedFrom[0]!);
  return source === undefined || source.origin === article.origin ? null : source.origin;
}

/**
 * The columns of the agreement table: articles grouped by the report they came from, the
 * group's witness first, then its copies, then the articles flagged as rewordings of it.
 */
function originColumns(story: Story, numbers: ReadonlyMap<string, number>, articles: ReadonlyMap<string, StoryArticle>) {
  const derivedUnder = new Map<string, StoryArticle[]>();
  const placedElsewhere = new Set<string>();
  for (const article of story.articles) {
    const origin = derivedOrigin(article, story, articles);
    if (origin === null) continue;
    derivedUnder.set(origin, [...(derivedUnder.get(origin) ?? []), article]);
    placedElsewhere.add(article.id);
  }
  return story.originGroups
    .map((group) => {
      const own = [group.representative, ...group.articles.filter((id) => id !== group.representative)]
        .filter((id) => !placedElsewhere.has(id))
        .map((id) => articles.get(id))
        .filter((article): article is StoryArticle => article !== undefined)
        .map((article, index) => ({ article, role: (index === 0 ? 'origin' : 'copy') as ColumnRole }));
      const derived = (derivedUnder.get(group.id) ?? []).map((article) => ({ article, role: 'derived' as ColumnRole }));
      return { group, members: [...own, ...derived] };
    })
    .filter(({ members }) => members.length > 0)
    .sort((a, b) => (numbers.get(a.members[0]!.article.id) ?? 0) - (numbers.get(b.members[0]!.article.id) ?? 0));
}

/** A column group's heading: "own report", or "one report: 2 copies, 1 derived". */
function groupLabel(members: ReadonlyArray<{ role: ColumnRole }>): string {
  const copies = members.filter(({ role }) => role === 'copy').length;
  const derived = members.filter(({ role }) => role === 'derived').length;
  if (copies + derived === 0) return 'own report';
  const parts = [...(copies > 0 ? [`${copies} ${copies === 1 ? 'copy' : 'copies'}`] : []), ...(derived > 0 ? [`${derived} derived`] : [])];
  return `one report: ${parts.join(', ')}`;
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
    <p class="hint">Columns are articles, grouped by the report they came from: ● the report, ○ a copy of it, ◇ a rewording derived from it. A ✓ opens the passage.</p>
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col" rowspan="2">Fact</th>
            <th scope="col" rowspan="2"><abbr title="independent reports">Reports</abbr></th>
            ${columns.map(
              ({ group, members }) =>
                html`<th scope="colgroup" colspan=${members.length} class=${members.length > 1 ? 'origin-group copies' : 'origin-group'} key=${group.id}>${groupLabel(members)}</th>`,
            )}
          </tr>
          <tr>
            ${columns.flatMap(({ members }) =>
              members.map(
                ({ article, role }) =>
                  html`<th scope="col" class=${role === 'origin' ? 'origin' : 'copy'} key=${article.id} title=${outletName(article)}>
                    <span aria-hidden="true">${ROLE_SYMBOL[role]} </span>[${numbers.get(article.id)}]<span class="visually-hidden">, ${ROLE_WORDS[role]} </span>
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
                members.map(({ article, role }) => {
                  const stated = fact.members.filter((member) => member.article === article.id);
                  const kind = role === 'origin' ? 'origin' : 'copy';
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
