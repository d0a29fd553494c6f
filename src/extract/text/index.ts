import { makeDiagnostic } from '../../core/diagnostic.js';
import { articleIdFromHash } from '../../core/ids.js';
import type { Block, Extracted, Fetched, MetadataField, MetadataSource, Result } from '../../core/records.js';
import { detectLanguage } from '../language.js';
import { BOILERPLATE_RULES, removeBoilerplate, type BoilerplateRule } from './boilerplate.js';
import { LEADING_HEADER_RULES, makeHeaderDraft, TRAILING_HEADER_RULES, type LeadingHeaderRule, type TrailingHeaderRule } from './headers.js';
import { separateGluedSentences, splitLines } from './lines.js';

/** Options for {@link extractText}; every rule list defaults to the exported ordered list. */
export interface ExtractTextOptions {
  readonly leadingHeaderRules?: readonly LeadingHeaderRule[];
  readonly boilerplateRules?: readonly BoilerplateRule[];
  readonly trailingHeaderRules?: readonly TrailingHeaderRule[];
  /** How many credit lines may be read off the end. Default 3. */
  readonly maxTrailingLines?: number;
}

/**
 * Extracts an article from flat text: headers (title, kicker, standfirst, dates, byline) from
 * the top, credit lines from the end, boilerplate removed and recorded, and the body
 * normalised into paragraphs separated by a blank line. A document with no body left is a
 * failed result with its reason, not an exception.
 */
export function extractText(fetched: Fetched, options: ExtractTextOptions = {}): Result<Extracted> {
  const diagnostics = [...fetched.diagnostics];
  if (fetched.mediaType !== 'text/plain') {
    const reason = 'looks like HTML; this version reads plain-text articles only (save the page as text)';
    return { ok: false, reason, diagnostics: [...diagnostics, makeDiagnostic('error', 'unsupported-type', reason, fetched.source)] };
  }
  const draft = makeHeaderDraft(fetched.source);
  const lines = splitLines(separateGluedSentences(fetched.text));

  let position = 0;
  for (const rule of options.leadingHeaderRules ?? LEADING_HEADER_RULES) position += rule(lines, position, draft);

  const body = removeBoilerplate(lines.slice(position), options.boilerplateRules ?? BOILERPLATE_RULES, draft.removed);
  const maxTrailing = options.maxTrailingLines ?? 3;
  for (let read = 0; read < maxTrailing && body.length > 0; read++) {
    let consumed = 0;
    for (const rule of options.trailingHeaderRules ?? TRAILING_HEADER_RULES) {
      consumed = rule(body, body.length, draft);
      if (consumed > 0) break;
    }
    if (consumed === 0) break;
    body.splice(body.length - consumed, consumed);
  }

  diagnostics.push(...draft.diagnostics);
  if (body.length === 0) {
    const reason = 'no article text is left once headers and boilerplate are removed';
    return { ok: false, reason, diagnostics: [...diagnostics, makeDiagnostic('error', 'no-body', reason, fetched.source)] };
  }

  const paragraphs: Block[] = [];
  let text = '';
  for (const line of body) {
    if (text !== '') text += '\n\n';
    paragraphs.push({ start: text.length, end: text.length + line.text.length, kind: 'paragraph' });
    text += line.text;
  }
  const language = detectLanguage(text);
  const provenance: Partial<Record<MetadataField, MetadataSource>> = {};
  const hints = fetched.hints;
  /** The text's own header value when it states one, else what the feed or export said, recording where it came from. */
  const pick = <T>(field: MetadataField, stated: T | null, hinted: T | undefined): T | null => {
    if (stated !== null) {
      provenance[field] = 'text-header';
      return stated;
    }
    if (hinted !== undefined) {
      provenance[field] = 'feed';
      return hinted;
    }
    return null;
  };
  const { fields } = draft;
  const title = pick('title', fields.title, hints?.title);
  const published = pick('published', fields.published, hints?.published);
  const updated = pick('updated', fields.updated, hints?.updated);
  const byline = pick('byline', fields.byline, hints?.authors === undefined ? undefined : hints.authors.join(', '));
  const outlet = pick('outlet', fields.outlet, hints?.outlet);
  const description = pick('description', fields.description, hints?.description);
  if (language !== null) provenance.language = 'detected';
  // A text read from the web (a feed item, a JSON Lines record) keeps the address it came from.
  const url = fetched.url ?? null;
  if (url !== null) provenance.url = 'url';
  const extracted: Extracted = {
    id: articleIdFromHash(fetched.contentHash),
    source: fetched.source,
    contentHash: fetched.contentHash,
    title,
    kicker: fields.kicker,
    description,
    published,
    updated,
    outlet,
    credits: fields.credits,
    byline,
    language,
    url,
    imageUrl: null,
    provenance,
    text,
    paragraphs,
    removed: draft.removed,
    diagnostics,
  };
  return { ok: true, value: extracted, diagnostics };
}
