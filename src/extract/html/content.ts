import type { Removed, RemovedKind } from '../../core/records.js';
import { BOILERPLATE_RULES, removeBoilerplate } from '../text/boilerplate.js';
import { isHidden, namedFurniture, nameWeight, namesArticleBody, structuralFurniture } from './boilerplate.js';
import { collectBlocks, type TextBlock } from './blocks.js';
import { closest, findAll, findFirst, isInside, textContent, type HtmlElement } from './dom.js';

/**
 * Finds the article body of a page. The approach is Readability's (Arc90): paragraphs vote
 * for the containers around them, weighted by length and commas; the best container, less its
 * link-heavy parts, is the article; its siblings join it when they score nearly as well. Ours
 * differs in that it never edits the tree (scores live in maps), it scores blocks rather than
 * elements, it trusts `itemprop="articleBody"` and "article-body" class names, and it
 * removes furniture inside the article by what the page says it is (role, tag, class words),
 * recording every removal.
 */

/** What {@link selectArticle} found: the article's blocks in reading order, and what it removed. */
export interface ArticleSelection {
  /** The element chosen as the article's container. */
  readonly root: HtmlElement;
  readonly blocks: readonly TextBlock[];
  readonly removed: readonly Removed[];
}

/** Blocks shorter than this do not vote: menus and labels are short. */
const MIN_VOTING_LENGTH = 25;
/** How many ancestors above a paragraph receive its vote. */
const VOTE_LEVELS = 5;
/** Furniture inside the article is removed only while it holds less than this share of the article's text. */
const MAX_FURNITURE_SHARE = 0.4;
/** A block with more of its text in links than this is a list of links, not prose. */
const MAX_LINK_DENSITY = 0.5;

/** Tags whose own text is a paragraph (its vote goes to the ancestors), as opposed to containers with loose text. */
const PARAGRAPH_TAGS = new Set(['p', 'pre', 'td', 'th', 'dd', 'li', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'caption']);

/** A container's starting score from its tag, as in Readability: divs hold prose, lists and headings rarely. */
function tagWeight(element: HtmlElement): number {
  switch (element.tag) {
    case 'div':
    case 'article':
    case 'section':
    case 'main':
      return 5;
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      return -3;
    case 'th':
      return -5;
    default:
      return 0;
  }
}

/** A paragraph's vote: one, plus its commas, plus one per hundred characters (at most three). */
function voteOf(text: string): number {
  const commas = (text.match(/[,，、]/g) ?? []).length;
  return 1 + commas + Math.min(Math.floor(text.length / 100), 3);
}

interface Tally {
  votes: number;
  textLength: number;
  linkLength: number;
}

/** Sums the text and link lengths of the blocks under each element, and the paragraph votes. */
function tallyBlocks(blocks: readonly TextBlock[]): Map<HtmlElement, Tally> {
  const tallies = new Map<HtmlElement, Tally>();
  const tallyOf = (element: HtmlElement): Tally => {
    let tally = tallies.get(element);
    if (tally === undefined) {
      tally = { votes: 0, textLength: 0, linkLength: 0 };
      tallies.set(element, tally);
    }
    return tally;
  };
  for (const block of blocks) {
    for (let element: HtmlElement | null = block.owner; element !== null; element = element.parent) {
      const tally = tallyOf(element);
      tally.textLength += block.text.length;
      tally.linkLength += block.linkLength;
    }
    if (block.text.length < MIN_VOTING_LENGTH || block.kind === 'heading') continue;
    if (block.owner.tag === 'li' && (block.text.length < 80 || block.linkLength > block.text.length / 4)) continue;
    const vote = voteOf(block.text);
    let element: HtmlElement | null = PARAGRAPH_TAGS.has(block.owner.tag) ? block.owner.parent : block.owner;
    for (let level = 0; level < VOTE_LEVELS && element !== null; level++, element = element.parent) {
      tallyOf(element).votes += vote / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
    }
  }
  return tallies;
}

function linkDensity(tally: Tally | undefined): number {
  return tally === undefined || tally.textLength === 0 ? 0 : tally.linkLength / tally.textLength;
}

/** A container's score: votes plus tag and name weights, discounted by its share of link text. */
function scoreOf(element: HtmlElement, tallies: ReadonlyMap<HtmlElement, Tally>): number {
  const tally = tallies.get(element);
  if (tally === undefined || tally.votes === 0) return 0;
  return (tally.votes + tagWeight(element) + nameWeight(element)) * (1 - linkDensity(tally));
}

/** Where scoring never looks: hidden elements and structural furniture (navigation, asides, footers). */
function skipWhileScoring(element: HtmlElement): boolean {
  return isHidden(element) || structuralFurniture(element) !== null;
}

/** Whether the element lies in a comment section: readers' prose, often longer than the article's. */
function inComments(element: HtmlElement | null): boolean {
  for (let current: HtmlElement | null = element; current !== null; current = current.parent) {
    if (namedFurniture(current) === 'comments') return true;
  }
  return false;
}

/** The best-scoring container, moved up to its parent when the parent gathers nearly as much. */
function chooseContainer(body: HtmlElement, tallies: ReadonlyMap<HtmlElement, Tally>): { element: HtmlElement; score: number } | null {
  let best: HtmlElement | null = null;
  let bestScore = 0;
  for (const element of tallies.keys()) {
    const score = scoreOf(element, tallies);
    if (score <= bestScore || inComments(element)) continue;
    if (score > bestScore) {
      best = element;
      bestScore = score;
    }
  }
  if (best === null) return null;

  // A page that names its article body is trusted, when that element holds the winner or sits inside it.
  const named = findFirst(body, (element) => namesArticleBody(element) && (tallies.get(element)?.textLength ?? 0) > 0);
  if (named !== null && (isInside(best, named) || isInside(named, best))) {
    const namedText = tallies.get(named)?.textLength ?? 0;
    const bestText = tallies.get(best)?.textLength ?? 0;
    if (isInside(best, named) || namedText >= bestText * 0.5) return { element: named, score: Math.max(bestScore, scoreOf(named, tallies)) };
  }

  // Climb while a parent scores more: the article's paragraphs may be split over several children.
  let lastScore = bestScore;
  for (let parent = best.parent; parent !== null && parent !== body && parent.tag !== '#document'; parent = parent.parent) {
    const score = scoreOf(parent, tallies);
    if (score === 0) continue;
    if (score < bestScore / 3) break;
    if (score > lastScore) {
      best = parent;
      bestScore = score;
      break;
    }
    lastScore = score;
  }
  return { element: best, score: bestScore };
}

/** The container's siblings that belong to the article too: high scorers and link-free prose. */
function gatherSiblings(container: HtmlElement, score: number, tallies: ReadonlyMap<HtmlElement, Tally>): HtmlElement[] {
  const parent = container.parent;
  if (parent === null) return [container];
  const threshold = Math.max(10, score * 0.2);
  const gathered: HtmlElement[] = [];
  for (const sibling of parent.children) {
    if (sibling.type !== 'element') continue;
    if (sibling === container) {
      gathered.push(sibling);
      continue;
    }
    const tally = tallies.get(sibling);
    if (tally === undefined || tally.textLength === 0) continue;
    const sameClass = sibling.attributes.class !== undefined && sibling.attributes.class === container.attributes.class;
    const siblingScore = scoreOf(sibling, tallies) + (sameClass ? score * 0.2 : 0);
    if (siblingScore >= threshold) gathered.push(sibling);
    else if (sibling.tag === 'p' && linkDensity(tally) < 0.25 && (tally.textLength > 80 || /[.!?]["”’]?$/.test(textContent(sibling)))) {
      gathered.push(sibling);
    }
  }
  return gathered;
}

/**
 * Other chunks of a body that a page splits in several places (between ads or embeds): the
 * elements elsewhere on the page with the container's tag and class, carrying prose.
 */
function gatherChunks(body: HtmlElement, parts: readonly HtmlElement[], container: HtmlElement, tallies: ReadonlyMap<HtmlElement, Tally>): HtmlElement[] {
  const className = container.attributes.class;
  if (className === undefined || className.trim() === '') return [...parts];
  const chunks = findAll(
    body,
    (element) =>
      element.tag === container.tag &&
      element.attributes.class === className &&
      (tallies.get(element)?.votes ?? 0) > 0 &&
      linkDensity(tallies.get(element)) < 0.3,
  );
  const all = [...parts];
  for (const chunk of chunks) {
    if (all.some((part) => isInside(chunk, part) || isInside(part, chunk))) continue;
    if (insideFurniture(chunk, container)) continue;
    all.push(chunk);
  }
  return all.length === parts.length ? all : sortInDocumentOrder(body, all);
}

/** Whether furniture (comments, a sidebar) holds `element` without holding the article's container too. */
function insideFurniture(element: HtmlElement, container: HtmlElement): boolean {
  for (let ancestor = element.parent; ancestor !== null; ancestor = ancestor.parent) {
    if (isInside(container, ancestor)) return false;
    if (isHidden(ancestor) || structuralFurniture(ancestor) !== null || namedFurniture(ancestor) !== null) return true;
  }
  return false;
}

/** Sorts elements into the order they appear on the page. */
function sortInDocumentOrder(body: HtmlElement, elements: readonly HtmlElement[]): HtmlElement[] {
  const wanted = new Set(elements);
  return findAll(body, (element) => wanted.has(element));
}

/** The shape a repeated template gives its items: tag and class. */
function signature(element: HtmlElement): string {
  return `${element.tag}.${element.attributes.class ?? ''}`;
}

/**
 * A list of teasers for other pages: three or more items built from one template (same tag
 * and class), each short and led by a link (a headline, perhaps with a blurb), making up
 * most of the element. Prose paragraphs are not built that way.
 */
function isTeaserList(element: HtmlElement, tallies: ReadonlyMap<HtmlElement, Tally>): boolean {
  const items = element.children.filter((child): child is HtmlElement => child.type === 'element');
  if (items.length < 3) return false;
  const counts = new Map<string, number>();
  for (const item of items) counts.set(signature(item), (counts.get(signature(item)) ?? 0) + 1);
  const [common, count] = [...counts.entries()].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  if (count < 3 || common.startsWith('p.')) return false;
  let teasers = 0;
  let teaserText = 0;
  for (const item of items) {
    if (signature(item) !== common) continue;
    const tally = tallies.get(item);
    if (tally === undefined || tally.textLength === 0 || tally.textLength > 400) continue;
    if (tally.linkLength < 15 || tally.linkLength < tally.textLength * 0.2) continue;
    teasers++;
    teaserText += tally.textLength;
  }
  return teasers >= 3 && teaserText >= (tallies.get(element)?.textLength ?? 0) * 0.6;
}

/** A linked sentence is still a sentence: several words, ending as sentences end (headlines do not). */
function readsAsSentence(text: string): boolean {
  return /[.!?]["”’)]?$/.test(text) && text.split(/\s+/).length >= 6;
}

/**
 * Chooses the article's blocks on a parsed page, or null when nothing on it reads as an
 * article (no paragraph votes at all).
 */
export function selectArticle(document: HtmlElement): ArticleSelection | null {
  const body = findFirst(document, (element) => element.tag === 'body') ?? document;
  const tallies = tallyBlocks(collectBlocks(body, skipWhileScoring));
  const chosen = chooseContainer(body, tallies);
  if (chosen === null) return null;
  const parts = gatherChunks(body, gatherSiblings(chosen.element, chosen.score, tallies), chosen.element, tallies);
  const articleText = parts.reduce((sum, part) => sum + (tallies.get(part)?.textLength ?? 0), 0);

  const removed: Removed[] = [];
  const record = (kind: RemovedKind, text: string, rule: string): void => {
    if (text !== '') removed.push({ kind, text, rule });
  };
  /** What furniture an element inside the article is, if any, and the rule that says so. */
  const furnitureOf = (element: HtmlElement): { kind: RemovedKind; rule: string } | null => {
    if (isHidden(element)) return { kind: 'hidden', rule: 'hidden-element' };
    const structural = structuralFurniture(element);
    // The tag says it is furniture; its class, when it says more, says which ("aside.newsletter").
    if (structural !== null) return { kind: namedFurniture(element) ?? structural, rule: `${element.tag}-element` };
    if ((tallies.get(element)?.textLength ?? 0) > articleText * MAX_FURNITURE_SHARE) return null;
    const named = namedFurniture(element);
    if (named !== null) return { kind: named, rule: 'furniture-class' };
    // An article inside the article is, by the HTML standard's own definition, related content: a teaser, a comment.
    if (element.tag === 'article' && !parts.includes(element)) return { kind: 'related', rule: 'nested-article' };
    if (isTeaserList(element, tallies)) return { kind: 'related', rule: 'teaser-list' };
    return null;
  };
  const skipInArticle = (element: HtmlElement): boolean => {
    const furniture = furnitureOf(element);
    if (furniture !== null) record(furniture.kind, textContent(element), furniture.rule);
    return furniture !== null;
  };

  const blocks: TextBlock[] = [];
  for (const part of parts) {
    for (const block of collectBlocks(part, skipInArticle)) {
      if (block.linkLength > block.text.length * MAX_LINK_DENSITY && !readsAsSentence(block.text)) {
        record(block.kind === 'list-item' ? 'related' : 'navigation', block.text, 'link-list');
        continue;
      }
      blocks.push(block);
    }
  }
  // What the page's markup does not mark (a sign-up pitch, a share prompt, a photo credit
  // written as a paragraph) the plain-text rules recognise from the words themselves.
  const lines = blocks.map((block) => ({ text: block.text, indent: 0, blankBefore: true, block }));
  const cleaned = removeBoilerplate(lines, BOILERPLATE_RULES, removed).map((line) => (line.text === line.block.text ? line.block : { ...line.block, text: line.text }));
  recordSurroundings(body, chosen.element, parts, furnitureOf, record);
  return { root: chosen.element, blocks: cleaned, removed };
}

/**
 * Records the furniture around the chosen parts inside the page's article element (its
 * header, share bar, captions, sign-up box, related list) and the page's comment sections,
 * so a reader can see what was left out next to the article, not only inside it.
 */
function recordSurroundings(
  body: HtmlElement,
  container: HtmlElement,
  parts: readonly HtmlElement[],
  furnitureOf: (element: HtmlElement) => { kind: RemovedKind; rule: string } | null,
  record: (kind: RemovedKind, text: string, rule: string) => void,
): void {
  const region = closest(container, (element) => element.tag === 'article' || element.tag === 'main');
  const visit = (element: HtmlElement): void => {
    if (parts.some((part) => isInside(element, part))) return;
    if (!parts.some((part) => isInside(part, element))) {
      const furniture = furnitureOf(element);
      if (furniture !== null) {
        record(furniture.kind, textContent(element), furniture.rule);
        return;
      }
    }
    for (const child of element.children) if (child.type === 'element') visit(child);
  };
  if (region !== null) visit(region);
  for (const section of findAll(body, (element) => namedFurniture(element) === 'comments' && !inComments(element.parent))) {
    if (region === null || !isInside(section, region)) record('comments', textContent(section), 'comment-section');
  }
}
