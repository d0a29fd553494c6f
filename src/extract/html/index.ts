import { makeDiagnostic } from '../../core/diagnostic.js';
import { articleIdFromHash } from '../../core/ids.js';
import type { Block, BlockKind, Extracted, Fetched, MetadataField, MetadataSource, Removed, Result } from '../../core/records.js';
import { detectLanguage } from '../language.js';
import { foldText } from '../fold.js';
import type { TextBlock } from './blocks.js';
import { selectArticle } from './content.js';
import { collapseWhiteSpace, parseMarkup } from './dom.js';
import { readMetadata, type Sourced } from './metadata.js';

/** Options for {@link extractHtml}. */
export interface ExtractHtmlOptions {
  /** An article body shorter than this (in characters) means the page holds no article. Default 200. */
  readonly minArticleLength?: number;
}

/**
 * Drops the headline from the body when the page repeats it there (an `<h1>` inside the
 * article): it is the record's title, not a paragraph. Headings at the very end of the body
 * introduce nothing (a "More on this" left over from a removed list) and go too.
 */
function withoutTitleAndDanglingHeadings(blocks: readonly TextBlock[], title: string | null, removed: Removed[]): TextBlock[] {
  const kept = [...blocks];
  const folded = title === null ? null : foldText(title);
  const titleIndex = kept.findIndex((block, index) => index < 5 && block.kind === 'heading' && folded !== null && foldText(block.text) === folded);
  if (titleIndex >= 0) removed.push({ kind: 'header', text: kept.splice(titleIndex, 1)[0]!.text, rule: 'repeated-title' });
  while (kept.length > 0 && kept[kept.length - 1]!.kind === 'heading') {
    removed.push({ kind: 'related', text: kept.pop()!.text, rule: 'dangling-heading' });
  }
  return kept;
}

/** How many characters the blocks hold. */
function lengthOf(blocks: readonly { readonly text: string }[]): number {
  return blocks.reduce((sum, block) => sum + block.text.length, 0);
}

/** The page's address: the URL it was fetched from, or the input when that is a URL. */
function pageUrlOf(fetched: Fetched): string | null {
  if (fetched.url !== undefined) return fetched.url;
  return /^https?:\/\//i.test(fetched.source) ? fetched.source : null;
}

/**
 * Extracts an article from an HTML page: the main text as blocks (paragraphs, headings, list
 * items, block quotes; captions and furniture removed and recorded), and the page's metadata,
 * each field with where it was read from; a feed's statements fill what the page leaves out.
 * A page with no article (a home page, a login wall) is a failed result that says so.
 */
export function extractHtml(fetched: Fetched, options: ExtractHtmlOptions = {}): Result<Extracted> {
  const diagnostics = [...fetched.diagnostics];
  const fail = (reason: string): Result<Extracted> => ({
    ok: false,
    reason,
    diagnostics: [...diagnostics, makeDiagnostic('error', 'not-an-article', reason, fetched.source)],
  });

  const document = parseMarkup(fetched.text);
  const selection = selectArticle(document);
  const metadata = readMetadata(document, pageUrlOf(fetched), selection?.root ?? null);
  const minLength = options.minArticleLength ?? 200;
  const removed = [...(selection?.removed ?? [])];
  let blocks: readonly { readonly text: string; readonly kind: BlockKind }[] = withoutTitleAndDanglingHeadings(selection?.blocks ?? [], metadata.title?.value ?? fetched.hints?.title ?? null, removed);
  // A page that builds its text with script often still states the body in its JSON-LD:
  // when the markup yields no article, the publisher's own statement of it is the next best.
  const statedBody = metadata.articleBodyHint;
  if (lengthOf(blocks) < minLength && statedBody !== null && statedBody.length >= minLength) {
    blocks = statedBody
      .split(/\n\s*\n|\n/)
      .map((paragraph) => collapseWhiteSpace(paragraph))
      .filter((paragraph) => paragraph !== '')
      .map((paragraph) => ({ text: paragraph, kind: 'paragraph' as const }));
    diagnostics.push(makeDiagnostic('info', 'no-body', 'the page markup holds no article text; the body is read from its JSON-LD articleBody', fetched.source));
  }
  const paragraphs: Block[] = [];
  let text = '';
  for (const block of blocks) {
    if (text !== '') text += '\n\n';
    paragraphs.push({ start: text.length, end: text.length + block.text.length, kind: block.kind });
    text += block.text;
  }
  if (text.length < minLength) {
    return fail(
      text.length === 0
        ? 'the page holds no article text (it may be a home page, a list of links, or need JavaScript)'
        : `the page holds no article: its main text is ${text.length} characters long (a home page, a login wall, or a page that needs JavaScript)`,
    );
  }

  const provenance: Partial<Record<MetadataField, MetadataSource>> = {};
  const hints = fetched.hints;
  /** The page's own value when it states one, else the feed's, recording where it came from. */
  const pick = <T>(field: MetadataField, stated: Sourced<T> | null, hinted: T | undefined): T | null => {
    if (stated !== null) {
      provenance[field] = stated.source;
      return stated.value;
    }
    if (hinted !== undefined) {
      provenance[field] = 'feed';
      return hinted;
    }
    return null;
  };
  const detected = detectLanguage(text);
  const language = detected ?? metadata.declaredLanguage;
  if (language !== null) provenance.language = detected !== null ? 'detected' : 'meta';
  const authors = pick('byline', metadata.authors, hints?.authors);
  const pageUrl = pageUrlOf(fetched);
  const url = metadata.url ?? (pageUrl === null ? null : { value: pageUrl, source: 'url' as const });

  const extracted: Extracted = {
    id: articleIdFromHash(fetched.contentHash),
    source: fetched.source,
    contentHash: fetched.contentHash,
    title: pick('title', metadata.title, hints?.title),
    kicker: null,
    description: pick('description', metadata.description, hints?.description),
    published: pick('published', metadata.published, hints?.published),
    updated: pick('updated', metadata.updated, hints?.updated),
    outlet: pick('outlet', metadata.outlet, hints?.outlet),
    credits: [],
    byline: authors === null || authors.length === 0 ? null : authors.join(', '),
    language,
    url: pick<string>('url', url, undefined),
    imageUrl: pick('imageUrl', metadata.imageUrl, hints?.imageUrl),
    provenance,
    text,
    paragraphs,
    removed,
    diagnostics,
  };
  return { ok: true, value: extracted, diagnostics };
}
