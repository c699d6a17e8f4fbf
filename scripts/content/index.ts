import { join } from 'node:path';
import { beijingDate } from '../shared/beijing-time.ts';
import type { Finding } from '../shared/finding.ts';
import { createLocator, type TextLocator } from '../shared/text-locator.ts';
import { controlCharacterFindings } from './control-characters.ts';
import { decodeText } from './decode-text.ts';
import { readFrontmatter, readYamlFile, type Frontmatter } from './frontmatter.ts';
import { openBlockMemo, type BlockMemo } from './frontmatter-cache.ts';
import { discoverContent, linkedFolderMessage, suggestedPlace, type ContentKind, type ContentPath, type FileShape } from './layout.ts';
import { nestingMessage, tooDeeplyNested } from './nesting.ts';
import { readRegularFile } from './read-regular.ts';
import { keepImageVerdicts } from './image-verdicts.ts';

export type { Frontmatter, FieldSpan, Span } from './frontmatter.ts';
export { accountOf, accountProblem, articleOf, classify, isAccountId, toRepoPath } from './layout.ts';
export { controlCharacter } from './control-characters.ts';
export { decodeText } from './decode-text.ts';
export { readRegularFile } from './read-regular.ts';
export { readFrontmatter, readYamlFile } from './frontmatter.ts';
export { fullWidthColonMistake } from './yaml-errors.ts';
export { nodeSpan, parseMarkdown } from './markdown.ts';
export { fromPortable, toPortable, type PortableContentSet } from './portable.ts';
export { articleFields, releaseArticle, releasing, resolveArticle, resolveFailure, type Article, type ResolveFailure } from './article.ts';
export { planReference, resolvePlan, type Plan, type PlanEntry, type PlanEntryFields } from './plan.ts';
export { decodeProblem, imageProblem, type ImageProblem } from './image-problems.ts';
export { decodeImage, describeImageError, imageDigest, imageInput, loadSharp, type DecodedImage } from './image-decode.ts';
export { alertKeywords, alertMarker, type AlertKeyword } from './alerts.ts';
export { derivedDigest } from './digest.ts';
export { mediaLedgerFile, readMediaLedger, uploadedImageUrls, type LedgerRead, type MediaLedger } from './media-ledger.ts';
export { articleVisibleChars } from './visible-text.ts';
export { accountFooter, type Footer } from './footer.ts';
export { availableThemes, themeFiles, type ThemeFiles } from './themes.ts';
export { isAutolink, noteLabel, type ImageRef, type ImageTarget, type LinkRef, type LinkTarget, type ReferenceSite, type UndefinedReference } from './references.ts';
export type { AccountSettings, ArticleFrontmatter, ContentPlan } from './schema-types.ts';
export { conforms, loadSchema, typedFields, validatorFor, type FieldLimits, type SchemaKind } from './schemas.ts';

/** One content file as read: its text (BOM kept, so offsets match the original) and a locator for positions. */
export interface SourceFile {
  path: string;
  file: string;
  text: string;
  bomLength: 0 | 1;
  locator: TextLocator;
}

interface Loaded<P extends ContentKind['kind']> {
  place: Extract<ContentKind, { kind: P }>;
  source: SourceFile;
  /** Undefined when the file could not be read or parsed; the reason is among the set's findings. */
  doc?: Frontmatter;
}

export type AccountFile = Loaded<'account'>;
export type PlanFile = Loaded<'plan'>;
export type ArticleFile = Loaded<'article'>;

export interface ContentSet {
  root: string;
  accounts: AccountFile[];
  plans: PlanFile[];
  articles: ArticleFile[];
  /** Problems found while reading: encoding, YAML syntax, layout. */
  findings: Finding[];
}

export interface LoadOptions {
  /** Repository-relative path → bytes to use instead of the working tree (the staged version, in a hook). */
  overlay?: ReadonlyMap<string, Uint8Array>;
  /** Told how many files were found, before any is read: time to start what takes a while (worker threads). */
  beforeReading?: (files: number) => void;
}

/** Reads every account, plan and article under `<root>/content`; a file that cannot be read never stops the rest. */
export async function loadContent(root: string, options: LoadOptions = {}): Promise<ContentSet> {
  keepImageVerdicts(root);
  const set: ContentSet = { root, accounts: [], plans: [], articles: [], findings: [] };
  const { paths, linkedFolders } = await discoverContent(root);
  set.findings.push(...linkedFolders.map(linkedFolderFinding));
  options.beforeReading?.(paths.length);
  const memo = await openBlockMemo(root);
  const loaded = await Promise.all(paths.map((entry) => loadOne(root, entry, options.overlay, memo)));
  await memo.save();
  for (const { entry, source, doc, findings } of loaded) {
    set.findings.push(...findings);
    if (!source) continue;
    const place = entry.place;
    if (place.kind === 'account') set.accounts.push({ place, source, doc });
    else if (place.kind === 'plan') set.plans.push({ place, source, doc });
    else if (place.kind === 'article') set.articles.push({ place, source, doc });
  }
  return set;
}

interface LoadResult {
  entry: ContentPath;
  source?: SourceFile;
  doc?: Frontmatter;
  findings: Finding[];
}

/** What a misplaced Markdown file's frontmatter says it is (a plan's `month`), so it can be sent to the right place. */
async function shapeOf(path: string, root: string, account: string, staged: Uint8Array | undefined): Promise<FileShape> {
  const read = staged ? { ok: true as const, bytes: staged } : await readRegularFile(path, join(root, 'content', account));
  const decoded = read.ok ? decodeText(read.bytes) : undefined;
  const result = decoded?.ok ? readFrontmatter(decoded.text, decoded.bomLength) : undefined;
  if (!result?.ok) return {};
  return shapeOfData(result.frontmatter.data);
}

function shapeOfData(data: Record<string, unknown>): FileShape {
  if (!('title' in data) && ('month' in data || 'entries' in data)) return { looksLike: 'plan', ...(typeof data.month === 'string' ? { month: data.month } : {}) };
  return 'title' in data || 'status' in data ? { looksLike: 'article' } : {};
}

/** A symlinked folder under content/, reported once on the link itself: it is not followed. */
function linkedFolderFinding(file: string): Finding {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1, ruleId: 'schema/symlink', severity: 'warning', message: linkedFolderMessage(file) };
}

/** A misplaced file's finding: where it belongs, as a path to move it to. */
function layoutFinding(file: string, account: string, target: string): Finding {
  const message = `文件不在约定的位置，没有被校验、检查或构建：请移到 ${target}（文章是 content/${account}/articles/<年份>/<slug>/index.md，计划是 content/${account}/plans/<YYYY-MM>.md）。`;
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1, ruleId: 'schema/layout', severity: 'error', message, suggestions: [target] };
}

async function loadOne(root: string, entry: ContentPath, overlay: ReadonlyMap<string, Uint8Array> | undefined, memo: BlockMemo): Promise<LoadResult> {
  const { file, place } = entry;
  const fail = (ruleId: string, message: string, line = 1, column = 1, endColumn = column): LoadResult => ({
    entry,
    findings: [{ file, line, column, endLine: line, endColumn, ruleId, severity: 'error', message }],
  });

  if (place.kind === 'misplaced') {
    const year = beijingDate(new Date().toISOString()).slice(0, 4);
    const target = suggestedPlace(file, year, /account\.ya?ml$/i.test(file) ? {} : await shapeOf(entry.path, root, place.account, overlay?.get(file)));
    if (!/account\.ya?ml$/i.test(file)) return { entry, findings: [layoutFinding(file, place.account, target)] };
    const message = `账号目录名应是小写字母、数字和连字符（如 qinghe-tea），这个账号没有被读取：请把目录改名为 ${target.split('/')[1]}。`;
    return { entry, findings: [{ file, line: 1, column: 1, endLine: 1, endColumn: 1, ruleId: 'schema/layout', severity: 'error', message, suggestions: [target] }] };
  }

  let bytes = overlay?.get(file);
  if (!bytes) {
    const read = await readRegularFile(entry.path, join(root, 'content', place.account));
    if (!read.ok) return fail('schema/read', `无法读取文件：${read.message}`);
    bytes = read.bytes;
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return fail('schema/encoding', decoded.message, decoded.line, decoded.column);
  const { text, bomLength } = decoded;

  const source: SourceFile = { path: entry.path, file, text, bomLength, locator: createLocator(text) };
  if (text.slice(bomLength).trim() === '') {
    return { ...fail('schema/empty', '文件为空。'), source };
  }

  const controls = controlCharacterFindings(source);
  const result = place.kind === 'account' ? readYamlFile(text, bomLength, memo) : readFrontmatter(text, bomLength, memo);
  if (!result.ok) {
    const range = source.locator.range(result.span[0], result.span[1]);
    const ruleId = result.reason === 'yaml' ? 'schema/yaml-syntax' : 'schema/frontmatter';
    return { entry, source, findings: [{ file, ...range, ruleId, severity: 'error', message: result.message }, ...controls] };
  }
  // A plan saved where an article belongs would give a page of article-schema errors; it is a plan in the wrong place.
  if (place.kind === 'article' && shapeOfData(result.frontmatter.data).looksLike === 'plan') {
    const target = suggestedPlace(file, place.year, shapeOfData(result.frontmatter.data));
    return { entry, findings: [layoutFinding(file, place.account, target)] };
  }
  const { body, bodyOffset } = result.frontmatter;
  const deepLine = place.kind === 'account' ? undefined : tooDeeplyNested(body);
  if (deepLine !== undefined) {
    const line = source.locator.point(bodyOffset).line + deepLine - 1;
    return { entry, source, findings: [{ file, line, column: 1, endLine: line, endColumn: 1, ruleId: 'schema/nesting-depth', severity: 'error', message: nestingMessage(line) }] };
  }
  return { entry, source, doc: result.frontmatter, findings: controls };
}
