import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ParallaxError } from '../core/errors.js';

/** The bundled browser files (`scripts/build-web.mjs` writes them to `dist/assets`). */
export type WebAsset = 'app.js' | 'report.js' | 'style.css';

/** `dist/assets`, found from this module both in `src/web` (tests, tsx) and in `dist/web` (the built command). */
const ASSETS_DIRECTORY = fileURLToPath(new URL('../../dist/assets/', import.meta.url));

const cache = new Map<WebAsset, string>();

/** The text of a bundled browser file; fails with a clear message when the bundle was not built. */
export function readWebAsset(name: WebAsset): string {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  let text: string;
  try {
    text = readFileSync(`${ASSETS_DIRECTORY}${name}`, 'utf8');
  } catch {
    throw new ParallaxError('io', `the web files are not built (${name} is missing from dist/assets): run npm run build`);
  }
  cache.set(name, text);
  return text;
}
