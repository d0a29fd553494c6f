import { Parser } from 'htmlparser2';

/**
 * A small read-only document tree for HTML and XML, built by `htmlparser2`'s tokenizer. It is
 * ours: extraction never mutates a tree it did not build, and it keeps scores and decisions
 * in side tables instead of in the tree. Building it costs about a quarter of a full DOM.
 */

export interface HtmlElement {
  readonly type: 'element';
  /** Lower-cased for HTML; as written (with its prefix, `content:encoded`) for XML. */
  readonly tag: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly HtmlNode[];
  readonly parent: HtmlElement | null;
}

export interface HtmlText {
  readonly type: 'text';
  readonly text: string;
  readonly parent: HtmlElement;
}

export type HtmlNode = HtmlElement | HtmlText;

interface MutableElement {
  type: 'element';
  tag: string;
  attributes: Record<string, string>;
  children: HtmlNode[];
  parent: MutableElement | null;
}

/** The tag of the root element that {@link parseMarkup} returns. */
export const DOCUMENT_TAG = '#document';

/**
 * Parses HTML (or XML, with `xml: true`) into a tree under a `#document` root. Never throws:
 * broken markup is repaired the way `htmlparser2` repairs it (unclosed elements close with
 * their parent; implied `</p>` and `</li>` are honoured). Comments are dropped; character
 * references and CDATA sections become text.
 */
export function parseMarkup(markup: string, options: { readonly xml?: boolean } = {}): HtmlElement {
  const root: MutableElement = { type: 'element', tag: DOCUMENT_TAG, attributes: {}, children: [], parent: null };
  let current = root;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const element: MutableElement = { type: 'element', tag: name, attributes, children: [], parent: current };
        current.children.push(element);
        current = element;
      },
      onclosetag() {
        if (current.parent !== null) current = current.parent;
      },
      ontext(text) {
        const last = current.children[current.children.length - 1];
        if (last !== undefined && last.type === 'text') {
          current.children[current.children.length - 1] = { type: 'text', text: last.text + text, parent: last.parent };
        } else current.children.push({ type: 'text', text, parent: current as HtmlElement });
      },
    },
    { xmlMode: options.xml === true, decodeEntities: true, recognizeCDATA: true },
  );
  parser.write(markup);
  parser.end();
  return root;
}

/** An attribute's value, or null when the element does not carry it. */
export function attribute(element: HtmlElement, name: string): string | null {
  return element.attributes[name] ?? null;
}

/** The element's children that are elements. */
export function childElements(element: HtmlElement): HtmlElement[] {
  return element.children.filter((child): child is HtmlElement => child.type === 'element');
}

/** Elements under `root` (not `root` itself), in document order, that satisfy `test`. */
export function findAll(root: HtmlElement, test: (element: HtmlElement) => boolean): HtmlElement[] {
  const found: HtmlElement[] = [];
  const stack: HtmlNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== 'element') continue;
    if (test(node)) found.push(node);
    for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!);
  }
  return found;
}

/** The first element under `root`, in document order, that satisfies `test`. */
export function findFirst(root: HtmlElement, test: (element: HtmlElement) => boolean): HtmlElement | null {
  const stack: HtmlNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== 'element') continue;
    if (test(node)) return node;
    for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!);
  }
  return null;
}

/** Elements under `root` with this tag (lower-case for HTML). */
export function byTag(root: HtmlElement, tag: string): HtmlElement[] {
  return findAll(root, (element) => element.tag === tag);
}

/** The nearest ancestor of `node` (not the node itself) that satisfies `test`. */
export function closest(node: HtmlNode, test: (element: HtmlElement) => boolean): HtmlElement | null {
  for (let element = node.parent; element !== null; element = element.parent) if (test(element)) return element;
  return null;
}

/** Whether `inner` is `outer` or lies inside it. */
export function isInside(inner: HtmlElement, outer: HtmlElement): boolean {
  for (let node: HtmlElement | null = inner; node !== null; node = node.parent) if (node === outer) return true;
  return false;
}

/** Elements whose text is never shown to a reader. */
const INVISIBLE_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'svg', 'math', 'iframe', 'object']);

/** Elements that flow within a line of text; every other element breaks the line, so its text is spaced off. */
const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'mark', 'q', 's',
  'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr',
]);

/**
 * The text a reader would see under `node`, white space collapsed (no block structure: use
 * the extractor for paragraphs; blocks are only spaced apart). Scripts, styles and other
 * invisible elements are skipped.
 */
export function textContent(node: HtmlNode): string {
  const parts: string[] = [];
  const visit = (current: HtmlNode): void => {
    if (current.type === 'text') {
      parts.push(current.text);
      return;
    }
    if (INVISIBLE_TAGS.has(current.tag)) return;
    const inline = INLINE_TAGS.has(current.tag);
    if (!inline) parts.push(' ');
    for (const child of current.children) visit(child);
    if (!inline) parts.push(' ');
  };
  visit(node);
  return collapseWhiteSpace(parts.join(''));
}

/** The raw text under an element, scripts included (for `<script type="application/ld+json">`). */
export function rawText(element: HtmlElement): string {
  let text = '';
  for (const child of element.children) text += child.type === 'text' ? child.text : rawText(child);
  return text;
}

/** Collapses runs of white space (including no-break spaces) to one space and trims. */
export function collapseWhiteSpace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}
