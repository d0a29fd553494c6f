/**
 * The unit plain-text extraction works on: one line of the input (or several lines joined
 * when a paragraph was broken mid-sentence), with what its layout said about it.
 */
export interface Line {
  /** The line's text, white space collapsed and trimmed. */
  readonly text: string;
  /** Leading spaces in the input (tabs count as four): indented lists are often link lists. */
  readonly indent: number;
  /** Whether a blank line came before it. */
  readonly blankBefore: boolean;
}

/** Sentence-final punctuation, optionally followed by closing quotes or brackets. */
const ENDS_SENTENCE = /[.!?…:;]["'”’»)\]]*$/;

/** A line that starts with a bullet or list marker. */
export const BULLET = /^\s*(?:[•*·▪‣◦●■–—-]|\d{1,2}[.)])\s+/;

/** Collapses runs of white space to one space and trims. */
export function collapseWhiteSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Whether `next` continues the sentence `previous` left open: `previous` ends without
 * sentence punctuation and `next` starts in lower case. This repairs paragraphs broken in two
 * by a stray newline or blank line ("It came ahead of a" / "planned meeting in July").
 */
export function continuesSentence(previous: string, next: string): boolean {
  return !ENDS_SENTENCE.test(previous) && /^[\p{Ll}]/u.test(next) && !BULLET.test(next);
}

/** Whether a line ends like a sentence (".", "!", "?", "…", possibly inside closing quotes). */
export function endsLikeSentence(text: string): boolean {
  return /[.!?…]["'”’»)\]]*$/.test(text);
}

/** Counts the words of a line. */
export function countWords(text: string): number {
  const words = text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu);
  return words === null ? 0 : words.length;
}

/** Splits text into lines, joining lines that continue a broken sentence. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let blankBefore = false;
  for (const raw of text.split('\n')) {
    const content = collapseWhiteSpace(raw);
    // Rules drawn with punctuation ("___", "* * *", "----") separate blocks like a blank line.
    if (!/[\p{L}\p{N}]/u.test(content)) {
      blankBefore = true;
      continue;
    }
    const previous = lines[lines.length - 1];
    if (previous !== undefined && continuesSentence(previous.text, content)) {
      lines[lines.length - 1] = { ...previous, text: `${previous.text} ${content}` };
    } else {
      const indent = (/^[ \t]*/.exec(raw)?.[0] ?? '').replace(/\t/g, '    ').length;
      lines.push({ text: content, indent, blankBefore: blankBefore || lines.length === 0 });
    }
    blankBefore = false;
  }
  return lines;
}

/**
 * Inserts the missing space where two sentences were glued together by a scraper
 * ("makes all the difference.President Trump met…"): a lower-case word of two or more letters,
 * sentence punctuation, then a capitalised word. Initials and abbreviations ("U.S.Army",
 * "D.C.") have an upper-case letter or a single letter before the dot and are left alone.
 */
export function separateGluedSentences(text: string): string {
  return text.replace(/(\p{Ll}{2,}[.!?]["”’]?)(\p{Lu}\p{Ll})/gu, '$1 $2');
}
