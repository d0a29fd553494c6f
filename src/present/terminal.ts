/** Helpers for printing to a terminal: wrapping, styles, and text made inert. */

/**
 * Wraps text to a width, indenting continuation lines. The first line is measured as if it
 * began with the indent too, since callers print it after a prefix of that length.
 */
export function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const used = lines.length === 0 ? indent.length + line.length : line.length;
    if (line !== '' && used + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

/**
 * Terminal characters an article could use to move the cursor, clear the screen or rewrite the
 * title bar. Article text comes from strangers, so it is printed without them.
 */
export function inert(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

/** Bold and dim ANSI styles, or plain text when colour is off. */
export function styles(color: boolean): { bold: (text: string) => string; dim: (text: string) => string } {
  return {
    bold: (text) => (color ? `\u001b[1m${text}\u001b[22m` : text),
    dim: (text) => (color ? `\u001b[2m${text}\u001b[22m` : text),
  };
}
