import type { Story } from '../core/records.js';

/**
 * Serialised stories, keyed by story id and version: a story's version grows with every change
 * (new members, a merge, a saved analysis), so an entry never goes stale, it only stops being
 * asked for. The least recently used entries are dropped beyond `maxChars` characters in all.
 * A story's JSON runs to hundreds of kilobytes (every article's text is in it), and serialising
 * it again on every request is most of the cost of `GET /api/stories/{id}`.
 */
export class StoryJsonCache {
  readonly #entries = new Map<string, string>();
  readonly #maxChars: number;
  #chars = 0;

  constructor(maxChars: number) {
    this.#maxChars = maxChars;
  }

  /** The JSON of this version of the story, when it is held. */
  cached(id: string, version: number): string | undefined {
    const key = `${id}\u0000${version}`;
    const cached = this.#entries.get(key);
    if (cached !== undefined) {
      // Re-inserting moves the entry to the end of the Map's order: the most recently used.
      this.#entries.delete(key);
      this.#entries.set(key, cached);
    }
    return cached;
  }

  /** The story's JSON, from the cache or serialised now (and kept). */
  json(id: string, version: number, story: Story): string {
    const cached = this.cached(id, version);
    if (cached !== undefined) return cached;
    const key = `${id}\u0000${version}`;
    const json = JSON.stringify(story);
    if (json.length <= this.#maxChars) {
      this.#entries.set(key, json);
      this.#chars += json.length;
      for (const [oldKey, oldJson] of this.#entries) {
        if (this.#chars <= this.#maxChars) break;
        this.#entries.delete(oldKey);
        this.#chars -= oldJson.length;
      }
    }
    return json;
  }

  /** Entries held. */
  get size(): number {
    return this.#entries.size;
  }
}
