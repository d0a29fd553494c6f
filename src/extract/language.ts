import { eld } from 'eld/medium';

/** Enough text for the n-gram detector to be reliable; longer bodies are sampled from the start. */
const SAMPLE_CHARACTERS = 2000;

/**
 * The language of a text as an ISO 639-1 code, or null when the detector is not confident
 * (too little text, or a mix). Uses `eld`'s medium n-gram model, which needs no network.
 */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARACTERS);
  if (sample.trim().length < 20) return null;
  const result = eld.detect(sample);
  return result.language !== '' && result.isReliable() ? result.language : null;
}
