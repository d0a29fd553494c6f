import { analyzeArticle } from '../../src/analyze/index.js';
import type { Analyzed, Block } from '../../src/core/records.js';
import { articleFromBody } from '../../src/extract/body.js';

/** What a test article needs: the body's paragraphs are separated by a blank line. */
export interface TestArticle {
  readonly id: string;
  readonly text: string;
  readonly published?: string | null;
}

/** The paragraphs of a test text: the blocks between blank lines. */
export function paragraphBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let start = 0;
  for (const paragraph of text.split('\n\n')) {
    blocks.push({ start, end: start + paragraph.length, kind: 'paragraph' });
    start += paragraph.length + 2;
  }
  return blocks;
}

/**
 * Builds an {@link Analyzed} record for tests: an {@link Extracted} with the given body (paragraph
 * spans found between blank lines) and empty metadata, run through `analyzeArticle`.
 */
export function makeAnalyzed({ id, text, published = null }: TestArticle): Analyzed {
  const paragraphs = paragraphBlocks(text);
  const extracted = articleFromBody({ id, text, paragraphs, published });
  return analyzeArticle(extracted);
}

/** Joins paragraphs into a body as {@link makeAnalyzed} expects it. */
export function paragraphs(...lines: readonly string[]): string {
  return lines.join('\n\n');
}
