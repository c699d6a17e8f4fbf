import { dirname, resolve } from 'node:path';
import type { Root } from 'mdast';
import type { GroupHandler } from '../shared/worker-pool.ts';
import type { ArticleFile, ContentSet, Frontmatter, SourceFile, Span } from './index.ts';
import { forgetMarkdown, nodeSpan, parseMarkdown } from './markdown.ts';
import { nestingMessage, tooDeepNode } from './nesting.ts';
import { collectReferences, imageTarget, type ImageRef, type LinkRef, type UndefinedReference } from './references.ts';
import type { ArticleFrontmatter } from './schema-types.ts';
import { typedFields } from './schemas.ts';

/**
 * One article as every stage sees it: where it is, its text, its frontmatter (raw with field spans, and typed),
 * its Markdown tree and every image and link classified. Stages read this; none re-parses or re-classifies.
 */
export interface Article {
  /** Repository-relative path of index.md. */
  file: string;
  account: string;
  year: string;
  slug: string;
  source: SourceFile;
  doc: Frontmatter;
  /** The frontmatter fields whose values have their schema's shape (length limits aside). */
  fields: Partial<ArticleFrontmatter>;
  tree: Root;
  /** Cover first (site `cover`, span on the `cover` key), then body images in document order. */
  images: ImageRef[];
  links: LinkRef[];
  /** `[^nope]`, `![a][nope]`, `[a][nope]` with no definition of their label: shown as typed, so validation errors. */
  undefinedReferences: UndefinedReference[];
}

/** Why a file with readable frontmatter could not be resolved: a finding's parts, at its place in the file. */
export interface ResolveFailure {
  ruleId: 'schema/markdown' | 'schema/nesting-depth';
  message: string;
  span: Span;
}

const resolved = new WeakMap<SourceFile, Article>();
const failures = new WeakMap<SourceFile, ResolveFailure>();
const typed = new WeakMap<SourceFile, Partial<ArticleFrontmatter>>();

/** The typed frontmatter alone, without parsing the body: for listings and indexes. */
export function articleFields(file: ArticleFile): Partial<ArticleFrontmatter> {
  let fields = typed.get(file.source);
  if (!fields) {
    fields = file.doc ? typedFields('article', file.doc.data) : {};
    typed.set(file.source, fields);
  }
  return fields;
}

/**
 * The resolved article, made once per loaded file; undefined when the file could not be read (its reason is among
 * the set's findings). Treat it as read-only.
 */
export function resolveArticle(file: ArticleFile): Article | undefined {
  const { source, doc, place } = file;
  if (!doc) return undefined;
  const known = resolved.get(source);
  if (known || failures.has(source)) return known;
  let tree: Root;
  const head: Span = [source.bomLength, source.bomLength + 3];
  try {
    tree = parseMarkdown(source);
  } catch (error) {
    failures.set(source, { ruleId: 'schema/markdown', message: `Markdown 无法解析：${error instanceof Error ? error.message : String(error)}`, span: head });
    return undefined;
  }
  // Inline and HTML nesting the line check before parsing cannot see; the renderer would overflow its stack on it.
  const deep = tooDeepNode(tree);
  if (deep) {
    const span = nodeSpan(source, deep);
    failures.set(source, { ruleId: 'schema/nesting-depth', message: nestingMessage(source.locator.point(span[0]).line), span });
    forgetMarkdown(source);
    return undefined;
  }
  // content/<account>/articles/<year>/<slug>/index.md
  const base = { path: source.path, accountRoot: resolve(dirname(source.path), '../../..') };
  const { images, links, undefinedReferences } = collectReferences(tree, base, source.bomLength, source.text.slice(source.bomLength));
  const fields = articleFields(file);
  if (fields.cover !== undefined) {
    const field = doc.fields.get('/cover');
    const span = field?.key ?? field?.value ?? doc.span;
    images.unshift({ site: 'cover', url: fields.cover, alt: '', span, target: imageTarget(fields.cover, base) });
  }
  const article: Article = { file: source.file, account: place.account, year: place.year, slug: place.slug, source, doc, fields, tree, images, links, undefinedReferences };
  resolved.set(source, article);
  return article;
}

/** Why a file with readable frontmatter could not be resolved (its Markdown could not be parsed, or nests too deep). */
export function resolveFailure(source: SourceFile): ResolveFailure | undefined {
  return failures.get(source);
}

/** Forgets a resolved article and its tree, so a long run does not keep every file's tree alive. */
export function releaseArticle(source: SourceFile): void {
  resolved.delete(source);
  forgetMarkdown(source);
}

/** `handler`, then the trees of its group's files released: a long run keeps only the trees of the files in hand. */
export function releasing<Job extends { file: string }, Result>(set: ContentSet, handler: GroupHandler<Job, Result>): GroupHandler<Job, Result> {
  const sources = new Map([...set.articles, ...set.plans].map((f) => [f.source.file, f.source]));
  return async (group, emit) => {
    try {
      await handler(group, emit);
    } finally {
      for (const job of group) {
        const source = sources.get(job.file);
        if (source) releaseArticle(source);
      }
    }
  };
}
