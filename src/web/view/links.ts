/**
 * Addresses from articles are strangers' text: only `http:` and `https:` addresses become
 * links (never `javascript:`, `data:` or relative ones), and every such link opens with
 * `rel="noopener noreferrer"`.
 */

/** The address as a link target when it is an absolute http(s) URL, else null. */
export function safeHttpUrl(address: string | null | undefined): string | null {
  if (address === null || address === undefined) return null;
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

/** The `rel` of every link that leaves Parallax. */
export const OUTSIDE_LINK_REL = 'noopener noreferrer';
