import type { StoryListing } from '../server/api-types.js';
import type { ArticleSummary, ListStoriesOptions, Store, StorySummary } from '../store/store.js';

/**
 * Stories as lists show them (`parallax stories --format json`, `GET /api/stories`): each
 * story's counts and its articles. One function for both, so the command and the API agree.
 */

/**
 * The listing of a story, from its summary and its articles' summaries. Outlets are counted by
 * name, else by address, else by source, so two unnamed files count as two outlets.
 */
export function storyListing(story: StorySummary, articles: readonly ArticleSummary[]): StoryListing {
  const outlets = new Set(articles.map(({ outlet, url, source }) => outlet ?? url ?? source));
  return {
    id: story.id,
    title: story.title,
    createdAt: story.createdAt,
    updatedAt: story.updatedAt,
    counts: { articles: story.articles.length, outlets: outlets.size, independentReports: story.independentReports },
    needsAnalysis: story.needsAnalysis,
    articles: articles.map(({ articleId, contentHash, source, url, outlet, title, published }) => ({ id: articleId, contentHash, source, url, outlet, title, published })),
  };
}

/** The most recently updated stories with their articles, newest first (the articles read in one query). */
export async function listStoryListings(store: Store, options: Pick<ListStoriesOptions, 'limit' | 'updatedSince'> = {}): Promise<StoryListing[]> {
  const stories = await store.listStories(options);
  const summaries = await store.getArticleSummaries(stories.flatMap((story) => story.articles));
  const byHash = new Map(summaries.map((summary) => [summary.contentHash, summary]));
  return stories.map((story) => storyListing(story, story.articles.flatMap((hash) => byHash.get(hash) ?? [])));
}
