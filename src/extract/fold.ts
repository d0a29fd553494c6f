/**
 * Folds text for comparing titles, headings and names: lower case, letters and digits only,
 * so case, punctuation and spacing never make two statements of one title differ.
 */
export function foldText(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
