/**
 * Finding the character encoding that bytes declare: the charset parameter of a Content-Type
 * header, an HTML `<meta>` charset, an XML declaration. Labels are resolved as the WHATWG
 * Encoding Standard says, so `latin1` and `iso-8859-1` mean Windows-1252 as they do in browsers.
 * Nothing here decodes text; `decode.ts` decides which declaration wins and decodes.
 */

/** A parsed Content-Type (or any MIME type) header value. */
export interface ContentType {
  /** The lower-cased `type/subtype`, or `''` when the value holds none. */
  readonly essence: string;
  /** Parameters by lower-cased name; the first occurrence of a name wins. */
  readonly parameters: ReadonlyMap<string, string>;
}

const HTTP_WHITESPACE = /[\t\n\r ]/;

/**
 * Parses a MIME type loosely, as browsers do: a malformed parameter is skipped rather than
 * making the whole header unusable, and quoted values may hold `;`.
 */
export function parseContentType(value: string): ContentType {
  const semicolon = value.indexOf(';');
  const type = (semicolon === -1 ? value : value.slice(0, semicolon)).trim().toLowerCase();
  const essence = /^[!#$%&'*+.^_`|~0-9a-z-]+\/[!#$%&'*+.^_`|~0-9a-z-]+$/.test(type) ? type : '';
  const parameters = new Map<string, string>();
  let position = semicolon === -1 ? value.length : semicolon + 1;
  while (position < value.length) {
    while (position < value.length && HTTP_WHITESPACE.test(value[position] ?? '')) position++;
    let name = '';
    while (position < value.length && value[position] !== ';' && value[position] !== '=') name += value[position++];
    name = name.trim().toLowerCase();
    if (value[position] === ';') {
      position++;
      continue;
    }
    position++; // past '=' (or the end)
    let parameter = '';
    if (value[position] === '"') {
      position++;
      while (position < value.length && value[position] !== '"') {
        if (value[position] === '\\' && position + 1 < value.length) position++;
        parameter += value[position++];
      }
      while (position < value.length && value[position] !== ';') position++;
    } else {
      while (position < value.length && value[position] !== ';') parameter += value[position++];
      parameter = parameter.trim();
    }
    position++; // past ';'
    if (name !== '' && !parameters.has(name)) parameters.set(name, parameter);
  }
  return { essence, parameters };
}

/**
 * Resolves an encoding label to the encoding's canonical name (`utf-8`, `shift_jis`,
 * `windows-1252`, …), or null when the label is unknown or names an encoding we cannot decode
 * (the WHATWG "replacement" encoding behind labels such as `iso-2022-kr`). Node's
 * `TextDecoder` holds the standard's label table, so it does the lookup.
 */
export function encodingForLabel(label: string): string | null {
  const trimmed = label.trim().toLowerCase();
  if (trimmed === '' || trimmed.length > 64) return null;
  // Browsers decode x-user-defined pages' ASCII as ASCII; Windows-1252 is the closest we have.
  if (trimmed === 'x-user-defined') return 'windows-1252';
  try {
    return new TextDecoder(trimmed).encoding;
  } catch {
    return null;
  }
}

/** The encoding named by a Content-Type header's charset parameter, when it names one we know. */
export function charsetFromContentType(value: string): string | null {
  const charset = parseContentType(value).parameters.get('charset');
  return charset === undefined ? null : encodingForLabel(charset);
}

/**
 * A charset declared inside a document is read from the document's own bytes by an ASCII
 * reading; had the document been UTF-16 its bytes would not spell the declaration, so the
 * standard takes a UTF-16 declaration there to mean UTF-8.
 */
function inDocumentEncoding(label: string): string | null {
  const encoding = encodingForLabel(label);
  return encoding === 'utf-16le' || encoding === 'utf-16be' ? 'utf-8' : encoding;
}

/** How far into an HTML document the `<meta>` charset is looked for. */
export const META_PRESCAN_BYTES = 4096;

function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\f';
}

function isAsciiLetter(char: string | undefined): boolean {
  return char !== undefined && /^[A-Za-z]$/.test(char);
}

/**
 * Reads one attribute of a tag, the way the HTML standard's prescan does, so that quoted
 * values holding `>` or `<meta` do not derail the scan. Returns null at the end of the tag.
 */
function readAttribute(head: string, start: number): { name: string; value: string; next: number } | null {
  let position = start;
  while (isSpace(head[position]) || head[position] === '/') position++;
  if (position >= head.length || head[position] === '>') return null;
  let name = '';
  for (;;) {
    const char = head[position];
    if (char === undefined) return { name, value: '', next: position };
    if (char === '=' && name !== '') break;
    if (isSpace(char)) {
      while (isSpace(head[position])) position++;
      if (head[position] !== '=') return { name, value: '', next: position };
      break;
    }
    if (char === '/' || char === '>') return { name, value: '', next: position };
    name += char.toLowerCase();
    position++;
  }
  position++; // past '='
  while (isSpace(head[position])) position++;
  const quote = head[position];
  if (quote === '"' || quote === "'") {
    const end = head.indexOf(quote, position + 1);
    if (end === -1) return { name, value: head.slice(position + 1).toLowerCase(), next: head.length };
    return { name, value: head.slice(position + 1, end).toLowerCase(), next: end + 1 };
  }
  if (quote === '>') return { name, value: '', next: position };
  let value = '';
  while (position < head.length && !isSpace(head[position]) && head[position] !== '>') value += head[position++]?.toLowerCase();
  return { name, value, next: position };
}

/** The charset named in a `content="text/html; charset=…"` value, per the HTML standard. */
function charsetFromMetaContent(content: string): string | null {
  let position = 0;
  for (;;) {
    const found = content.indexOf('charset', position);
    if (found === -1) return null;
    position = found + 'charset'.length;
    while (isSpace(content[position])) position++;
    if (content[position] !== '=') continue;
    position++;
    while (isSpace(content[position])) position++;
    const quote = content[position];
    if (quote === '"' || quote === "'") {
      const end = content.indexOf(quote, position + 1);
      return end === -1 ? null : content.slice(position + 1, end);
    }
    let end = position;
    while (end < content.length && !isSpace(content[end]) && content[end] !== ';') end++;
    return end === position ? null : content.slice(position, end);
  }
}

/**
 * Finds a `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…charset=…">` in the
 * first {@link META_PRESCAN_BYTES} bytes, following the HTML standard's prescan: comments and
 * other tags are skipped whole, and the `content` form counts only with its `http-equiv`.
 * Returns the canonical encoding name, or null.
 */
export function prescanMetaCharset(bytes: Uint8Array, limit = META_PRESCAN_BYTES): string | null {
  // Latin-1 keeps every byte as one character, so positions match and ASCII markup reads true.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, limit)).toString('latin1');
  let position = 0;
  while (position < head.length) {
    if (head.startsWith('<!--', position)) {
      const end = head.indexOf('-->', position + 2);
      if (end === -1) return null;
      position = end + 3;
      continue;
    }
    if (head[position] !== '<') {
      position++;
      continue;
    }
    if (head.slice(position, position + 5).toLowerCase() === '<meta' && (isSpace(head[position + 5]) || head[position + 5] === '/')) {
      position += 6;
      let gotPragma = false;
      let needPragma: boolean | null = null;
      let charset: string | null = null;
      const seen = new Set<string>();
      for (let attribute = readAttribute(head, position); attribute !== null; attribute = readAttribute(head, position)) {
        position = attribute.next;
        if (seen.has(attribute.name)) continue;
        seen.add(attribute.name);
        if (attribute.name === 'http-equiv') {
          if (attribute.value === 'content-type') gotPragma = true;
        } else if (attribute.name === 'content') {
          const declared = charsetFromMetaContent(attribute.value);
          if (declared !== null && charset === null) {
            charset = declared;
            needPragma = true;
          }
        } else if (attribute.name === 'charset') {
          charset = attribute.value;
          needPragma = false;
        }
      }
      if (charset !== null && needPragma !== null && (!needPragma || gotPragma)) {
        const encoding = inDocumentEncoding(charset);
        if (encoding !== null) return encoding;
      }
      continue;
    }
    const next = head[position + 1];
    if (isAsciiLetter(next) || (next === '/' && isAsciiLetter(head[position + 2]))) {
      // Another tag: skip its name, then its attributes, so quoted values cannot fake a <meta>.
      position += next === '/' ? 2 : 1;
      while (position < head.length && !isSpace(head[position]) && head[position] !== '>') position++;
      for (let attribute = readAttribute(head, position); attribute !== null; attribute = readAttribute(head, position)) {
        position = attribute.next;
      }
      continue;
    }
    if (next === '!' || next === '/' || next === '?') {
      const end = head.indexOf('>', position + 1);
      if (end === -1) return null;
      position = end + 1;
      continue;
    }
    position++;
  }
  return null;
}

/** The encoding named by an `<?xml version="1.0" encoding="…"?>` declaration at the very start. */
export function xmlDeclaredEncoding(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  if (!head.startsWith('<?xml')) return null;
  const end = head.indexOf('?>');
  if (end === -1) return null;
  const match = /\sencoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._-]*)\1/.exec(head.slice(0, end));
  return match?.[2] === undefined ? null : inDocumentEncoding(match[2]);
}
