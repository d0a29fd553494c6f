/**
 * Clause bounds next to a quotation: where the attribution after a closing mark ends, and where
 * the lead-in before an opening mark starts. Read from the characters rather than from the
 * sentence splitter, whose sentences may break inside a quotation.
 */

/** Abbreviations whose period does not end a sentence ("said Mr. Halvik", "Sen. Orlan"). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'capt', 'cmdr', 'sgt',
  'st', 'jr', 'sr', 'rev', 'hon', 'pres', 'adm', 'maj', 'supt', 'insp', 'det', 'no', 'vs', 'etc',
  'inc', 'corp', 'ltd', 'co', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
  'nov', 'dec',
]);

/** The longest clause read next to a quotation, in characters. */
export const MAXIMUM_CLAUSE_LENGTH = 300;

/** True when the ".", "!" or "?" at `index` ends a sentence (not "Mr." or an initial "J."). */
function endsSentence(text: string, index: number): boolean {
  const mark = text[index] ?? '';
  if (mark !== '.' && mark !== '!' && mark !== '?' && mark !== '…') return false;
  const next = text[index + 1] ?? '';
  if (next !== '' && !/[\s"“”'’»«)\]]/u.test(next)) return false;
  if (mark !== '.') return true;
  const word = /(\p{L}+)$/u.exec(text.slice(Math.max(0, index - 12), index))?.[1] ?? '';
  if (ABBREVIATIONS.has(word.toLowerCase())) return false;
  // An initial ("J. Halvik") or an abbreviation with inner periods ("U.S.").
  return !(word.length === 1 && /\p{Lu}/u.test(word));
}

/**
 * The end of the clause that starts at `from`: the first sentence end, `limit` (the paragraph
 * end or the next quotation), or {@link MAXIMUM_CLAUSE_LENGTH} characters on, whichever is first.
 */
export function clauseEndAfter(text: string, from: number, limit: number): number {
  const stop = Math.min(limit, from + MAXIMUM_CLAUSE_LENGTH, text.length);
  for (let index = from; index < stop; index++) {
    if (text[index] === '\n' || endsSentence(text, index)) return index;
  }
  return stop;
}

/**
 * The start of the clause that ends at `to`: just after the previous sentence end, or `limit`
 * (the paragraph start or the previous quotation's end), or {@link MAXIMUM_CLAUSE_LENGTH}
 * characters back, whichever is nearest.
 */
export function clauseStartBefore(text: string, to: number, limit: number): number {
  const stop = Math.max(limit, to - MAXIMUM_CLAUSE_LENGTH, 0);
  for (let index = to - 1; index >= stop; index--) {
    if (text[index] === '\n' || endsSentence(text, index)) return index + 1;
  }
  return stop;
}
