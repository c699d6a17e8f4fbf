import { pinyin } from 'pinyin-pro';

const maxLength = 48;

/**
 * A readable ASCII slug: Han characters become toneless pinyin, Latin words and digits stay.
 * Returns '' when nothing readable is left (only emoji or punctuation), so the caller can fall back to a dated slug.
 */
export function slugify(title: string): string {
  const words = pinyin(title.normalize('NFKC'), { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .flatMap((part) => part.toLowerCase().split(/[^a-z0-9]+/))
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  return slug || (words[0] ?? '').slice(0, maxLength);
}

/** `base`, or `base-2`, `base-3` ... whichever is not taken yet. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
