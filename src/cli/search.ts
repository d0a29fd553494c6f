import { Command, Option } from 'commander';
import type { Snippet } from '../store/store.js';
import { inert } from '../present/terminal.js';
import { databaseOption, parsePositiveInteger, withStore } from './shared.js';

interface SearchCommandOptions {
  readonly db?: string;
  readonly format: 'text' | 'json';
  readonly limit: number;
}

/** A snippet on one line, the matched words in brackets. */
function snippetLine(snippet: Snippet): string {
  let out = '';
  let at = 0;
  for (const { start, end } of snippet.highlights) {
    out += `${inert(snippet.text.slice(at, start))}[${inert(snippet.text.slice(start, end))}]`;
    at = end;
  }
  return (out + inert(snippet.text.slice(at))).replace(/\s+/g, ' ').trim();
}

/** Defines the `search` command: full-text search over the archive's articles and stories. */
export function searchCommand(): Command {
  const command = new Command('search')
    .description('Search the archive: stories and articles, ranked, with snippets')
    .argument('<query>', 'words; "quoted phrases" and word* prefixes work, operators are searched as words')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--limit <n>', 'at most this many hits of each kind', parsePositiveInteger, 10);
  databaseOption(command);
  return command.action(async (query: string, options: SearchCommandOptions) => {
    const results = await withStore(options, (store) => store.search(query, { limit: options.limit }), true);
    if (options.format === 'json') {
      process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
      return;
    }
    const out: string[] = [];
    if (results.match === 'any') out.push('(no result holds every word: results holding any of them)');
    out.push(`Stories (${results.stories.length})`);
    for (const { story, snippet } of results.stories) out.push(`  ${story.id} ${inert(story.title ?? '(untitled)')}`, `      ${snippetLine(snippet)}`);
    out.push(`Articles (${results.articles.length})`);
    for (const { article, snippet } of results.articles) {
      out.push(`  ${inert(article.title ?? article.source)} · ${inert(article.outlet ?? article.source)}${article.story === null ? '' : ` · story ${article.story}`}`, `      ${snippetLine(snippet)}`);
    }
    process.stdout.write(`${out.join('\n')}\n`);
  });
}
