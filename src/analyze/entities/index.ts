import type { EntityMention } from '../../core/annotations.js';
import type { Span } from '../../core/span.js';
import { findRuns, gatherEvidence, layOut, NAME_ABBREVIATIONS } from './candidates.js';
import { gazetteer } from './gazetteers.js';
import { typeCandidates } from './kinds.js';
import { scanTokens } from './words.js';

/**
 * Named-entity mentions of one article: people, organisations, places, events and other named
 * things, in text order and never overlapping. `sentences` are the article's sentence spans
 * (from `splitSentences`); they tell where capital letters are only positional. Courtesy titles
 * ("Mr") and the possessive "'s" are left out of the mentions; a title or role the text gives a
 * person is kept, lower-cased, as the mention's `role`.
 *
 * Rule-based and linear in the length of the text; the gazetteers load on the first call.
 */
export function findEntities(text: string, sentences: readonly Span[]): EntityMention[] {
  const lists = gazetteer();
  const tokens = scanTokens(text);
  const layout = layOut(text, tokens, sentences, lists);
  const evidence = gatherEvidence(tokens, layout, lists);
  const candidates = findRuns(text, tokens, layout, evidence, lists);
  return typeCandidates(text, tokens, candidates, layout, lists).map((mention) => {
    const last = tokens[mention.candidate.end - 1];
    const after = tokens[mention.candidate.end];
    // "Acme Inc." and "Smith Jr." keep their period.
    const period = last !== undefined && after?.text === '.' && after.start === last.end && NAME_ABBREVIATIONS.has(last.key);
    return {
      start: tokens[mention.candidate.first]?.start ?? 0,
      end: period ? after.end : (last?.end ?? 0),
      kind: mention.kind,
      role: mention.role,
    };
  });
}

/** Loads the gazetteers now (they load on first use otherwise) and returns how long that took, in ms. */
export function loadEntityGazetteers(): number {
  return gazetteer().loadMilliseconds;
}
