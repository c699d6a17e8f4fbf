import { createHash } from 'node:crypto';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * `text` behind a first line of `mark` and the text's sha256: a file kept between runs is checked by hashing the
 * bytes read, several times quicker than serialising a parsed value again to hash it.
 */
export function sealText(text: string, mark = ''): string {
  return `${mark}${sha256(text)}\n${text}`;
}

/** The text `sealText` sealed, or undefined when the first line is not its mark and hash (cut short, edited). */
export function unsealText(sealed: string, mark = ''): string | undefined {
  const cut = sealed.indexOf('\n');
  if (cut < 0) return undefined;
  const text = sealed.slice(cut + 1);
  return sealed.slice(0, cut) === mark + sha256(text) ? text : undefined;
}

/** A value as sealed JSON text. */
export function sealJson(value: unknown): string {
  return sealText(JSON.stringify(value));
}

/**
 * What `sealJson` wrote, parsed: `corrupt` when the text is not whole or was edited, `older` for plain JSON (an
 * older mpdesk's cache, which is simply not used).
 */
export function unsealJson(sealed: string): { ok: true; value: unknown } | { ok: false; reason: 'corrupt' | 'older' } {
  if (sealed.startsWith('{')) return { ok: false, reason: 'older' };
  const json = unsealText(sealed);
  if (json === undefined) return { ok: false, reason: 'corrupt' };
  try {
    return { ok: true, value: JSON.parse(json) };
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
}
