import { createHash } from 'node:crypto';

/** Hex SHA-256 of a string or bytes: the content hash that keys records. */
export function hashContent(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * A short, stable article id from its content hash (`a` + 12 hex digits, 48 bits: collisions
 * are negligible for the thousands of articles of one story or archive).
 */
export function articleIdFromHash(contentHash: string): string {
  return `a${contentHash.slice(0, 12)}`;
}
