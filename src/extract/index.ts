import type { Extracted, Fetched, Result } from '../core/records.js';
import { extractHtml } from './html/index.js';
import { extractText } from './text/index.js';

/** Extracts an article from any input this version reads: HTML pages and plain text. */
export function extractArticle(fetched: Fetched): Result<Extracted> {
  return fetched.mediaType === 'text/html' ? extractHtml(fetched) : extractText(fetched);
}
