import type { NumberMention, NumberQualifier } from '../core/annotations.js';
import type { Span } from '../core/span.js';
import { isNumberWord, parseNumberWords, SCALE_WORDS } from './number-words.js';

/**
 * Quantities stated in an article: "more than 320,000 deaths", "between 200 and 300 homes",
 * "$3 million", "40 minutes", "two hours", "dozens of people". Each mention keeps its value (or
 * range), its hedge (the qualifier), its unit, and the words naming what is counted, so counts
 * can be compared across articles.
 *
 * Not quantities, so not annotated: years used as dates ("in 2017"), day numbers in dates
 * ("May 10", "17 March"), times of day ("5 a.m.", "14:20", "five o'clock"), ordinals ("2nd",
 * "first"), decades ("the 1980s"), numbers inside names and codes ("G20", "COVID-19", "F-16",
 * "Flight 370", "line 3", "Group of Seven"), phone numbers, version numbers ("1.2.3"), scores
 * ("3-1"), fractions and slashed numbers ("1/2", "24/7"), and compound adjectives that are not
 * measures ("a two-storey house", "a 14-member team").
 *
 * Formats read: digits with thousands separators ("1,500"; "1 500" with one space, a no-break
 * or a thin space; Indian "1,00,000"), decimals ("2.5"), European thousands where unambiguous
 * ("1.500.000", "1.500,5"); "1.500" is fifteen hundred only before a counted noun (there is no
 * half a person) and one and a half otherwise; "1,5" is ambiguous and skipped. Scales:
 * thousand, million, billion, bn, mn, k, crore, lakh, and "m" after a currency ("$3m"; "300m"
 * alone is metres). Currencies: signs ($, US$, A$, €, £, ¥, ₹, ₽…), ISO codes ("USD 5") and
 * words ("dollars", "euros", "roubles"); "pounds" is GBP when scaled ("5 million pounds") and lb
 * otherwise. Numbers in words are read by {@link parseNumberWords}; "one" counts only when a
 * noun follows ("one person"), never as a pronoun ("no one", "one of them", "the upcoming
 * one"). Ordinals are skipped: they rank, they do not count. A unit, when there is one, is
 * what is measured, so `counted` is null then, except for a percentage of something ("40
 * percent of the homes"). Ages are the unit `year`: "a 20-year-old", "aged 58", "Anna Vell, 58,".
 *
 * Qualifiers are mapped to {@link NumberQualifier} as follows:
 * - `more-than`: more than, over, above, in excess of, upwards of, exceeding, just/well over;
 *   "over" before a duration is not a qualifier ("talks over three days" means during);
 * - `at-least`: at least, no fewer/less than, not less/fewer than, a minimum of, "or more",
 *   "-plus" ("20-plus"); plural vague amounts ("dozens", "hundreds of", "thousands",
 *   "tens of thousands", "several hundred", "many thousands") are `at-least` the smallest
 *   amount their plural allows: dozens 24, scores of 40, hundreds 200, thousands 2,000, tens
 *   of thousands 20,000, hundreds of thousands 200,000, several hundred 300, many thousands
 *   2,000. They are counts all the same, so "dozens of people" can be set against "at least
 *   30 people";
 * - `about`: about, around, roughly, approximately, some, (an) estimated, circa, "or so", "-odd";
 * - `nearly`: nearly, almost, close to, just under/below/short of;
 * - `fewer-than`: fewer than, less than, under, below;
 * - `at-most`: at most, no/not more than, a maximum of, "or fewer/less";
 * - `up-to`: up to, as many as, as much as (the text gives the highest figure it allows);
 * - `exact`: anything else ("a dozen" is exactly 12).
 */

/** A word, a run of digits with inner separators, or one other character. */
const TOKEN_PATTERN = /(\d+(?:[.,]\d+)*)|([\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*)|(\S)/gu;

/** One token of a sentence. `attached` is true when no white space separates it from the previous token. */
interface Token {
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  readonly kind: 'digits' | 'word' | 'mark';
  readonly attached: boolean;
}

/** Splits one sentence into tokens. Linear in its length. */
function tokenizeSpan(text: string, span: Span): Token[] {
  const tokens: Token[] = [];
  const pattern = new RegExp(TOKEN_PATTERN.source, TOKEN_PATTERN.flags);
  pattern.lastIndex = span.start;
  let previousEnd = -1;
  for (let match = pattern.exec(text); match !== null && match.index < span.end; match = pattern.exec(text)) {
    const start = match.index;
    const end = Math.min(start + match[0].length, span.end);
    const value = text.slice(start, end);
    const kind = match[1] !== undefined ? 'digits' : match[2] !== undefined ? 'word' : 'mark';
    tokens.push({ text: value, lower: value.toLowerCase().replace(/’/g, "'"), start, end, kind, attached: previousEnd === start });
    previousEnd = end;
  }
  return tokens;
}

/** Phrases before a number that hedge it, longest first within each group. */
const QUALIFIER_PHRASES: readonly (readonly [readonly string[], NumberQualifier])[] = [
  [['no', 'fewer', 'than'], 'at-least'], [['no', 'less', 'than'], 'at-least'], [['not', 'less', 'than'], 'at-least'],
  [['not', 'fewer', 'than'], 'at-least'], [['a', 'minimum', 'of'], 'at-least'], [['at', 'least'], 'at-least'],
  [['no', 'more', 'than'], 'at-most'], [['not', 'more', 'than'], 'at-most'], [['a', 'maximum', 'of'], 'at-most'],
  [['at', 'the', 'most'], 'at-most'], [['at', 'most'], 'at-most'],
  [['in', 'excess', 'of'], 'more-than'], [['more', 'than'], 'more-than'], [['upwards', 'of'], 'more-than'],
  [['upward', 'of'], 'more-than'], [['just', 'over'], 'more-than'], [['well', 'over'], 'more-than'],
  [['just', 'above'], 'more-than'], [['well', 'above'], 'more-than'], [['over'], 'more-than'], [['above'], 'more-than'],
  [['exceeding'], 'more-than'],
  [['just', 'short', 'of'], 'nearly'], [['just', 'under'], 'nearly'], [['just', 'below'], 'nearly'], [['close', 'to'], 'nearly'],
  [['nearly'], 'nearly'], [['almost'], 'nearly'],
  [['fewer', 'than'], 'fewer-than'], [['less', 'than'], 'fewer-than'], [['well', 'under'], 'fewer-than'],
  [['well', 'below'], 'fewer-than'], [['under'], 'fewer-than'], [['below'], 'fewer-than'],
  [['as', 'many', 'as'], 'up-to'], [['as', 'much', 'as'], 'up-to'], [['up', 'to'], 'up-to'],
  [['an', 'estimated'], 'about'], [['an', 'approximate'], 'about'], [['approximately'], 'about'], [['roughly'], 'about'],
  [['around'], 'about'], [['about'], 'about'], [['some'], 'about'], [['estimated'], 'about'], [['circa'], 'about'],
  [['approx'], 'about'],
];

/** Plural vague amounts and the smallest number their plural allows. */
const VAGUE_PLURALS: ReadonlyMap<string, number> = new Map([
  ['dozens', 24], ['scores', 40], ['hundreds', 200], ['thousands', 2e3], ['millions', 2e6], ['billions', 2e9],
]);

/** Scale words written after digits ("2.5 million", "1.2bn", "$3m", "50k"). `m` means million only after a currency. */
const DIGIT_SCALES: ReadonlyMap<string, number> = new Map([
  ...SCALE_WORDS, ['bn', 1e9], ['b', 1e9], ['mn', 1e6], ['mln', 1e6], ['m', 1e6], ['k', 1e3], ['tn', 1e12], ['trn', 1e12],
  ['crore', 1e7], ['crores', 1e7], ['lakh', 1e5], ['lakhs', 1e5],
]);

/** Currency signs before a number. A "$" may carry a country prefix ("US$", "A$", "HK$"). */
const CURRENCY_SIGNS: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'], ['₹', 'INR'], ['₽', 'RUB'], ['₩', 'KRW'], ['₺', 'TRY'],
  ['₴', 'UAH'], ['₪', 'ILS'], ['₦', 'NGN'],
]);

/** Country prefixes of "$". */
const DOLLAR_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['us', 'USD'], ['a', 'AUD'], ['au', 'AUD'], ['c', 'CAD'], ['ca', 'CAD'], ['hk', 'HKD'], ['nz', 'NZD'], ['s', 'SGD'],
  ['sg', 'SGD'], ['r', 'BRL'], ['nt', 'TWD'],
]);

/** ISO 4217 codes written before or after a number ("USD 5 million", "5 million EUR"), upper case only. */
const CURRENCY_CODES: ReadonlySet<string> = new Set([
  'USD', 'EUR', 'GBP', 'RUB', 'JPY', 'CNY', 'INR', 'CHF', 'CAD', 'AUD', 'UAH', 'TRY', 'BRL', 'ZAR', 'KRW', 'SEK',
  'NOK', 'DKK', 'PLN', 'HKD', 'NZD', 'SGD', 'MXN', 'ILS', 'NGN', 'EGP', 'SAR', 'AED', 'IRR', 'PKR',
]);

/**
 * Unit words after a number, as token sequences, to their normalised names. Multi-word units
 * come first so "per cent" wins over nothing and "square kilometres" over "kilometres".
 */
const UNIT_PHRASES: readonly (readonly [readonly string[], string])[] = [
  [['percentage', 'points'], 'percentage-point'], [['percentage', 'point'], 'percentage-point'],
  [['per', 'cent'], 'percent'], [['square', 'kilometres'], 'km2'], [['square', 'kilometers'], 'km2'],
  [['square', 'kilometre'], 'km2'], [['square', 'kilometer'], 'km2'], [['sq', 'km'], 'km2'],
  [['square', 'miles'], 'mile2'], [['square', 'mile'], 'mile2'], [['square', 'metres'], 'm2'], [['square', 'meters'], 'm2'],
  [['cubic', 'metres'], 'm3'], [['cubic', 'meters'], 'm3'], [['metric', 'tons'], 'tonne'], [['metric', 'tonnes'], 'tonne'],
  [['degrees', 'celsius'], 'celsius'], [['degrees', 'fahrenheit'], 'fahrenheit'], [['km', '/', 'h'], 'km/h'],
  [['us', 'dollars'], 'USD'], [['u', '.', 's', '.', 'dollars'], 'USD'], [['pounds', 'sterling'], 'GBP'],
  [['swiss', 'francs'], 'CHF'],
];

/** Single unit words (lower case) after a number, or after a hyphen ("a 40-minute briefing"). */
const UNIT_WORDS: ReadonlyMap<string, string> = new Map([
  ...(['second', 'seconds', 'sec', 'secs'] as const).map((word) => [word, 'second'] as const),
  ...(['minute', 'minutes', 'min', 'mins'] as const).map((word) => [word, 'minute'] as const),
  ...(['hour', 'hours', 'hr', 'hrs'] as const).map((word) => [word, 'hour'] as const),
  ...(['day', 'days'] as const).map((word) => [word, 'day'] as const),
  ...(['week', 'weeks'] as const).map((word) => [word, 'week'] as const),
  ...(['month', 'months'] as const).map((word) => [word, 'month'] as const),
  ...(['year', 'years', 'yr', 'yrs'] as const).map((word) => [word, 'year'] as const),
  ...(['decade', 'decades'] as const).map((word) => [word, 'decade'] as const),
  ...(['century', 'centuries'] as const).map((word) => [word, 'century'] as const),
  ...(['percent', 'pct', 'pc'] as const).map((word) => [word, 'percent'] as const),
  ...(['km', 'kms', 'kilometre', 'kilometres', 'kilometer', 'kilometers'] as const).map((word) => [word, 'km'] as const),
  ...(['m', 'metre', 'metres', 'meter', 'meters'] as const).map((word) => [word, 'm'] as const),
  ...(['cm', 'centimetre', 'centimetres', 'centimeter', 'centimeters'] as const).map((word) => [word, 'cm'] as const),
  ...(['mm', 'millimetre', 'millimetres', 'millimeter', 'millimeters'] as const).map((word) => [word, 'mm'] as const),
  ...(['mile', 'miles'] as const).map((word) => [word, 'mile'] as const),
  ...(['foot', 'feet', 'ft'] as const).map((word) => [word, 'foot'] as const),
  ...(['inch', 'inches'] as const).map((word) => [word, 'inch'] as const),
  ...(['yard', 'yards'] as const).map((word) => [word, 'yard'] as const),
  ...(['hectare', 'hectares', 'ha'] as const).map((word) => [word, 'hectare'] as const),
  ...(['acre', 'acres'] as const).map((word) => [word, 'acre'] as const),
  ...(['kg', 'kgs', 'kilogram', 'kilograms', 'kilogramme', 'kilogrammes', 'kilo', 'kilos'] as const).map((word) => [word, 'kg'] as const),
  ...(['gram', 'grams', 'gramme', 'grammes'] as const).map((word) => [word, 'g'] as const),
  ...(['tonne', 'tonnes'] as const).map((word) => [word, 'tonne'] as const),
  ...(['ton', 'tons'] as const).map((word) => [word, 'ton'] as const),
  ...(['lb', 'lbs'] as const).map((word) => [word, 'lb'] as const),
  ...(['litre', 'litres', 'liter', 'liters'] as const).map((word) => [word, 'litre'] as const),
  ...(['gallon', 'gallons'] as const).map((word) => [word, 'gallon'] as const),
  ...(['barrel', 'barrels'] as const).map((word) => [word, 'barrel'] as const),
  ['mph', 'mph'], ['kmh', 'km/h'], ['knots', 'knot'], ['knot', 'knot'],
  ['degrees', 'degree'], ['degree', 'degree'], ['mw', 'MW'], ['gw', 'GW'], ['kw', 'kW'], ['kwh', 'kWh'], ['mwh', 'MWh'],
  ['magnitude', 'magnitude'],
  ...(['dollar', 'dollars'] as const).map((word) => [word, 'USD'] as const),
  ...(['euro', 'euros'] as const).map((word) => [word, 'EUR'] as const),
  ...(['rouble', 'roubles', 'ruble', 'rubles'] as const).map((word) => [word, 'RUB'] as const),
  ...(['yen'] as const).map((word) => [word, 'JPY'] as const),
  ...(['yuan', 'renminbi'] as const).map((word) => [word, 'CNY'] as const),
  ...(['rupee', 'rupees'] as const).map((word) => [word, 'INR'] as const),
  ...(['hryvnia', 'hryvnias', 'hryvnas'] as const).map((word) => [word, 'UAH'] as const),
]);

/**
 * Unit suffixes written against digits ("11km", "180mm", "5am" is a time, not here). Only
 * unambiguous ones: "5g" (a network) and "3d" (a format) are not units.
 */
const ATTACHED_UNITS: ReadonlyMap<string, string> = new Map([
  ['km', 'km'], ['kms', 'km'], ['m', 'm'], ['cm', 'cm'], ['mm', 'mm'], ['kg', 'kg'], ['kgs', 'kg'], ['mph', 'mph'],
  ['kmh', 'km/h'], ['ha', 'hectare'], ['ft', 'foot'], ['lb', 'lb'], ['lbs', 'lb'], ['mw', 'MW'], ['gw', 'GW'], ['kw', 'kW'],
  ['kwh', 'kWh'], ['mwh', 'MWh'], ['h', 'hour'], ['hrs', 'hour'], ['min', 'minute'], ['mins', 'minute'], ['pc', 'percent'],
  ['pct', 'percent'],
]);

/** Units that are durations; "over three days" means during them, not more than them. */
const DURATION_UNITS: ReadonlySet<string> = new Set(['second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'decade', 'century']);

/** Adjectives that may stand between a number and a duration ("four straight days", "two more hours"). */
const DURATION_ADJECTIVES: ReadonlySet<string> = new Set([
  'straight', 'full', 'more', 'consecutive', 'long', 'additional', 'further', 'whole', 'extra', 'successive', 'short', 'entire', 'solid',
]);

/** Words after a number that make it a time of day ("5 a.m." is read separately). */
const TIME_MARKERS: ReadonlySet<string> = new Set([
  'am', 'pm', "o'clock", 'gmt', 'utc', 'bst', 'cet', 'cest', 'est', 'edt', 'pst', 'pdt', 'cst', 'cdt', 'et', 'pt', 'msk', 'ist', 'jst',
]);

/** Month names and their abbreviations, lower case: a number beside one is a day or a year. */
const MONTH_WORDS: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** Weekday names: "Friday 13" is a date. */
const WEEKDAY_WORDS: ReadonlySet<string> = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** Lower-case nouns that name a thing by a number ("line 3", "flight 370", "article 5"): the number is an identifier. */
const IDENTIFIER_NOUNS: ReadonlySet<string> = new Set([
  'line', 'route', 'flight', 'platform', 'gate', 'room', 'page', 'pages', 'chapter', 'article', 'section', 'paragraph', 'clause',
  'phase', 'stage', 'level', 'category', 'grade', 'class', 'number', 'no', 'nos', 'item', 'exhibit', 'lot', 'unit', 'ward',
  'block', 'highway', 'road', 'terminal', 'channel', 'runway', 'pier', 'bay', 'bus', 'train', 'lane', 'zone', 'district',
  'precinct', 'division', 'sector', 'version', 'v', 'season', 'episode', 'resolution', 'act', 'amendment', 'model',
  'hurricane', 'reactor', 'tel', 'phone', 'telephone', 'fax', 'hotline', 'call', 'dial', 'code', 'id', 'ref', 'case',
]);

/** Words of a sentence that can stand before a number without making it part of a name ("About 40", "Nearly 300"). */
const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'and', 'or', 'but', 'of', 'in', 'on', 'at', 'to', 'from', 'by', 'for', 'with', 'about', 'around',
  'some', 'nearly', 'almost', 'over', 'under', 'more', 'fewer', 'less', 'up', 'only', 'just', 'between', 'another',
  'all', 'those', 'these', 'its', 'their', 'his', 'her', 'our', 'roughly', 'approximately', 'exactly', 'since', 'after',
  'before', 'until', 'then', 'when', 'while', 'than', 'as', 'if', 'least', 'most', 'well', 'estimated', 'said', 'says',
  'among', 'including', 'barely', 'still', 'every', 'each', 'that', 'this', 'what', 'which', 'who', 'where', 'how',
  'whereas', 'yet', 'so', 'per', 'into', 'within', 'across', 'through',
]);

/**
 * Words that end the words naming what is counted: determiners, prepositions, pronouns,
 * auxiliaries, common verbs that follow a count ("14 died"), and connectives.
 */
const COUNTED_STOP_WORDS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'of', 'in', 'on', 'at', 'to', 'from', 'by', 'for', 'with',
  'without', 'into', 'onto', 'over', 'under', 'about', 'around', 'after', 'before', 'during', 'since', 'until', 'than',
  'as', 'per', 'but', 'nor', 'so', 'yet', 'if', 'when', 'while', 'where', 'who', 'whom', 'whose', 'which', 'what',
  'why', 'how', 'not', 'no', 'also', 'only', 'just', 'even', 'still', 'already', 'now', 'then', 'there', 'here', 'it',
  'its', 'they', 'them', 'their', 'he', 'him', 'his', 'she', 'her', 'we', 'us', 'our', 'you', 'your', 'i', 'me', 'my',
  'be', 'is', 'are', 'was', 'were', 'been', 'being', 'am', 'have', 'has', 'had', 'having', 'do', 'does', 'did', 'will',
  'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'said', 'says', 'say', 'told', 'according', 'each',
  'every', 'all', 'both', 'either', 'neither', 'some', 'any', 'such', 'whether', 'because', 'although', 'though',
  'unless', 'ago', 'later', 'earlier', 'again', 'died', 'fled', 'drowned', 'perished', 'survived', 'remained', 'remain',
  'remains', 'arrived', 'left', 'returned', 'escaped', 'gathered', 'took', 'came', 'went', 'spent', 'got', 'made',
  'against', 'among', 'between', 'including', 'via', 'like', 'within', 'across', 'through', 'toward', 'towards',
  'upon', 'off', 'out', 'up', 'down', 'or', 'and', 'plus', 'minus', 'percent',
]);

/** Words ending in "s" that are not plural nouns. */
const NOT_PLURAL: ReadonlySet<string> = new Set([
  'this', 'his', 'its', 'was', 'has', 'is', 'us', 'yes', 'thus', 'news', 'series', 'species', 'always', 'perhaps',
  'whereas', 'towards', 'afterwards', 'besides', 'unless', 'less', 'across', 'plus', 'bus', 'gas', 'chaos', 'canvas',
  'atlas', 'lens', 'bias', 'status', 'politics', 'economics', 'physics', 'does', 'goes', 'says', 'sometimes',
  'nevertheless', 'nonetheless', 'overseas', 'downstairs', 'upstairs', 'indoors', 'outdoors', 'whereabouts', 'alias',
  'census', 'virus', 'campus', 'consensus', 'bonus', 'focus', 'onus', 'apparatus', 'emphasis', 'crisis', 'basis',
  'analysis', 'thesis', 'diagnosis', 'axis', 'tennis', 'christmas',
]);

/** Plurals without a final "s", and their singulars. */
const IRREGULAR_PLURALS: ReadonlyMap<string, string> = new Map([
  ['people', 'person'], ['children', 'child'], ['men', 'man'], ['women', 'woman'], ['police', 'police'],
  ['personnel', 'personnel'], ['staff', 'staff'], ['cattle', 'cattle'], ['sheep', 'sheep'], ['livestock', 'livestock'],
  ['feet', 'foot'], ['teeth', 'tooth'], ['mice', 'mouse'], ['geese', 'goose'], ['fish', 'fish'], ['deer', 'deer'],
  ['aircraft', 'aircraft'], ['crew', 'crew'], ['militia', 'militia'], ['clergy', 'clergy'], ['offspring', 'offspring'],
  ['data', 'data'], ['media', 'media'], ['criteria', 'criterion'], ['phenomena', 'phenomenon'], ['alumni', 'alumnus'],
  ['lives', 'life'], ['wives', 'wife'], ['knives', 'knife'], ['wolves', 'wolf'], ['leaves', 'leaf'], ['thieves', 'thief'],
  ['halves', 'half'], ['shelves', 'shelf'], ['calves', 'calf'], ['selves', 'self'], ['loaves', 'loaf'],
  ['series', 'series'], ['species', 'species'], ['crises', 'crisis'], ['analyses', 'analysis'], ['theses', 'thesis'],
  ['buses', 'bus'], ['viruses', 'virus'], ['statuses', 'status'], ['campuses', 'campus'], ['gases', 'gas'],
]);

/**
 * Words that can stand alone as what is counted ("14 dead", "20 injured") or follow the
 * counted noun ("people killed", "houses damaged or destroyed"). A closed list: a past tense
 * after a count is usually the verb ("14 people fled"), not a description.
 */
const PARTICIPLES: ReadonlySet<string> = new Set([
  'dead', 'killed', 'injured', 'wounded', 'hurt', 'missing', 'displaced', 'homeless', 'evacuated', 'rescued',
  'arrested', 'detained', 'damaged', 'destroyed', 'affected', 'flooded', 'trapped', 'stranded', 'infected',
  'hospitalised', 'hospitalized', 'deployed', 'confirmed', 'reported', 'recorded', 'registered', 'employed',
  'involved', 'buried', 'unaccounted', 'captured', 'abducted', 'kidnapped', 'freed', 'released', 'sentenced',
  'convicted', 'charged', 'executed', 'vaccinated', 'tested', 'treated', 'sickened', 'burned', 'burnt',
]);

/** True when a token starts with a capital letter. */
function isCapitalized(token: Token): boolean {
  return /^\p{Lu}/u.test(token.text);
}

/** True when the word is a plural noun by its form ("teams", "casualties", "people"). */
function isPluralNoun(word: string): boolean {
  if (IRREGULAR_PLURALS.has(word)) return true;
  if (/\p{L}{2,}men$/u.test(word) && !SINGULAR_MEN.has(word)) return true; // fishermen, gunmen
  if (word.length < 3 || !word.endsWith('s') || NOT_PLURAL.has(word)) return false;
  if (/(?:ss|us|is|ous|'s)$/.test(word)) return false;
  return /^[\p{L}-]+$/u.test(word);
}

/** Singular words ending in "-men", which are not plurals of "-man". */
const SINGULAR_MEN: ReadonlySet<string> = new Set(['specimen', 'abdomen', 'regimen', 'acumen', 'hymen', 'stamen', 'albumen', 'bitumen']);

/** Plurals in "-oes" whose singular ends in "-o" ("heroes"); others drop only the "s" ("foes", "shoes"). */
const O_ES_PLURALS: ReadonlySet<string> = new Set([
  'heroes', 'potatoes', 'tomatoes', 'echoes', 'vetoes', 'torpedoes', 'embargoes', 'mosquitoes', 'dominoes', 'cargoes', 'volcanoes', 'tornadoes',
]);

/** The singular of a plural noun by common English rules ("casualties" → "casualty", "houses" → "house"). */
export function singularize(word: string): string {
  const irregular = IRREGULAR_PLURALS.get(word);
  if (irregular !== undefined) return irregular;
  if (/\p{L}{2,}men$/u.test(word) && !SINGULAR_MEN.has(word)) return `${word.slice(0, -3)}man`;
  if (!word.endsWith('s') || NOT_PLURAL.has(word) || /(?:ss|us|is)$/.test(word)) return word;
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:ches|shes|xes|zzes|sses)$/.test(word)) return word.slice(0, -2);
  if (O_ES_PLURALS.has(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

/** The parts of one number read from the text, before its context is looked at. */
interface NumberCore {
  /** Token index of the first and past-the-last token of the number. */
  readonly first: number;
  readonly next: number;
  readonly value: number;
  /** For "1.500" (one dot, three digits): the value read as thousands, used when a count follows. */
  readonly thousandsReading: number | null;
  /** True for plural vague amounts ("dozens", "thousands of"). */
  readonly vague: boolean;
  /** True when a scale word is part of it ("two million", "tens of thousands"). */
  readonly scaled: boolean;
}

/** What reading at a token gave: a number, a stretch to skip (a phone number, a time), or nothing. */
type CoreOutcome = { readonly kind: 'core'; readonly core: NumberCore } | { readonly kind: 'skip'; readonly next: number } | null;

/** One sentence being read. */
interface SentenceReader {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** Lower-cased token texts, for the word-number parser. */
  readonly words: readonly string[];
  /** The index of the sentence's first token that is not punctuation. */
  readonly firstWord: number;
}

/** Parses a run of digits with separators: "1,500", "2.5", "1.500.000", "1,00,000". Null when malformed. */
function parseDigits(raw: string): { value: number; thousandsReading: number | null } | null {
  if (/^\d+$/.test(raw)) return { value: Number(raw), thousandsReading: null };
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(raw)) return { value: Number(raw.replace(/,/g, '')), thousandsReading: null };
  if (/^\d{1,2}(?:,\d{2})+,\d{3}$/.test(raw)) return { value: Number(raw.replace(/,/g, '')), thousandsReading: null };
  if (/^\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?$/.test(raw) || /^\d{1,3}(?:\.\d{3})+,\d+$/.test(raw)) {
    return { value: Number(raw.replace(/\./g, '').replace(',', '.')), thousandsReading: null };
  }
  if (/^\d+\.\d+$/.test(raw)) {
    const thousandsReading = /^[1-9]\d{0,2}\.\d{3}$/.test(raw) ? Number(raw.replace('.', '')) : null;
    return { value: Number(raw), thousandsReading };
  }
  return null;
}

/** True when the token is a word that names a month, capitalised as month names are. */
function isMonthToken(token: Token | undefined): boolean {
  if (token === undefined || token.kind !== 'word') return false;
  return MONTH_WORDS.has(token.lower) && isCapitalized(token);
}

/** The nearest word token before `index`, skipping commas and periods (as in "May 10," or "Sept. 5"). */
function previousWord(tokens: readonly Token[], index: number): Token | undefined {
  for (let at = index - 1; at >= 0 && at >= index - 3; at--) {
    const token = tokens[at];
    if (token === undefined) return undefined;
    if (token.kind === 'word') return token;
    if (token.text !== ',' && token.text !== '.') return undefined;
  }
  return undefined;
}

/** True when the tokens at `index` spell a time marker: "a.m.", "am", "pm", "o'clock", "GMT", "local time". */
function isTimeMarkerAt(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  if (token === undefined) return false;
  if (TIME_MARKERS.has(token.lower)) return true;
  if ((token.lower === 'a' || token.lower === 'p') && tokens[index + 1]?.text === '.' && tokens[index + 2]?.lower === 'm') return true;
  if (token.lower === 'local' && tokens[index + 1]?.lower === 'time') return true;
  return false;
}

/** Words before a 4-digit number that make it a year: prepositions, parts of a period, determiners. */
const YEAR_CUES: ReadonlySet<string> = new Set([
  'in', 'since', 'by', 'until', 'till', 'before', 'after', 'during', 'from', 'to', 'through', 'of', 'early', 'mid',
  'late', 'between', 'and', 'or', 'year', 'summer', 'winter', 'spring', 'autumn', 'fall', 'circa', 'around', 'about',
  'the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'born', 'founded', 'established', 'built',
  'completed', 'opened', 'elected', 'c',
]);

/**
 * True when the 4-digit number at `start`–`end` of `text` is used as a year ("in 2017", "the
 * 2016 election", "May 2017", "since 1987"), not as a count ("2000 people", "nearly 1900
 * troops", "$2000", "2000 km", "at 1500 GMT"). Shared by the number and date annotators, so a
 * number is never both. Without a cue word before it, a year is 1800–2099 and is not followed
 * by a plural noun; with one (a preposition, a month, a determiner), 1000–2099.
 */
export function isYearAt(text: string, start: number, end: number): boolean {
  const digits = text.slice(start, end);
  if (!/^\d{4}$/.test(digits)) return false;
  const value = Number(digits);
  if (value < 1000 || value > 2099) return false;
  const charBefore = text[start - 1] ?? ' ';
  const charAfter = text[end] ?? ' ';
  // Attached to letters, digits, signs or separators: a code, an amount, a time, a decade.
  if (/[\p{L}\p{N}$€£¥₹₽#+/:_@.,]/u.test(charBefore)) return false;
  if (/[-–]/.test(charBefore) && !/(?:\d|\bmid)[-–]$/i.test(text.slice(Math.max(0, start - 4), start))) return false;
  if (/[\p{L}\p{N}%°]/u.test(charAfter)) return false;
  if (/^(?:[:/.,]\d|['’]s)/.test(text.slice(end, end + 2))) return false;
  // Skip the second part of a range ("2010-2015", "2017-18") before reading the next word.
  const rest = text.slice(end, end + 60).replace(/^[-–]\d{2,4}\b/, '');
  const before = text.slice(Math.max(0, start - 40), start);
  const wordsBefore = before.toLowerCase().match(/[\p{L}]+(?:['’][\p{L}]+)?/gu) ?? [];
  const wordBefore = /[\p{L}'’]\s+$|[\p{L}'’]$/u.test(before) ? wordsBefore.at(-1) ?? '' : '';
  const codeBefore = /\b([A-Z]{3})\s+$/.exec(before)?.[1];
  if (codeBefore !== undefined && CURRENCY_CODES.has(codeBefore)) return false;
  const wordAfter = /^\s*([\p{L}]+)/u.exec(rest)?.[1] ?? '';
  const lowerAfter = wordAfter.toLowerCase();
  if (UNIT_WORDS.has(lowerAfter) || DIGIT_SCALES.has(lowerAfter) || TIME_MARKERS.has(lowerAfter) || lowerAfter === 'local') return false;
  const following = /^\s*([\p{L}-]+)(?:\s+([\p{L}-]+))?/u.exec(rest);
  const first = following?.[1] ?? '';
  const second = following?.[2] ?? '';
  const pluralAfter = /^\p{Ll}/u.test(first) && (isPluralNoun(first)
    || (!COUNTED_STOP_WORDS.has(first) && /^\p{Ll}/u.test(second) && isPluralNoun(second)));
  const lastTwo = wordsBefore.slice(-3).join(' ');
  const hedged = wordBefore !== '' && QUALIFIER_PHRASES.some(([phrase]) => lastTwo.endsWith(phrase.join(' ')));
  if (hedged && !(['around', 'about', 'circa'].includes(wordBefore) && !pluralAfter)) return false;
  if (['only', 'just', 'than', 'another', 'additional', 'total', 'extra', 'some'].includes(wordBefore)) return false;
  const cue = YEAR_CUES.has(wordBefore) || MONTH_WORDS.has(wordBefore) || /['’]s$/.test(wordBefore);
  if (cue) return !(pluralAfter && ['a', 'an', 'of', 'and', 'or', 'to', 'from', 'between'].includes(wordBefore));
  return value >= 1800 && !pluralAfter;
}

/**
 * The index of the last group of a number written with spaces between thousands ("1 500",
 * "12 000 000"), or `index` when there is none. The first group has one to three digits, each
 * next group exactly three, one space-like character apart, and no digits follow; a month
 * name before ("May 5 200") makes the first group a day.
 */
function spacedThousandsEnd(reader: SentenceReader, index: number): number {
  const { tokens, text } = reader;
  const first = tokens[index];
  if (first === undefined || !/^\d{1,3}$/.test(first.text) || isMonthToken(previousWord(tokens, index))) return index;
  let end = index;
  for (;;) {
    const current = tokens[end];
    const next = tokens[end + 1];
    if (current === undefined || next === undefined || next.kind !== 'digits' || !/^\d{3}$/.test(next.text)) break;
    if (!/^[ \u00a0\u202f\u2009]$/.test(text.slice(current.end, next.start))) break;
    end++;
  }
  if (end > index && tokens[end + 1]?.kind === 'digits') return index;
  return end;
}

/**
 * True when the number at `start`–`end` is an age in apposition to a name: "Hanne Drossel, 58,
 * said", "Lind (58)". The name is a capitalised word just before the comma or bracket.
 */
function isAgeApposition(text: string, start: number, end: number): boolean {
  const digits = text.slice(start, end);
  if (!/^\d{1,3}$/.test(digits) || Number(digits) > 120) return false;
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 2);
  return (/\p{Lu}[\p{L}'’-]*,\s$/u.test(before) && /^[,;]/.test(after)) || (/\p{Lu}[\p{L}'’-]*\s\($/u.test(before) && after.startsWith(')'));
}

/**
 * Reads a number written in digits at `index`, or says what to skip. `rangeEnd` is set when
 * reading the second number of a range, which is attached to the first by a hyphen.
 */
function readDigitCore(reader: SentenceReader, index: number, rangeEnd = false): CoreOutcome {
  const { tokens, text } = reader;
  const token = tokens[index];
  if (token === undefined) return null;
  const previous = tokens[index - 1];
  const next = tokens[index + 1];
  const skipOne: CoreOutcome = { kind: 'skip', next: index + 1 };

  // Attached on the left: letters ("G20", "MH17"), a hyphen after letters ("COVID-19", "F-16"),
  // "#", "+" (phone), "/" or ":" (dates, times, ratios).
  if (previous !== undefined && token.attached) {
    if (previous.kind === 'word') return skipOne;
    if (previous.text === '-' && tokens[index - 2]?.kind === 'word' && previous.attached) return skipOne;
    if (previous.text === '-' && tokens[index - 2]?.kind === 'digits' && previous.attached && !rangeEnd) return skipOne;
    if (['#', '+', '/', ':', '№', '.', '\\', '_', '@'].includes(previous.text)) return skipOne;
  }
  // Attached on the right: "/", ":" or an operator and digits (11/05/2017, 14:20, 24/7, 3:1, 2+2).
  const joiners = ['/', ':', '+', '×', '='];
  if (next !== undefined && next.attached && joiners.includes(next.text) && tokens[index + 2]?.kind === 'digits' && tokens[index + 2]?.attached) {
    let end = index + 2;
    while (tokens[end + 1]?.attached && (joiners.includes(tokens[end + 1]?.text ?? '') || tokens[end + 1]?.kind === 'digits')) end++;
    return { kind: 'skip', next: end + 1 };
  }
  const parsed = parseDigits(token.text);
  if (parsed === null) return skipOne; // "1.2.3", "1,5": versions, lists, ambiguous decimals.

  // Thousands separated by spaces: "1 500", "12 000 000" (one space, a no-break or a thin space).
  const spacedEnd = spacedThousandsEnd(reader, index);
  if (spacedEnd > index) {
    const digits = tokens.slice(index, spacedEnd + 1).map((part) => part.text).join('');
    return { kind: 'core', core: { first: index, next: spacedEnd + 1, value: Number(digits), thousandsReading: null, vague: false, scaled: false } };
  }

  // Phone numbers and codes: a run of three or more digit groups, or a group with a leading zero.
  let groupEnd = index;
  let groups = 1;
  while (
    tokens[groupEnd + 1] !== undefined && tokens[groupEnd + 2]?.kind === 'digits' &&
    (tokens[groupEnd + 1]?.text === '-' || tokens[groupEnd + 1]?.text === '.' || tokens[groupEnd + 1]?.text === ')') &&
    tokens[groupEnd + 1]?.attached === true && tokens[groupEnd + 2]?.attached === true
  ) {
    groupEnd += 2;
    groups++;
  }
  let spaced = groupEnd;
  while (tokens[spaced + 1]?.kind === 'digits' && !(tokens[spaced + 1]?.attached ?? true) && /^\d+$/.test(tokens[spaced + 1]?.text ?? '') && /^\d+$/.test(tokens[spaced]?.text ?? '')) {
    spaced++;
    groups++;
  }
  if (groups >= 3 || /^0\d/.test(token.text) || (previous?.text === '(' && next?.text === ')' && tokens[index + 2]?.kind === 'digits')) {
    return { kind: 'skip', next: Math.max(spaced, groupEnd) + 1 };
  }

  // Suffixes attached on the right: ordinals, decades, times, units, scales, codes.
  if (next !== undefined && next.attached) {
    if (next.kind === 'word') {
      const suffix = next.lower;
      if (/^(?:st|nd|rd|th)$/.test(suffix)) return { kind: 'skip', next: index + 2 };
      if (suffix === 's' && parsed.value % 10 === 0) return { kind: 'skip', next: index + 2 };
      if (suffix === 'am' || suffix === 'pm' || (suffix === 'a' || suffix === 'p') && tokens[index + 2]?.text === '.') {
        return { kind: 'skip', next: index + 2 };
      }
      if (suffix === 'h' && tokens[index + 2]?.kind === 'digits' && tokens[index + 2]?.attached) return { kind: 'skip', next: index + 3 };
      if (!ATTACHED_UNITS.has(suffix) && !DIGIT_SCALES.has(suffix)) return { kind: 'skip', next: index + 2 };
    } else if ((next.text === "'" || next.text === '’') && tokens[index + 2]?.lower === 's' && parsed.value % 10 === 0) {
      return { kind: 'skip', next: index + 3 }; // "1990's"
    }
  }
  // Times of day: "5 a.m.", "9 pm", "0500 GMT", "14.20 local time", "at 10.30".
  if (isTimeMarkerAt(tokens, index + 1)) return { kind: 'skip', next: index + 2 };
  if (/^\d{1,2}\.\d{2}$/.test(token.text) && previous?.lower === 'at') return skipOne;
  // Years used as dates.
  if (/^\d{4}$/.test(token.text) && isYearAt(text, token.start, token.end)) return skipOne;
  // Day numbers of dates: "May 10", "10 May", "10-12 May", "Friday 13".
  if (Number.isInteger(parsed.value) && parsed.value >= 1 && parsed.value <= 31 && /^\d{1,2}$/.test(token.text)) {
    const before = previousWord(tokens, index);
    if (isMonthToken(before) || (before !== undefined && WEEKDAY_WORDS.has(before.lower) && isCapitalized(before))) return skipOne;
    if (isMonthToken(next) || (next?.lower === 'of' && isMonthToken(tokens[index + 2]))) return skipOne;
    const dash = tokens[index + 1];
    if (dash !== undefined && (dash.text === '-' || dash.text === '–' || dash.lower === 'to' || dash.lower === 'and') && tokens[index + 2]?.kind === 'digits' && isMonthToken(tokens[index + 3])) {
      return { kind: 'skip', next: index + 4 };
    }
  }
  // Identifiers: "Flight 370", "Article 5", "line 3", "No. 10", "Group of 20", "version 2".
  if (/^\d+$/.test(token.text) && previous !== undefined) {
    const word = previousWord(tokens, index);
    const direct = previous.kind === 'word' ? previous : previous.text === '.' && tokens[index - 2]?.kind === 'word' ? tokens[index - 2] : undefined;
    if (direct !== undefined && IDENTIFIER_NOUNS.has(direct.lower) && !(direct.lower === 'number' && next?.lower === 'of')) return skipOne;
    // After a capitalised word, unless a plural noun follows: "Boeing 737" is a name, "In Velde 14 people" a count.
    const countFollows = next !== undefined && next.kind === 'word' && !isCapitalized(next) && isPluralNoun(next.lower);
    if (direct !== undefined && direct === previous && isCapitalized(direct) && index - 1 > 0 && !FUNCTION_WORDS.has(direct.lower) && !countFollows
      && !MONTH_WORDS.has(direct.lower) && !direct.lower.endsWith("'s") && !CURRENCY_CODES.has(direct.text) && !/^\p{Lu}+$/u.test(direct.text)) {
      return skipOne;
    }
    if (word?.lower === 'of' && previous === word) {
      const owner = tokens[index - 2];
      if (owner !== undefined && owner.kind === 'word' && isCapitalized(owner) && !FUNCTION_WORDS.has(owner.lower)) return skipOne;
    }
  }
  return {
    kind: 'core',
    core: {
      first: index,
      next: index + 1,
      value: parsed.value,
      thousandsReading: parsed.thousandsReading,
      vague: false,
      scaled: false,
    },
  };
}

/** Words after "one" that make it a pronoun or an idiom, not a count ("one of", "one day", "one another"). */
const ONE_IDIOMS_AFTER: ReadonlySet<string> = new Set([
  'of', 'another', 'day', 'time', 'way', 'thing', 'point', 'side', 'hand', 'by', 'after', 'such', 'who', 'that',
  'which', 'can', 'could', 'would', 'should', 'must', 'may', 'might', 'will', 'is', 'was', 'has', 'had', 'does', 'did',
  'or', 'and', 'in', 'to', 'more', 'thing', 'moment', 'morning', 'night', 'evening', 'afternoon', 'year', 'too',
]);

/** Words before "one" that make it a pronoun ("no one", "the one", "this one"). */
const ONE_IDIOMS_BEFORE: ReadonlySet<string> = new Set([
  'no', 'the', 'this', 'that', 'any', 'every', 'each', 'which', 'someone', 'anyone', 'everyone', 'another', 'only', 'last',
  'first', 'next', 'little', 'big', 'new', 'old', 'right', 'wrong', 'same', 'loved', 'such', 'a', 'number', 'as', 'like',
]);

/** Reads a number written in words at `index` ("fourteen", "a dozen", "thousands of", "tens of thousands"). */
function readWordCore(reader: SentenceReader, index: number): CoreOutcome {
  const { tokens, words } = reader;
  const token = tokens[index];
  if (token === undefined || token.kind !== 'word') return null;
  const word = token.lower;
  const sentenceInitial = index === reader.firstWord;
  // A capitalised number word inside a sentence is part of a name ("Three Gorges", "Big Four").
  if (isCapitalized(token) && !sentenceInitial && !/^\p{Lu}+$/u.test(token.text)) return null;

  // "tens of thousands", "hundreds of thousands", "several hundred", and the plural vague amounts.
  const scaleAfterOf = SCALE_WORDS.get(words[index + 2] ?? '') ?? (words[index + 2] === 'millions' ? 1e6 : words[index + 2] === 'thousands' ? 1e3 : words[index + 2] === 'billions' ? 1e9 : undefined);
  if ((word === 'tens' || word === 'hundreds') && words[index + 1] === 'of' && scaleAfterOf !== undefined && (words[index + 2] ?? '').endsWith('s')) {
    const value = (word === 'tens' ? 20 : 200) * scaleAfterOf;
    return { kind: 'core', core: { first: index, next: index + 3, value, thousandsReading: null, vague: true, scaled: true } };
  }
  const vague = VAGUE_PLURALS.get(word);
  if (vague !== undefined) {
    if (word === 'scores' && words[index + 1] !== 'of') return null;
    return { kind: 'core', core: { first: index, next: index + 1, value: vague, thousandsReading: null, vague: true, scaled: false } };
  }
  if ((word === 'several' || word === 'many') && (words[index + 1] === 'hundred' || SCALE_WORDS.has(words[index + 1] ?? ''))) {
    const scale = words[index + 1] === 'hundred' ? 100 : (SCALE_WORDS.get(words[index + 1] ?? '') ?? 1);
    return { kind: 'core', core: { first: index, next: index + 2, value: (word === 'several' ? 3 : 2) * scale, thousandsReading: null, vague: true, scaled: true } };
  }
  if (!isNumberWord(word) && word !== 'a' && word !== 'half') return null;
  if (word === 'one') {
    const before = tokens[index - 1];
    if (before !== undefined && before.kind === 'word' && ONE_IDIOMS_BEFORE.has(before.lower)) return null;
    const after = tokens[index + 1];
    if (after === undefined || after.kind !== 'word' || ONE_IDIOMS_AFTER.has(after.lower)) {
      // "one or two" is still a range; "one-off" and "one-time" are not counts.
      if (!(after?.lower === 'or' && isNumberWord(words[index + 2] ?? ''))) return null;
    }
  }
  const parsed = parseNumberWords(words, index);
  if (parsed === null) return null;
  const next = index + parsed.length;
  // Times: "five o'clock", "ten past five". ("ten to five" is left alone: "two to three weeks" is a range.)
  if (isTimeMarkerAt(tokens, next)) return { kind: 'skip', next: next + 1 };
  if (words[next] === 'past' && isNumberWord(words[next + 1] ?? '') && !SCALE_WORDS.has(words[next + 1] ?? '')) return { kind: 'skip', next: next + 2 };
  // Day numbers in words are rare; a month right after makes it a date ("ten March" is not English anyway).
  if (isMonthToken(tokens[next])) return { kind: 'skip', next: next + 1 };
  const scaled = words.slice(index, next).some((part) => SCALE_WORDS.has(part) || part === 'hundred' || part === 'dozen');
  return { kind: 'core', core: { first: index, next, value: parsed.value, thousandsReading: null, vague: false, scaled } };
}

/** Matches a phrase of lower-case words ending just before token `end`; returns its first token index or -1. */
function phraseEndingAt(tokens: readonly Token[], end: number, phrase: readonly string[]): number {
  let at = end - 1;
  for (let part = phrase.length - 1; part >= 0; part--, at--) {
    const token = tokens[at];
    if (token === undefined || token.lower !== phrase[part]) return -1;
  }
  return at + 1;
}

/** Matches a phrase of lower-case words starting at token `start`; returns the index after it or -1. */
function phraseStartingAt(tokens: readonly Token[], start: number, phrase: readonly string[]): number {
  for (let part = 0; part < phrase.length; part++) {
    if (tokens[start + part]?.lower !== phrase[part]) return -1;
  }
  return start + phrase.length;
}

/** A unit read after a number: its normalised name and the index after it. */
interface UnitReading {
  readonly unit: string;
  readonly next: number;
}

/**
 * Reads a unit written after a number: spaced ("11 km"), attached ("11km") or after a hyphen
 * (`afterHyphen`: "a 40-minute briefing", "an 11-km stretch").
 */
function readUnit(tokens: readonly Token[], index: number, scaled: boolean, afterHyphen = false): UnitReading | null {
  const token = tokens[index];
  if (token === undefined) return null;
  if (token.text === '%' || token.text === '٪') return { unit: 'percent', next: index + 1 };
  if (token.text === '°') {
    const scale = tokens[index + 1];
    if (scale?.attached && scale.text === 'C') return { unit: 'celsius', next: index + 2 };
    if (scale?.attached && scale.text === 'F') return { unit: 'fahrenheit', next: index + 2 };
    return { unit: 'degree', next: index + 1 };
  }
  if (token.kind !== 'word') return null;
  if (token.attached && !afterHyphen) {
    const attached = ATTACHED_UNITS.get(token.lower);
    return attached === undefined ? null : { unit: attached, next: index + 1 };
  }
  for (const [phrase, unit] of UNIT_PHRASES) {
    const after = phraseStartingAt(tokens, index, phrase);
    if (after >= 0) return { unit, next: after };
  }
  if (CURRENCY_CODES.has(token.text)) return { unit: token.text, next: index + 1 };
  if (token.lower === 'pounds' || token.lower === 'pound') {
    // Money when the amount is scaled ("5 million pounds"), weight otherwise ("20 pounds").
    return { unit: scaled ? 'GBP' : 'lb', next: index + 1 };
  }
  // "degrees Celsius" is a phrase; "km" in "11 km" is a word; "m" needs a space before it here.
  const unit = UNIT_WORDS.get(token.lower);
  if (unit === undefined) return null;
  if (token.lower === 'm' && tokens[index + 1]?.text === '.') return null; // "5 m." may end an abbreviation.
  return { unit, next: index + 1 };
}

/** The words naming what is counted and their head, as read after a number. */
interface CountedReading {
  readonly span: Span;
  readonly head: string;
}

/** Quotation marks that may open or close the words naming what is counted. */
const OPENING_QUOTES: ReadonlySet<string> = new Set(['"', '“', '‘', "'", '«', '„']);
const CLOSING_QUOTES: ReadonlySet<string> = new Set(['"', '”', '’', "'", '»', '“']);

/** Reads one word at `index`, joining hyphenated parts ("low-lying"); returns its lower form and the index after it. */
function readCompoundWord(tokens: readonly Token[], index: number): { lower: string; next: number; capitalized: boolean } | null {
  const token = tokens[index];
  if (token === undefined || token.kind !== 'word') return null;
  let lower = token.lower;
  let next = index + 1;
  while (tokens[next]?.text === '-' && tokens[next]?.attached && tokens[next + 1]?.kind === 'word' && tokens[next + 1]?.attached) {
    lower += `-${tokens[next + 1]?.lower ?? ''}`;
    next += 2;
  }
  return { lower, next, capitalized: isCapitalized(token) };
}

/**
 * Reads what is counted after a number: up to four modifiers and a head noun ("rescue teams",
 * "Ostravian troops"), then participles describing it ("people killed", "houses damaged or
 * destroyed"). A plural count needs a plural head; for one, the head is the last word before a
 * verb-like word. A nominal participle alone counts too ("14 dead", "20 injured").
 */
function readCounted(tokens: readonly Token[], index: number, singular: boolean, allowOf: boolean): CountedReading | null {
  let at = index;
  if (allowOf && tokens[at]?.lower === 'of') {
    at++;
    if (['the', 'their', 'its', 'these', 'those', 'his', 'her', 'our'].includes(tokens[at]?.lower ?? '')) at++;
  }
  // Four "de-escalation zones": the quotation marks are kept in the span when both are there.
  const quote = OPENING_QUOTES.has(tokens[at]?.text ?? '') ? tokens[at] : undefined;
  if (quote !== undefined) at++;
  const firstToken = tokens[at];
  if (firstToken === undefined || firstToken.kind !== 'word' || firstToken.attached && tokens[at - 1]?.kind !== 'mark') return null;
  const start = firstToken.start;
  const closing = (index: number): number | null => {
    const after = tokens[index];
    return quote !== undefined && after !== undefined && after.attached && CLOSING_QUOTES.has(after.text) ? after.end : null;
  };
  let modifiers = 0;
  let lastContent: { lower: string; end: number } | null = null;
  while (at < tokens.length && modifiers <= 4) {
    const word = readCompoundWord(tokens, at);
    if (word === null) break;
    const lower = word.lower;
    const end = tokens[word.next - 1]?.end ?? 0;
    const nextWord = readCompoundWord(tokens, word.next);
    const beforeNoun = nextWord !== null && isPluralNoun(nextWord.lower); // "14 injured people", "1.500 displaced families"
    if (modifiers === 0 && !beforeNoun && PARTICIPLES.has(lower) && (lower === 'dead' || lower === 'injured' || lower === 'wounded' || lower === 'missing' || lower === 'killed' || lower === 'displaced' || lower === 'homeless' || lower === 'hurt' || lower === 'evacuated' || lower === 'unaccounted')) {
      return { span: { start, end }, head: lower };
    }
    if ((lower === 'and' || lower === 'or') && modifiers > 0) {
      at = word.next;
      modifiers++;
      continue;
    }
    const acronym = /^\p{Lu}{2,}$/u.test(tokens[at]?.text ?? ''); // "US troops": "US" is not the pronoun
    if (!acronym && (COUNTED_STOP_WORDS.has(lower) || /ly$/.test(lower) && lower.length > 4) || isNumberWord(lower) || MONTH_WORDS.has(lower) && word.capitalized) break;
    if (!singular && isPluralNoun(lower)) {
      const tailEnd = readParticipleTail(tokens, word.next);
      const quoteEnd = tailEnd === null ? closing(word.next) : null;
      return { span: { start: quoteEnd === null ? start : quote?.start ?? start, end: quoteEnd ?? tailEnd ?? end }, head: singularize(lower.replace(/^.*-/, '')) };
    }
    if (singular && (/ed$/.test(lower) && lastContent !== null || /[^s]s$/.test(lower) && lastContent !== null)) break;
    lastContent = { lower, end };
    at = word.next;
    modifiers++;
    if (singular && (tokens[at] === undefined || tokens[at]?.kind !== 'word')) break;
  }
  if (singular && lastContent !== null && !PARTICIPLES.has(lastContent.lower)) {
    return { span: { start, end: lastContent.end }, head: lastContent.lower.replace(/^.*-/, '') };
  }
  return null;
}

/** Reads participles after a counted noun ("killed", "damaged or destroyed"); returns where they end, or null. */
function readParticipleTail(tokens: readonly Token[], index: number): number | null {
  let at = index;
  let end: number | null = null;
  while (at < tokens.length) {
    const token = tokens[at];
    if (token === undefined || token.kind !== 'word' || !PARTICIPLES.has(token.lower)) break;
    end = token.end;
    at++;
    const joiner = tokens[at];
    if (joiner !== undefined && (joiner.lower === 'or' || joiner.lower === 'and' || joiner.text === ',') && PARTICIPLES.has(tokens[at + 1]?.lower ?? '')) at++;
    else break;
  }
  return end;
}

/** A currency written before a number: its code and the index of its first token. */
function readCurrencyBefore(tokens: readonly Token[], index: number): { unit: string; first: number } | null {
  const sign = tokens[index - 1];
  if (sign === undefined) return null;
  const tokenAt = tokens[index];
  const signUnit = CURRENCY_SIGNS.get(sign.text);
  if (signUnit !== undefined && tokenAt?.attached !== false) {
    const prefix = tokens[index - 2];
    if (sign.text === '$' && prefix !== undefined && sign.attached && prefix.kind === 'word') {
      const code = DOLLAR_PREFIXES.get(prefix.lower);
      if (code !== undefined) return { unit: code, first: index - 2 };
    }
    return { unit: signUnit, first: index - 1 };
  }
  if (sign.kind === 'word' && CURRENCY_CODES.has(sign.text)) return { unit: sign.text, first: index - 1 };
  return null;
}

/** The qualifier phrase ending just before token `index`, with its first token, or null. */
function readQualifierBefore(tokens: readonly Token[], index: number): { qualifier: NumberQualifier; first: number; word: string } | null {
  for (const [phrase, qualifier] of QUALIFIER_PHRASES) {
    const first = phraseEndingAt(tokens, index, phrase);
    if (first >= 0) return { qualifier, first, word: phrase.join(' ') };
  }
  return null;
}

/** Qualifiers written after a number: "20 or more", "an hour or so", "40-odd", "20-plus". */
function readQualifierAfter(tokens: readonly Token[], index: number): { qualifier: NumberQualifier; next: number } | null {
  const first = tokens[index];
  const second = tokens[index + 1];
  if (first === undefined) return null;
  if (first.lower === 'or' && second !== undefined) {
    if (second.lower === 'more' || second.lower === 'over' || second.lower === 'above') return { qualifier: 'at-least', next: index + 2 };
    if (second.lower === 'fewer' || second.lower === 'less') return { qualifier: 'at-most', next: index + 2 };
    if (second.lower === 'so') return { qualifier: 'about', next: index + 2 };
  }
  if (first.text === '-' && first.attached && second?.attached) {
    if (second.lower === 'odd') return { qualifier: 'about', next: index + 2 };
    if (second.lower === 'plus') return { qualifier: 'at-least', next: index + 2 };
  }
  if (first.text === '+' && first.attached) return { qualifier: 'at-least', next: index + 1 };
  return null;
}

/** Reads a scale word after a number written in digits ("2.5 million", "1.2bn", "$3m"), if any. */
function readDigitScale(tokens: readonly Token[], index: number, hasCurrency: boolean): { scale: number; next: number } | null {
  const token = tokens[index];
  if (token === undefined || token.kind !== 'word') return null;
  const scale = DIGIT_SCALES.get(token.lower);
  if (scale === undefined) return null;
  if (token.lower === 'm' || token.lower === 'b') {
    // "$3m", "£1.2b": a million only after a currency; otherwise "300m" is metres.
    if (!hasCurrency || !token.attached) return null;
  }
  if (token.lower === 'k' && !token.attached) return null;
  return { scale, next: index + 1 };
}

/** True when a token can join two numbers into a range ("to", "-", "–", "and" after "between", "or"). */
function rangeConnector(token: Token | undefined, between: boolean): boolean {
  if (token === undefined) return false;
  if (token.text === '-' || token.text === '–' || token.text === '—') return true;
  if (token.lower === 'to') return true;
  if (token.lower === 'and') return between;
  return token.lower === 'or';
}

/** The second number of a range, read after its connector at `index`, with the scale written after it. */
interface RangeEnd {
  readonly value: number;
  /** The multiplier of its scale word ("3 million": 1e6), 1 when it has none. */
  readonly scale: number;
  readonly next: number;
}

/** Reads the second number of a range after its connector at `index`; or what to skip, or null when none follows. */
function readRangeEnd(reader: SentenceReader, index: number, hasCurrency: boolean): RangeEnd | CoreOutcome {
  const { tokens } = reader;
  const connector = tokens[index];
  if (connector === undefined) return null;
  const hyphen = connector.kind === 'mark';
  let second = index + 1;
  if (hasCurrency && CURRENCY_SIGNS.has(tokens[second]?.text ?? '')) second++; // "$2 to $3 million"
  const secondToken = tokens[second];
  if (secondToken === undefined) return null;
  let outcome: CoreOutcome = null;
  if (secondToken.kind === 'digits' && (!hyphen || secondToken.attached === connector.attached)) outcome = readDigitCore(reader, second, true);
  else if (secondToken.kind === 'word' && !hyphen) outcome = readWordCore(reader, second);
  if (outcome?.kind !== 'core' || outcome.core.vague) return outcome;
  const { value, next } = outcome.core;
  if (secondToken.kind === 'word') return { value, scale: SCALE_WORDS.get(tokens[next - 1]?.lower ?? '') ?? 1, next };
  const scale = readDigitScale(tokens, next, hasCurrency);
  return scale === null ? { value, scale: 1, next } : { value: value * scale.scale, scale: scale.scale, next: scale.next };
}

/** Reads one quantity starting at token `index`. Returns the mention and where to continue, or what to skip. */
function readQuantity(reader: SentenceReader, index: number, earliestStart: number): { mention: NumberMention | null; next: number } | null {
  const { tokens } = reader;
  const token = tokens[index];
  if (token === undefined) return null;
  const outcome = token.kind === 'digits' ? readDigitCore(reader, index) : readWordCore(reader, index);
  if (outcome === null) return null;
  if (outcome.kind === 'skip') return { mention: null, next: outcome.next };
  const core = outcome.core;
  let value = core.value;
  let at = core.next;
  let scaled = core.scaled;

  // 1. A currency before: "$3 million", "US$40", "€5", "GBP 20".
  const currency = token.kind === 'digits' ? readCurrencyBefore(tokens, index) : null;
  let unit: string | null = currency?.unit ?? null;
  let first = currency?.first ?? index;

  // 2. A hedge before ("more than", "some", "up to"), a range opener ("between", "from"), or a
  // word that gives the unit ("aged 58", "magnitude 6.1", "Anna Vell, 58,").
  let qualifier: NumberQualifier = core.vague ? 'at-least' : 'exact';
  const hedge = readQualifierBefore(tokens, first);
  if (hedge !== null && (tokens[hedge.first]?.start ?? 0) >= earliestStart) {
    qualifier = hedge.qualifier;
    first = hedge.first;
  }
  const wordBefore = tokens[first - 1]?.lower;
  const between = wordBefore === 'between';
  const prefixUnit = wordBefore === 'aged' || wordBefore === 'age' || token.kind === 'digits' && isAgeApposition(reader.text, token.start, token.end)
    ? 'year' : wordBefore === 'magnitude' ? 'magnitude' : null;

  // 3. A scale after digits: "2.5 million", "1.2bn", "6 thousand", "a $3-million contract".
  if (token.kind === 'digits') {
    const hyphenated = tokens[at]?.text === '-' && tokens[at]?.attached === true && tokens[at + 1]?.attached === true && SCALE_WORDS.has(tokens[at + 1]?.lower ?? '');
    const scale = readDigitScale(tokens, hyphenated ? at + 1 : at, currency !== null);
    if (scale !== null) {
      value *= scale.scale;
      at = scale.next;
      scaled = true;
    }
  }

  // 4. A hedge after ("20 or more"), or a range ("1,500 to 5,000", "between 200 and 300",
  // "200-300", "two or three", "$2-3 million").
  let high: number | null = null;
  const hedgeAfter = readQualifierAfter(tokens, at);
  if (hedgeAfter !== null) {
    qualifier = hedgeAfter.qualifier;
    at = hedgeAfter.next;
  } else if (!core.vague && rangeConnector(tokens[at], between)) {
    const connector = tokens[at];
    const end = readRangeEnd(reader, at, currency !== null);
    if (end !== null && 'value' in end) {
      // "2 to 3 million": a scale written once applies to both ends.
      if (end.scale > 1 && !scaled && value < 1000) value *= end.scale;
      if (end.value > value) {
        high = end.value;
        at = end.next;
        scaled = scaled || end.scale > 1;
        if (wordBefore === 'between' || wordBefore === 'from') first -= 1;
      } else if (connector?.kind === 'mark' && connector.attached) {
        return { mention: null, next: end.next }; // A score: "3-1", "2-2".
      }
    } else if (end !== null && end.kind === 'skip' && connector?.kind === 'mark' && connector.attached) {
      return { mention: null, next: end.next }; // "2017-18", "4-0-1".
    }
  }
  if (core.thousandsReading !== null && high === null && !scaled && readUnit(tokens, at, false) === null && readCounted(tokens, at, false, false) !== null) {
    // "1.500" is one and a half before a unit, fifteen hundred before a counted noun.
    value = core.thousandsReading;
  }

  // 5. A unit after: "40 minutes", "11 km", "3.5%", "per cent", "four straight days",
  // "a 40-minute briefing", "a 20-year-old man" (an age).
  if (unit === null) {
    const hyphenated = tokens[at]?.text === '-' && tokens[at]?.attached === true && tokens[at + 1]?.attached === true && tokens[at + 1]?.kind === 'word';
    let reading = readUnit(tokens, hyphenated ? at + 1 : at, scaled, hyphenated);
    if (reading === null && !hyphenated && DURATION_ADJECTIVES.has(tokens[at]?.lower ?? '')) {
      const afterAdjective = readUnit(tokens, at + 1, scaled);
      if (afterAdjective !== null && DURATION_UNITS.has(afterAdjective.unit)) reading = afterAdjective;
    }
    if (reading !== null) {
      unit = reading.unit;
      at = reading.next;
      if (tokens[at]?.text === '-' && tokens[at]?.attached && tokens[at + 1]?.lower === 'old' && tokens[at + 1]?.attached) at += 2;
      else if (tokens[at]?.lower === 'old' && !hyphenated) at += 1;
    } else if (hyphenated) {
      // A compound adjective that is not a measure: "a two-storey house", "a 14-member team".
      return { mention: null, next: at + 2 };
    }
  }
  unit ??= prefixUnit;
  const hedgeAfterUnit = unit === null ? null : readQualifierAfter(tokens, at); // "an hour or so"
  if (hedgeAfterUnit !== null) {
    qualifier = hedgeAfterUnit.qualifier;
    at = hedgeAfterUnit.next;
  }
  if (unit !== null && DURATION_UNITS.has(unit) && hedge?.word === 'over') {
    // "talks over three days" means during them.
    qualifier = 'exact';
    first = currency?.first ?? index;
  }

  // 6. What is counted: "8,400 troops", "people killed", "of homes" after a vague or percent amount.
  let counted: CountedReading | null = null;
  if (unit === null) {
    counted = readCounted(tokens, at, value === 1 && high === null, core.vague);
    // A lone "one" naming nothing is a pronoun ("the upcoming one also became expected").
    if (counted === null && token.lower === 'one' && high === null) return { mention: null, next: at };
  } else if (unit === 'percent' && tokens[at]?.lower === 'of') {
    counted = readCounted(tokens, at, false, true);
  }

  const spanStart = Math.max(tokens[first]?.start ?? token.start, earliestStart);
  const spanEnd = Math.max(counted?.span.end ?? 0, tokens[at - 1]?.end ?? token.end);
  let next = at;
  while (counted !== null && next < tokens.length && (tokens[next]?.end ?? 0) <= counted.span.end) next++;
  if (!Number.isFinite(value) || spanEnd <= spanStart) return { mention: null, next: Math.max(next, index + 1) };
  const mention: NumberMention = { start: spanStart, end: spanEnd, value, high, qualifier, unit, counted: counted?.span ?? null, countedHead: counted?.head ?? null };
  return { mention, next: Math.max(next, index + 1) };
}

/** Clamps sentence spans to the text, drops empty or malformed ones, and puts them in text order. */
function validSpans(text: string, sentences: readonly Span[]): Span[] {
  const spans: Span[] = [];
  for (const sentence of sentences) {
    const start = Math.max(0, Math.min(Math.floor(sentence.start), text.length));
    const end = Math.max(0, Math.min(Math.floor(sentence.end), text.length));
    if (Number.isFinite(start) && Number.isFinite(end) && end > start) spans.push({ start, end });
  }
  return spans.sort((left, right) => left.start - right.start);
}

/**
 * Finds the quantities stated in an article's sentences (see the module comment for what is
 * and is not a quantity, and how hedges are mapped). Only text inside `sentences` is read, one
 * sentence at a time, so a mention never crosses a sentence boundary; pass
 * `[{ start: 0, end: text.length }]` to read a whole text. Mentions are returned in text
 * order and do not overlap. Linear in the length of the text.
 */
export function findNumbers(text: string, sentences: readonly Span[]): NumberMention[] {
  const mentions: NumberMention[] = [];
  let lastEnd = 0;
  for (const sentence of validSpans(text, sentences)) {
    const tokens = tokenizeSpan(text, sentence);
    const reader: SentenceReader = { text, tokens, words: tokens.map((token) => token.lower), firstWord: tokens.findIndex((token) => token.kind !== 'mark') };
    let index = 0;
    while (index < tokens.length) {
      const token = tokens[index];
      if (token === undefined || token.kind === 'mark' || token.start < lastEnd) {
        index++;
        continue;
      }
      const result = readQuantity(reader, index, lastEnd);
      if (result === null) {
        index++;
        continue;
      }
      if (result.mention !== null && result.mention.start >= lastEnd) {
        mentions.push(result.mention);
        lastEnd = result.mention.end;
      }
      index = result.next;
    }
  }
  return mentions.sort((left, right) => left.start - right.start);
}

/** What a count of people is a count of, by the words around it ("killed", "deaths", "died"). */
const COUNT_EVENT_WORDS: ReadonlyMap<string, string> = new Map([
  ...(['death', 'deaths', 'dead', 'killed', 'killing', 'died', 'dies', 'die', 'fatality', 'fatalities', 'life', 'lives', 'perished', 'drowned', 'toll'] as const)
    .map((word) => [word, 'death'] as const),
  ...(['injured', 'injuring', 'wounded', 'wounding', 'hurt', 'injury', 'injuries'] as const).map((word) => [word, 'injured'] as const),
  ...(['missing', 'unaccounted'] as const).map((word) => [word, 'missing'] as const),
  ...(['evacuated', 'evacuee', 'evacuees', 'displaced', 'homeless', 'fled', 'relocated'] as const).map((word) => [word, 'displaced'] as const),
  ...(['arrested', 'detained', 'arrest', 'arrests', 'detention', 'detentions'] as const).map((word) => [word, 'arrested'] as const),
  ...(['rescued'] as const).map((word) => [word, 'rescued'] as const),
]);

/** How many words before a number a count's kind may be named ("the number of people killed had risen to"). */
const NAMED_COUNT_WORDS = 8;

/** Heads that name the same counted thing in different words. */
const HEAD_SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['house', 'home'], ['dwelling', 'home'], ['soldier', 'troop'], ['individual', 'person'], ['resident', 'person'],
  ['inhabitant', 'person'], ['civilian', 'person'], ['kid', 'child'],
]);

/**
 * A key under which counts from different articles can be compared, or null when the count
 * names nothing comparable. Counts of people are keyed by what happened to them, from a small
 * lexicon read in the counted words, the verb after them, or the verb before the number:
 * "14 deaths", "19 people killed", "some 20 dead", "at least 14 people died", "the flood
 * killed 14", "claimed 14 lives" are all `death`; likewise `injured`, `missing`, `displaced`
 * (evacuated, displaced, fled, homeless, left or forced from their homes), `arrested` and
 * `rescued`. Other counts are keyed by their head, with a few synonyms merged ("houses" and
 * "homes" → `home`, "soldiers" → `troop`). Ages ("a 58-year-old", "aged 58") are `age`; other
 * measures have no key (a duration of one event is not comparable to that of another).
 */
export function countKey(mention: NumberMention, text: string): string | null {
  const mentionText = text.slice(mention.start, mention.end).toLowerCase();
  if (mention.unit === 'year') {
    const wordBefore = /(\p{L}+)\s*$/u.exec(text.slice(Math.max(0, mention.start - 12), mention.start))?.[1]?.toLowerCase();
    if (/\bold\b/.test(mentionText) || wordBefore === 'aged' || wordBefore === 'age' || isAgeApposition(text, mention.start, mention.end)) return 'age';
  }
  if (mention.unit !== null) return null;
  const wordsOf = (value: string): string[] => value.toLowerCase().replace(/’/g, "'").split(/[^\p{L}']+/u).filter((word) => word !== '');
  // 1. The counted words: "deaths", "people killed", "some 20 dead".
  if (mention.counted !== null) {
    for (const word of wordsOf(text.slice(mention.counted.start, mention.counted.end))) {
      const key = COUNT_EVENT_WORDS.get(word);
      if (key !== undefined) return key;
    }
  }
  // 2. The verb after, within its clause: "14 people died", "residents of two villages had been
  // evacuated", "lost their lives", "left their homes".
  const clauseAfter = text.slice(mention.end, mention.end + 120).split(/[.;:!?,()"“”]|\b(?:who|which|that|where|when|while|but)\b/i)[0] ?? '';
  const after = wordsOf(clauseAfter).slice(0, 10);
  for (let at = 0; at < after.length; at++) {
    const word = after[at] ?? '';
    const next = after.slice(at + 1, at + 4);
    if (word === 'lost' && next.includes('lives')) return 'death';
    if (['left', 'forced', 'driven', 'fled', 'abandoned'].includes(word) && next.some((part) => ['homes', 'home', 'houses', 'house'].includes(part))) return 'displaced';
    if (word === 'moved' && next.includes('safety')) return 'displaced';
    const key = COUNT_EVENT_WORDS.get(word);
    if (key !== undefined && word !== 'toll') return key;
  }
  // 3. The verb just before the number: "the flood killed 14", "evacuated about 6,000".
  const clauseBefore = text.slice(Math.max(0, mention.start - 160), mention.start).split(/[.;!?]/).at(-1) ?? '';
  const verbBefore = /(\p{L}+)\s+$/u.exec(clauseBefore)?.[1]?.toLowerCase() ?? '';
  const keyBefore = COUNT_EVENT_WORDS.get(verbBefore);
  if (keyBefore !== undefined && /(?:ed|ing)$/.test(verbBefore)) return keyBefore;
  // 4. A count named just before, in the clause: "the number of people killed had risen to 19",
  // "put the number of dead at 19", "the death toll rose to 19", "the number of perished grew
  // to 19 people" (a count of bare people takes its kind from there). Only the last few words
  // are read: "at the age of eleven" after "lost his life" earlier is not a death.
  const bareCount = mention.counted === null || mention.countedHead === 'person';
  if (bareCount && /^(?:to|at|reached|hit|of|is|was|stands|stood)$/.test(verbBefore)) {
    const named = wordsOf(clauseBefore).slice(-NAMED_COUNT_WORDS).reverse().find((word) => COUNT_EVENT_WORDS.has(word));
    if (named !== undefined) return COUNT_EVENT_WORDS.get(named) ?? null;
  }
  const head = mention.countedHead;
  if (head === null) return null;
  return COUNT_EVENT_WORDS.get(head) ?? HEAD_SYNONYMS.get(head) ?? head;
}
