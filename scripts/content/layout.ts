import { lstatSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { closestFirst, didYouMean, notFoundMessage } from '../shared/did-you-mean.ts';
import { listTree } from '../shared/list-tree.ts';
import { accountFolders } from '../shared/repo-root.ts';

export type ContentKind =
  | { kind: 'account'; account: string }
  | { kind: 'plan'; account: string; month: string }
  | { kind: 'article'; account: string; year: string; slug: string }
  | { kind: 'misplaced'; account: string };

export interface ContentPath {
  /** Absolute path. */
  path: string;
  /** Repository-relative, POSIX separators. */
  file: string;
  place: ContentKind;
}

const accountId = '[a-z0-9][a-z0-9-]*';
const patterns: Array<[RegExp, (m: RegExpMatchArray) => ContentKind]> = [
  [new RegExp(`^content/(${accountId})/account\\.ya?ml$`), (m) => ({ kind: 'account', account: m[1]! })],
  [new RegExp(`^content/(${accountId})/plans/(\\d{4}-\\d{2})\\.md$`), (m) => ({ kind: 'plan', account: m[1]!, month: m[2]! })],
  [
    new RegExp(`^content/(${accountId})/articles/(\\d{4})/([a-z0-9][a-z0-9-]*)/index\\.md$`),
    (m) => ({ kind: 'article', account: m[1]!, year: m[2]!, slug: m[3]! }),
  ],
];

const inAccount = new RegExp(`^content/(${accountId})/.+`);
const inArticle = new RegExp(`^(content/${accountId}/articles/\\d{4}/[a-z0-9][a-z0-9-]*)/`);

/** The account whose folder holds a repository-relative path, for any file under content/<account>/. */
export function accountOf(file: string): string | undefined {
  return file.match(inAccount)?.[1];
}

/** The article (its index.md) whose folder holds a path: the article itself, or one of its images. */
export function articleOf(file: string): string | undefined {
  return file.match(inArticle)?.[1]?.concat('/index.md');
}

/** Whether a name can be an account id (and so an account folder): lowercase ASCII letters, digits, hyphens. */
export function isAccountId(name: string): boolean {
  return new RegExp(`^${accountId}$`).test(name);
}

/** The account id a folder name was probably meant to be: lowercase ASCII with hyphens. */
function accountIdFor(folder: string): string {
  const id = folder.toLowerCase().replace(/[\s_]+/g, '-');
  return isAccountId(id) ? id : '<账号 id>';
}

/**
 * Why `account` names no account of the repository at `root`, or undefined when it does. Only a folder whose name
 * is an id is an account (the loader skips `content/Bad_Acc/` with a layout error), so neither an id that cannot
 * exist nor such a folder is accepted; what exists is listed, closest first.
 */
export function accountProblem(root: string, account: string): string | undefined {
  const folders = accountFolders(root);
  const known = folders.filter(isAccountId);
  if (known.includes(account)) return undefined;
  if (isLink(join(root, 'content', account))) {
    return `${linkedFolderMessage(`content/${account}`)}${known.length ? `现有账号：${closestFirst(account, known).join('、')}。` : ''}`;
  }
  if (isAccountId(account)) return notFoundMessage('账号', account, known);
  const folder = folders.includes(account) ? `content/${account}/ 的目录名不是合规的 id，没有被当作账号读取：请改名为 content/${accountIdFor(account)}/。` : '';
  const guess = didYouMean(account, known);
  const list = known.length ? `现有账号：${closestFirst(account, known).join('、')}。` : '还没有任何账号。';
  return `账号 id“${account}”不合规：只能用小写字母、数字和连字符（如 qinghe-tea）。${folder}${guess ? `是不是 ${guess}？` : ''}${list}`;
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Why a symlinked folder under content/ is not read: what the loader's warning and `--account` both say. */
export function linkedFolderMessage(file: string): string {
  return `${file}/ 是指向其他目录的符号链接：mpdesk 不进入符号链接的目录，里面的账号、文章和计划不会被校验、检查或构建；请把文件直接放进来（图片文件可以是指向账号目录之内的符号链接）。`;
}

/** Where a repository-relative path sits in the content layout, or undefined when it is not a content file. */
export function classify(file: string): ContentKind | undefined {
  for (const [pattern, make] of patterns) {
    const match = file.match(pattern);
    if (match) return make(match);
  }
  // Markdown elsewhere under content/ is almost always an article in the wrong folder; an account folder whose
  // name is not an id would otherwise be skipped without a word.
  const stray = file.match(/^content\/([^/]+)\/(?:.*\.(?:md|markdown)|account\.ya?ml)$/i);
  if (stray) return { kind: 'misplaced', account: stray[1]! };
  return undefined;
}

/** What a misplaced file's frontmatter says it is, when it could be read. */
export interface FileShape {
  /** A plan's keys (`month`, `entries`), or an article's (`title`, `status`). */
  looksLike?: 'plan' | 'article';
  /** The plan's `month` field, when it is one (`2026-10`). */
  month?: string;
}

const monthPattern = /^\d{4}-\d{2}$/;

/**
 * Where a misplaced Markdown file belongs: a plan when its frontmatter is a plan's, its name a month or its folder
 * `plans/` (at `plans/<month>.md`, from the `month` field when it has one); otherwise an article folder named from
 * the file (or its folder, for an index.md), in the year the path names or the given year.
 */
export function suggestedPlace(file: string, year: string, shape: FileShape = {}): string {
  const parts = file.split('/');
  const account = accountIdFor(parts[1]!);
  if (/^account\.ya?ml$/i.test(parts.at(-1)!)) return `content/${account}/account.yaml`;
  const name = parts.at(-1)!.replace(/\.(?:md|markdown)$/i, '');
  const inPlans = parts.slice(2, -1).includes('plans');
  if (shape.looksLike === 'plan' || monthPattern.test(name) || (inPlans && shape.looksLike !== 'article')) {
    const month = shape.month !== undefined && monthPattern.test(shape.month) ? shape.month : monthPattern.test(name) ? name : '<YYYY-MM>';
    return `content/${account}/plans/${month}.md`;
  }
  const stem = (name.toLowerCase() === 'index' ? parts.at(-2) ?? '' : name).toLowerCase().replace(/[\s_]+/g, '-');
  const slug = /^[a-z0-9][a-z0-9-]*$/.test(stem) ? stem : '<slug>';
  const pathYear = parts.slice(2, -1).find((part) => /^\d{4}$/.test(part)) ?? year;
  return `content/${account}/articles/${pathYear}/${slug}/index.md`;
}

export function toRepoPath(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

export interface Discovered {
  paths: ContentPath[];
  /** Symbolic links to folders under content/ (repository-relative), which are not followed. */
  linkedFolders: string[];
}

/**
 * Every content file under `<root>/content`, sorted so output is stable. Symlinked folders are not followed (a link
 * to `..` would make the walk endless, one to elsewhere would read what nobody reviewed); they are listed, so the
 * loader reports each once. This is the one place content is discovered: every command reads the same files.
 */
export async function discoverContent(root: string): Promise<Discovered> {
  const hidden = (file: string) => file.split('/').some((part) => part.startsWith('.'));
  const tree = await listTree(join(root, 'content'));
  const paths: ContentPath[] = [];
  // A folder named like a content file (`index.md/`) is listed too: reading it says it is a folder.
  for (const name of [...tree.files, ...tree.folders].sort()) {
    const file = `content/${name}`;
    // Hidden files and folders are not content; the atomic writer's temporary files (`isTempName`) are hidden too.
    if (hidden(file)) continue;
    const place = classify(file);
    if (place) paths.push({ path: join(root, file), file, place });
  }
  return { paths, linkedFolders: tree.linkedFolders.map((name) => `content/${name}`).filter((file) => !hidden(file)) };
}
