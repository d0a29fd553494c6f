/**
 * English function words: articles, pronouns, auxiliaries, prepositions, conjunctions and the
 * reporting verb "said". They carry no topic, so measures of what two sentences share, or of
 * what a story is about, leave them out.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him himself ' +
    'his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ' +
    'ourselves out over own same she should so some such than that the their theirs them themselves then there these they this ' +
    'those through to too under until up very was we were what when where which while who whom why will with would you your ' +
    "yours yourself yourselves said says say told according it's he's she's they're we're i'm don't didn't won't isn't wasn't " +
    "weren't aren't hasn't haven't hadn't can't couldn't wouldn't shouldn't"
  ).split(/\s+/),
);

/** Whether a normalised token is a content word: not a function word, not a bare number. */
export function isContentWord(norm: string): boolean {
  return !STOPWORDS.has(norm) && !/^\d+$/.test(norm) && norm.length > 1;
}
