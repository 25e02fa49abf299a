/** Escapes text for Telegram's HTML parse mode (only `<`, `>` and `&` are special in text). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes an attribute value (href) for Telegram's HTML parse mode. */
export function escapeAttr(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}
