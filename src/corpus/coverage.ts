import type { ArticleCoverage, Coverage, StoryFact } from '../core/records.js';

/**
 * Coverage: which article states which fact. For each article, the facts no other independent
 * report states (its own contribution, or its own claim) and the widely reported facts it leaves
 * out. "Widely" means stated by a majority of the story's independent reports, and by two or
 * more: with three reports, a fact two of them state is one the third could be expected to
 * carry; with four, one that only two state is not yet what everyone reports.
 */

/** The least independent reports of a widely reported fact, for a story of `reports` independent reports. */
export function widelyReported(reports: number): number {
  return Math.max(2, Math.floor(reports / 2) + 1);
}

/**
 * Builds the coverage of a story's facts over its articles (`articles` in story order, each with
 * its origin group id).
 */
export function buildCoverage(facts: readonly StoryFact[], articles: readonly { readonly id: string; readonly origin: string }[], independentReports: number): Coverage {
  const originOf = new Map(articles.map(({ id, origin }) => [id, origin]));
  const matrix = facts.map((fact) => ({ fact: fact.id, articles: [...new Set(fact.members.map(({ article }) => article))] }));
  const wide = widelyReported(independentReports);
  const byArticle: ArticleCoverage[] = articles.map(({ id, origin }) => {
    const unique: string[] = [];
    const missing: string[] = [];
    facts.forEach((fact, index) => {
      const stating = matrix[index]!.articles;
      if (stating.includes(id)) {
        if (stating.every((article) => originOf.get(article) === origin)) unique.push(fact.id);
      } else if (fact.independentReports >= wide) missing.push(fact.id);
    });
    return { article: id, unique, missing };
  });
  return { articles: articles.map(({ id }) => id), matrix, byArticle };
}
