import type { Analyzed, StoryEntity, StoryQuote } from '../core/records.js';
import type { ReconciledEntities } from './entities.js';
import { nameWords } from './name-match.js';

/**
 * Who said each quote, at the level of the story. An article's quote finder resolves a speaker
 * to a name in that article; here two more rules use what the whole story knows:
 *
 * - a place or nationality is a speaker only when the speaker is named by it alone ("Ostravia
 *   said"); in "the mayor of Brennick said" or "Corran's embassy said" the place only tells
 *   whose office spoke, so it is not the speaker;
 * - a speaker named only by a role ("the regional governor said") is the one person of the
 *   story given that role who is mentioned in the same article; with none or several, the
 *   speaker stays unknown.
 */

/** Words that open a noun phrase without saying who it is. */
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'this', 'that']);

/**
 * The role words of a speaker phrase, in order, up to "of", "for", "at" or "in" ("the head of
 * the detachment" → ["head"]; "the regional governor" → ["regional", "governor"]).
 */
function roleWordsOf(phrase: string): string[] {
  const words = phrase.toLowerCase().split(/\s+/);
  const end = words.findIndex((word) => ['of', 'for', 'at', 'in', 'from'].includes(word));
  return (end < 0 ? words : words.slice(0, end)).map((word) => word.replace(/[^\p{L}-]+/gu, '')).filter((word) => word !== '' && !DETERMINERS.has(word));
}

/** Whether the entity holds a role whose head is the phrase's head and that has all its other words. */
function holdsRole(entity: StoryEntity, words: readonly string[]): boolean {
  const head = words.at(-1);
  if (head === undefined) return false;
  return entity.roles.some((role) => {
    const roleWords = role.toLowerCase().split(/\s+/);
    return roleWords.at(-1) === head && words.every((word) => roleWords.includes(word));
  });
}

/** The one person of the story holding the role the phrase names who is mentioned in the article, or null. */
function personByRole(phrase: string, article: string, people: readonly StoryEntity[]): string | null {
  const words = roleWordsOf(phrase);
  if (words.length === 0 || words.length > 4) return null;
  const holders = people.filter((person) => holdsRole(person, words) && person.mentions.some((mention) => mention.article === article));
  return holders.length === 1 ? holders[0]!.id : null;
}

/** Every article's quotations, each speaker given the story entity the text supports, or null. */
export function storyQuotes(articles: readonly Analyzed[], entities: ReconciledEntities): StoryQuote[] {
  const byId = new Map(entities.entities.map((entity) => [entity.id, entity]));
  const people = entities.entities.filter((entity) => entity.kind === 'person');
  return articles.flatMap(({ article, quotes }) =>
    quotes.map((quote): StoryQuote => {
      const speakerText = quote.speaker === null ? null : article.text.slice(quote.speaker.start, quote.speaker.end);
      let speaker = quote.speakerMention === null ? null : entities.entityOf(article.id, quote.speakerMention);
      const entity = speaker === null ? undefined : byId.get(speaker);
      if (entity !== undefined && (entity.kind === 'place' || entity.kind === 'other') && speakerText !== null) {
        const named = nameWords(speakerText.replace(/^the\s+/i, '')).join(' ');
        if (![entity.name, ...entity.aliases].some((name) => nameWords(name).join(' ') === named)) speaker = null;
      }
      if (speaker === null && speakerText !== null) speaker = personByRole(speakerText, article.id, people);
      return {
        article: article.id,
        start: quote.start,
        end: quote.end,
        kind: quote.kind,
        text: quote.content.map((part) => article.text.slice(part.start, part.end)).join(' … '),
        content: quote.content,
        cue: quote.cue === null ? null : article.text.slice(quote.cue.start, quote.cue.end),
        speaker,
        speakerText,
      };
    }),
  );
}
