import { makeDiagnostic, type Diagnostic } from '../core/diagnostic.js';
import type { MediaType } from '../core/records.js';
import { charsetFromContentType, parseContentType, prescanMetaCharset, xmlDeclaredEncoding } from './charset.js';

/** The outcome of turning raw bytes into text. */
export type Decoded =
  | { readonly ok: true; readonly text: string; readonly encoding: string; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly reason: string; readonly code: 'binary' | 'empty' };

/** Signatures of common binary formats, so the error can say what the file is. */
const BINARY_SIGNATURES: readonly { readonly name: string; readonly bytes: readonly number[] }[] = [
  { name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46] },
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a ZIP archive (or DOCX/ODT document)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a gzip archive', bytes: [0x1f, 0x8b] },
  { name: 'an executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
];

/** How many leading bytes the binary and UTF-16 sniffers look at. */
const SNIFF_BYTES = 8192;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((value, index) => bytes[index] === value);
}

/**
 * Guesses UTF-16 without a byte-order mark: ASCII-heavy UTF-16 text has a NUL in every other
 * byte, on the odd positions for little-endian and the even ones for big-endian.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (length < 4) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let index = 0; index < length; index += 2) {
    if (bytes[index] === 0) evenNuls++;
    if (bytes[index + 1] === 0) oddNuls++;
  }
  const pairs = length / 2;
  if (oddNuls > pairs * 0.6 && evenNuls < pairs * 0.05) return 'utf-16le';
  if (evenNuls > pairs * 0.6 && oddNuls < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Control bytes that do not occur in text (everything below 0x20 but tab, newline, CR, FF). */
function isBinaryControl(byte: number): boolean {
  return byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b;
}

function describeBinary(bytes: Uint8Array): string | null {
  for (const signature of BINARY_SIGNATURES) {
    if (startsWith(bytes, signature.bytes)) return `looks like ${signature.name}, not text`;
  }
  const length = Math.min(bytes.length, SNIFF_BYTES);
  let controls = 0;
  for (let index = 0; index < length; index++) {
    const byte = bytes[index] ?? 0;
    if (byte === 0) return 'contains NUL bytes: binary data, not text';
    if (isBinaryControl(byte)) controls++;
  }
  return controls > length * 0.02 ? 'contains control bytes: binary data, not text' : null;
}

/**
 * The characters Windows-1252 puts at 0x80–0x9F (the WHATWG Encoding Standard's table; the
 * five unassigned bytes map to the C1 control of the same value). Node's `TextDecoder` treats
 * the label as Latin-1 and leaves these bytes as C1 controls, so smart quotes and dashes from
 * legacy Western text would be lost.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Decodes Windows-1252 bytes. */
export function decodeWindows1252(bytes: Uint8Array): string {
  // Latin-1 agrees with Windows-1252 outside 0x80–0x9F; only those bytes need the table.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80] ?? char);
}

/** Normalises line endings to `\n`, drops stray control characters and composes to NFC. */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .normalize('NFC');
}

/** What is known about the bytes beyond the bytes themselves, for web content. */
export interface DecodeOptions {
  /** The HTTP Content-Type header's value: its charset outranks any in-document declaration. */
  readonly contentType?: string;
  /**
   * Which in-document declaration to honour: an HTML `<meta>` charset (then an XML
   * declaration), an XML declaration alone, or none. Defaults to what the Content-Type's type
   * implies, else none, so that plain text is never read for markup.
   */
  readonly declarations?: 'html' | 'xml' | 'none';
}

const XML_TYPES = new Set([
  'application/xml',
  'text/xml',
  'application/xhtml+xml',
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
]);

function declarationsFor(contentType: string | undefined): 'html' | 'xml' | 'none' {
  if (contentType === undefined) return 'none';
  const { essence } = parseContentType(contentType);
  return essence === 'text/html' ? 'html' : XML_TYPES.has(essence) ? 'xml' : 'none';
}

/**
 * Decodes bytes with a named encoding, replacing undecodable bytes with U+FFFD. Windows-1252
 * goes through {@link decodeWindows1252}, since Node's decoder for that label is Latin-1.
 */
export function decodeAs(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  return new TextDecoder(encoding, { fatal: false }).decode(bytes);
}

function decodeStrictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** An encoding a header or the document itself declares, and where the declaration was. */
interface Declared {
  readonly encoding: string;
  readonly origin: string;
}

type Fit =
  | { readonly ok: true; readonly text: string; readonly encoding: string; readonly warning?: string }
  | { readonly ok: false; readonly note: string };

/**
 * Checks a declared encoding against the bytes. Declarations are often wrong: a server default
 * of ISO-8859-1 on UTF-8 pages, or UTF-8 declared on legacy text. Valid UTF-8 with non-ASCII
 * bytes is almost never legacy text, so it wins over a legacy declaration; a declaration whose
 * decoding is mostly replacement characters is set aside; a few bad bytes in otherwise good
 * text are replaced, with a warning.
 */
function fitDeclared(bytes: Uint8Array, declared: Declared): Fit {
  const { encoding, origin } = declared;
  if (encoding !== 'utf-8' && bytes.some((byte) => byte >= 0x80)) {
    const utf8 = decodeStrictUtf8(bytes);
    if (utf8 !== null) {
      return { ok: true, text: utf8, encoding: 'utf-8', warning: `${origin} says ${encoding}, but the bytes are valid UTF-8; decoded as UTF-8` };
    }
  }
  const text = decodeAs(bytes, encoding);
  let errors = 0;
  let decoded = 0;
  for (const char of text) {
    if (char === '\ufffd') errors++;
    else if (char.charCodeAt(0) >= 0x80) decoded++;
  }
  if (errors === 0) return { ok: true, text, encoding };
  if (decoded >= errors * 4) {
    const what = errors === 1 ? 'byte sequence' : 'byte sequences';
    return { ok: true, text, encoding, warning: `${errors} ${what} not valid ${encoding} replaced with U+FFFD` };
  }
  return { ok: false, note: `${origin} says ${encoding}, but the bytes are not valid ${encoding}` };
}

/**
 * Decodes raw bytes to text, choosing the encoding in the order browsers do: a byte-order mark
 * (UTF-8, UTF-16LE/BE) first, BOM-less UTF-16 sniffed, then (for web content, from `options`)
 * the Content-Type header's charset, a `<meta>` charset or XML declaration; then strict UTF-8,
 * and Windows-1252 (the usual encoding of legacy Western text) as the fallback, with a warning.
 * Binary data is refused whatever was declared: a PNG served as text/html is still a PNG.
 */
export function decodeBytes(bytes: Uint8Array, input: string, options: DecodeOptions = {}): Decoded {
  if (bytes.length === 0) return { ok: false, code: 'empty', reason: 'the file is empty' };
  const header = options.contentType === undefined ? null : charsetFromContentType(options.contentType);

  let bom: readonly [string, number] | null = null;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) bom = ['utf-8', 3];
  else if (startsWith(bytes, [0xff, 0xfe])) bom = ['utf-16le', 2];
  else if (startsWith(bytes, [0xfe, 0xff])) bom = ['utf-16be', 2];
  if (bom !== null) return finish(new TextDecoder(bom[0]).decode(bytes.subarray(bom[1])), bom[0], []);

  const notes: string[] = [];
  // UTF-16 markup always holds NUL bytes (its ASCII), so a header's UTF-16 without them is wrong.
  let utf16 = sniffUtf16(bytes);
  if (utf16 === null && (header === 'utf-16le' || header === 'utf-16be')) {
    if (bytes.includes(0)) utf16 = header;
    else notes.push(`the Content-Type header says ${header}, but the bytes are not UTF-16`);
  }
  if (utf16 !== null) return finish(new TextDecoder(utf16).decode(bytes), utf16, []);

  const binary = describeBinary(bytes);
  if (binary !== null) return { ok: false, code: 'binary', reason: binary };

  const declared: Declared[] = [];
  if (header !== null && header !== 'utf-16le' && header !== 'utf-16be') declared.push({ encoding: header, origin: 'the Content-Type header' });
  const declarations = options.declarations ?? declarationsFor(options.contentType);
  if (declarations === 'html') {
    const meta = prescanMetaCharset(bytes);
    if (meta !== null) declared.push({ encoding: meta, origin: 'the <meta> charset' });
  }
  if (declarations !== 'none') {
    const xml = xmlDeclaredEncoding(bytes);
    if (xml !== null) declared.push({ encoding: xml, origin: 'the XML declaration' });
  }
  const tried = new Set<string>();
  for (const candidate of declared) {
    if (tried.has(candidate.encoding)) continue;
    tried.add(candidate.encoding);
    const fit = fitDeclared(bytes, candidate);
    if (fit.ok) {
      const warnings = fit.warning === undefined ? [] : [makeDiagnostic('warning', 'encoding-fallback', fit.warning, input)];
      return finish(fit.text, fit.encoding, warnings);
    }
    notes.push(fit.note);
  }

  const utf8 = decodeStrictUtf8(bytes);
  if (utf8 !== null) {
    const warnings = notes.length === 0 ? [] : [makeDiagnostic('warning', 'encoding-fallback', `${notes.join('; ')}; decoded as UTF-8`, input)];
    return finish(utf8, 'utf-8', warnings);
  }
  const reason = notes.length === 0 ? 'not valid UTF-8' : notes.join('; ');
  return finish(decodeWindows1252(bytes), 'windows-1252', [
    makeDiagnostic('warning', 'encoding-fallback', `${reason}; decoded as Windows-1252`, input),
  ]);
}

function finish(text: string, encoding: string, diagnostics: readonly Diagnostic[]): Decoded {
  const normalized = normalizeText(text);
  if (normalized.trim() === '') return { ok: false, code: 'empty', reason: 'the file holds only white space' };
  return { ok: true, text: normalized, encoding, diagnostics };
}

/** Tells HTML from plain text by its opening markup or a density of block tags. */
export function detectMediaType(text: string): MediaType {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<?xml')) {
    return 'text/html';
  }
  const blockTags = text.slice(0, 65536).match(/<\/?(?:p|div|body|head|article|span|br)\b[^>]*>/gi);
  return blockTags !== null && blockTags.length >= 5 ? 'text/html' : 'text/plain';
}
