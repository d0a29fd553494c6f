import { ParallaxError } from './errors.js';

/**
 * A duration as milliseconds: a number with a unit (`ms`, `s`, `m`, `h`, `d`, `w`), or several
 * (`1h30m`). Anything else, and zero, is a usage error.
 */
export function parseDuration(text: string): number {
  const trimmed = text.trim().toLowerCase();
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
  const part = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/y;
  let total = 0;
  let index = 0;
  while (index < trimmed.length) {
    part.lastIndex = index;
    const match = part.exec(trimmed);
    if (match === null) break;
    total += Number(match[1]) * units[match[2]!]!;
    index = part.lastIndex;
  }
  if (trimmed === '' || index < trimmed.length || !(total > 0)) {
    throw new ParallaxError('usage', `"${text}" is not a duration; write it like 30s, 15m, 1h or 1h30m`);
  }
  return Math.round(total);
}
