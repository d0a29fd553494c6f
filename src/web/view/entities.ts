import { useState } from 'preact/hooks';
import type { Story, StoryEntity } from '../../core/records.js';
import { Markers, Passages } from './citations.js';
import { html } from './html.js';

/** How many names of each kind show before "show all". */
const NAMES_SHOWN = 8;

const KINDS = [
  { kind: 'person', heading: 'People' },
  { kind: 'organization', heading: 'Organisations' },
  { kind: 'place', heading: 'Places' },
] as const;

/** One kind of entity: the most mentioned first, each with its role, other names and the articles naming it. */
function EntityList({ heading, entities }: { heading: string; entities: readonly StoryEntity[] }) {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? entities : entities.slice(0, NAMES_SHOWN);
  const owner = `entities-${heading.toLowerCase()}`;
  return html`<div class="entity-kind">
    <h3>${heading}</h3>
    <ul>
      ${shown.map(
        (entity) => html`<li key=${entity.id}>
          <strong>${entity.name}</strong>${entity.roles.length > 0 ? `, ${entity.roles[0]}` : ''}
          ${entity.aliases.length > 0 ? html`<span class="aliases"> (also ${entity.aliases.slice(0, 3).join(', ')})</span>` : null}
          <${Markers} owner=${`${owner}-${entity.id}`} citations=${entity.mentions} />
          <${Passages} owner=${`${owner}-${entity.id}`} />
        </li>`,
      )}
    </ul>
    ${entities.length > NAMES_SHOWN
      ? html`<button type="button" aria-expanded=${showAll ? 'true' : 'false'} onClick=${() => setShowAll(!showAll)}>${showAll ? 'Show fewer' : `Show all ${entities.length}`}</button>`
      : null}
  </div>`;
}

/** The people, organisations and places of the story. */
export function Entities({ story }: { story: Story }) {
  const lists = KINDS.map(({ kind, heading }) => ({ heading, entities: story.entities.filter((entity) => entity.kind === kind) })).filter(({ entities }) => entities.length > 0);
  if (lists.length === 0) return null;
  return html`<section class="entities" aria-labelledby="entities-heading">
    <h2 id="entities-heading">People, organisations and places</h2>
    <div class="entity-kinds">${lists.map(({ heading, entities }) => html`<${EntityList} key=${heading} heading=${heading} entities=${entities} />`)}</div>
  </section>`;
}
