import { makeDiagnostic, type Diagnostic } from '../core/diagnostic.js';
import type { Fetched } from '../core/records.js';
import { DEFAULT_MAX_FEED_ITEMS, readFeedItems } from './feed-items.js';
import { detectFeedKind, parseFeed, parseOpml, type Feed } from './feeds.js';
import { Fetcher, fetchedFromResource, isFetchableUrl, type FetchOptions } from './fetch.js';
import { readInputs, type ReadInputsOptions, type ReadInputsResult } from './files.js';
import { isJsonLines, parseJsonLines } from './json-lines.js';

/** Options for {@link resolveInputs}: file limits, network limits, and how much of a feed to read. */
export interface ResolveInputsOptions extends ReadInputsOptions, FetchOptions {
  /** At most this many items are read from each feed, newest first as the feed lists them. Default 50. */
  readonly maxFeedItems?: number;
  /** Reports each finished input (a page read, a feed item fetched), for progress bars. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** A document read from a file or the network, before we know whether it is a page or a feed. */
interface Document {
  readonly fetched: Fetched;
  readonly contentType: string | null;
}

/**
 * Reads every kind of input into pages: files, directories and standard input (as
 * {@link readInputs} does), http(s) URLs (fetched safely), JSON Lines (one article per line, see
 * `json-lines.ts`), RSS, Atom and JSON feeds (each item
 * becomes a page: its own full content when the feed carries it, else its link, fetched), and
 * OPML subscription lists (each listed feed, read as above). Every input or item that fails
 * becomes a diagnostic naming it and the cause; the rest are still returned, in input order.
 */
export async function resolveInputs(inputs: readonly string[], options: ResolveInputsOptions = {}): Promise<ReadInputsResult> {
  const fetcher = new Fetcher(options);
  const maxItems = options.maxFeedItems ?? DEFAULT_MAX_FEED_ITEMS;
  const diagnostics: Diagnostic[] = [];
  let done = 0;
  let total = inputs.length;
  const progress = (): void => options.onProgress?.(done, total);

  const fetchDocument = async (url: string): Promise<Document | null> => {
    const resource = await fetcher.fetch(url);
    if ('severity' in resource) {
      diagnostics.push(resource);
      return null;
    }
    return { fetched: fetchedFromResource(resource), contentType: resource.contentType };
  };

  /** The pages of a feed's items, fetched where the feed carries only a link. */
  const readFeed = async (feed: Feed, source: string): Promise<Fetched[]> => {
    const read = await readFeedItems(feed, source, {
      maxItems,
      fetchPage: async (url) => {
        const resource = await fetcher.fetch(url);
        return 'severity' in resource ? resource : fetchedFromResource(resource);
      },
      onListed: (count) => {
        total += count;
        progress();
      },
      onItemRead: () => {
        done++;
        progress();
      },
    });
    diagnostics.push(...read.diagnostics);
    return [...read.pages];
  };

  /** The articles of a JSON Lines document: those given in full as they are, the others fetched from their address. */
  const readJsonLines = async (fetched: Fetched): Promise<Fetched[]> => {
    const { records, diagnostics: problems } = parseJsonLines(fetched.text, fetched.source);
    diagnostics.push(...problems);
    const links = records.filter((record) => record.kind === 'link');
    total += links.length;
    progress();
    const pages = await Promise.all(
      records.map(async (record): Promise<Fetched | null> => {
        if (record.kind === 'article') return record.fetched;
        const document = await fetchDocument(record.url);
        done++;
        progress();
        return document === null ? null : { ...document.fetched, hints: record.hints };
      }),
    );
    return pages.filter((page): page is Fetched => page !== null);
  };

  /** A document as pages: itself, the articles of a JSON Lines list, or the items of the feed (or feeds) it is. */
  const expand = async (document: Document): Promise<Fetched[]> => {
    const { fetched } = document;
    if (isJsonLines(fetched.text, fetched.source, document.contentType)) return readJsonLines(fetched);
    const kind = detectFeedKind(fetched.text, document.contentType);
    if (kind === null) return [fetched];
    if (kind === 'opml') {
      const list = parseOpml(fetched.text, fetched.source);
      diagnostics.push(...list.diagnostics);
      if (!list.ok) return [];
      total += list.value.length;
      const feeds = await Promise.all(
        list.value.map(async (subscription): Promise<Fetched[]> => {
          const feedDocument = await fetchDocument(subscription.url);
          done++;
          if (feedDocument === null) return [];
          if (detectFeedKind(feedDocument.fetched.text, feedDocument.contentType) === null) {
            diagnostics.push(makeDiagnostic('error', 'invalid-feed', 'is listed as a feed but is not one', subscription.url));
            return [];
          }
          return expand(feedDocument);
        }),
      );
      return feeds.flat();
    }
    const feed = parseFeed(fetched.text, fetched.url ?? fetched.source);
    diagnostics.push(...feed.diagnostics);
    return feed.ok ? readFeed(feed.value, fetched.source) : [];
  };

  const fetched: Fetched[] = [];
  try {
    for (const input of inputs) {
      if (isFetchableUrl(input)) {
        const document = await fetchDocument(input);
        if (document !== null) fetched.push(...(await expand(document)));
      } else {
        const read = await readInputs([input], options);
        diagnostics.push(...read.diagnostics);
        total += Math.max(0, read.fetched.length - 1);
        for (const file of read.fetched) fetched.push(...(await expand({ fetched: file, contentType: null })));
      }
      done++;
      progress();
    }
  } finally {
    fetcher.close();
  }
  return { fetched, diagnostics };
}
