/** Escapes text for HTML element content and quoted attribute values: `&`, `<`, `>`, `"` and `'` become character references. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
