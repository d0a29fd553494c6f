/**
 * An absolute http(s) address for `href` (resolved against `base` when one is given), or null:
 * other schemes (`javascript:`, `data:`, `mailto:`) are of no use to a fetcher and unsafe as links.
 */
export function httpUrl(href: string | null | undefined, base: string | null = null): string | null {
  if (href === null || href === undefined) return null;
  const trimmed = href.trim();
  if (trimmed === '') return null;
  try {
    const url = base === null ? new URL(trimmed) : new URL(trimmed, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
