/**
 * How ROUGE-1.5.5 reads a summary in its one-sentence-per-line format (SPL) and turns it into
 * tokens, reproduced step by step because every step moves its scores:
 *
 * 1. lines are split at "\n" only (a "\r" stays, as a character); empty lines are dropped;
 * 2. the length limit, if any, cuts the text before tokenisation: `-l N` keeps the first N
 *    words, a word being what Perl's `split(/\s+/)` yields on a line (so a line starting with
 *    a space counts one empty word, and "U.S.-led" or "--" count one word each); `-b N` keeps
 *    the first N bytes of UTF-8, counting the lines without their separators;
 * 3. tokens are the runs of ASCII letters and digits, lower-cased: every other character,
 *    the hyphen and every non-ASCII letter included, separates tokens ("café" gives "caf");
 * 4. with `-s` tokens on ROUGE's stopword list are dropped, and with `-m` tokens longer than
 *    three characters are replaced by their Porter stem. (ROUGE-1.5.5 first looks such a token
 *    up in a database of WordNet 2.0's irregular forms, "went" → "go". The database as nearly
 *    every installation rebuilds it, with `buildExeptionDB.pl … ./smart_common_words.txt …`,
 *    is empty, since that script takes its second argument for a file-name extension; that
 *    state, plain Porter, is what is reproduced here.)
 *
 * ROUGE-L reads the same file a second time, sentence by sentence, and applies the limits in
 * its own way (see {@link limitUnits}).
 */
import { porterStem } from './porter.js';
import { SMART_COMMON_WORDS } from './smart-common-words.js';

/** A length limit on the text scored: ROUGE's `-l` (words) or `-b` (bytes), never both. */
export interface LengthLimit {
  readonly wordLimit?: number;
  readonly byteLimit?: number;
}

/** How tokens are normalised after tokenisation: ROUGE's `-m` and `-s`. */
export interface TokenOptions {
  readonly stem: boolean;
  readonly removeStopwords: boolean;
}

/** The characters Perl's `\s` matches in a byte string. */
const PERL_WHITESPACE = /[ \t\n\v\f\r]+/;

/** The non-empty lines of a text, as ROUGE reads an SPL file. */
export function summaryLines(text: string): string[] {
  return text.split('\n').filter((line) => line.length > 0);
}

/**
 * Perl's `split(/\s+/, line)`: a leading empty field when the line starts with whitespace,
 * no trailing empty fields (so an all-whitespace line has no fields).
 */
export function perlWhitespaceFields(line: string): string[] {
  const fields = line.split(PERL_WHITESPACE);
  while (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
  return fields;
}

/** A line as the bytes Perl sees: each UTF-8 byte as one character. */
function asBytes(line: string): string {
  return Buffer.from(line, 'utf8').toString('latin1');
}

/**
 * The text ROUGE-1.5.5 counts n-grams and skip-bigrams on (its `readText`): the lines joined
 * by spaces, cut at the first `wordLimit` words or `byteLimit` bytes. A sentence that reaches
 * the limit is cut inside and the rest of the text is dropped.
 */
export function limitText(lines: readonly string[], limit: LengthLimit): string {
  const { wordLimit, byteLimit } = limit;
  if (wordLimit !== undefined) {
    const kept: string[] = [];
    let words = 0;
    for (const line of lines) {
      const fields = perlWhitespaceFields(line);
      if (words + fields.length < wordLimit) {
        kept.push(line);
        words += fields.length;
      } else {
        kept.push(fields.slice(0, wordLimit - words).join(' '));
        break;
      }
    }
    return kept.join(' ');
  }
  if (byteLimit !== undefined) {
    const kept: string[] = [];
    let bytes = 0;
    for (const line of lines.map(asBytes)) {
      if (bytes + line.length < byteLimit) {
        kept.push(line);
        bytes += line.length;
      } else {
        kept.push(line.slice(0, byteLimit - bytes));
        break;
      }
    }
    return kept.join(' ');
  }
  return lines.join(' ');
}

/**
 * The sentences ROUGE-1.5.5 compares for ROUGE-L (its `readText_LCS`), cut at the limit as it
 * does: by words as for n-grams, but by bytes sentence by sentence, because ROUGE-1.5.5 never
 * adds up the bytes it has kept there. With `-b`, every sentence shorter than the limit is kept
 * whole and the first that is not is cut to the limit, where it stops.
 */
export function limitUnits(lines: readonly string[], limit: LengthLimit): string[] {
  const { wordLimit, byteLimit } = limit;
  const units: string[] = [];
  if (wordLimit !== undefined) {
    let words = 0;
    for (const line of lines) {
      const fields = perlWhitespaceFields(line);
      if (words + fields.length < wordLimit) {
        units.push(line);
        words += fields.length;
      } else {
        units.push(fields.slice(0, wordLimit - words).join(' '));
        break;
      }
    }
    return units;
  }
  if (byteLimit !== undefined) {
    for (const line of lines.map(asBytes)) {
      units.push(line.slice(0, byteLimit));
      if (line.length >= byteLimit) break;
    }
    return units;
  }
  return [...lines];
}

/** ROUGE's tokens of a text: runs of ASCII letters and digits, lower-cased. */
export function rougeTokens(text: string): string[] {
  return (text.match(/[A-Za-z0-9]+/g) ?? []).map((token) => token.toLowerCase());
}

/** Drops stopwords and stems tokens longer than three characters, as `-s` and `-m` ask. */
export function normaliseTokens(tokens: readonly string[], options: TokenOptions): string[] {
  const kept = options.removeStopwords ? tokens.filter((token) => !SMART_COMMON_WORDS.has(token)) : tokens;
  return options.stem ? kept.map((token) => (token.length > 3 ? porterStem(token) : token)) : [...kept];
}
