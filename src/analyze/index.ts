import type { Analyzed, Extracted } from '../core/records.js';
import { findDates } from './dates.js';
import { findEntities } from './entities/index.js';
import { findNumbers } from './numbers.js';
import { findQuotes } from './quotes/index.js';
import { splitSentences } from './sentences.js';
import { tokenize } from './tokens.js';

/**
 * Per-article analysis: sentences and tokens, then the typed annotations (named entities,
 * quotations with their speakers, numbers, dates), all as spans into the article's text.
 */
export function analyzeArticle(article: Extracted): Analyzed {
  const { text, paragraphs } = article;
  const sentences = splitSentences(text, paragraphs);
  const entities = findEntities(text, sentences);
  return {
    article,
    sentences,
    tokens: tokenize(text),
    entities,
    quotes: findQuotes(text, paragraphs, sentences, entities),
    numbers: findNumbers(text, sentences),
    // An article known only by its update time is dated by it: relative dates still resolve, to no later than that.
    dates: findDates(text, sentences, article.published ?? article.updated),
  };
}
