/**
 * Parallax's public API: re-exports only. See `schema/story.schema.json` for the Story contract.
 */
export type { Span } from './core/span.js';
export type { Diagnostic, DiagnosticCode, DiagnosticSeverity } from './core/diagnostic.js';
export { DIAGNOSTIC_CODES } from './core/diagnostic.js';
export { ERROR_CODES, ParallaxError, type ErrorCode } from './core/errors.js';
export type {
  Annotations,
  DateMention,
  DatePrecision,
  DateRelation,
  EntityKind,
  EntityMention,
  NumberMention,
  NumberQualifier,
  Quote,
  QuoteKind,
} from './core/annotations.js';
export {
  STORY_SCHEMA_VERSION,
  type Analyzed,
  type ArticleCoverage,
  type ArticleFlag,
  type ArticleFlagKind,
  type Block,
  type BlockKind,
  type Citation,
  type CompilationSegment,
  type ConflictMember,
  type ConflictValue,
  type CopyEvidence,
  type Coverage,
  type Extracted,
  type Fetched,
  type MediaType,
  type MetadataField,
  type MetadataSource,
  type OriginGroup,
  type QuoteVariant,
  type QuoteVariants,
  type Removed,
  type RemovedKind,
  type SegmentKind,
  type Result,
  type SourceHints,
  type Story,
  type StoryArticle,
  type StoryConflict,
  type StoryDate,
  type StoryEntity,
  type StoryFact,
  type StoryNumber,
  type StoryQuote,
  type SummarySentence,
  type TimelineEvent,
  type Token,
  type VariantKind,
} from './core/records.js';
export { readInputs, fetchedFromBytes, DEFAULT_MAX_BYTES, type ReadInputsOptions, type ReadInputsResult } from './ingest/files.js';
export { decodeBytes } from './ingest/decode.js';
export { Fetcher, isFetchableUrl, fetchedFromResource, type FetchOptions, type FetchedResource } from './ingest/fetch.js';
export { detectFeedKind, parseFeed, parseOpml, type Feed, type FeedItem, type FeedKind, type Subscription } from './ingest/feeds.js';
export { resolveInputs, type ResolveInputsOptions } from './ingest/inputs.js';
export { extractArticle } from './extract/index.js';
export { extractHtml, type ExtractHtmlOptions } from './extract/html/index.js';
export { readMetadata, type PageMetadata, type Sourced } from './extract/html/metadata.js';
export { parseMarkup, type HtmlElement, type HtmlNode, type HtmlText } from './extract/html/dom.js';
export { extractText, type ExtractTextOptions } from './extract/text/index.js';
export { BOILERPLATE_RULES } from './extract/text/boilerplate.js';
export { LEADING_HEADER_RULES, TRAILING_HEADER_RULES } from './extract/text/headers.js';
export { analyzeArticle } from './analyze/index.js';
export { splitSentences } from './analyze/sentences.js';
export { tokenize } from './analyze/tokens.js';
export { findEntities } from './analyze/entities/index.js';
export { findQuotes } from './analyze/quotes/index.js';
export { findNumbers } from './analyze/numbers.js';
export { findDates } from './analyze/dates.js';
export { reconcileEntities, type ArticleMentions, type ReconciledEntities } from './corpus/entities.js';
export { storyQuotes } from './corpus/speakers.js';
export { buildTimeline } from './corpus/timeline.js';
export { findFacts, storyFacts, type Fact, type FactPair, type Facts, type FindFactsOptions, type StoryFactsContext } from './corpus/facts.js';
export { flagArticles } from './corpus/flags/index.js';
export { findConflicts, type ConflictContext } from './corpus/conflicts/index.js';
export { findQuoteVariants, type VariantContext } from './corpus/quote-variants.js';
export { buildCoverage } from './corpus/coverage.js';
export { conceptIds, lemmaOf, wordRelation } from './analyze/lexicon.js';
export { findOrigins, type AnalyzedStory, type FindOriginsOptions, type Origins } from './corpus/origins.js';
export { matchSentences, sentenceSimilarity, type SentenceMatch } from './corpus/passages.js';
export { focusFound, summarize, type SummarizeOptions, type SummaryInput } from './summarize/summarize.js';
export { verifyCitation, type CitationCheck } from './summarize/citations.js';
export { averageScores, porterStem, scoreSummary, type RougeOptions, type RougeScore, type RougeScores } from './evaluate/rouge/index.js';
export { buildStory, storyFromFetched, type StoryOptions } from './pipeline/story.js';
export { renderText, type ReportOptions } from './present/text.js';
export { renderMarkdown } from './present/markdown.js';
export { renderHtmlReport } from './present/html.js';
export { createApp, type AppOptions } from './server/app.js';
export type * from './server/api-types.js';
export { renderExtracted } from './present/extracted.js';
