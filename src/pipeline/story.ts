import { analyzeArticle } from '../analyze/index.js';
import { isContentWord } from '../analyze/stopwords.js';
import { tokenize } from '../analyze/tokens.js';
import { makeDiagnostic, type Diagnostic } from '../core/diagnostic.js';
import { STORY_SCHEMA_VERSION, type Analyzed, type ArticleFlag, type Extracted, type Fetched, type Story, type StoryArticle, type StoryDate, type StoryNumber } from '../core/records.js';
import { findConflicts } from '../corpus/conflicts/index.js';
import { buildCoverage } from '../corpus/coverage.js';
import { reconcileEntities } from '../corpus/entities.js';
import { findFacts, storyFacts } from '../corpus/facts.js';
import { flagArticles } from '../corpus/flags/index.js';
import { outletName } from '../corpus/outlet.js';
import { findQuoteVariants } from '../corpus/quote-variants.js';
import { findOrigins } from '../corpus/origins.js';
import { storyQuotes } from '../corpus/speakers.js';
import { buildTimeline } from '../corpus/timeline.js';
import { countReportsPerWord } from '../corpus/report-frequency.js';
import { extractArticle } from '../extract/index.js';
import { resolveInputs, type ResolveInputsOptions } from '../ingest/inputs.js';
import { focusFound, summarize, type SummarizeOptions } from '../summarize/summarize.js';

/** Options for {@link buildStory} and {@link storyFromFetched}. */
export interface StoryOptions extends ResolveInputsOptions {
  readonly summary?: SummarizeOptions;
}

/** Gives repeated ids (the same bytes given twice) a suffix, so every article id is unique. */
function uniqueIds(articles: readonly Extracted[]): Extracted[] {
  const seen = new Map<string, number>();
  return articles.map((article) => {
    const count = (seen.get(article.id) ?? 0) + 1;
    seen.set(article.id, count);
    return count === 1 ? article : { ...article, id: `${article.id}-${count}` };
  });
}

/**
 * The story's headline: the article title whose content words are used by the most
 * independent reports (per word), so the most representative headline wins, not the longest.
 * Flagged articles (derivative, compilation, machine-translated) give the headline only when
 * every article is flagged.
 */
function chooseTitle(articles: readonly Analyzed[], originOf: readonly string[], flags: readonly (readonly ArticleFlag[])[]): string | null {
  const reportsPerWord = countReportsPerWord(articles, originOf);
  const unflagged = articles.filter((_, index) => flags[index]!.length === 0);
  let best: { title: string; score: number } | null = null;
  for (const analyzed of unflagged.length > 0 ? unflagged : articles) {
    const title = analyzed.article.title;
    if (title === null) continue;
    const words = new Set(tokenize(title).map((token) => token.norm).filter(isContentWord));
    if (words.size === 0) continue;
    let score = 0;
    for (const word of words) score += reportsPerWord.get(word) ?? 0;
    score /= words.size;
    if (best === null || score > best.score) best = { title, score };
  }
  return best?.title ?? null;
}

/** Every article's numbers, with the counted words as written. */
function storyNumbers(articles: readonly Analyzed[]): StoryNumber[] {
  return articles.flatMap(({ article, numbers }) =>
    numbers.map(({ start, end, value, high, qualifier, unit, counted, countedHead }): StoryNumber => ({
      article: article.id,
      start,
      end,
      value,
      high,
      qualifier,
      unit,
      counted: counted === null ? null : article.text.slice(counted.start, counted.end),
      countedHead,
    })),
  );
}

/** Every article's dates. */
function storyDates(articles: readonly Analyzed[]): StoryDate[] {
  return articles.flatMap(({ article, dates }) =>
    dates.map(({ start, end, value, precision, relation, relative }): StoryDate => ({ article: article.id, start, end, value, precision, relation, relative })),
  );
}

/**
 * Builds a story from inputs already read: extracts each article (skipping, with a diagnostic,
 * those that yield none), analyses it, finds origins (copies of one report), and summarises.
 */
export function storyFromFetched(fetched: readonly Fetched[], readDiagnostics: readonly Diagnostic[], options: StoryOptions = {}): Story {
  const diagnostics: Diagnostic[] = [...readDiagnostics];
  const extracted: Extracted[] = [];
  for (const input of fetched) {
    const result = extractArticle(input);
    if (result.ok) {
      extracted.push(result.value);
      diagnostics.push(...result.diagnostics);
    } else diagnostics.push(...result.diagnostics);
  }
  return storyFromAnalyzed(uniqueIds(extracted).map(analyzeArticle), diagnostics, options);
}

/**
 * Builds a story from articles already analysed (the archive keeps their analyses): finds
 * origins, facts, flags, conflicts and quote variants, and summarises. Article ids must be unique.
 */
export function storyFromAnalyzed(analyzed: readonly Analyzed[], readDiagnostics: readonly Diagnostic[], options: StoryOptions = {}): Story {
  const diagnostics: Diagnostic[] = [...readDiagnostics];
  const origins = findOrigins(analyzed);
  const story = { articles: analyzed, originOf: origins.originOf, matches: origins.matches };
  const entities = reconcileEntities(analyzed.map(({ article, entities: mentions }) => ({ article: article.id, text: article.text, mentions })));
  const found = findFacts(story, { entityOf: entities.entityOf });
  const outletOf = (article: number): string => outletName(analyzed[article]!.article);
  const flags = flagArticles(story, found, entities);
  const derivative = (article: number): boolean => flags[article]!.some(({ kind }) => kind === 'derivative');
  const facts = storyFacts(story, found, {
    excluded: derivative,
    flagged: (article) => flags[article]!.length > 0,
    outletOf,
  });
  const entityNames = new Map(entities.entities.map(({ id, name }) => [id, name]));
  const conflicts = findConflicts(story, {
    factOf: found.factOf,
    outletOf,
    entityOf: entities.entityOf,
    nameOf: (id) => entityNames.get(id) ?? null,
    excluded: derivative,
  });
  const quotes = storyQuotes(analyzed, entities);
  const articleIndex = new Map(analyzed.map(({ article }, index) => [article.id, index]));
  const quoteVariants = findQuoteVariants(quotes, {
    articleIndex: (id) => articleIndex.get(id) ?? -1,
    originOf: origins.originOf,
    outletOf,
    entityName: (id) => entityNames.get(id) ?? id,
    language: (article) => analyzed[article]!.article.language,
    machineTranslated: (article) => flags[article]!.some(({ kind }) => kind === 'machine-translated'),
  });
  const articles: StoryArticle[] = analyzed.map((item, index) => ({
    ...item.article,
    sentences: item.sentences,
    origin: origins.originOf[index] ?? '',
    added: origins.added[index] ?? [],
    flags: flags[index]!,
  }));
  const focus = options.summary?.focus;
  if (focus !== undefined && analyzed.length > 0 && !focusFound(story, focus)) {
    diagnostics.push(makeDiagnostic('warning', 'focus-unmatched', `no sentence answers the focus "${focus}"; the summary covers the whole story`));
  }
  return {
    schemaVersion: STORY_SCHEMA_VERSION,
    title: chooseTitle(analyzed, origins.originOf, flags),
    articles,
    originGroups: origins.groups,
    independentReports: origins.groups.length,
    summary: summarize({ ...story, facts: found, excluded: derivative, flagged: (article) => flags[article]!.length > 0, conflicts }, options.summary),
    entities: entities.entities,
    quotes,
    numbers: storyNumbers(analyzed),
    dates: storyDates(analyzed),
    timeline: buildTimeline(story),
    facts,
    conflicts,
    quoteVariants,
    coverage: buildCoverage(facts, articles, origins.groups.length),
    diagnostics,
  };
}

/** Reads the inputs (files, directories, `-` for stdin, URLs, feeds, OPML lists) and builds their story. */
export async function buildStory(inputs: readonly string[], options: StoryOptions = {}): Promise<Story> {
  const { fetched, diagnostics } = await resolveInputs(inputs, options);
  return storyFromFetched(fetched, diagnostics, options);
}
