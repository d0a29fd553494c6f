import { makeDiagnostic, type Diagnostic } from '../core/diagnostic.js';
import { hashContent } from '../core/ids.js';
import type { Fetched } from '../core/records.js';
import { hintsForItem, itemHasFullContent, type Feed, type FeedItem } from './feeds.js';

/**
 * A feed's items as pages: an item that carries the whole article is used as is, any other
 * item's link is fetched, and either way the feed's fields (title, dates, authors, outlet)
 * travel along as hints. Shared by reading inputs once (`resolveInputs`) and by the watch.
 */

/** Default for {@link ReadFeedItemsOptions.maxItems}. */
export const DEFAULT_MAX_FEED_ITEMS = 50;

/** What {@link readFeedItems} needs from its caller. */
export interface ReadFeedItemsOptions {
  /** Fetches an item's link as a page, or says in a diagnostic why there is none. */
  readonly fetchPage: (url: string) => Promise<Fetched | Diagnostic>;
  /** At most this many items are considered, the first ones as the feed lists them (usually the newest). Default 50. */
  readonly maxItems?: number;
  /** Whether an item is to be read; the others are skipped (the watch skips items already archived). Default: all are. */
  readonly wanted?: (item: FeedItem) => boolean | Promise<boolean>;
  /** Called once with the number of items about to be read, for progress. */
  readonly onListed?: (count: number) => void;
  /** Called after each item is read (or fails), for progress. */
  readonly onItemRead?: () => void;
}

/** The pages read from a feed's items. */
export interface FeedPages {
  readonly pages: readonly Fetched[];
  /** Why items could not be read (in item order), and whether the feed was cut to `maxItems`. */
  readonly diagnostics: readonly Diagnostic[];
  /** Items left out because `wanted` said so. */
  readonly skipped: number;
}

/**
 * Reads a feed's items into pages, fetching links concurrently (the fetcher paces each host).
 * `source` names the feed, for items that have no address of their own.
 */
export async function readFeedItems(feed: Feed, source: string, options: ReadFeedItemsOptions): Promise<FeedPages> {
  const maxItems = options.maxItems ?? DEFAULT_MAX_FEED_ITEMS;
  const diagnostics: Diagnostic[] = [];
  if (feed.items.length > maxItems) {
    diagnostics.push(makeDiagnostic('info', 'too-large', `lists ${feed.items.length} items; the first ${maxItems} are read`, source));
  }
  const listed = feed.items.slice(0, maxItems).map((item, index) => ({ item, index }));
  const wanted = options.wanted;
  const chosen = wanted === undefined ? listed : (await Promise.all(listed.map(async (entry) => ((await wanted(entry.item)) ? [entry] : [])))).flat();
  options.onListed?.(chosen.length);

  const results = await Promise.all(
    chosen.map(async ({ item, index }) => {
      const result = await readItem(feed, item, `${source}#item-${index + 1}`, options.fetchPage);
      options.onItemRead?.();
      return result;
    }),
  );
  const pages: Fetched[] = [];
  for (const result of results) {
    if ('severity' in result) diagnostics.push(result);
    else pages.push(result);
  }
  return { pages, diagnostics, skipped: listed.length - chosen.length };
}

/** One item as a page: its own content when it is the whole article, else its link, fetched. */
async function readItem(feed: Feed, item: FeedItem, fallbackSource: string, fetchPage: ReadFeedItemsOptions['fetchPage']): Promise<Fetched | Diagnostic> {
  const hints = hintsForItem(feed, item);
  if (itemHasFullContent(item)) {
    const text = item.contentHtml ?? item.contentText ?? '';
    return {
      source: item.url ?? fallbackSource,
      contentHash: hashContent(new TextEncoder().encode(text)),
      byteLength: Buffer.byteLength(text),
      encoding: 'utf-8',
      mediaType: item.contentHtml === null ? 'text/plain' : 'text/html',
      text,
      diagnostics: [],
      ...(item.url === null ? {} : { url: item.url }),
      hints,
    };
  }
  if (item.url === null) return makeDiagnostic('warning', 'no-body', 'a feed item has neither full content nor a link', fallbackSource);
  const page = await fetchPage(item.url);
  return 'severity' in page ? page : { ...page, hints };
}
