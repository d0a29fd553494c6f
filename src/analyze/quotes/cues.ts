/**
 * The speech-cue lexicon: verbs that attribute words to a speaker ("according to" is read where
 * it stands, in direct.ts and indirect.ts). Forms are listed rather than stemmed, and the forms
 * that are mostly nouns ("claims", "notes", "reports") are marked, so a cue is a word look-up.
 */

/** How a cue may be used. */
export interface CueSense {
  /**
   * True when the verb introduces reported speech without quotation marks ("X said that …",
   * "…, X warned"). Verbs that attribute only marked words ("“…,” he continued") are false.
   */
  readonly reports: boolean;
  /** True when the verb takes the addressee before what was said ("told reporters that …"). */
  readonly takesAddressee: boolean;
  /**
   * True for a form that is more often a noun ("claims", "notes", "reports"): a cue only right
   * after its speaker ("Halvik notes that …"), never first in its clause.
   */
  readonly nounLike: boolean;
}

/** Reporting verbs: the verb's base form naming the group, then the forms used as cues. */
const REPORTING_VERBS: readonly (readonly [string, ...string[]])[] = [
  ['say', 'say', 'says', 'said', 'saying'],
  ['tell', 'tell', 'tells', 'told', 'telling'],
  ['add', 'add', 'adds', 'added', 'adding'],
  ['state', 'stated', 'stating'],
  ['claim', 'claimed', 'claiming'],
  ['announce', 'announce', 'announced', 'announces', 'announcing'],
  ['explain', 'explain', 'explained', 'explains', 'explaining'],
  ['note', 'noted', 'noting'],
  ['write', 'write', 'wrote', 'writes'],
  ['tweet', 'tweeted', 'tweeting'],
  ['declare', 'declare', 'declared', 'declares', 'declaring'],
  ['insist', 'insist', 'insisted', 'insists', 'insisting'],
  ['argue', 'argue', 'argued', 'argues', 'arguing'],
  ['warn', 'warn', 'warned', 'warns', 'warning'],
  ['reply', 'replied', 'replying'],
  ['respond', 'responded', 'responds', 'responding'],
  ['comment', 'commented', 'commenting'],
  ['acknowledge', 'acknowledge', 'acknowledged', 'acknowledges', 'acknowledging'],
  ['admit', 'admit', 'admitted', 'admits', 'admitting'],
  ['concede', 'concede', 'conceded', 'concedes', 'conceding'],
  ['confirm', 'confirm', 'confirmed', 'confirms', 'confirming'],
  ['deny', 'deny', 'denied', 'denies', 'denying'],
  ['assert', 'assert', 'asserted', 'asserts', 'asserting'],
  ['stress', 'stressed', 'stresses', 'stressing'],
  ['emphasize', 'emphasize', 'emphasized', 'emphasizes', 'emphasizing', 'emphasise', 'emphasised', 'emphasises', 'emphasising'],
  ['complain', 'complain', 'complained', 'complains', 'complaining'],
  ['allege', 'allege', 'alleges', 'alleging'],
  ['testify', 'testify', 'testified', 'testifies', 'testifying'],
  ['recall', 'recalled', 'recalling'],
  ['reveal', 'reveal', 'revealed', 'reveals'],
  ['contend', 'contend', 'contended', 'contends', 'contending'],
  ['counter', 'countered', 'countering'],
  ['predict', 'predict', 'predicted', 'predicts', 'predicting'],
  ['promise', 'promised', 'promising'],
  ['vow', 'vowed', 'vowing'],
  ['pledge', 'pledged', 'pledging'],
  ['mention', 'mentioned', 'mentioning'],
  ['repeat', 'repeated', 'repeating'],
  ['report', 'reported'],
  ['suggest', 'suggest', 'suggested', 'suggests', 'suggesting'],
  ['boast', 'boasted', 'boasting'],
  ['agree', 'agreed'],
  ['conclude', 'concluded', 'concludes'],
  ['caution', 'cautioned'],
  ['ask', 'ask', 'asked', 'asks', 'asking'],
  ['remark', 'remarked'],
  ['observe', 'observed'],
  ['indicate', 'indicated'],
  ['urge', 'urge', 'urged', 'urges', 'urging'],
];

/** Verbs that attribute quoted words but rarely introduce a reported clause of their own. */
const QUOTING_VERBS: readonly (readonly [string, ...string[]])[] = [
  ['continue', 'continued', 'continues'],
  ['charge', 'charged'],
  ['call', 'called', 'calls', 'calling'],
  ['answer', 'answered'],
  ['joke', 'joked'],
  ['quip', 'quipped'],
  ['shout', 'shouted'],
  ['yell', 'yelled'],
  ['scream', 'screamed'],
  ['exclaim', 'exclaimed'],
  ['whisper', 'whispered'],
  ['mutter', 'muttered'],
  ['retort', 'retorted'],
  ['proclaim', 'proclaimed'],
  ['post', 'posted'],
  ['describe', 'described'],
  ['read', 'read', 'reads'],
];

/** Forms that are mostly nouns, read as cues only after a speaker: the verb, then the forms. */
const NOUN_LIKE_FORMS: readonly (readonly [string, ...string[]])[] = [
  ['claim', 'claims'],
  ['note', 'notes'],
  ['report', 'reports'],
  ['tweet', 'tweets'],
  ['reply', 'replies'],
  ['comment', 'comments'],
  ['promise', 'promises'],
  ['vow', 'vows'],
  ['recall', 'recalls'],
  ['answer', 'answers'],
  ['charge', 'charges'],
];

/** Verbs whose addressee comes before what was said. */
const ADDRESSEE_VERBS = new Set(['tell', 'ask', 'warn', 'urge', 'assure', 'remind', 'inform']);

function buildLexicon(): Map<string, CueSense> {
  const lexicon = new Map<string, CueSense>();
  const lists = [
    [REPORTING_VERBS, true, false],
    [QUOTING_VERBS, false, false],
    [NOUN_LIKE_FORMS, true, true],
  ] as const;
  for (const [verbs, reports, nounLike] of lists) {
    for (const [verb, ...forms] of verbs) {
      for (const form of forms) lexicon.set(form, { reports, takesAddressee: ADDRESSEE_VERBS.has(verb), nounLike });
    }
  }
  return lexicon;
}

/** Lower-cased word form → its cue sense. */
const CUE_LEXICON: ReadonlyMap<string, CueSense> = buildLexicon();

/** The sense of a lower-cased word as a speech cue, or undefined when it is not one. */
export function speechCue(word: string): CueSense | undefined {
  return CUE_LEXICON.get(word);
}
