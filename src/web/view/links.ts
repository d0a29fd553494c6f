/**
 * Addresses from articles are strangers' text: only absolute `http:` and `https:` addresses
 * become links (never `javascript:`, `data:` or relative ones), and every such link opens with
 * `rel="noopener noreferrer"`.
 */

/** The address as a link target when it is an absolute http(s) URL, else null. */
export { httpUrl as safeHttpUrl } from '../../core/urls.js';

/** The `rel` of every link that leaves Parallax. */
export const OUTSIDE_LINK_REL = 'noopener noreferrer';
