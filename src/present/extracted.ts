import type { Extracted, MetadataField } from '../core/records.js';
import { countWords } from '../extract/text/lines.js';
import { summarizeRemoved } from './describe.js';
import { inert, styles, wrap } from './terminal.js';
import type { ReportOptions } from './text.js';

/** The metadata lines of `parallax extract`, in reading order, with their labels. */
const FIELDS: readonly (readonly [string, (article: Extracted) => string | null, MetadataField | null])[] = [
  ['Title', (article) => article.title, 'title'],
  ['Kicker', (article) => article.kicker, null],
  ['Description', (article) => article.description, 'description'],
  ['Published', (article) => article.published, 'published'],
  ['Updated', (article) => article.updated, 'updated'],
  ['By', (article) => article.byline, 'byline'],
  ['Credits', (article) => (article.credits.length === 0 ? null : article.credits.join(', ')), null],
  ['Outlet', (article) => article.outlet, 'outlet'],
  ['Language', (article) => article.language, 'language'],
  ['URL', (article) => article.url, 'url'],
  ['Image', (article) => article.imageUrl, 'imageUrl'],
];

/**
 * The human-readable view of one extracted article: its metadata (each field with where it
 * was read from), its body with headings, list items and quotations marked, and what was
 * removed (counts, or every passage with `verbose`).
 */
export function renderExtracted(article: Extracted, options: ReportOptions = {}): string {
  const { bold, dim } = styles(options.color === true);
  const out: string[] = [];
  out.push(dim(`Source: ${inert(article.source)}`));
  for (const [label, read, field] of FIELDS) {
    const value = read(article);
    if (value === null) continue;
    const source = field === null ? undefined : article.provenance[field];
    out.push(`${bold(`${label}:`)} ${inert(value)}${source === undefined ? '' : dim(` (${source})`)}`);
  }
  out.push('');
  for (const block of article.paragraphs) {
    const text = inert(article.text.slice(block.start, block.end));
    switch (block.kind) {
      case 'heading':
        out.push(bold(`## ${text}`));
        break;
      case 'list-item':
        out.push(`  • ${wrap(text, 94, '    ')}`);
        break;
      case 'quote':
        out.push(`  > ${wrap(text, 94, '  > ')}`);
        break;
      case 'paragraph':
        out.push(wrap(text, 96, ''));
    }
    out.push('');
  }
  const words = countWords(article.text);
  out.push(dim(`${article.paragraphs.length} blocks, ${words} words`));
  if (article.removed.length > 0) {
    out.push(dim(`Removed: ${summarizeRemoved(article)}`));
    if (options.verbose === true) {
      for (const removed of article.removed) out.push(dim(`  - ${removed.kind} (${removed.rule}): ${wrap(inert(removed.text), 80, '      ')}`));
    }
  }
  for (const diagnostic of article.diagnostics) out.push(dim(`${diagnostic.severity}: ${diagnostic.message}`));
  return `${out.join('\n')}\n`;
}
