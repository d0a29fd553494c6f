import { createRequire } from 'node:module';

/**
 * Countries' names from the `world-countries` data package: common, official and other English
 * spellings, mapped to the common name, so "Russian Federation" and "Russia" are one place.
 */

interface CountryRecord {
  readonly name: { readonly common: string; readonly official: string };
  readonly altSpellings: readonly string[];
}

/** Short English names in everyday news use that the package does not list. */
const EVERYDAY_NAMES: Readonly<Record<string, string>> = {
  britain: 'United Kingdom',
  'great britain': 'United Kingdom',
  'the uk': 'United Kingdom',
  'the us': 'United States',
  'the usa': 'United States',
};

let namesByKey: Map<string, string> | null = null;

/** Folds a country name for lookup: lower case, no dots, single spaces. */
function countryKey(name: string): string {
  return name.toLowerCase().replace(/\./g, '').replace(/\s+/g, ' ').trim();
}

function loadNames(): Map<string, string> {
  const require = createRequire(import.meta.url);
  const countries = require('world-countries') as readonly CountryRecord[];
  const names = new Map<string, string>();
  for (const country of countries) {
    const common = country.name.common;
    for (const name of [common, country.name.official, ...country.altSpellings]) {
      // Two-letter codes ("RU", "IN") are words too often; keep only those with three letters or more.
      if (name.replace(/\./g, '').length < 3 && !['US', 'UK'].includes(name)) continue;
      names.set(countryKey(name), common);
    }
  }
  for (const [name, common] of Object.entries(EVERYDAY_NAMES)) names.set(countryKey(name), common);
  return names;
}

/**
 * The common name of the country `name` names ("Russian Federation" → "Russia", "U.S." →
 * "United States"), or null. Codes match only when written in capitals, so "us" stays a pronoun.
 */
export function canonicalCountry(name: string): string | null {
  namesByKey ??= loadNames();
  const stripped = name.replace(/\./g, '');
  if (stripped.length <= 3 && stripped !== stripped.toUpperCase()) return null;
  return namesByKey.get(countryKey(name)) ?? namesByKey.get(countryKey(name.replace(/^the\s+/i, ''))) ?? null;
}
