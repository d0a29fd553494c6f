import type { Extracted } from '../core/records.js';

/** The name a reader knows an article by: its outlet, else its credits, else its file name. */
export function outletName(article: Extracted): string {
  if (article.outlet !== null) return article.outlet;
  if (article.credits.length > 0) return article.credits.join(', ');
  return article.source === '-' ? 'standard input' : lastPathSegment(article.source);
}

/** The last segment of a path or URL ("a/b/c.txt" → "c.txt"), as `basename` gives it, without Node (the view runs in browsers). */
function lastPathSegment(source: string): string {
  const trimmed = source.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}
