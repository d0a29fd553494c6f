import { makeDiagnostic, type Diagnostic } from '../core/diagnostic.js';
import type { MediaType } from '../core/records.js';

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
  let text = '';
  for (const byte of bytes) {
    text += byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  }
  return text;
}

/** Normalises line endings to `\n`, drops stray control characters and composes to NFC. */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .normalize('NFC');
}

/**
 * Decodes raw bytes to text: a byte-order mark decides first (UTF-8, UTF-16LE/BE), then
 * BOM-less UTF-16 is sniffed, binary data is refused, UTF-8 is tried strictly, and
 * Windows-1252 (the usual encoding of legacy Western text) is the fallback, with a warning.
 */
export function decodeBytes(bytes: Uint8Array, input: string): Decoded {
  if (bytes.length === 0) return { ok: false, code: 'empty', reason: 'the file is empty' };
  let encoding: string | null = null;
  let offset = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) [encoding, offset] = ['utf-8', 3];
  else if (startsWith(bytes, [0xff, 0xfe])) [encoding, offset] = ['utf-16le', 2];
  else if (startsWith(bytes, [0xfe, 0xff])) [encoding, offset] = ['utf-16be', 2];
  else encoding = sniffUtf16(bytes);

  const diagnostics: Diagnostic[] = [];
  let text: string;
  if (encoding !== null) {
    text = new TextDecoder(encoding).decode(bytes.subarray(offset));
  } else {
    const binary = describeBinary(bytes);
    if (binary !== null) return { ok: false, code: 'binary', reason: binary };
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      encoding = 'utf-8';
    } catch {
      text = decodeWindows1252(bytes);
      encoding = 'windows-1252';
      diagnostics.push(
        makeDiagnostic('warning', 'encoding-fallback', 'not valid UTF-8; decoded as Windows-1252', input),
      );
    }
  }
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
