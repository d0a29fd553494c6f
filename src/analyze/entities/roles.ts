import { STOPWORDS } from '../stopwords.js';
import type { Token } from './words.js';

/**
 * Roles and titles the text gives a name: before it ("Foreign Minister Sergei Lavrov",
 * "spokesman Sean Spicer", "Gen. Lebed") or in apposition after it ("Lavrov, Russia's foreign
 * minister", "Halvik, the former CIA officer,"). A role makes the name a person, and the role
 * text (lower-cased, without articles or possessors) is kept on the mention.
 */

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/u));

/** Nouns for a person by office, rank, trade or standing, singular (keys as `wordKey` writes them). */
export const ROLE_HEADS: ReadonlySet<string> = words(`
  president vice-president president-elect premier chancellor minister secretary secretary-general under-secretary
  undersecretary spokesman spokeswoman spokesperson ambassador envoy emissary consul diplomat senator congressman
  congresswoman representative lawmaker legislator deputy mp governor mayor councillor councilor chairman chairwoman
  chairperson chair ceo executive director manager commissioner commander general colonel lieutenant captain
  sergeant admiral marshal brigadier corporal officer chief leader king queen prince princess emperor empress
  sultan emir shah ayatollah pope cardinal archbishop bishop rabbi imam cleric priest pastor judge justice
  magistrate prosecutor attorney lawyer solicitor barrister counsel analyst economist strategist trader dealer
  broker banker professor scientist researcher doctor physician surgeon coach trainer striker midfielder defender
  goalkeeper keeper forward winger batsman bowler spinner off-spinner leg-spinner seamer all-rounder opener
  wicketkeeper wicket-keeper pitcher quarterback jockey driver rider cyclist skier swimmer sprinter runner
  champion titleholder skipper teammate compatriot countryman rival veteran actor actress singer musician writer
  author novelist poet journalist reporter editor correspondent columnist photographer founder co-founder owner
  candidate nominee challenger incumbent adviser advisor aide negotiator mediator activist dissident campaigner
  militant gunman suspect witness detective inspector constable sheriff investigator spy official head
  fullback full-back halfback scrum-half fly-half flanker winger playmaker sweeper
`);

/** Words that qualify a role ("former", "deputy", "foreign", "prime"…). */
export const ROLE_MODIFIERS: ReadonlySet<string> = words(`
  former ex acting deputy vice assistant associate senior junior chief general executive managing foreign prime
  interior home defence defense finance economy economic economics trade justice health education agriculture
  energy labour labor transport environment culture industry state national regional provincial local federal
  party government opposition rebel police army military navy naval team club union world olympic defending
  reigning new incoming outgoing then late top leading head press information communications campaign
  presidential parliamentary security intelligence public central main fellow star
`);

/** Determiners and pronouns that may open an appositive role ("…, the former officer"). */
const ROLE_OPENERS = words('the a an his her their its our');

/** Words after which an appositive role ends ("…, the minister of …", "…, the head at …"). */
const ROLE_CLOSERS = words('of for at in with from to who which and');

/** The longest run of modifiers and other words a role may hold before its head. */
const MAX_ROLE_WORDS = 5;

/** A role found around a name: its text and which tokens it spans. */
export interface Role {
  readonly text: string;
  readonly first: number;
  readonly last: number;
}

/** The lower-cased text of tokens `[first, last]`, white space collapsed. */
export function roleText(text: string, tokens: readonly Token[], first: number, last: number): string {
  const start = tokens[first]?.start ?? 0;
  const end = tokens[last]?.end ?? start;
  return text.slice(start, end).toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'");
}

const isRoleWord = (token: Token | undefined): boolean => token !== undefined && (token.shape === 'lower' || token.shape === 'title' || token.shape === 'upper' || token.shape === 'dotted');

/**
 * The role written just before token `start` ("spokesman", "former foreign minister"): a role
 * head right before, with the modifiers before it. Tokens before `floor` are not looked at.
 */
export function roleBefore(text: string, tokens: readonly Token[], start: number, floor: number): Role | null {
  const head = start - 1;
  const headToken = tokens[head];
  if (head < floor || headToken === undefined || !ROLE_HEADS.has(headToken.key)) return null;
  let first = head;
  while (first - 1 >= floor && first > head - MAX_ROLE_WORDS && ROLE_MODIFIERS.has(tokens[first - 1]?.key ?? '')) first--;
  return { text: roleText(text, tokens, first, head), first, last: head };
}

/**
 * The appositive role after a name ending at token `end - 1`: ", [the|Russia's] former CIA
 * officer," → "former cia officer". The role's head must close it: punctuation, the end of the
 * sentence or a word such as "of" follows. Tokens from `ceiling` on are not looked at.
 */
export function roleAfter(text: string, tokens: readonly Token[], end: number, ceiling: number): Role | null {
  if (tokens[end]?.text !== ',') return null;
  let index = end + 1;
  if (ROLE_OPENERS.has(tokens[index]?.key ?? '')) index++;
  else {
    // A possessor: "Russia's", "the company's".
    let probe = index;
    while (probe < ceiling && probe < index + 3 && isRoleWord(tokens[probe])) probe++;
    if (probe > index && tokens[probe]?.shape === 'possessive') index = probe + 1;
  }
  const first = index;
  for (; index < ceiling && index < first + MAX_ROLE_WORDS; index++) {
    const token = tokens[index];
    // Function words ("and", "who") mean the words after the comma are no role.
    if (!isRoleWord(token) || token === undefined || STOPWORDS.has(token.key)) return null;
    if (!ROLE_HEADS.has(token.key)) continue;
    const next = tokens[index + 1];
    const closes = index + 1 >= ceiling || next === undefined || next.shape === 'punctuation' || ROLE_CLOSERS.has(next.key);
    if (closes) return { text: roleText(text, tokens, first, index), first, last: index };
  }
  return null;
}
