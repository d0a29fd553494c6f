/**
 * News agencies (wire services) whose names appear in credit lines. A credit that names one of
 * these, or an acronym, is an agency rather than a person; the list holds the world's main
 * national and international agencies, not any one outlet's partners.
 */
const NEWS_AGENCIES = new Set(
  [
    'afp', 'agence france-presse', 'agence france presse', 'ap', 'associated press', 'the associated press', 'reuters',
    'thomson reuters', 'bloomberg', 'dpa', 'deutsche presse-agentur', 'efe', 'ansa', 'kyodo', 'kyodo news', 'xinhua',
    'tass', 'itar-tass', 'ria novosti', 'interfax', 'yonhap', 'pti', 'press trust of india', 'pa', 'pa media',
    'press association', 'aap', 'australian associated press', 'canadian press', 'the canadian press', 'upi',
    'united press international', 'ani', 'anadolu', 'anadolu agency', 'jiji', 'jiji press', 'ians', 'bernama', 'antara',
    'lusa', 'europa press', 'prensa latina', 'notimex', 'agencia brasil', 'ctk', 'pap', 'mti', 'bta', 'agerpres', 'hina',
    'tanjug', 'irna', 'isna', 'fars', 'kcna', 'sputnik', 'ukrinform', 'unian', 'wam', 'spa', 'kuna', 'mena', 'apa', 'belga',
    'anp', 'ntb', 'tt', 'stt', 'ritzau', 'nzpa', 'sapa', 'nan', 'kna', 'cna', 'central news agency', 'vna', 'pna',
  ],
);

/** Multi-word agency names, longest first, to split "Name Agency" credits. */
const AGENCY_NAMES_LONGEST_FIRST = [...NEWS_AGENCIES].filter((name) => name.includes(' ')).sort((a, b) => b.length - a.length);

/** Whether a credited name is a news agency: a known agency or an acronym ("CPA", "AFP"). */
export function isAgency(name: string): boolean {
  const folded = name.toLowerCase().replace(/[()]/g, '').trim();
  return NEWS_AGENCIES.has(folded) || /^\p{Lu}{2,6}$/u.test(name.trim());
}

/** Name particles that may stand in lower case inside a person's name ("Ursula von der Leyen"). */
const NAME_PARTICLES = new Set(['de', 'da', 'di', 'del', 'della', 'van', 'von', 'der', 'den', 'le', 'la', 'al', 'bin', 'ibn', 'du']);

/** Words that make a capitalised name an organisation's ("Meridian Wire Service", "Daily Post"). */
const ORGANISATION_WORDS =
  /\b(?:news|press|agency|wire|service|media|network|times|post|herald|daily|journal|gazette|tribune|group|radio|television|tv|broadcasting|corporation|channel|magazine|online|review|observer|telegraph|chronicle|express|mirror|standard|guardian|independent)\b/i;

/** Whether a string looks like a person's name: two to five capitalised words, no digits. */
export function isPersonName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length < 2 || words.length > 5 || /\d/.test(text) || /^the$/i.test(words[0] ?? '')) return false;
  if (isAgency(text) || ORGANISATION_WORDS.test(text)) return false;
  return words.every((word) => /^\p{Lu}[\p{L}'’.-]*$/u.test(word) || NAME_PARTICLES.has(word));
}

/** Whether a string looks like the name of an organisation credited for a report. */
export function isOrganisationName(text: string): boolean {
  const trimmed = text.trim();
  if (isAgency(trimmed)) return true;
  const words = trimmed.split(/\s+/);
  return words.length <= 6 && words.every((word) => /^(?:\p{Lu}[\p{L}'’.&-]*|of|and|for|the|&)$/u.test(word));
}

/** A credit line split into its people and its agencies or outlets. */
export interface CreditSplit {
  readonly people: readonly string[];
  readonly organisations: readonly string[];
}

/**
 * Reads a credit line ("Ana Ruiz, Reuters, AFP", "AFP / dpa", "By Ana Ruiz and Li Wei"):
 * returns null when any part is neither a person nor an organisation name.
 */
export function splitCredits(text: string): CreditSplit | null {
  const parts = text
    .replace(/^(?:by|reporting by|written by|additional reporting by)\s+/i, '')
    .split(/\s*(?:,|;|\/|\||\band\b|&)\s*/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0) return null;
  const people: string[] = [];
  const organisations: string[] = [];
  for (const whole of parts) {
    // "Ana Ruiz Associated Press": a name run into the agency that employs it.
    const suffix = AGENCY_NAMES_LONGEST_FIRST.find((agency) => whole.toLowerCase().endsWith(` ${agency}`));
    const part = suffix === undefined ? whole : whole.slice(0, whole.length - suffix.length - 1).trim();
    if (suffix !== undefined) organisations.push(whole.slice(part.length).trim());
    if (isAgency(part)) organisations.push(part);
    else if (isPersonName(part)) people.push(part);
    else if (isOrganisationName(part)) organisations.push(part);
    else return null;
  }
  return { people, organisations };
}
