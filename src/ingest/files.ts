import { open, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { makeDiagnostic, type Diagnostic } from '../core/diagnostic.js';
import { hashContent } from '../core/ids.js';
import type { Fetched } from '../core/records.js';
import { decodeBytes, detectMediaType } from './decode.js';

/** Options for {@link readInputs}. */
export interface ReadInputsOptions {
  /** Inputs larger than this are refused with a `too-large` diagnostic. Default 10 MiB. */
  readonly maxBytes?: number;
  /** Where `-` reads from. Default `process.stdin`. */
  readonly stdin?: NodeJS.ReadableStream;
}

/** What {@link readInputs} returns: the inputs it could read, and what happened to the rest. */
export interface ReadInputsResult {
  readonly fetched: readonly Fetched[];
  readonly diagnostics: readonly Diagnostic[];
}

/** The default size limit: far above any article, far below what would exhaust memory. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** Extensions read from directories; explicitly named files are read whatever their name. */
const ARTICLE_EXTENSIONS = new Set(['.txt', '.text', '.html', '.htm', '.jsonl', '.ndjson', '']);

class InputProblem {
  constructor(readonly diagnostic: Diagnostic) {}
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return code === undefined ? 'could not be read' : `could not be read (${code})`;
  }
}

async function readFileLimited(path: string, maxBytes: number): Promise<Uint8Array> {
  const info = await stat(path);
  if (info.size > maxBytes) {
    throw new InputProblem(
      makeDiagnostic('error', 'too-large', `is ${formatBytes(info.size)}, over the ${formatBytes(maxBytes)} limit`, path),
    );
  }
  const handle = await open(path, 'r');
  try {
    // Read at most one byte past the limit: a file that grew after `stat` is still refused.
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) break;
    }
    if (length > maxBytes) {
      throw new InputProblem(makeDiagnostic('error', 'too-large', `is over the ${formatBytes(maxBytes)} limit`, path));
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

async function readStreamLimited(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    length += buffer.length;
    if (length > maxBytes) {
      throw new InputProblem(makeDiagnostic('error', 'too-large', `is over the ${formatBytes(maxBytes)} limit`, '-'));
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Formats a byte count for messages ("50.0 MiB"). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** Lists the article files under a directory, recursively, in name order; hidden entries skipped. */
async function listArticleFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...(await listArticleFiles(path)));
    else if (entry.isFile() && ARTICLE_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push(path);
  }
  return files;
}

/** Extensions that say a file is HTML, whose `<meta>` charset is then honoured. */
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.shtml']);

/**
 * Whether a local input is HTML, before it is decoded: by its extension, or by its opening
 * markup read as Latin-1 (which keeps the ASCII of every ASCII-compatible encoding intact).
 * Only HTML is searched for a `<meta>` charset, so plain text mentioning one is left alone.
 */
function looksLikeHtml(source: string, bytes: Uint8Array): boolean {
  if (HTML_EXTENSIONS.has(extname(source).toLowerCase())) return true;
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 65536)).toString('latin1');
  return detectMediaType(head) === 'text/html';
}

/** Turns the bytes of one input into a {@link Fetched} record, or a diagnostic saying why not. */
export function fetchedFromBytes(source: string, bytes: Uint8Array): Fetched | Diagnostic {
  const decoded = decodeBytes(bytes, source, { declarations: looksLikeHtml(source, bytes) ? 'html' : 'none' });
  if (!decoded.ok) return makeDiagnostic('error', decoded.code, decoded.reason, source);
  return {
    source,
    contentHash: hashContent(bytes),
    byteLength: bytes.length,
    encoding: decoded.encoding,
    mediaType: detectMediaType(decoded.text),
    text: decoded.text,
    diagnostics: decoded.diagnostics,
  };
}

/**
 * Reads files, directories (recursively: `.txt`, `.text`, `.html`, `.htm`, `.jsonl`, `.ndjson` and extension-less
 * files) and `-` (standard input, one article). Every input that cannot be read becomes a
 * diagnostic naming it and the cause; the others are still returned.
 */
export async function readInputs(inputs: readonly string[], options: ReadInputsOptions = {}): Promise<ReadInputsResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!(maxBytes > 0)) throw new TypeError('maxBytes must be a positive number');
  const fetched: Fetched[] = [];
  const diagnostics: Diagnostic[] = [];

  const readOne = async (source: string, read: () => Promise<Uint8Array>): Promise<void> => {
    try {
      const result = fetchedFromBytes(source, await read());
      if ('contentHash' in result) fetched.push(result);
      else diagnostics.push(result);
    } catch (error) {
      if (error instanceof InputProblem) diagnostics.push(error.diagnostic);
      else diagnostics.push(makeDiagnostic('error', 'unreadable', describeFsError(error), source));
    }
  };

  for (const input of inputs) {
    if (input === '-') {
      await readOne('-', () => readStreamLimited(options.stdin ?? process.stdin, maxBytes));
      continue;
    }
    let isDirectory = false;
    try {
      isDirectory = (await stat(input)).isDirectory();
    } catch (error) {
      diagnostics.push(makeDiagnostic('error', 'unreadable', describeFsError(error), input));
      continue;
    }
    if (!isDirectory) {
      await readOne(input, () => readFileLimited(input, maxBytes));
      continue;
    }
    let files: string[];
    try {
      files = await listArticleFiles(input);
    } catch (error) {
      diagnostics.push(makeDiagnostic('error', 'unreadable', describeFsError(error), input));
      continue;
    }
    const before = fetched.length;
    for (const file of files) await readOne(file, () => readFileLimited(file, maxBytes));
    if (fetched.length === before) {
      diagnostics.push(
        makeDiagnostic('error', 'empty-directory', files.length === 0 ? 'holds no article files (.txt, .html)' : 'holds no readable article', input),
      );
    }
  }
  return { fetched, diagnostics };
}
