import { realpathSync, statSync } from 'node:fs';
import { dirname, extname, resolve, sep } from 'node:path';
import { htmlParser } from './html-parser.ts';
import type { Nodes, Root } from 'mdast';
import { visit } from '../shared/visit.ts';
import { addressProblem, imageAddressKind, imageHandlingFor, internationalHost, linkKind, linkScheme, type ImageHandling } from '../platform/index.ts';
import type { Span } from './frontmatter.ts';

/** Where an image or link was written. */
export type ReferenceSite = 'inline' | 'reference' | 'autolink' | 'html' | 'cover';

/** What an image address points at, decided once for every stage. */
export type ImageTarget =
  | { kind: 'local'; path: string; handling: Extract<ImageHandling, { action: 'keep' | 'convert' }> }
  | { kind: 'unsupported'; path: string; reason: string }
  | { kind: 'missing'; path: string }
  | { kind: 'not-a-file'; path: string }
  | { kind: 'outside'; path: string }
  | { kind: 'wechat' }
  | { kind: 'remote' }
  | { kind: 'data' }
  | { kind: 'empty' };

export interface ImageRef {
  site: ReferenceSite;
  url: string;
  alt: string;
  span: Span;
  target: ImageTarget;
}

export type LinkTarget =
  | { kind: 'wechat-article' }
  /** `asciiHost`: the host is written with other characters than ASCII (`internationalHost`), this is its ASCII form. */
  | { kind: 'external'; asciiHost?: string }
  | { kind: 'email' }
  | { kind: 'anchor' }
  | { kind: 'empty' }
  | { kind: 'relative'; path: string; exists: boolean }
  | { kind: 'invalid'; reason: string }
  /** javascript:, vbscript:, data:, file:; the renderer drops the link and keeps its text. */
  | { kind: 'unsafe'; scheme: string }
  /** Another scheme than http, https or mailto (tel:, ftp:, weixin:); dropped the same way. */
  | { kind: 'unsupported'; scheme: string };

export interface LinkRef {
  site: ReferenceSite;
  url: string;
  text: string;
  span: Span;
  /** Written inside a GFM footnote definition. */
  inFootnote: boolean;
  target: LinkTarget;
}

export interface ResolveBase {
  /** The article file (absolute); relative addresses resolve against its folder. */
  path: string;
  /** `content/<account>` (absolute): no image may be read from outside it, symlinks followed. */
  accountRoot: string;
}

/** Resolves an image address to what it is on disk; only regular files inside the account folder are `local`. */
export function imageTarget(url: string, base: ResolveBase): ImageTarget {
  const kind = imageAddressKind(url);
  if (kind !== 'local') return { kind };
  const path = resolve(dirname(base.path), decodePath(url) ?? stripQuery(url));
  const inside = (candidate: string, root: string) => candidate.startsWith(root + sep);
  if (!inside(path, base.accountRoot)) return { kind: 'outside', path };
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return { kind: 'missing', path };
  }
  if (!inside(real, realOrSelf(base.accountRoot))) return { kind: 'outside', path };
  if (!statSync(real).isFile()) return { kind: 'not-a-file', path };
  const handling = imageHandlingFor(extname(path));
  if (handling.action === 'refuse') return { kind: 'unsupported', path, reason: handling.reason };
  return { kind: 'local', path: real, handling };
}

/** Resolves a link address; a relative one is looked up on disk. */
export function linkTarget(url: string, base: ResolveBase): LinkTarget {
  const kind = linkKind(url);
  if (kind === 'unsafe' || kind === 'unsupported') return { kind, scheme: linkScheme(url) ?? '' };
  if (kind === 'invalid') return { kind, reason: addressProblem(url) ?? url };
  if (kind === 'external') {
    const asciiHost = internationalHost(url);
    return asciiHost ? { kind, asciiHost } : { kind };
  }
  if (kind !== 'relative') return { kind };
  const decoded = decodePath(url);
  if (decoded === undefined) return { kind: 'invalid', reason: `地址中的百分号转义无效：${url}` };
  if (decoded === '') return { kind: 'anchor' };
  const path = resolve(dirname(base.path), decoded);
  return { kind: 'relative', path, exists: exists(path) };
}

/** A reference written to a label nothing defines: Markdown shows it as its brackets, as plain text. */
export interface UndefinedReference {
  kind: 'footnote' | 'image' | 'link';
  /** The label as written (`nope` of `[^nope]` or `![a][nope]`). */
  label: string;
  /** The whole reference as written. */
  written: string;
  span: Span;
}

export interface References {
  images: ImageRef[];
  links: LinkRef[];
  undefinedReferences: UndefinedReference[];
}

/**
 * Every image and link of a Markdown tree, in document order: inline, reference-style (`![a][ref]`, `[a][ref]`),
 * autolinks, raw HTML `<img>` and `<a>`, footnote definitions included. `offset` turns tree offsets into file offsets.
 */
export function collectReferences(tree: Root, base: ResolveBase, offset: number, markdown: string): References {
  const definitions = new Map<string, string>();
  const footnotes: Span[] = [];
  // One walk: definitions (which may come after their uses), footnotes, and the nodes that reference something.
  const referencing: Nodes[] = [];
  const texts: Nodes[] = [];
  visit(tree, (node) => {
    if (node.type === 'text') texts.push(node);
    // The first definition of a label wins (CommonMark).
    if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
    else if (node.type === 'footnoteDefinition') footnotes.push(spanOf(node, offset));
    else if (node.type === 'image' || node.type === 'imageReference' || node.type === 'link' || node.type === 'linkReference' || node.type === 'html') referencing.push(node);
  });
  const inFootnote = (span: Span) => footnotes.some(([start, end]) => span[0] >= start && span[1] <= end);
  const images: ImageRef[] = [];
  const links: LinkRef[] = [];
  const image = (site: ReferenceSite, url: string, alt: string, span: Span) => images.push({ site, url, alt, span, target: imageTarget(url, base) });
  const link = (site: ReferenceSite, url: string, text: string, span: Span) =>
    links.push({ site, url, text, span, inFootnote: inFootnote(span), target: linkTarget(url, base) });

  for (const node of referencing) {
    const span = spanOf(node, offset);
    if (node.type === 'image') image('inline', node.url, node.alt ?? '', span);
    else if (node.type === 'imageReference') image('reference', definitions.get(node.identifier) ?? '', node.alt ?? '', span);
    else if (node.type === 'link') {
      const text = textOf(node);
      link(isAutolink(node.url, text) ? 'autolink' : 'inline', node.url, text, span);
    } else if (node.type === 'linkReference') link('reference', definitions.get(node.identifier) ?? '', textOf(node), span);
    else if (node.type === 'html') {
      for (const tag of htmlTags(node.value)) {
        const tagSpan: Span = [span[0] + tag.start, span[0] + tag.end];
        if (tag.name === 'img') image('html', tag.attributes.src ?? '', tag.attributes.alt ?? '', tagSpan);
        else if (tag.name === 'a' && tag.attributes.href !== undefined) link('html', tag.attributes.href, '', tagSpan);
      }
    }
  }
  return { images, links, undefinedReferences: undefinedReferences(texts, markdown, offset, definitions) };
}

// In text as written (escapes kept): `[^label]`, and full or collapsed references, `![alt][label]`, `[text][]`.
const footnoteWritten = /(?<!\\)\[\^([^\]\s]+)\]/g;
const referenceWritten = /(?<!\\)(!?)\[((?:[^[\]\\]|\\.)*)\]\[((?:[^[\]\\]|\\.)*)\]/g;

/** A label as CommonMark compares it: whitespace collapsed, case folded (mdast's `identifier`). */
const identifier = (label: string) => label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase().toLowerCase();

/**
 * References whose label has no definition, found in the text nodes (where the parser left them as text). A link
 * reference whose text is only numbers (`研究表明[1][2]`) reads as citation marks, not a reference, and is left alone.
 */
function undefinedReferences(texts: readonly Nodes[], markdown: string, offset: number, definitions: ReadonlyMap<string, string>): UndefinedReference[] {
  const found: UndefinedReference[] = [];
  for (const node of texts) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    const raw = markdown.slice(start, end);
    const at = (index: number, written: string): Span => [offset + start + index, offset + start + index + written.length];
    for (const match of raw.matchAll(footnoteWritten)) found.push({ kind: 'footnote', label: match[1]!, written: match[0], span: at(match.index, match[0]) });
    for (const match of raw.matchAll(referenceWritten)) {
      const [written, bang, text, given] = [match[0], match[1]!, match[2]!, match[3]!];
      const label = given.trim() === '' ? text : given;
      if (!label.trim() || definitions.has(identifier(label)) || (!bang && /^[\d\s,，、\-–]+$/.test(text))) continue;
      found.push({ kind: bang ? 'image' : 'link', label, written, span: at(match.index, written) });
    }
  }
  return found.sort((a, b) => a.span[0] - b.span[0]);
}

/** What a link's note says before its address: its text, or its image's alt text, or, with neither, 链接. */
export function noteLabel(text: string): string {
  return text.trim() || '链接';
}

/** A bare URL written as a link already shows its address. */
export function isAutolink(url: string, text: string): boolean {
  return text === url || `mailto:${text}` === url || `http://${text}` === url || `https://${text}` === url;
}

interface HtmlTag {
  name: string;
  attributes: Record<string, string>;
  start: number;
  end: number;
}

/** `<img>` and `<a>` tags in a raw HTML fragment, with their offsets in it; a real tokenizer, not a pattern. */
function htmlTags(html: string): HtmlTag[] {
  const tags: HtmlTag[] = [];
  const parser = new (htmlParser())(
    {
      onopentag(name, attributes) {
        if (name === 'img' || name === 'a') tags.push({ name, attributes, start: parser.startIndex, end: parser.endIndex + 1 });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return tags;
}

function textOf(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('alt' in node && typeof node.alt === 'string') return node.alt;
  return 'children' in node ? node.children.map((child) => textOf(child)).join('') : '';
}

function spanOf(node: Nodes, offset: number): Span {
  const start = node.position?.start.offset ?? 0;
  return [start + offset, (node.position?.end.offset ?? start) + offset];
}

function stripQuery(url: string): string {
  return url.trim().replace(/[?#].*$/, '');
}

/** The file-system part of a relative address, percent-escapes undone; undefined when an escape is malformed. */
function decodePath(url: string): string | undefined {
  try {
    return decodeURI(stripQuery(url));
  } catch {
    return undefined;
  }
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
