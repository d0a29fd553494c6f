import type { BlockKind } from '../../core/records.js';
import { collapseWhiteSpace, type HtmlElement, type HtmlNode } from './dom.js';

/**
 * A page seen as a reader sees it: a sequence of text blocks (paragraphs, headings, list
 * items, cells), each owned by the nearest block-level element around its text. Scoring and
 * selection work on blocks; the tree is never changed.
 */
export interface TextBlock {
  /** The block's text, white space collapsed. */
  readonly text: string;
  /** The nearest block-level element around the text. */
  readonly owner: HtmlElement;
  readonly kind: BlockKind;
  /** How many of the text's characters are inside links. */
  readonly linkLength: number;
}

/** Elements that start a new block. Everything else is inline and flows into its block. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html',
  'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
  '#document',
]);

/** Elements whose content a reader never sees as text. */
const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video',
  'audio', 'button', 'select', 'textarea', 'input', 'option', 'label', 'map', 'picture', 'source', 'img',
]);

export function isBlockElement(element: HtmlElement): boolean {
  return BLOCK_TAGS.has(element.tag);
}

/** What kind of block text owned by `owner` is: a heading, a list item, a quotation or a paragraph. */
function kindOf(owner: HtmlElement): BlockKind {
  if (/^h[1-6]$/.test(owner.tag)) return 'heading';
  for (let element: HtmlElement | null = owner; element !== null; element = element.parent) {
    if (element.tag === 'blockquote') return 'quote';
    if (element.tag === 'li') return 'list-item';
    if (element.tag === 'article' || element.tag === 'body') break;
  }
  return 'paragraph';
}

/** Ends like a sentence, so a following `<br>` ends a paragraph rather than a line. */
const SENTENCE_END = /[.!?:;…"”’)]\s*$/;

/**
 * Lists the text blocks of `root` (itself included) in reading order. `skip` prunes subtrees (hidden,
 * boilerplate, or outside the chosen article) without touching the tree. Two `<br>` in a row,
 * or one after a full sentence, end a paragraph, as they do on a rendered page.
 */
export function collectBlocks(root: HtmlElement, skip: (element: HtmlElement) => boolean = () => false): TextBlock[] {
  const blocks: TextBlock[] = [];
  let parts: string[] = [];
  let linkLength = 0;
  let pendingBreaks = 0;

  const flush = (owner: HtmlElement): void => {
    const text = collapseWhiteSpace(parts.join(''));
    if (text !== '') blocks.push({ text, owner, kind: kindOf(owner), linkLength: Math.min(linkLength, text.length) });
    parts = [];
    linkLength = 0;
    pendingBreaks = 0;
  };

  const visit = (node: HtmlNode, owner: HtmlElement, inLink: boolean): void => {
    if (node.type === 'text') {
      if (pendingBreaks > 0) {
        const sofar = parts.join('');
        if (/\S/.test(node.text) && (pendingBreaks >= 2 || SENTENCE_END.test(sofar))) flush(owner);
        else parts.push(' ');
        if (/\S/.test(node.text)) pendingBreaks = 0;
      }
      parts.push(node.text);
      if (inLink) linkLength += collapseWhiteSpace(node.text).length;
      return;
    }
    if (SKIPPED_TAGS.has(node.tag) || skip(node)) return;
    if (node.tag === 'br') {
      pendingBreaks++;
      return;
    }
    if (BLOCK_TAGS.has(node.tag)) {
      flush(owner);
      for (const child of node.children) visit(child, node, inLink);
      flush(node);
      return;
    }
    const link = inLink || node.tag === 'a';
    for (const child of node.children) visit(child, owner, link);
  };

  const outside = root.parent ?? root;
  visit(root, outside, false);
  flush(outside);
  return blocks;
}
