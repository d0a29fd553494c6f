import type { Analyzed, Extracted } from '../core/records.js';
import { splitSentences } from './sentences.js';
import { tokenize } from './tokens.js';

/** Per-article analysis: sentences and tokens, as spans into the article's text. */
export function analyzeArticle(article: Extracted): Analyzed {
  return {
    article,
    sentences: splitSentences(article.text, article.paragraphs),
    tokens: tokenize(article.text),
  };
}
