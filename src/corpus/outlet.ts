import { basename } from 'node:path';
import type { Extracted } from '../core/records.js';

/** The name a reader knows an article by: its outlet, else its credits, else its file name. */
export function outletName(article: Extracted): string {
  if (article.outlet !== null) return article.outlet;
  if (article.credits.length > 0) return article.credits.join(', ');
  return article.source === '-' ? 'standard input' : basename(article.source);
}
