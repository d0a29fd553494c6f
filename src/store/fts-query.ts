/**
 * Turning what a user types into a safe FTS5 query. FTS5 gives meaning to many characters
 * and words (`AND`, `OR`, `NOT`, `NEAR(…)`, `-`, `:`, `^`, `*`, parentheses, quotes); a user
 * typing "de-escalation zones" or `NATO: OR talks` means words, and an unbalanced quote must
 * not be a syntax error. So every term becomes an FTS5 string (`"…"`, inner quotes doubled),
 * which the tokenizer reads as a phrase of plain words, and only two pieces of syntax are
 * kept because users mean them: balanced double quotes around a phrase, and a `*` ending a
 * word to ask for a prefix.
 */

/** One word or phrase of a search query. */
export interface SearchTerm {
  /** The words, as typed (punctuation is left to the tokenizer, which drops it). */
  readonly text: string;
  /** True when the user quoted it: its words must appear together, in order. */
  readonly phrase: boolean;
  /** True when it ended with `*`: its last word matches as a prefix. */
  readonly prefix: boolean;
}

/**
 * At most this many terms are searched. A query is typed by a person; hundreds of terms are a
 * pasted document, and every term costs an index lookup, so the rest are ignored.
 */
export const MAX_SEARCH_TERMS = 32;

/** A quoted phrase, or a run of characters that are neither space nor a quote. */
const TERM = /"([^"]*)"|[^\s"]+/g;

/** A term the tokenizer keeps: one with a letter or digit. "-" or "…" alone would be an empty phrase. */
const SEARCHABLE = /[\p{L}\p{N}]/u;

/**
 * Splits a query into terms: "quoted phrases" and single words; a lone unbalanced quote is
 * ignored. A trailing `*` marks a prefix term; other `*` are dropped (FTS5 has no infix
 * wildcard). Terms with no letter or digit are dropped.
 */
export function parseSearchQuery(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const match of query.matchAll(TERM)) {
    const quoted = match[1];
    const raw = quoted ?? match[0];
    const prefix = /[\p{L}\p{N}]\*+$/u.test(raw.trimEnd());
    const text = raw.replace(/\*/g, ' ').trim();
    if (!SEARCHABLE.test(text)) continue;
    terms.push({ text, phrase: quoted !== undefined, prefix });
    if (terms.length === MAX_SEARCH_TERMS) break;
  }
  return terms;
}

/** One term as an FTS5 string: every character literal, `"` doubled, a prefix star outside. */
function ftsString(term: SearchTerm): string {
  return `"${term.text.replace(/"/g, '""')}"${term.prefix ? '*' : ''}`;
}

/**
 * The FTS5 MATCH expression for the terms: all required (`all`, FTS5's implicit AND) or any
 * of them (`any`, joined with OR). Null when there is no term, since an empty MATCH is an error.
 */
export function ftsMatchExpression(terms: readonly SearchTerm[], match: 'all' | 'any'): string | null {
  if (terms.length === 0) return null;
  return terms.map(ftsString).join(match === 'all' ? ' ' : ' OR ');
}
