/**
 * Word lists of general knowledge that say what kind of name a word belongs to or introduces:
 * honorifics, the head words of organisation, place and event names, name particles, calendar
 * words, and short lists of well-known organisations, regions and countries that the installed
 * data packages lack or name otherwise. Keys in lower case (except abbreviations recognised in
 * capitals only); written for English news, not taken from any evaluation data.
 */

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/u));

/**
 * Splits a `|`-separated list whose entries may hold spaces ("white house|red cross"). An entry
 * in capitals ("WHO", "AP") is an abbreviation that is also a common word: it is recognised only
 * where the text writes it in capitals.
 */
const phrases = (list: string): readonly string[] => list.split('|').map((entry) => entry.trim().replace(/\s+/g, ' ')).filter((entry) => entry !== '');

/**
 * Courtesy titles written before a name: not part of the mention ("Mr Lavrov" → "Lavrov"), but
 * they make it a person. Keys without the period.
 */
export const HONORIFICS: ReadonlySet<string> = words('mr mrs ms miss mme mlle mmes messrs dr prof sir dame herr frau monsieur madame senor senora sheikh sheik rev fr');

/**
 * Abbreviated ranks and offices written before a name, with the role they stand for
 * ("Gen. Lebed" → general). Like honorifics they are not part of the mention.
 */
export const TITLE_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['gen', 'general'],
  ['col', 'colonel'],
  ['lt', 'lieutenant'],
  ['capt', 'captain'],
  ['cmdr', 'commander'],
  ['adm', 'admiral'],
  ['maj', 'major'],
  ['sgt', 'sergeant'],
  ['cpl', 'corporal'],
  ['gov', 'governor'],
  ['sen', 'senator'],
  ['rep', 'representative'],
  ['pres', 'president'],
  ['supt', 'superintendent'],
  ['insp', 'inspector'],
  ['det', 'detective'],
]);

/**
 * The last word of many organisation names ("… Bank", "… Party", "… Inc"). A run of capitalised
 * words ending in one of these names an organisation.
 */
export const ORGANIZATION_HEADS: ReadonlySet<string> = words(`
  inc incorporated corp corporation co cos company companies ltd limited llc plc ag sa nv bv gmbh spa ab asa oyj kk bhd
  group holding holdings industries industry enterprises partners associates ventures investments securities capital
  bank bancorp banks exchange fund funds trust insurance assurance finance financial
  airlines airline airways air motors motor automotive steel oil petroleum gas energy electric electricity power hydro
  telecom telecommunications communications networks network systems technologies technology software computers
  pharmaceuticals pharma chemicals foods brewery breweries mining mines resources shipping railways railway rail
  stores media publishing press news newspaper newsroom times post herald journal tribune gazette telegraph chronicle daily zeitung
  television tv radio broadcasting agency agencies
  party union unions council committee commission ministry department office bureau service services directorate
  association federation confederation organisation organization institute institution foundation society league
  alliance coalition front movement congress parliament assembly senate cabinet government administration
  authority board court tribunal police army navy forces force guard guards brigade brigades corps militia command
  university college school academy polytechnic hospital clinic church mosque
  club fc afc cf sc ac united rovers wanderers athletic athletico albion hotspur
  orchestra band choir
`);

/**
 * The last word of place names ("… River", "… Street", "… Airport"), and the first word of a few
 * ("Mount …", "Lake …", "Cape …": see {@link PLACE_PREFIXES}).
 */
export const PLACE_HEADS: ReadonlySet<string> = words(`
  street st road rd avenue ave boulevard lane square place drive highway motorway bridge tunnel dam reservoir barrage
  river lake sea ocean bay gulf strait straits channel canal creek falls springs
  mountain mountains mount hills hill valley desert peninsula island islands isles isle coast beach cape
  province region district county counties prefecture territory territories oblast state states republic kingdom emirates
  city town village borough municipality
  airport port harbour harbor station stadium arena park gardens palace castle square plaza heights
`);

/** Place heads that are also common surnames: a first name before them makes a person ("Anthony Hill"). */
export const SURNAME_PLACE_HEADS: ReadonlySet<string> = words('hill hills wells park lake beach field fields wood woods springs ford brook');

/** Words that open place names ("Mount Kenya", "Lake Victoria", "Cape Town"). */
export const PLACE_PREFIXES: ReadonlySet<string> = words('mount mt lake cape gulf port fort isle point sierra rio');

/**
 * The last word of names of events and named occasions ("… Summit", "… Games", "… Cup"),
 * and of documents, laws and prizes, which are named things of kind `other`.
 */
export const EVENT_HEADS: ReadonlySet<string> = words(`
  summit summits games olympics olympiad paralympics cup championship championships tournament open masters classic
  prix trophy rally marathon derby grand series tour festival expo fair conference talks war wars revolution uprising
  crisis election elections referendum day
`);

/** The last word of names of laws, documents, prizes and awards: named things of kind `other`. */
export const OTHER_HEADS: ReadonlySet<string> = words(`
  act accord accords treaty agreement pact charter convention declaration protocol plan doctrine constitution
  prize award awards medal index
`);

/** Last words of company names ("… Inc", "… Group"): the words before them name the company alone. */
export const LEGAL_SUFFIXES: ReadonlySet<string> = words('inc incorporated corp corporation co cos company ltd limited llc plc ag sa nv bv gmbh spa group holdings international');

/** Lower-case words that may join the capitalised words of one name ("Bank of England", "Ludwig van Beethoven"). */
export const NAME_CONNECTORS: ReadonlySet<string> = words('of for on and the de du des da di do dos das del della van von der den ter ten la le les al el bin ibn bint abu y');

/** Particles of personal names, joined to the name that follows ("van", "de", "bin"). */
export const NAME_PARTICLES: ReadonlySet<string> = words('de du da di do dos das del della van von der den ter ten la le al el bin ibn bint abu y');

/** Weekdays and months: capitalised in English but not names. */
export const WEEKDAYS: ReadonlySet<string> = words('monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun');

export const MONTHS: ReadonlySet<string> = words('january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec');

/**
 * Capitalised words that are not names and are common in news text when capitalised for
 * other reasons (salutations, calendar and time words, headings).
 */
export const NOT_NAMES: ReadonlySet<string> = words(`
  i a an the this that these those he she it we they you his her its our their my your
  today tonight yesterday tomorrow christmas easter ramadan
  am pm gmt bst est edt cet utc
  no nos yes ok okay re fwd v vs
  note notes update updated editor editing reporting writing compiled source sources
  total totals result results table tables
  one two three four five six seven eight nine ten eleven twelve twenty thirty hundred thousand million several many
  last next
`);

/**
 * Well-known organisations, agencies and institutions that the data packages lack, and their
 * abbreviations (keys as `nameKey` writes them: lower-case, periods removed).
 */
export const KNOWN_ORGANIZATIONS: readonly string[] = phrases(`
  united nations|UN|security council|general assembly|unesco|unicef|unhcr|WHO|world health organisation|world health organization|
  nato|north atlantic treaty organisation|north atlantic treaty organization|european union|eu|european commission|
  european parliament|council of europe|osce|oecd|imf|international monetary fund|world bank|wto|world trade organisation|
  world trade organization|opec|asean|apec|african union|oau|arab league|commonwealth|g7|g8|g20|
  red cross|red crescent|amnesty international|human rights watch|greenpeace|interpol|europol|
  ioc|international olympic committee|fifa|uefa|icc|iaaf|atp|wta|nba|nfl|nhl|mlb|pga|
  white house|pentagon|kremlin|state department|congress|senate|house of representatives|house of commons|house of lords|
  supreme court|federal reserve|fed|treasury|bundesbank|bank of england|european central bank|ecb|bank of japan|
  cia|fbi|nsa|kgb|fsb|mi5|mi6|nasa|SEC|ftc|epa|fda|faa|irs|
  reuters|associated press|AP|afp|agence france-presse|upi|itar-tass|tass|interfax|xinhua|kyodo|bloomberg|dow jones|
  bbc|cnn|ABC|cbs|nbc|fox news|al jazeera|new york times|washington post|wall street journal|financial times|
  nasdaq|nyse|new york stock exchange|london stock exchange|lse|
  hamas|hezbollah|hizbollah|plo|fatah|taleban|taliban|al qaeda|IRA|ETA|pkk|kla|
  labour|labour party|conservative party|tories|democratic party|republican party|democrats|republicans|social democrats|
  christian democrats|communist party|liberal democrats|greens
`);

/**
 * Continents, world regions and other place names above the level of a country that the data
 * packages do not cover.
 */
export const KNOWN_PLACES: readonly string[] = phrases(`
  africa|asia|europe|north america|south america|latin america|central america|oceania|antarctica|australasia|
  middle east|near east|far east|east asia|southeast asia|south east asia|central asia|south asia|eastern europe|
  western europe|central europe|northern europe|southern europe|scandinavia|balkans|caucasus|baltics|gulf|persian gulf|
  mediterranean|atlantic|pacific|arctic|sahara|sahel|caribbean|west bank|gaza|gaza strip|golan heights|kashmir|
  siberia|tibet|kurdistan|chechnya|kosovo|ulster|washington|washington dc|midwest|mideast|north|south|east|west|
  wall street|downing street|capitol hill|silicon valley
`);

/**
 * Countries, in the sense news uses, that world-countries lacks or names otherwise: the nations
 * of the United Kingdom, common short forms, and states that no longer exist.
 */
export const KNOWN_COUNTRIES: readonly string[] = phrases(`
  england|scotland|wales|northern ireland|britain|great britain|holland|US|usa|uk|america|bosnia|herzegovina|
  hong kong|macau|taiwan|yugoslavia|soviet union|ussr|czechoslovakia|east germany|west germany|zaire|burma|rhodesia
`);

/** Named events too short to carry an event head word. */
export const KNOWN_EVENTS: readonly string[] = phrases(`
  olympics|olympic games|paralympics|world cup|super bowl|wimbledon|tour de france|world war i|world war ii|
  world war one|world war two|cold war|gulf war|holocaust|ramadan|hajj|brexit|davis cup|ryder cup|fed cup
`);

/** Named things that are none of person, organisation, place or event: faiths, peoples, languages. */
export const KNOWN_OTHERS: readonly string[] = phrases(`
  islam|islamic|muslim|muslims|moslem|moslems|christian|christians|christianity|catholic|catholics|protestant|protestants|
  orthodox|jewish|jew|jews|judaism|hindu|hindus|hinduism|buddhist|buddhists|sikh|sikhs|sunni|sunnis|shia|shi'ite|shiite|
  shi'ites|shiites|kurd|kurds|kurdish|arab|arabs|arabic|latino|hispanic|english|british|western|westerner|westerners|
  briton|britons|scot|scots|englishman|englishmen|welshman|irishman|frenchman|frenchmen|dutchman|serb|serbs|croat|croats|
  soviet|yugoslav|czechoslovak|olympic|AIDS|HIV|democrat|republican|
  european|europeans|african|africans|asian|asians|nazi|nazis|marxist|communist|communists|zionist|internet|euro|euros
`);
