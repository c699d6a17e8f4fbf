import { normalizeUri } from 'micromark-util-sanitize-uri';

/**
 * The forms an address of the Markdown takes in the HTML tree: as written (raw HTML) and percent-encoded the way
 * mdast-util-to-hast encodes Markdown links and images (`./封面.jpg` → `./%E5%B0%81%E9%9D%A2.jpg`).
 */
export function addressKeys(url: string): string[] {
  const normalized = normalizeUri(url);
  return normalized === url ? [url] : [url, normalized];
}
