const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** For text and attribute values in the pages mpdesk writes itself (preview, index). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => entities[c]!);
}
