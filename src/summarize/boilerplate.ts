import { BOILERPLATE_RULES } from '../extract/text/boilerplate.js';

/**
 * Page furniture that survives in scraped article text, beyond what the extractor's rules know
 * as lines of their own: web-archive notices, image-caption controls, script and cookie
 * notices, and calls to click, share or sign up. Written from the conventions of web pages,
 * not from this data set's sentences.
 */
const WEB_FURNITURE: readonly (readonly [string, RegExp])[] = [
  ['archive notice', /\b(?:wayback machine|(?:this|the) crawl\b|warc files?|internet archive)\b/i],
  ['image caption control', /\b(?:enlarge this image|toggle caption|hide caption|image caption|caption (?:hide|toggle))\b/i],
  ['script or cookie notice', /\b(?:javascript (?:is )?(?:disabled|required|turned off)|enable javascript|(?:uses?|accept) cookies|cookie (?:policy|settings)|your browser (?:does not|doesn't) support)\b/i],
  ['call to action', /\b(?:click here|sign up (?:for|to)|subscribe to (?:our|the)|follow us on|share this (?:article|story|post)|all rights reserved)\b/i],
  ['markup left in', /&(?:#\d+|#x[\da-f]+|amp|lt|gt|quot|apos|nbsp|[lr][sd]quo|[mn]dash|hellip);|<\/?(?:a|p|br|div|span|img|script|iframe)\b[^>]*>/i],
];

/**
 * Why a summary sentence is boilerplate, or null: first the extractor's own plain-text rules
 * (`BOILERPLATE_RULES`, the sentence given to them as one line), then {@link WEB_FURNITURE}.
 */
export function boilerplateReason(sentence: string): string | null {
  const line = { text: sentence.replace(/\s+/g, ' ').trim(), indent: 0, blankBefore: true };
  for (const rule of BOILERPLATE_RULES) {
    const match = rule([line], 0);
    if (match !== null) return `extractor rule ${match.rule}`;
  }
  for (const [name, pattern] of WEB_FURNITURE) if (pattern.test(line.text)) return name;
  return null;
}
