import type { StoryChanges } from '../store/store.js';
import { escapeMarkdown } from './markdown.js';
import { inert } from './terminal.js';

/**
 * What a stored story gained since a time, as a report section: the facts first seen since, and
 * the figures whose reported value changed (with the value they replaced); at most `limit` facts.
 * Text from articles is made inert for the terminal and escaped for Markdown.
 */
export function renderChanges(changes: StoryChanges, since: string, format: 'text' | 'md', limit = 12): string {
  const clean = format === 'md' ? escapeMarkdown : inert;
  const heading = `New since ${since.replace('T', ' ').replace(/:\d\d\.\d{3}Z$/, ' UTC')}`;
  const lines = [format === 'md' ? `## ${heading}` : heading.toUpperCase(), ''];
  if (changes.facts.length === 0 && changes.figures.length === 0) lines.push('Nothing new: no fact first reported and no figure changed since then.');
  const when = (iso: string): string => iso.slice(0, 16).replace('T', ' ');
  for (const figure of changes.figures) {
    const was = figure.previousValue === null ? 'first reported' : `was ${clean(figure.previousValue)}`;
    lines.push(`- ${clean(figure.about)}: ${clean(figure.value)} (${was}; ${when(figure.changedAt)})`);
  }
  // The newest facts first; a story seen for the first time has all its facts new, so the list is capped.
  const facts = [...changes.facts].reverse();
  for (const fact of facts.slice(0, limit)) lines.push(`- ${clean(fact.text)} (first reported ${when(fact.firstSeenAt)})`);
  if (facts.length > limit) lines.push(`- … and ${facts.length - limit} more facts (--format json lists them all)`);
  return `${lines.join('\n')}\n\n`;
}
