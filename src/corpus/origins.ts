import type { Analyzed, CopyEvidence, OriginGroup } from '../core/records.js';
import type { Span } from '../core/span.js';
import { makeUnionFind } from './union-find.js';
import { estimateJaccard, lshCandidatePairs, minhashSignature, shingleSet } from './minhash.js';
import {
  DEFAULT_MIN_SENTENCE_SIMILARITY,
  MIN_SENTENCE_TOKENS,
  foldWord,
  matchSentences,
  sentenceTokens,
  type SentenceMatch,
} from './passages.js';

/**
 * Origins: which articles are copies, or edited copies, of one report, and what each copy added.
 * Two articles are linked when their word-shingle sets are near-duplicates (MinHash, Broder 1997;
 * candidates by LSH banding, Leskovec/Rajaraman/Ullman ch. 3) or when most of the shorter one is
 * found sentence by sentence in the longer one (an edited or trimmed copy, whose shingle Jaccard
 * drops fast with every edit). Linked articles are grouped transitively with union-find.
 */

/** Options of {@link findOrigins}. */
export interface FindOriginsOptions {
  /** Words per MinHash shingle (default 5, the size {@link CopyEvidence.shingleJaccard} states). */
  readonly shingleSize?: number;
  /** MinHash permutations (default 128: standard error of the estimate ≤ 0.045). */
  readonly permutations?: number;
  /** LSH bands (default 32, so 4 rows each); must divide `permutations`. */
  readonly bands?: number;
  /** Estimated shingle Jaccard that links two articles on its own (default 0.5). */
  readonly minJaccard?: number;
  /**
   * Share of the shorter article's sentence characters matched in the other article that links
   * them (default 0.5: a copy carries most of its report; a rewrite that borrows 2–3 sentences
   * of a wire story, 10–15% of it, stays far below).
   */
  readonly minContainment?: number;
  /** Matched sentences of the shorter article also required for a containment link (default 3). */
  readonly minSharedSentences?: number;
  /** Least sentence similarity of a match (default {@link DEFAULT_MIN_SENTENCE_SIMILARITY}). */
  readonly minSentenceSimilarity?: number;
}

/** The origin groups of a set of articles. */
export interface Origins {
  /** The groups, ordered by their first member's input index. */
  readonly groups: readonly OriginGroup[];
  /** Per input article index: its group id. */
  readonly originOf: readonly string[];
  /** Per input article index: sentence spans no other member of its group carries (empty for singleton groups). */
  readonly added: readonly (readonly Span[])[];
  /** All sentence matches found, as {@link matchSentences} returns them. */
  readonly matches: readonly SentenceMatch[];
}

/** The analysed articles of a story with their origins and shared passages: what the story-level steps read. */
export interface AnalyzedStory {
  readonly articles: readonly Analyzed[];
  /** Per article index: its origin group id (copies of one report share one). */
  readonly originOf: readonly string[];
  /** Sentence pairs of different articles that say the same thing (shared passages). */
  readonly matches: readonly SentenceMatch[];
}

const DEFAULTS: Required<FindOriginsOptions> = {
  shingleSize: 5,
  permutations: 128,
  bands: 32,
  minJaccard: 0.5,
  minContainment: 0.5,
  minSharedSentences: 3,
  minSentenceSimilarity: DEFAULT_MIN_SENTENCE_SIMILARITY,
};

/** What the sentence matches between two articles show. */
interface Overlap {
  readonly containment: number;
  readonly sharedSentences: number;
  readonly editedSentences: number;
}

function sentenceLength(analyzed: Analyzed): number {
  return analyzed.sentences.reduce((sum, span) => sum + span.end - span.start, 0);
}

/** Overlap of articles `i` < `j` from their matches, measured on the shorter one (by sentence characters). */
function overlapOf(articles: readonly Analyzed[], i: number, j: number, matches: readonly SentenceMatch[]): Overlap {
  const shorterIsB = sentenceLength(articles[j]!) < sentenceLength(articles[i]!);
  const shorter = articles[shorterIsB ? j : i]!;
  const verbatim = new Map<number, boolean>();
  for (const match of matches) {
    const sentence = (shorterIsB ? match.b : match.a).sentence;
    verbatim.set(sentence, (verbatim.get(sentence) ?? false) || match.verbatim);
  }
  let matched = 0;
  for (const sentence of verbatim.keys()) matched += shorter.sentences[sentence]!.end - shorter.sentences[sentence]!.start;
  const total = sentenceLength(shorter);
  return {
    containment: total === 0 ? 0 : matched / total,
    sharedSentences: verbatim.size,
    editedSentences: [...verbatim.values()].filter((isVerbatim) => !isVerbatim).length,
  };
}

/** Orders ISO publication times, earliest first; an unknown time counts as the latest. */
function comparePublished(x: string | null, y: string | null): number {
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  return x < y ? -1 : 1;
}

/** Members in the order a group lists them: earliest published first, then input order. */
function byPublished(articles: readonly Analyzed[], members: readonly number[]): number[] {
  return [...members].sort((x, y) => comparePublished(articles[x]!.article.published, articles[y]!.article.published) || x - y);
}

/** The report's best witness: earliest published, then the longest text, then the first input. */
function representativeOf(articles: readonly Analyzed[], members: readonly number[]): number {
  const text = (index: number): number => articles[index]!.article.text.length;
  return [...members].sort(
    (x, y) => comparePublished(articles[x]!.article.published, articles[y]!.article.published) || text(y) - text(x) || x - y,
  )[0]!;
}

/** The sentences of an article too short to be matched, as word strings. */
function shortSentences(analyzed: Analyzed): Set<string> {
  const keys = new Set<string>();
  analyzed.sentences.forEach((_, sentence) => {
    const words = sentenceTokens(analyzed, sentence);
    if (words.length < MIN_SENTENCE_TOKENS) keys.add(words.join(' '));
  });
  return keys;
}

/**
 * Spans of a member's sentences that no other member of its group carries: neither matched with
 * a sentence of another member nor, for a sentence too short to be matched, found word for word
 * in another member. Sentences without words (a lone dash) add nothing.
 */
function addedSpans(
  articles: readonly Analyzed[],
  member: number,
  members: readonly number[],
  carried: ReadonlySet<string>,
  shortByMember: ReadonlyMap<number, ReadonlySet<string>>,
): Span[] {
  return articles[member]!.sentences.filter((_, sentence) => {
    if (carried.has(`${member}:${sentence}`)) return false;
    const words = sentenceTokens(articles[member]!, sentence);
    if (words.length === 0) return false;
    if (words.length >= MIN_SENTENCE_TOKENS) return true;
    return !members.some((other) => other !== member && shortByMember.get(other)?.has(words.join(' ')));
  });
}

/**
 * Groups articles that are copies or edited copies of one report, with the evidence for every
 * link, the sentences each copy added, and all sentence matches. Deterministic.
 */
export function findOrigins(articles: readonly Analyzed[], options: FindOriginsOptions = {}): Origins {
  const settings = { ...DEFAULTS, ...options };
  if (settings.permutations % settings.bands !== 0) throw new RangeError('bands must divide permutations');
  const count = articles.length;
  const signatures = articles.map((analyzed) =>
    minhashSignature(shingleSet(analyzed.tokens.flatMap((token) => foldWord(token.norm)), settings.shingleSize), settings.permutations),
  );
  const matches = matchSentences(articles, { minSimilarity: settings.minSentenceSimilarity });

  // Candidate pairs, keyed i * count + j: LSH buckets for (a), sentence matches for (b).
  const pairMatches = new Map<number, SentenceMatch[]>();
  for (const [i, j] of lshCandidatePairs(signatures, settings.bands, settings.permutations / settings.bands)) pairMatches.set(i * count + j, []);
  for (const match of matches) {
    const key = match.a.article * count + match.b.article;
    const list = pairMatches.get(key);
    if (list === undefined) pairMatches.set(key, [match]);
    else list.push(match);
  }

  const unionFind = makeUnionFind(count);
  const links: Array<{ readonly i: number; readonly evidence: CopyEvidence }> = [];
  for (const key of [...pairMatches.keys()].sort((x, y) => x - y)) {
    const [i, j] = [Math.floor(key / count), key % count];
    const shingleJaccard = estimateJaccard(signatures[i]!, signatures[j]!);
    const overlap = overlapOf(articles, i, j, pairMatches.get(key)!);
    const copied =
      shingleJaccard >= settings.minJaccard ||
      (overlap.containment >= settings.minContainment && overlap.sharedSentences >= settings.minSharedSentences);
    if (!copied) continue;
    unionFind.union(i, j);
    links.push({ i, evidence: { articles: [articles[i]!.article.id, articles[j]!.article.id], shingleJaccard, ...overlap } });
  }

  // Roots are the smallest member index and are met in index order: the required group order.
  const byRoot = new Map<number, { readonly members: number[]; readonly evidence: CopyEvidence[] }>();
  for (let index = 0; index < count; index++) {
    const root = unionFind.find(index);
    if (root === index) byRoot.set(root, { members: [], evidence: [] });
    byRoot.get(root)!.members.push(index);
  }
  for (const { i, evidence } of links) byRoot.get(unionFind.find(i))!.evidence.push(evidence);
  const carried = new Set<string>();
  for (const { a, b } of matches) {
    if (unionFind.find(a.article) === unionFind.find(b.article)) carried.add(`${a.article}:${a.sentence}`).add(`${b.article}:${b.sentence}`);
  }

  const originOf: string[] = new Array<string>(count).fill('');
  const added: Span[][] = Array.from({ length: count }, () => []);
  const groups: OriginGroup[] = [];
  for (const { members, evidence } of byRoot.values()) {
    const representative = articles[representativeOf(articles, members)]!.article.id;
    const id = `origin-${representative}`;
    groups.push({ id, articles: byPublished(articles, members).map((index) => articles[index]!.article.id), representative, evidence });
    for (const member of members) originOf[member] = id;
    if (members.length === 1) continue;
    const shortByMember = new Map(members.map((member) => [member, shortSentences(articles[member]!)]));
    for (const member of members) added[member] = addedSpans(articles, member, members, carried, shortByMember);
  }
  return { groups, originOf, added, matches };
}
