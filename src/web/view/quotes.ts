import { useState } from 'preact/hooks';
import type { QuoteVariants, Story, StoryQuote } from '../../core/records.js';
import { quoteLine, quotesBySpeaker, QUOTES_PER_SPEAKER } from '../../present/describe.js';
import { Markers, Passages } from './citations.js';
import { html } from './html.js';

/** One utterance quoted in several wordings: each wording, how it differs, and who printed it. */
function Variants({ utterance, owner }: { utterance: QuoteVariants; owner: string }) {
  return html`<div class="variants">
    <p class="variants-label">Quoted in ${utterance.variants.length} wordings:</p>
    <ul>
      ${utterance.variants.map(
        (variant, index) => html`<li key=${index}>
          <span class=${`variant-kind ${variant.kind}`}>${variant.kind}</span> “${variant.text}”
          <span class="reports"> — ${variant.outlets.join(', ')}</span>
          <${Markers} owner=${`${owner}-${index}`} citations=${variant.members} />
          <${Passages} owner=${`${owner}-${index}`} />
        </li>`,
      )}
    </ul>
  </div>`;
}

/** A speaker's quotes with each wording once, carrying every article that prints it (copies print the same words). */
function distinctQuoteLines(quotes: readonly StoryQuote[]): Array<{ text: string; quotes: StoryQuote[] }> {
  const lines = new Map<string, StoryQuote[]>();
  for (const quote of quotes) {
    const text = quoteLine(quote);
    lines.set(text, [...(lines.get(text) ?? []), quote]);
  }
  return [...lines.entries()].map(([text, members]) => ({ text, quotes: members }));
}

/** One speaker's quotes, the first few unless asked for all, and the utterances quoted in several wordings. */
function Speaker({ story, speaker, index }: { story: Story; speaker: ReturnType<typeof quotesBySpeaker>[number]; index: number }) {
  const [showAll, setShowAll] = useState(false);
  const owner = `speaker-${index}`;
  const speakerId = speaker.quotes[0]?.speaker ?? null;
  const utterances = story.quoteVariants.filter((utterance) => utterance.speaker === speakerId && (speakerId !== null || utterance.speakerName === speaker.speaker));
  const lines = distinctQuoteLines(speaker.quotes);
  const shown = showAll ? lines : lines.slice(0, QUOTES_PER_SPEAKER);
  return html`<li class="speaker">
    <h3>${speaker.speaker} <span class="count">${speaker.quotes.length} quote${speaker.quotes.length === 1 ? '' : 's'}</span></h3>
    ${utterances.map((utterance, variantIndex) => html`<${Variants} key=${variantIndex} utterance=${utterance} owner=${`${owner}-variants-${variantIndex}`} />`)}
    <ul class="quotes">
      ${shown.map((line, quoteIndex) => html`<li key=${quoteIndex}>
        ${line.text} <${Markers} owner=${`${owner}-${quoteIndex}`} citations=${line.quotes} />
        <${Passages} owner=${`${owner}-${quoteIndex}`} />
      </li>`)}
    </ul>
    ${lines.length > QUOTES_PER_SPEAKER
      ? html`<button type="button" aria-expanded=${showAll ? 'true' : 'false'} onClick=${() => setShowAll(!showAll)}>${showAll ? 'Show fewer' : `Show all ${lines.length} quotes`}</button>`
      : null}
  </li>`;
}

/** Quotes by speaker, with the variants of the same utterance across outlets. */
export function Quotes({ story }: { story: Story }) {
  const speakers = quotesBySpeaker(story);
  if (speakers.length === 0) return null;
  return html`<section class="quotes-section" aria-labelledby="quotes-heading">
    <h2 id="quotes-heading">Who said what</h2>
    <ul class="speakers">
      ${speakers.map((speaker, index) => html`<${Speaker} key=${speaker.speaker} story=${story} speaker=${speaker} index=${index} />`)}
    </ul>
  </section>`;
}
