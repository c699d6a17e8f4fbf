import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { makeDir } from '../shared/make-dir.ts';
import { CorpusError, type Corpus, type LabelledLine, type ProseFile } from './corpus.ts';
import { proseSets } from './prose-sets.ts';

/** What each category's account sells, so the rules see the industry a real account would declare. */
const industries: Record<string, string[]> = {
  'tea-food': ['tea', 'food'],
  cosmetics: ['cosmetics'],
  'health-food': ['health-food'],
  'medical-pharma': ['medical', 'pharma', 'medical-device', 'medical-beauty'],
  education: ['education'],
  finance: ['finance'],
  'real-estate': ['real-estate'],
  'ecommerce-promotion': ['ecommerce'],
};

/**
 * Ordinary prose, the hard negatives and the held-out clean look-alikes run under an account that declares every
 * regulated industry: the strictest setting, so no rule stays quiet only because it thinks nothing is sold.
 */
const strictest = new Set(['hard-negatives', 'held-out-clean']);
const everyIndustry = ['food', 'tea', 'health-food', 'medical', 'pharma', 'cosmetics', 'education', 'finance', 'real-estate', 'ecommerce'];

export const proseAccount = 'prose';

/** One article of the sandbox: where it is, and which labelled line or prose it holds. */
export type Placed =
  | { kind: 'line'; file: string; category: string; index: number; line: LabelledLine; heldOut: boolean }
  /** `set` is the id of a set of prose-sets.ts. */
  | { kind: 'prose'; file: string; source: string; chars: number; set: string };

export interface Sandbox {
  root: string;
  /** By repository-relative path of the article. */
  placed: Map<string, Placed>;
}

/** Prose is cut into articles of about this many characters, a typical article's length. */
const proseArticleChars = 3000;

/** A repository in a temporary folder with one article per labelled line and the prose in article-sized pieces. */
export async function writeSandbox(corpus: Corpus): Promise<Sandbox> {
  const root = await mkdtemp(join(tmpdir(), 'mpdesk-eval-'));
  const placed = new Map<string, Placed>();
  const write = async (account: string, slug: string, markdown: string): Promise<string> => {
    const path = `content/${account}/articles/2026/${slug}/index.md`;
    makeDir(join(root, path, '..')); 
    await writeFile(join(root, path), markdown);
    return path;
  };
  const accounts = new Set<string>();
  for (const [heldOut, files] of [[false, corpus.labelled], [true, corpus.heldOut ?? []]] as const) {
    for (const file of files) {
      // One account per category: two files of one category would write over each other's articles.
      const account = file.category;
      if (accounts.has(account)) throw new CorpusError(`语料类别 ${account} 出现在两个文件里`);
      accounts.add(account);
      await writeAccount(root, account, strictest.has(account) ? everyIndustry : industries[account]);
      for (const [index, line] of file.lines.entries()) {
        const path = await write(account, `l${String(index + 1).padStart(4, '0')}`, articleFor(line));
        placed.set(path, { kind: 'line', file: path, category: account, index, line, heldOut });
      }
    }
  }
  await writeAccount(root, proseAccount, everyIndustry);
  const writeProse = async (prose: ProseFile, set: string): Promise<void> => {
    const stem = `${set === 'prose' ? '' : `${set}-`}${prose.name.replace(/\.txt$/, '')}`;
    for (const [index, piece] of chunk(prose.paragraphs).entries()) {
      const chars = piece.reduce((total, p) => total + [...p].length, 0);
      const path = await write(proseAccount, `${stem}-${index + 1}`, frontmatter('读书笔记') + piece.join('\n\n') + '\n');
      placed.set(path, { kind: 'prose', file: path, source: prose.name, chars, set });
    }
  };
  for (const set of proseSets) {
    for (const prose of corpus.prose[set.id] ?? []) await writeProse(prose, set.id);
  }
  return { root, placed };
}

async function writeAccount(root: string, account: string, industry: string[] | undefined): Promise<void> {
  makeDir(join(root, 'content', account));
  const settings = {
    name: `评测 ${account}`,
    ...(industry ? { industry } : {}),
    review: { levels: [{ name: '编辑', approvers: ['editor'] }, { name: '审稿', approvers: ['reviewer'] }] },
  };
  await writeFile(join(root, 'content', account, 'account.yaml'), stringify(settings));
}

function frontmatter(title: string): string {
  return `---\ntitle: ${JSON.stringify(title)}\nstatus: draft\n---\n\n`;
}

/** The line where the corpus says it stands; the article has no `sponsored` and no `sources`. */
export function articleFor(line: LabelledLine): string {
  switch (line.context ?? 'body') {
    case 'title':
      return frontmatter(line.text) + '正文从略。\n';
    case 'heading':
      return frontmatter('示例文章') + `## ${line.text}\n\n正文从略。\n`;
    case 'alt':
      return frontmatter('示例文章') + `![${line.text}](./pic.jpg)\n`;
    case 'link':
      return frontmatter('示例文章') + `详情见[${line.text}](https://example.com/page)。\n`;
    case 'body':
      return frontmatter('示例文章') + `${line.text}\n`;
  }
}

function chunk(paragraphs: readonly string[]): string[][] {
  const pieces: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const paragraph of paragraphs) {
    current.push(paragraph);
    size += [...paragraph].length;
    if (size >= proseArticleChars) {
      pieces.push(current);
      current = [];
      size = 0;
    }
  }
  if (current.length) pieces.push(current);
  return pieces;
}
