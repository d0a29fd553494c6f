/**
 * When the reader last looked: the last visit of the home page and the last view of each story,
 * kept in the browser's `localStorage` so that pages can ask the API what changed since then.
 * Nothing here leaves the browser.
 */

/** The part of `Storage` used here (tests pass a Map-backed one). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The key of the time of the last visit of the home page. */
export const LAST_VISIT_KEY = 'parallax.lastVisit';

/** The key of the time a story was last viewed. */
export function storyViewedKey(storyId: string): string {
  return `parallax.storyViewed.${storyId}`;
}

/** A stored time, or null when absent, unreadable or not a date (storage can be disabled or edited by hand). */
export function readTime(storage: KeyValueStorage | null, key: string): string | null {
  if (storage === null) return null;
  let value: string | null;
  try {
    value = storage.getItem(key);
  } catch {
    return null;
  }
  if (value === null || Number.isNaN(Date.parse(value))) return null;
  return value;
}

/** Stores a time; does nothing when storage is unavailable or full (the app works without it, it only forgets). */
export function writeTime(storage: KeyValueStorage | null, key: string, time: string): void {
  if (storage === null) return;
  try {
    storage.setItem(key, time);
  } catch {
    // Private browsing or a full quota: the next visit will look like a first one.
  }
}

/** The page's `localStorage`, or null where reading it throws (blocked cookies) or it does not exist. */
export function browserStorage(): KeyValueStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/**
 * The times pages ask the API about, fixed for one load of the app: the first time a page asks,
 * it gets the stored time of the previous visit; recording a visit stores now for the next load
 * but does not move what this load asks. So going from home to a story and back still shows
 * what changed since the previous visit, not since a minute ago.
 */
export interface VisitMemory {
  /** The previous visit of the home page, or null on a first visit. */
  homeSince(): string | null;
  /** Records a visit of the home page now (once its list was shown). */
  recordHomeVisit(): void;
  /** The previous view of a story, or null when it was never viewed. */
  storySince(storyId: string): string | null;
  /** Records a view of a story now (once it was shown). */
  recordStoryView(storyId: string): void;
}

/** A {@link VisitMemory} on a storage (null: remember nothing) and a clock. */
export function createVisitMemory(storage: KeyValueStorage | null, now: () => Date = () => new Date()): VisitMemory {
  const sinceByKey = new Map<string, string | null>();
  function since(key: string): string | null {
    if (!sinceByKey.has(key)) sinceByKey.set(key, readTime(storage, key));
    return sinceByKey.get(key) ?? null;
  }
  function record(key: string): void {
    since(key);
    writeTime(storage, key, now().toISOString());
  }
  return {
    homeSince: () => since(LAST_VISIT_KEY),
    recordHomeVisit: () => record(LAST_VISIT_KEY),
    storySince: (storyId) => since(storyViewedKey(storyId)),
    recordStoryView: (storyId) => record(storyViewedKey(storyId)),
  };
}
