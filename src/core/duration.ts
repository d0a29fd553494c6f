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

/** A point in time given as a duration back from now (`2d`) or a date or time (`2026-11-20`, ISO 8601), as an ISO time. */
export function parseSince(value: string, now = Date.now()): string {
  if (/^\s*\d{4}-\d{2}-\d{2}/.test(value)) {
    const time = Date.parse(value.trim());
    if (!Number.isFinite(time)) throw new ParallaxError('usage', `"${value}" is not a date such as 2026-11-20 nor a duration such as 2d`);
    return new Date(time).toISOString();
  }
  return new Date(now - parseDuration(value)).toISOString();
}
