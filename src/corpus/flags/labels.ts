/** Words of a passage shown in evidence. */
const QUOTED_WORDS = 6;

/** The first words of a passage, quoted, for evidence ("'Mayor Jonas Telleman said on Wednesday…'"). */
export function quoteStart(passage: string): string {
  const words = passage.trim().split(/\s+/u);
  return `'${words.slice(0, QUOTED_WORDS).join(' ')}${words.length > QUOTED_WORDS ? '…' : ''}'`;
}
