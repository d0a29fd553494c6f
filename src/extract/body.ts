import type { Extracted } from '../core/records.js';

/** What {@link articleFromBody} is given: a clean body, its paragraphs, and any metadata known. */
export type BodyArticle = Pick<Extracted, 'id' | 'text' | 'paragraphs'> & Partial<Omit<Extracted, 'id' | 'text' | 'paragraphs'>>;

/**
 * An {@link Extracted} record for a text that needs no extraction (a test article, a data set's
 * clean document): the given body and paragraphs, the given metadata, and empty fields for the
 * rest.
 */
export function articleFromBody(body: BodyArticle): Extracted {
  return {
    source: `${body.id}.txt`,
    contentHash: body.id,
    title: null,
    kicker: null,
    description: null,
    published: null,
    updated: null,
    outlet: null,
    credits: [],
    byline: null,
    language: null,
    url: null,
    imageUrl: null,
    provenance: {},
    removed: [],
    diagnostics: [],
    ...body,
  };
}
