import type { Removed, RemovedKind } from '../../core/records.js';
import { BULLET, countWords, endsLikeSentence, type Line } from './lines.js';

/**
 * Boilerplate rules for flat text: each looks at the body's lines from one position and says
 * whether a run of them is page furniture rather than reporting. The rules are written from
 * the conventions of news sites in general (appeals, comment prompts, link lists, share bars,
 * sign-ups, credits), never from the wording of one outlet.
 */
export interface BoilerplateMatch {
  readonly kind: RemovedKind;
  /** The rule's name, recorded with what it removed. */
  readonly rule: string;
  /** How many lines, from the position looked at, are boilerplate. */
  readonly lines: number;
  /**
   * When only the start of the first line is boilerplate (an appeal glued onto the first real
   * sentence), the number of characters of that line to remove; the rest is kept.
   */
  readonly prefixLength?: number;
}

/** A boilerplate rule: looks at `lines[index]` (and what follows) and returns a match or null. */
export type BoilerplateRule = (lines: readonly Line[], index: number) => BoilerplateMatch | null;

/** Text outside quotation marks: what the page itself says, not what someone is quoted saying. */
function withoutQuotes(text: string): string {
  return text.replace(/["“”«»„][^"“”«»„]*["“”«»„]/g, ' ');
}

/** The page speaking to its reader or of itself ("we", "our", "you", "your"), outside quotes. */
function speaksToReader(text: string): boolean {
  // Case matters for "us": "US" is the country.
  return /\b(?:[Ww]e|[Oo]urs?|us|[Yy]ou|[Yy]our)\b/.test(withoutQuotes(text));
}

/** Splits a line into rough sentences: enough to find an appeal glued before the story. */
function roughSentences(text: string): string[] {
  return text.split(/(?<=[.!?…]["”’]?)\s+(?=["“]?\p{Lu})/u);
}

/**
 * Cues of a reader-revenue appeal: donations, memberships, subscriptions and paywalls,
 * addressed to the reader ("Your support makes all the difference", "Donate now").
 */
const APPEAL_CUE =
  /\b(?:(?:your|reader|readers'?) (?:support|donations?|contributions?|generosity|membership)|donate|donating|donation|make a (?:donation|contribution)|support (?:us|our (?:journalism|work|reporting|newsroom|mission))|support (?:independent|quality) journalism|become a (?:member|supporter|subscriber|patron)|subscribe (?:now|today|to (?:continue|keep) reading|to read)|(?:for|available to) subscribers only|already a subscriber|(?:log|sign) in to (?:continue|keep) reading|every contribution|paywalls?|pay ?wall)\b/i;

/** Appeal slogans that address nobody in particular ("Every contribution counts.", "Donate now."). */
const APPEAL_SLOGAN = /^(?:every (?:contribution|donation|gift)|(?:please )?(?:donate|subscribe)|support (?:us|our|independent)|become a (?:member|subscriber|supporter))\b/i;

/** Reporting verbs: a sentence that attributes something to someone is news, not a pitch. */
const REPORTING = /\b(?:said|says|told|according to|reported)\b/i;

/**
 * An appeal sentence names the appeal and addresses the reader ("Your support makes all the
 * difference."), or is a short appeal slogan; a sentence that reports what someone said about
 * donations ("Officials said donors have come aboard") is news.
 */
function isAppealSentence(sentence: string): boolean {
  const own = withoutQuotes(sentence);
  if (!APPEAL_CUE.test(own) || REPORTING.test(own) || /^["“‘']/.test(sentence.trim())) return false;
  return speaksToReader(sentence) || (countWords(sentence) <= 8 && APPEAL_SLOGAN.test(sentence.trim()));
}

/**
 * Appeals for donations or subscriptions, and the paragraphs of the same pitch around them
 * (the outlet talking about itself in the first person). When the appeal's last sentence is
 * glued onto the story's first sentence, only the appeal's sentences are removed.
 */
export const removeAppeal: BoilerplateRule = (lines, index) => {
  const first = lines[index];
  if (first === undefined || countWords(first.text) > 120) return null;
  const sentences = roughSentences(first.text);
  const appealSentences = sentences.filter(isAppealSentence).length;
  if (appealSentences === 0) return null;
  // The appeal's sentences lead the line and the rest is the story: remove just the lead.
  let leading = 0;
  while (leading < sentences.length && (isAppealSentence(sentences[leading] ?? '') || (leading > 0 && speaksToReader(sentences[leading] ?? '')))) leading++;
  if (leading < sentences.length) {
    if (leading === 0) return null;
    const kept = sentences.slice(leading).join(' ');
    const prefixLength = first.text.length - kept.length;
    return { kind: 'appeal', rule: 'removeAppeal', lines: 1, prefixLength };
  }
  // Whole lines: extend over the following lines of the same pitch (at least half their
  // sentences are the outlet speaking to its reader, the last one included). A line where the
  // pitch runs into the story is left for the next call, which removes just its lead.
  let count = 1;
  for (;;) {
    const next = lines[index + count];
    if (next === undefined) break;
    const nextSentences = roughSentences(next.text);
    const isPitch = (sentence: string): boolean => isAppealSentence(sentence) || speaksToReader(sentence);
    const pitch = nextSentences.filter(isPitch).length;
    if (pitch * 2 < nextSentences.length || !isPitch(nextSentences[nextSentences.length - 1] ?? '')) break;
    count++;
  }
  return { kind: 'appeal', rule: 'removeAppeal', lines: count };
};

/** Prompts to read or join the comments under an article. */
const COMMENT_PROMPT =
  /^(?:\d+\s+)?(?:comments?|(?:join|start|enter) (?:the|our) (?:discussion|conversation|debate|commenting forum)|join (?:our )?commenting forum|leave a (?:comment|reply)|(?:show|view|read|load|hide|see) (?:all )?(?:\d+ )?comments|add (?:a|your) comment|(?:share|tell us) your (?:views|thoughts|opinions?|comments)|have your say|what do you think\??|comment on this (?:story|article)|most (?:popular|recent) comments)\b/i;

/** Words of the lines that accompany a comment prompt. */
const COMMENT_WORDS = /\b(?:comments?|commenting|conversations?|discussions?|readers?|replies|reply|community|guidelines|debate)\b/i;

/** Comment-section prompts, with the short lines about the discussion next to them. */
export const removeCommentPrompt: BoilerplateRule = (lines, index) => {
  const line = lines[index];
  if (line === undefined || countWords(line.text) > 25 || !COMMENT_PROMPT.test(line.text)) return null;
  let count = 1;
  for (;;) {
    const next = lines[index + count];
    if (next === undefined || countWords(next.text) > 30) break;
    if (!COMMENT_PROMPT.test(next.text) && !COMMENT_WORDS.test(next.text)) break;
    count++;
  }
  return { kind: 'comments', rule: 'removeCommentPrompt', lines: count };
};

/** Lines announcing an embedded video or audio clip ("Watch: …", "VIDEO: …", "… – video"). */
export const removeVideoLine: BoilerplateRule = (lines, index) => {
  const line = lines[index];
  if (line === undefined || countWords(line.text) > 30) return null;
  const announces =
    /^(?:watch(?: live| now| video)?|video|listen(?: now)?|audio|podcast)\s*[:|–—-]\s*\S/i.test(line.text) ||
    (/[–—-]\s*(?:video|audio)$/i.test(line.text) && !endsLikeSentence(line.text));
  return announces ? { kind: 'video', rule: 'removeVideoLine', lines: 1 } : null;
};

/** Headings that introduce a list of links to other stories. */
export const RELATED_HEADING =
  /^(?:related(?: (?:materials?|articles?|stories|coverage|content|news|reading|links|topics|posts))?|see also|read more|read also|also read|more on this(?: story| topic)?|more (?:stories|news|from [\p{L} ]{1,30})|you (?:may|might) also (?:like|be interested in)|recommended(?: for you| stories)?|most (?:read|popular|viewed)|further reading|top stories|latest (?:news|stories)|trending(?: now)?|editor'?s picks)\s*[:.…]?$/iu;

/** An inline pointer to another story ("Read more: Floods hit the north"). */
const RELATED_INLINE = /^(?:read more|related|see also|also read|read also|more|recommended|read next)\s*[:|]\s*\S/i;

/** A line shaped like a headline: short, no sentence-final full stop. */
function isHeadlineLike(line: Line): boolean {
  const words = countWords(line.text);
  return words > 0 && words <= 20 && !/[.…]["'”’]?$/.test(line.text);
}

/** A line shaped like a list item: a bullet, or indented. */
function isListItem(line: Line): boolean {
  return BULLET.test(line.text) || line.indent >= 2;
}

/**
 * "Related" / "See also" / "Read more" headings and the link list under them, however long,
 * including one- or two-sentence blurbs under each linked headline. The list ends at the first
 * line that is neither a list item, nor headline-shaped, nor a blurb between headlines.
 */
export const removeRelatedLinks: BoilerplateRule = (lines, index) => {
  const line = lines[index];
  if (line === undefined) return null;
  if (RELATED_INLINE.test(line.text) && countWords(line.text) <= 25 && !RELATED_HEADING.test(line.text)) {
    return { kind: 'related', rule: 'removeRelatedLinks', lines: 1 };
  }
  if (!RELATED_HEADING.test(line.text)) return null;
  // Each step takes a list item, or a headline with the blurb under it, as long as what
  // follows still looks like the list: a headline followed by prose is a section heading of
  // the story, not a link.
  const isItem = (line: Line | undefined): boolean =>
    line !== undefined && (isHeadlineLike(line) || (isListItem(line) && (BULLET.test(line.text) || line.indent > 0)));
  let count = 1;
  for (;;) {
    const next = lines[index + count];
    if (next === undefined) break;
    if (BULLET.test(next.text) || (next.indent > 0 && next.indent > line.indent)) {
      count++;
      continue;
    }
    if (!isHeadlineLike(next)) break;
    const after = lines[index + count + 1];
    const afterBlurb = lines[index + count + 2];
    if (after === undefined || isItem(after)) count++;
    // A blurb needs the list to go on after it, or items before it: a headline, one paragraph
    // and the end of the text is a story's last section.
    else if (countWords(after.text) <= 80 && (isItem(afterBlurb) || (afterBlurb === undefined && count > 1))) count += 2;
    else break;
  }
  return { kind: 'related', rule: 'removeRelatedLinks', lines: count };
};

/** The words share bars are made of. */
const SHARE_VOCABULARY = new Set(
  'share shares sharing this article story page on via with facebook twitter x whatsapp linkedin email e-mail mail telegram reddit pinterest messenger copy link copied print tweet social media networks click to the save opens in new window sms bluesky threads mastodon gift'.split(' '),
);
const SHARE_TRIGGER = /\b(?:share|tweet|copy link|print|e-?mail|save)\b/i;

/** Invitations to follow the outlet elsewhere ("Follow us on Instagram", "Download our app"). */
const FOLLOW_PROMPT =
  /^(?:follow (?:us|@[\w.]+|[\p{Lu}][\p{L} ]{0,30}) on (?:twitter|x|facebook|instagram|tiktok|threads|linkedin|youtube|telegram|whatsapp|bluesky|social media)|download (?:our|the [\p{L} ]{1,30}) app|get (?:our|the [\p{L} ]{1,30}) app|like us on facebook)\b/iu;

/** Share bars and prompts ("Share this article", "Share on Facebook Twitter Email", "Follow us on X"). */
export const removeSharePrompt: BoilerplateRule = (lines, index) => {
  const line = lines[index];
  if (line === undefined) return null;
  if (FOLLOW_PROMPT.test(line.text) && countWords(line.text) <= 25) return { kind: 'share', rule: 'removeSharePrompt', lines: 1 };
  const words = line.text.toLowerCase().match(/[\p{L}-]+/gu) ?? [];
  if (words.length === 0 || words.length > 12 || !words.every((word) => SHARE_VOCABULARY.has(word))) return null;
  const networks = words.filter((word) => ['facebook', 'twitter', 'whatsapp', 'linkedin', 'telegram', 'reddit', 'pinterest', 'bluesky'].includes(word));
  return SHARE_TRIGGER.test(line.text) || networks.length >= 2 ? { kind: 'share', rule: 'removeSharePrompt', lines: 1 } : null;
};

/** Newsletter and alert sign-ups ("Sign up for our morning briefing, delivered to your inbox"). */
export const removeNewsletterSignup: BoilerplateRule = (lines, index) => {
  const line = lines[index];
  if (line === undefined || countWords(line.text) > 45) return null;
  const text = withoutQuotes(line.text);
  const action = /\b(?:newsletters?|sign(?:ing)? ?up|subscribe|(?:delivered|sent|straight) (?:\w+ )?to your inbox)\b/i.test(text);
  const channel = /\b(?:newsletters?|inbox|briefings?|digest|alerts?|bulletin|our (?:\w+ )?e-?mails?)\b/i.test(text);
  return action && channel && speaksToReader(line.text) ? { kind: 'newsletter', rule: 'removeNewsletterSignup', lines: 1 } : null;
};

/** Picture agencies and the usual shape of their credit. */
const PHOTO_CREDIT_LABEL =
  /^\(?(?:photos?|photograph(?:y|s)?|pictures?|pics?|images?|illustrations?|graphics?|photo credit|image credit|credit|main image|top image|file photo|pictured)\s*(?::|\/|\||by\b|courtesy\b)\s*\S/i;
const PHOTO_AGENCY_TAIL = /(?:\/|\|)\s*(?:getty images|afp|reuters|ap|epa(?:-efe)?|shutterstock|alamy|pa(?: wire| images)?|\p{Lu}{2,6})(?: via getty images)?\s*\)?$/iu;

/** Photo and image credits ("Photo: A. Name / Agency", "(Image by …)", "… / Getty Images"). */
export const removePhotoCredit: BoilerplateRule = (lines, index) => {
  const line = lines[index];
  if (line === undefined) return null;
  const words = countWords(line.text);
  const credit =
    (words <= 25 && PHOTO_CREDIT_LABEL.test(line.text) && !endsLikeSentence(line.text.replace(/\)$/, ''))) ||
    (words <= 12 && PHOTO_AGENCY_TAIL.test(line.text) && !endsLikeSentence(line.text)) ||
    (words <= 8 && /^\(?(?:[\p{L}.' -]+ \/ )?(?:[\p{L}]+ )?(?:via )?getty images\)?$|^\(?(?:afp|ap|reuters|epa|pa) (?:photo|images?|pictures?)\)?$/iu.test(line.text));
  return credit ? { kind: 'photo-credit', rule: 'removePhotoCredit', lines: 1 } : null;
};

/** Copyright and rights notices ("© 2026 Harbour Press. All rights reserved."). */
export const removeCopyrightNotice: BoilerplateRule = (lines, index) => {
  const line = lines[index];
  if (line === undefined || countWords(line.text) > 40) return null;
  const notice =
    /^(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}))/i.test(line.text) ||
    /\ball rights reserved\b/i.test(line.text) ||
    /^this (?:material|article|content) (?:may not|must not) be (?:published|reproduced|broadcast|rewritten|redistributed)/i.test(line.text);
  return notice ? { kind: 'copyright', rule: 'removeCopyrightNotice', lines: 1 } : null;
};

/** Advertising markers left in flattened pages. */
export const removeAdvertisementMarker: BoilerplateRule = (lines, index) => {
  const line = lines[index];
  if (line === undefined) return null;
  const marker =
    /^(?:advertisement|advertising|sponsored(?: content)?|ad|paid (?:content|post)|story continues below(?: advertisement)?|continue reading(?: below)?|scroll (?:down )?to continue(?: with content)?|skip advert(?:isement)?)\s*[:.]?$/i;
  return marker.test(line.text) ? { kind: 'advertisement', rule: 'removeAdvertisementMarker', lines: 1 } : null;
};

/** The boilerplate rules, in the order they are tried at each line. */
export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  removeAppeal,
  removeCommentPrompt,
  removeVideoLine,
  removeRelatedLinks,
  removeSharePrompt,
  removeNewsletterSignup,
  removePhotoCredit,
  removeCopyrightNotice,
  removeAdvertisementMarker,
];

/**
 * Removes boilerplate lines, recording each removal; returns the lines that remain (a line
 * whose start was removed keeps its other properties, so callers may carry their own data).
 */
export function removeBoilerplate<L extends Line>(lines: readonly L[], rules: readonly BoilerplateRule[], removed: Removed[]): L[] {
  const kept: L[] = [];
  const work = [...lines];
  for (let index = 0; index < work.length; ) {
    let match = null;
    for (const rule of rules) {
      match = rule(work, index);
      if (match !== null) break;
    }
    const line = work[index];
    if (match === null || line === undefined) {
      if (line !== undefined) kept.push(line);
      index++;
      continue;
    }
    if (match.prefixLength !== undefined) {
      removed.push({ kind: match.kind, text: line.text.slice(0, match.prefixLength).trim(), rule: match.rule });
      // Look at the rest of the line again: it may hold more boilerplate, or be the story.
      work[index] = { ...line, text: line.text.slice(match.prefixLength).trim() };
      continue;
    }
    const text = work.slice(index, index + match.lines).map((removedLine) => removedLine.text).join('\n');
    removed.push({ kind: match.kind, text, rule: match.rule });
    index += Math.max(1, match.lines);
  }
  return kept;
}
