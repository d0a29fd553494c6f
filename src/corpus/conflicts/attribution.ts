import type { EntityMention, Quote } from '../../core/annotations.js';
import type { Analyzed } from '../../core/records.js';
import { firstStartingAt, type Span } from '../../core/span.js';

/**
 * Whom a sentence attributes a figure or a date to: "according to the UN", "the governor said
 * 19 deaths had been confirmed", "the mayor put the number of dead at 19", a figure inside a
 * quotation. An outlet that states a figure in its own voice attributes it to no one.
 *
 * The rules, first match wins:
 * 1. the figure lies inside the words of a quotation (direct, partial or reported speech, as
 *    the quote finder read it): its speaker;
 * 2. "according to X" in the sentence: X;
 * 3. an estimating verb before the figure in its sentence ("X put the toll at", "X estimated",
 *    "X reported", "X counted"): its subject, X.
 *
 * A speaker is named by its entity's story-wide name when the words name a person or an
 * organisation; a place or nationality that only qualifies the speaker ("the mayor of
 * Brennick") leaves the words as written; a bare pronoun with no name behind it attributes the
 * figure to no one the reader could check, so it gives null.
 */

/** Names an entity mention of the article as the story shows it, or null to keep the words as written. */
export type MentionName = (mention: EntityMention) => string | null;

/** Pronouns that name no one without the name they stand for. */
const PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you', 'who', 'which', 'that']);

/** Words that introduce a source's figures without being the source ("the data of the ministry"). */
const SOURCE_FILLER = /^(?:the\s+)?(?:data|words|figures|estimates?|count|tally|statement)\s+of\s+/i;

/** Verbs whose subject is the source of a figure after them: "X put the toll at 19", "X estimated 300". */
const ESTIMATING_VERB = /\b(?:put|puts|putting|estimated|estimates|estimating|reported|reports|counted|counts|recorded|records|registered|tallied|confirmed|confirms|gave|gives)\b/giu;

/** Where a subject phrase starts: after the last clause mark before its verb. */
const CLAUSE_MARK = /[,;:()\u2014\u2013]|\b(?:and|but|while|as|after|before|when|that|which|who)\b/giu;

/** How many quotations starting before a figure are looked at for one that holds it. */
const QUOTES_LOOKED_BACK = 16;

/** The mentions (sorted by start) that lie inside `[start, end)`, found by binary search. */
function mentionsInside(mentions: readonly EntityMention[], start: number, end: number): EntityMention[] {
  const inside: EntityMention[] = [];
  for (let index = firstStartingAt(mentions, start); index < mentions.length && mentions[index]!.start < end; index++) {
    if (mentions[index]!.end <= end) inside.push(mentions[index]!);
  }
  return inside;
}

/** Collapses white space and trims punctuation from the ends of a phrase. */
function cleanPhrase(phrase: string): string {
  return phrase.replace(/\s+/g, ' ').replace(/^[\s,;:"'“”‘’(]+|[\s,;:"'“”‘’.)]+$/gu, '');
}

/**
 * The source named by a phrase: its last person or organisation mention, named as the story
 * names it; else the phrase itself ("emergency officials", "the mayor of Brennick"); null for
 * a pronoun or an empty phrase.
 */
function sourceOfPhrase(analyzed: Analyzed, phrase: Span, nameOf: MentionName): string | null {
  const speakers = mentionsInside(analyzed.entities, phrase.start, phrase.end).filter((mention) => mention.kind === 'person' || mention.kind === 'organization');
  const speaker = speakers.at(-1);
  if (speaker !== undefined) return nameOf(speaker) ?? cleanPhrase(analyzed.article.text.slice(speaker.start, speaker.end));
  const words = cleanPhrase(analyzed.article.text.slice(phrase.start, phrase.end)).replace(SOURCE_FILLER, '');
  if (words === '' || PRONOUNS.has(words.toLowerCase())) return null;
  return words;
}

/** The speaker of a quotation as a source (see the module comment), or null. */
function sourceOfQuote(analyzed: Analyzed, quote: Quote, nameOf: MentionName): string | null {
  const { speakerMention, speaker } = quote;
  const text = analyzed.article.text;
  if (speakerMention !== null) {
    const named = nameOf(speakerMention) ?? cleanPhrase(text.slice(speakerMention.start, speakerMention.end));
    if (speakerMention.kind === 'person' || speakerMention.kind === 'organization' || speaker === null) return named;
    // A place that only qualifies the speaker: "the mayor of Brennick", "Corran's embassy".
    const words = cleanPhrase(text.slice(speaker.start, speaker.end));
    return words.length > text.slice(speakerMention.start, speakerMention.end).length + 4 ? words.replace(SOURCE_FILLER, '') : named;
  }
  return speaker === null ? null : sourceOfPhrase(analyzed, speaker, nameOf);
}

/** The source given by the first "according to X" in the sentence, or null. */
function sourceAccordingTo(analyzed: Analyzed, sentence: Span, nameOf: MentionName): string | null {
  const text = analyzed.article.text.slice(sentence.start, sentence.end);
  const match = /\baccording to\s+/iu.exec(text);
  if (match === null) return null;
  const start = sentence.start + match.index + match[0].length;
  const rest = analyzed.article.text.slice(start, sentence.end);
  const end = start + (/[,;:.!?()\u2014]/u.exec(rest)?.index ?? rest.length);
  return end > start ? sourceOfPhrase(analyzed, { start, end }, nameOf) : null;
}

/** The subject of an estimating verb before the figure in its sentence, or null. */
function sourceEstimating(analyzed: Analyzed, sentence: Span, figure: Span, nameOf: MentionName): string | null {
  const text = analyzed.article.text;
  const before = text.slice(sentence.start, figure.start);
  let verb: RegExpExecArray | null = null;
  for (const match of before.matchAll(ESTIMATING_VERB)) verb = match as RegExpExecArray;
  // "an estimated 300", "the reported toll": the word is an adjective, not a verb with a subject.
  if (verb === null || /\b(?:an?|the|its|their|his|her)\s+$/iu.test(before.slice(0, verb.index))) return null;
  // The subject ends before the verb, without the comma closing an appositive ("the governor, Ansel Brodek, put").
  const subjectText = before.slice(0, verb.index).replace(/[\s,]+$/u, '');
  let subjectStart = 0;
  for (const mark of subjectText.matchAll(CLAUSE_MARK)) subjectStart = (mark.index ?? 0) + mark[0].length;
  const phrase = { start: sentence.start + subjectStart, end: sentence.start + subjectText.length };
  if (phrase.end - phrase.start < 2 || subjectText.slice(subjectStart).trim().split(/\s+/).length > 8) return null;
  return sourceOfPhrase(analyzed, phrase, nameOf);
}

/** Says whom a sentence attributes the figure or date at `figure` to; `sentence` is its sentence's span (or the stretch of it that is read). */
export type Attributor = (sentence: Span, figure: Span) => string | null;

/**
 * An {@link Attributor} for one article (see the module comment): null when the article states
 * the figure in its own voice. Each call looks at a bounded number of quotations and the
 * mentions of one sentence, so attributing every figure of an article is near linear.
 */
export function makeAttributor(analyzed: Analyzed, nameOf: MentionName): Attributor {
  const quotes = [...analyzed.quotes].sort((first, second) => first.start - second.start);
  const sorted: Analyzed = { ...analyzed, entities: [...analyzed.entities].sort((first, second) => first.start - second.start) };
  return (sentence, figure) => {
    const after = firstStartingAt(quotes, figure.end);
    for (let index = after - 1; index >= Math.max(0, after - QUOTES_LOOKED_BACK); index--) {
      const quote = quotes[index]!;
      if (!quote.content.some((part) => part.start <= figure.start && figure.end <= part.end)) continue;
      const source = sourceOfQuote(sorted, quote, nameOf);
      if (source !== null) return source;
    }
    return sourceAccordingTo(sorted, sentence, nameOf) ?? sourceEstimating(sorted, sentence, figure, nameOf);
  };
}
