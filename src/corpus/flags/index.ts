import type { ArticleFlag } from '../../core/records.js';
import type { ReconciledEntities } from '../entities.js';
import type { Facts } from '../facts.js';
import type { AnalyzedStory } from '../origins.js';
import { findCompilation } from './compilation.js';
import { findDerivatives } from './derivative.js';
import { findMachineTranslation } from './machine-translation.js';
import { inconsistentSpellings, nameUsage, systematicSubstitutions, transliteratedNames } from './names.js';

/**
 * Article flags: what an article's text shows about how it was made when it is not an
 * independent report written in English for its outlet. Three detectors run over the story:
 *
 * 1. machine-translated (machine-translation.ts): several marks of translation and of a
 *    machine, measured over the text;
 * 2. compilation (compilation.ts): a page stitching several reports, split into segments;
 * 3. derivative (derivative.ts): an article rewording other reports, or carrying the marks of
 *    automated rewriting, with the reports it was derived from; it reads the translation flags,
 *    since translation explains odd wording without rewriting.
 *
 * Each flag carries its evidence as sentences a reader can check.
 */

/** Every article's flags, by article index, in the order derivative, compilation, machine-translated. */
export function flagArticles(story: AnalyzedStory, facts: Facts, entities: ReconciledEntities): ArticleFlag[][] {
  const usage = nameUsage(story, entities);
  const substitutions = story.articles.map((_, article) => systematicSubstitutions(usage, article));
  const translated = story.articles.map((analyzed, article) =>
    findMachineTranslation({
      analyzed,
      transliterated: transliteratedNames(usage, article),
      inconsistent: inconsistentSpellings(analyzed),
      substitutions: substitutions[article]!,
    }),
  );
  const derivative = findDerivatives(
    story,
    facts,
    substitutions,
    translated.map((flag) => flag !== null),
  );
  return story.articles.map((_, article) =>
    [derivative[article] ?? null, findCompilation(story, article), translated[article] ?? null].filter((flag): flag is ArticleFlag => flag !== null),
  );
}
