import { dirname } from 'node:path';
import type { AccountFile, SourceFile, Span } from './index.ts';
import { parseMarkdownText } from './markdown.ts';
import { collectReferences, type ImageRef, type LinkRef, type UndefinedReference } from './references.ts';
import { typedFields } from './schemas.ts';

/**
 * An account's `footer:` (Markdown appended to every article) with its images and links classified as an
 * article's are: relative addresses resolve against the account folder, and spans are in account.yaml.
 */
export interface Footer {
  markdown: string;
  images: ImageRef[];
  links: LinkRef[];
  undefinedReferences: UndefinedReference[];
}

const footers = new WeakMap<SourceFile, Footer | null>();

/** The account's footer, resolved once per loaded account.yaml; undefined when it has none (or it cannot be read). */
export function accountFooter(account: AccountFile): Footer | undefined {
  const { source, doc } = account;
  if (!doc) return undefined;
  let footer = footers.get(source);
  if (footer === undefined) {
    const markdown = typedFields('account', doc.data).footer;
    footer = markdown?.trim() ? resolveFooter(source, markdown, doc.fields.get('/footer')?.value ?? doc.span) : null;
    footers.set(source, footer);
  }
  return footer ?? undefined;
}

/** What every image, link, reference or HTML tag starts with, or holds when GFM links it bare. */
const mayReference = /[[<@]|https?:|www\./i;

function resolveFooter(source: SourceFile, markdown: string, value: Span): Footer {
  // Most footers are a few plain sentences: they are not parsed (a run served from its caches then loads no parser).
  if (!mayReference.test(markdown)) return { markdown, images: [], links: [], undefinedReferences: [] };
  const folder = dirname(source.path);
  const { images, links, undefinedReferences } = collectReferences(parseMarkdownText(markdown), { path: source.path, accountRoot: folder }, 0, markdown);
  // A YAML block scalar loses its indentation, so a reference is found by its text inside the field's value;
  // written with escapes (a quoted string), it is placed at the start of the value.
  const place = <T extends { span: Span }>(ref: T): T => {
    const written = markdown.slice(ref.span[0], ref.span[1]);
    const at = written ? source.text.indexOf(written, value[0]) : -1;
    const span: Span = at >= 0 && at < value[1] ? [at, at + written.length] : [value[0], value[0] + 1];
    return { ...ref, span };
  };
  return { markdown, images: images.map(place), links: links.map(place), undefinedReferences: undefinedReferences.map(place) };
}
