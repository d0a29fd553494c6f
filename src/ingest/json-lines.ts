import { makeDiagnostic, type Diagnostic } from '../core/diagnostic.js';
import { hashContent } from '../core/ids.js';
import type { Fetched, SourceHints } from '../core/records.js';
import { parseFeedDate } from './feeds.js';
import { isFetchableUrl } from './fetch.js';

/**
 * JSON Lines input: one article per line, as exported by crawlers and news APIs:
 * `{"url": …, "title": …, "text": …, "html": …, "published": …, "outlet": …}`, every field
 * optional but at least one of `text`, `html` or `url`. A line with content is an article as it
 * stands (its `url` kept as its address); a line with only a `url` names a page to fetch. A line
 * that is not such an object is reported with its number, and the other lines are still read.
 */

/** One usable line: an article given in full, or an address to fetch, with what the line said about it. */
export type JsonLinesRecord =
  | { readonly kind: 'article'; readonly fetched: Fetched }
  | { readonly kind: 'link'; readonly url: string; readonly hints: SourceHints; readonly line: number };

/** File name endings that mark JSON Lines. */
const JSON_LINES_EXTENSION = /\.(?:jsonl|ndjson)$/i;
/** Media types servers use for JSON Lines. */
const JSON_LINES_TYPES = new Set(['application/jsonl', 'application/x-ndjson', 'application/x-jsonlines', 'application/jsonlines']);
/** The fields a line may carry; a line needs one of the first three. */
const CONTENT_FIELDS = ['text', 'html', 'url'] as const;

/** The first line that holds anything, trimmed. */
function firstLine(text: string): string {
  for (const line of text.split('\n', 50)) if (line.trim() !== '') return line.trim();
  return '';
}

/** A parsed line when it is a JSON object, else null. */
function parseObject(line: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Whether an input is JSON Lines: by its name (`.jsonl`, `.ndjson`) or media type, or else by
 * its content, a first line that is a whole JSON object with a `text`, `html` or `url` field.
 * (A JSON Feed is one object spread over many lines, so its first line is never a whole object.)
 */
export function isJsonLines(text: string, source: string, contentType: string | null = null): boolean {
  if (JSON_LINES_EXTENSION.test(source.replace(/[?#].*$/, ''))) return true;
  if (contentType !== null && JSON_LINES_TYPES.has(contentType.split(';')[0]!.trim().toLowerCase())) return true;
  const line = firstLine(text);
  if (!line.startsWith('{')) return false;
  const object = parseObject(line);
  return object !== null && CONTENT_FIELDS.some((field) => typeof object[field] === 'string');
}

/** A string field, trimmed, or undefined when absent, empty or not a string. */
function stringField(object: Record<string, unknown>, field: string): string | undefined {
  const value = object[field];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** What a line says about its article beside the content. */
function hintsOf(object: Record<string, unknown>): SourceHints {
  const title = stringField(object, 'title');
  const outlet = stringField(object, 'outlet');
  const publishedText = stringField(object, 'published');
  const published = publishedText === undefined ? null : parseFeedDate(publishedText);
  return {
    ...(title === undefined ? {} : { title }),
    ...(outlet === undefined ? {} : { outlet }),
    ...(published === null ? {} : { published }),
  };
}

/**
 * Reads the lines of a JSON Lines text. Each article's content hash is that of its content (its
 * `html`, else its `text`), so the same article given twice, in one file or two, is stored once.
 */
export function parseJsonLines(text: string, source: string): { records: JsonLinesRecord[]; diagnostics: Diagnostic[] } {
  const records: JsonLinesRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  const problem = (line: number, message: string): void => {
    diagnostics.push(makeDiagnostic('error', 'invalid-record', `line ${line}: ${message}`, source));
  };
  for (const [index, raw] of text.split('\n').entries()) {
    const line = index + 1;
    if (raw.trim() === '') continue;
    const object = parseObject(raw);
    if (object === null) {
      problem(line, 'is not a JSON object');
      continue;
    }
    const html = stringField(object, 'html');
    const body = stringField(object, 'text');
    const url = stringField(object, 'url');
    const hints = hintsOf(object);
    if (stringField(object, 'published') !== undefined && hints.published === undefined) {
      diagnostics.push(makeDiagnostic('warning', 'invalid-record', `line ${line}: "published" is not a date; ignored`, source));
    }
    const address = url !== undefined && isFetchableUrl(url) ? url : undefined;
    if (url !== undefined && address === undefined) problem(line, `"url" is not an http(s) address${html ?? body ? '; the content is kept' : ''}`);
    const content = html ?? body;
    if (content === undefined) {
      if (address !== undefined) records.push({ kind: 'link', url: address, hints, line });
      else if (url === undefined) problem(line, 'has no "text", "html" or "url"');
      continue;
    }
    const bytes = new TextEncoder().encode(content);
    records.push({
      kind: 'article',
      fetched: {
        source: address ?? `${source}#line-${line}`,
        contentHash: hashContent(bytes),
        byteLength: bytes.byteLength,
        encoding: 'utf-8',
        mediaType: html === undefined ? 'text/plain' : 'text/html',
        text: content,
        diagnostics: [],
        ...(address === undefined ? {} : { url: address }),
        hints,
      },
    });
  }
  return { records, diagnostics };
}
