import { createHash } from 'node:crypto';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The sha256 (hex) of a value's JSON: how a record kept between runs is checked against its content. */
export function jsonSum(value: unknown): string {
  return sha256(JSON.stringify(value));
}

/**
 * A value as JSON text behind the sha256 of that text (`<sum>\n<json>`): checking it back hashes the bytes read,
 * which is several times quicker than serialising the parsed value again to hash it.
 */
export function sealJson(value: unknown): string {
  const json = JSON.stringify(value);
  return `${sha256(json)}\n${json}`;
}

/**
 * What `sealJson` wrote, parsed: `corrupt` when the text is not whole or was edited, `older` for plain JSON (an
 * older mpdesk's cache, which is simply not used).
 */
export function unsealJson(text: string): { ok: true; value: unknown } | { ok: false; reason: 'corrupt' | 'older' } {
  if (text.startsWith('{')) return { ok: false, reason: 'older' };
  const cut = text.indexOf('\n');
  const json = text.slice(cut + 1);
  if (cut !== 64 || sha256(json) !== text.slice(0, cut)) return { ok: false, reason: 'corrupt' };
  try {
    return { ok: true, value: JSON.parse(json) };
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
}
