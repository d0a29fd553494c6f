import type { Story } from '../../core/records.js';
import { valueAttributions } from '../../present/describe.js';
import { Markers, Passages } from './citations.js';
import { html } from './html.js';

/** Where reports conflict: each conflict's values side by side, each with the outlets that give it. */
export function Conflicts({ story }: { story: Story }) {
  if (story.conflicts.length === 0) return null;
  return html`<section class="conflicts" aria-labelledby="conflicts-heading">
    <h2 id="conflicts-heading">Where reports conflict</h2>
    ${story.conflicts.map(
      (conflict) => html`<div class="conflict" id=${conflict.id} key=${conflict.id}>
        <h3>${conflict.about}</h3>
        <ul class="conflict-values">
          ${conflict.values.map(
            (value, index) => html`<li class="conflict-value" key=${index}>
              <p class="value">${value.value}</p>
              ${valueAttributions(value).length > 0 ? html`<p class="attribution">according to ${valueAttributions(value).join(', ')}</p>` : null}
              <p class="as-written">as written: “${value.text}”</p>
              <p class="reports">${value.independentReports} independent report${value.independentReports === 1 ? '' : 's'}: ${value.outlets.join(', ')}</p>
              <${Markers} owner=${`${conflict.id}:${index}`} citations=${value.members} />
            </li>`,
          )}
        </ul>
        <${Passages} owner=${conflict.id} />
      </div>`,
    )}
  </section>`;
}
