import { conceptIds, lemmaOf } from '../../analyze/lexicon.js';
import { STOPWORDS } from '../../analyze/stopwords.js';
import type { Analyzed, ArticleFlag } from '../../core/records.js';
import { detectLanguage } from '../../extract/language.js';
import type { InconsistentSpelling, Substitution, TransliteratedName } from './names.js';
import { describeSubstitution } from './names.js';

/**
 * Likely machine translation: an English text that carries several marks a translation leaves
 * (calques, another language's number formats, names romanised unlike every other report, a
 * country's formal name throughout, editors' "(… - ed.)" inserts, translators' speech verbs) and
 * marks a machine leaves (words run together where a link or tag was, articles missing at a rate
 * no English writer reaches, one name spelled two ways, words left in another script). Each mark
 * is a measurement over the whole text with a threshold set above what native English news
 * shows (measured on Multi-News and the article-extraction benchmark's texts, see
 * bench/flags.ts); one mark alone is never enough: the flag needs {@link MIN_SIGNALS} of them.
 */

/** What the translation marks read. */
export interface TranslationContext {
  readonly analyzed: Analyzed;
  /** Names the article romanises unlike every other report (empty when it is alone). */
  readonly transliterated: readonly TransliteratedName[];
  /** Names the article itself spells two ways. */
  readonly inconsistent: readonly InconsistentSpelling[];
  /** Names it writes throughout in a form the other reports rarely use. */
  readonly substitutions: readonly Substitution[];
}

/** One mark found in a text, with the evidence a reader can check. */
export interface TranslationSignal {
  readonly mark: string;
  readonly evidence: string;
}

/** A translation mark: measures one thing over the text, and reports it when it passes its threshold. */
export type TranslationMark = (context: TranslationContext) => TranslationSignal | null;

/** Distinct marks needed for the flag: three independent measurements, each rare in native text. */
export const MIN_SIGNALS = 3;

/** Hits of a counted pattern needed for its mark: one hit is a slip, two are a habit. */
const MIN_HITS = 2;

/** Up to three examples, quoted, for evidence. */
function examples(items: readonly string[]): string {
  const unique = [...new Set(items)];
  return unique
    .slice(0, 3)
    .map((item) => `'${item}'`)
    .join(', ') + (unique.length > 3 ? ', …' : '');
}

/**
 * Function words that may stand glued to a neighbour. Particles and prefixes ("up", "over",
 * "in", "out") are left out: they make real compounds ("lockdown", "takeover", "input"); so is
 * "is", which ends many names ("Francis"), and "with", a verb prefix ("withheld").
 */
const GLUEABLE_FUNCTION_WORDS = new Set([
  'the', 'to', 'of', 'and', 'about', 'from', 'for', 'that', 'this', 'which', 'who', 'was', 'were', 'are', 'has',
  'have', 'had', 'his', 'her', 'their', 'its', 'our', 'by', 'at', 'but', 'not', 'will', 'would', 'been',
]);

/** Closed-class words that neither WordNet nor the stop-word list holds. */
const OTHER_FUNCTION_WORDS = new Set([
  'whether', 'toward', 'towards', 'whichever', 'whoever', 'whomever', 'whatever', 'wherever', 'whenever', 'however', 'upon',
  'among', 'amongst', 'within', 'without', 'although', 'though', 'unless', 'whereas', 'despite', 'throughout', 'beside',
  'besides', 'onto', 'via', 'per', 'alongside', 'underneath', 'thereby', 'therein', 'whereby', 'wherein', 'hereby', 'herself',
  'himself', 'itself', 'themselves', 'ourselves', 'yourself', 'everyone', 'everybody', 'everything', 'anyone', 'anybody',
  'anything', 'someone', 'somebody', 'something', 'nobody', 'nothing', 'whose', 'shall', 'might', 'must', 'cannot',
]);

/** Whether a lower-case word is an English word: a function word, or a WordNet lemma (after its inflection is removed). */
function isEnglishWord(word: string): boolean {
  return STOPWORDS.has(word) || OTHER_FUNCTION_WORDS.has(word) || conceptIds(lemmaOf(word).replace(/ /g, '_')).length > 0;
}

/** A verb form a compound does not end or begin with: "-ed" or "-ing" on a word of five letters or more. */
function isParticiple(word: string): boolean {
  return word.length >= 5 && /(?:ed|ing)$/.test(word) && lemmaOf(word) !== word;
}

/**
 * Whether a word is two words run together, as machine translation leaves them where a link or
 * a tag stood in the source ("meetingcalled", "companyabout", "returnto"): not a word itself,
 * and splitting into a known word and a function word, or into two verb forms. Compounds of two
 * nouns ("smartphone", "heatwaves", "livestream") are not read as glued: news coins them daily.
 */
export function isGluedWord(word: string): boolean {
  if (word.length < 6 || !/^\p{Ll}+$/u.test(word) || isEnglishWord(word)) return false;
  for (let cut = 2; cut <= word.length - 2; cut++) {
    const [left, right] = [word.slice(0, cut), word.slice(cut)];
    const contentSide = GLUEABLE_FUNCTION_WORDS.has(left) ? right : GLUEABLE_FUNCTION_WORDS.has(right) ? left : null;
    if (contentSide !== null && contentSide.length >= 4 && isEnglishWord(contentSide) && !STOPWORDS.has(contentSide)) return true;
    if (isParticiple(left) && isParticiple(right) && isEnglishWord(left) && isEnglishWord(right)) return true;
  }
  return false;
}

/** Words run together, written in lower case as they stand (a capitalised word is a name): at least {@link MIN_HITS} distinct ones. */
export const gluedWords: TranslationMark = ({ analyzed }) => {
  const { text } = analyzed.article;
  const glued = analyzed.tokens.filter((token) => text.slice(token.start, token.end) === token.norm && isGluedWord(token.norm)).map((token) => token.norm);
  if (new Set(glued).size < MIN_HITS) return null;
  return { mark: 'glued words', evidence: `${glued.length} words run together (${examples(glued)})` };
};

/**
 * Articles ("the", "a", "an") per 100 words below which a text is missing them. Native English
 * news runs at 6–10 per 100 words: on 506 English texts of Multi-News and the extraction
 * benchmark the 1st percentile is 3.7, and all texts below 3 are score tables, menus and form
 * pages. Translation from a language without articles drops many ("Dam was built in end of
 * 1980s"). Measured only on texts of {@link MIN_WORDS_FOR_RATES} words or more.
 */
export const MAX_ARTICLES_PER_100_WORDS = 3;

/** Rates are measured only on texts this long: a short text's rate is noise. */
export const MIN_WORDS_FOR_RATES = 150;

/** Articles missing: fewer than {@link MAX_ARTICLES_PER_100_WORDS} per 100 words. */
export const missingArticles: TranslationMark = ({ analyzed }) => {
  const words = analyzed.tokens.filter((token) => /^\p{L}/u.test(token.norm));
  if (words.length < MIN_WORDS_FOR_RATES) return null;
  const articles = words.filter((token) => token.norm === 'the' || token.norm === 'a' || token.norm === 'an').length;
  const rate = (100 * articles) / words.length;
  if (rate >= MAX_ARTICLES_PER_100_WORDS) return null;
  return { mark: 'missing articles', evidence: `${rate.toFixed(1)} articles ('the', 'a', 'an') per 100 words, where English news has 6 to 10` };
};

/**
 * Phrases that translate another language word for word (Russian "по данным", "по словам",
 * "в настоящий момент", "вырос на"; German "nach Angaben von"): each is rare in native English
 * news, where the idiom is "according to", "at the moment", "rose by".
 */
const CALQUES: readonly RegExp[] = [
  /\baccording to (?:the )?(?:data|words|information) of\b/giu,
  /\baccording to (?:his|her|their) words\b/giu,
  /\bat the present moment\b/giu,
  /\bin result of\b/giu,
  /\bwith taking into account\b/giu,
  /\b(?:rose|grew|fell|increased|decreased|dropped) on (?:more than |about |almost )?\d/giu,
  /\barrived to\b/giu,
  /\bit was (?:noted|reported|stated|emphasi[sz]ed|underlined) (?:in|by|at) the\b/giu,
];

/** Word-for-word phrases of another language: at least {@link MIN_HITS} hits. */
export const calques: TranslationMark = ({ analyzed }) => {
  const text = analyzed.article.text;
  const hits = CALQUES.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[0]));
  if (hits.length < MIN_HITS) return null;
  return { mark: 'calques', evidence: `${hits.length} phrases translated word for word (${examples(hits)})` };
};

/**
 * Numbers and dates written the way another language writes them: a decimal comma before a unit
 * ("8,5 thousand", "1,2 metres"), digits with "thousand" ("6 thousand"), day.month.year dates
 * ("18.03.2026"), and the abbreviations "mln", "bln", "thous.".
 */
const FOREIGN_FORMATS: readonly RegExp[] = [
  /\b\d{1,3},\d{1,2}\s?(?:thousand|million|billion|trillion|per ?cent|%|metres|meters|kilometres|kilometers|km|kg|tonnes|tons|degrees|hours|hectares)(?!\w)/giu,
  /\b\d{1,3} thousand\b/giu,
  /\b\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}\b/gu,
  /\b\d+(?:[.,]\d+)?\s?(?:mln|bln|thous)\b/giu,
];

/** Another language's number and date formats: at least {@link MIN_HITS} hits. */
export const foreignNumberFormats: TranslationMark = ({ analyzed }) => {
  const text = analyzed.article.text;
  const hits = FOREIGN_FORMATS.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[0]));
  if (hits.length < MIN_HITS) return null;
  return { mark: 'foreign number formats', evidence: `${hits.length} numbers or dates in another language's format (${examples(hits)})` };
};

/** A translator's or editor's explanation in parentheses, as the Russian-language press marks it: "(Vesk - ed.)". */
const EDITOR_INSERT = /\([^()\n]{1,60}?\s[-–—]\s?ed\.?\)/giu;

/** Editors' inserts of a translated text: one is enough for the mark, since English news has no such convention (none in the native texts measured). */
export const editorInserts: TranslationMark = ({ analyzed }) => {
  const hits = [...analyzed.article.text.matchAll(EDITOR_INSERT)].map((match) => match[0]);
  if (hits.length === 0) return null;
  return { mark: 'editor inserts', evidence: `${hits.length} translator's note${hits.length === 1 ? '' : 's'} in parentheses (${examples(hits)})` };
};

/** Speech verbs native English news uses for nearly every quote. */
const PLAIN_CUES = ['said', 'says', 'told', 'tells', 'added', 'adds', 'asked', 'wrote', 'writes'];
/** Speech verbs that literal translation puts where English says "said" (Russian "заявил", "отметил", "подчеркнул"). */
const TRANSLATED_CUES = ['declared', 'declares', 'noted', 'notes', 'underlined', 'underlines', 'emphasized', 'emphasised', 'stressed', 'informed', 'assured', 'specified', 'clarified'];
const TRANSLATED_CUE_SET = new Set(TRANSLATED_CUES);

/** A speech verb after a quotation, within four words of its closing mark ("…," underlined the minister / "…," he noted). */
const CUE_AFTER_QUOTE = new RegExp(`["”],?\\s+(?:[\\p{L}.'’-]+\\s+){0,4}?(${[...PLAIN_CUES, ...TRANSLATED_CUES].join('|')})\\b`, 'gu');

/** Quotes needed before the speech-verb profile is measured. */
const MIN_CUES = 4;

/**
 * Share of quotes followed by a translator's speech verb ("declared", "noted", "underlined")
 * rather than "said"/"told" above which a text reads as translated. Native news: "said" and
 * "told" follow about nine quotes in ten; the share of the others passes one half in no native
 * text with {@link MIN_CUES} quotes or more measured here.
 */
export const MIN_TRANSLATED_CUE_SHARE = 0.5;

/** A translator's speech verbs after quotes: more than {@link MIN_TRANSLATED_CUE_SHARE} of at least {@link MIN_CUES}. */
export const translatedSpeechVerbs: TranslationMark = ({ analyzed }) => {
  const cues = [...analyzed.article.text.matchAll(CUE_AFTER_QUOTE)].map((match) => match[1]!.toLowerCase());
  const translated = cues.filter((word) => TRANSLATED_CUE_SET.has(word));
  if (cues.length < MIN_CUES || translated.length / cues.length <= MIN_TRANSLATED_CUE_SHARE) return null;
  return {
    mark: 'translated speech verbs',
    evidence: `${translated.length} of ${cues.length} quotes followed by ${examples(translated)} rather than 'said'`,
  };
};

/** Speech verbs that follow a quotation and its attribution: where the closing comma's place shows. */
const ATTRIBUTION_VERBS = 'said|says|told|added|noted|stated|declared|stressed|emphasi[sz]ed|underlined|explained|continued|replied|recalled';
/** A quotation closed with the comma outside the marks before its attribution ("…positive", Lavrov said). */
const COMMA_OUTSIDE = new RegExp(`[^,.!?]["”],\\s+(?:(?:the\\s+)?[\\p{L}.'’-]+\\s+){0,4}?(?:${ATTRIBUTION_VERBS})\\b`, 'gu');
/** A quotation closed with the comma inside the marks before its attribution ("…positive," Lavrov said). */
const COMMA_INSIDE = new RegExp(`,["”]\\s+(?:(?:the\\s+)?[\\p{L}.'’-]+\\s+){0,4}?(?:${ATTRIBUTION_VERBS})\\b`, 'gu');

/** Quotations closed with the comma outside needed for the mark: more than a slip or two. */
const MIN_COMMAS_OUTSIDE = 3;

/** Share of attributed quotations closed with the comma outside needed for the mark: native text is near 1%. */
const MIN_COMMA_OUTSIDE_SHARE = 0.25;

/**
 * A quotation followed by its attribution, closed with the comma outside the quotation marks
 * ("…is positive", Lavrov said): how Russian, German and French punctuate, and how translation
 * software leaves it. English puts it inside (British style too, for a quoted sentence); on the
 * extraction benchmark's 181 native texts the comma stands outside in 3 of 292 attributions,
 * never more than twice in one text. Counted from {@link MIN_COMMAS_OUTSIDE} such quotations
 * and {@link MIN_COMMA_OUTSIDE_SHARE} of the attributions (a translated text may quote English
 * sources too, punctuated in English).
 */
export const quotePunctuation: TranslationMark = ({ analyzed }) => {
  const { text } = analyzed.article;
  const outside = [...text.matchAll(COMMA_OUTSIDE)].length;
  const inside = [...text.matchAll(COMMA_INSIDE)].length;
  if (outside < MIN_COMMAS_OUTSIDE || outside / (outside + inside) < MIN_COMMA_OUTSIDE_SHARE) return null;
  return { mark: 'quote punctuation', evidence: `${outside} of ${outside + inside} attributed quotations close with the comma outside the quotation marks ('…", he said')` };
};

/** Letters of scripts other than Latin (Cyrillic, Greek, Arabic, Hebrew, CJK…), inside an English text. */
const OTHER_SCRIPT = /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Devanagari}\p{Script=Georgian}\p{Script=Armenian}]/u;

/** Words left in another script: at least {@link MIN_HITS} of them. */
export const untranslatedWords: TranslationMark = ({ analyzed }) => {
  const words = analyzed.tokens.map((token) => analyzed.article.text.slice(token.start, token.end)).filter((word) => OTHER_SCRIPT.test(word));
  if (words.length < MIN_HITS) return null;
  return { mark: 'untranslated words', evidence: `${words.length} words left in another script (${examples(words)})` };
};

/** Names romanised unlike every other report: at least {@link MIN_HITS} names. */
export const transliteratedNameMark: TranslationMark = ({ transliterated }) => {
  if (transliterated.length < MIN_HITS) return null;
  const shown = transliterated.slice(0, 3).map((name) => `'${name.form}' for '${name.usualForm}'`);
  return {
    mark: 'transliterated names',
    evidence: `spells ${transliterated.length} names unlike every other report (${shown.join(', ')}${transliterated.length > 3 ? ', …' : ''})`,
  };
};

/** One name spelled two ways in the article: one such pair is already a mark, since a writer keeps one spelling. */
export const inconsistentSpellingMark: TranslationMark = ({ inconsistent }) => {
  if (inconsistent.length === 0) return null;
  const shown = inconsistent.slice(0, 3).map((pair) => `'${pair.first}' and '${pair.second}'`);
  return { mark: 'inconsistent spellings', evidence: `spells ${inconsistent.length === 1 ? 'a name' : `${inconsistent.length} names`} two ways (${shown.join(', ')})` };
};

/** A country's or organisation's formal name used throughout where the other reports use the common one. */
export const formalNames: TranslationMark = ({ substitutions }) => {
  const [first] = substitutions;
  if (first === undefined) return null;
  return { mark: 'formal names', evidence: describeSubstitution(first) };
};

/**
 * The marks, in the order their evidence is listed: the machine's marks first, then the
 * translation's. Each counts once however strong it is.
 */
export const TRANSLATION_MARKS: readonly TranslationMark[] = [
  gluedWords,
  missingArticles,
  inconsistentSpellingMark,
  untranslatedWords,
  calques,
  foreignNumberFormats,
  translatedSpeechVerbs,
  quotePunctuation,
  editorInserts,
  transliteratedNameMark,
  formalNames,
];

/**
 * The machine-translated flag of an article, or null: only for English text (another language's
 * text is not measured against English norms), when at least {@link MIN_SIGNALS} marks are found.
 */
export function findMachineTranslation(context: TranslationContext, marks: readonly TranslationMark[] = TRANSLATION_MARKS): ArticleFlag | null {
  const { analyzed } = context;
  const language = detectLanguage(analyzed.article.text) ?? analyzed.article.language;
  if (language !== null && language !== 'en') return null;
  const signals = marks.map((mark) => mark(context)).filter((signal): signal is TranslationSignal => signal !== null);
  if (signals.length < MIN_SIGNALS) return null;
  return { kind: 'machine-translated', evidence: signals.map((signal) => `${signal.mark}: ${signal.evidence}`), derivedFrom: [], segments: [] };
}
