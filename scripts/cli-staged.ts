import { classify } from './content/index.ts';
import { isWordListFile } from './lint/index.ts';
import { readStagedFiles } from './shared/staged-files.ts';

/** What `validate --staged` and `lint --staged` read: the staged content files and word lists, as staged. */
export interface StagedContent {
  /** Staged accounts, plans and articles, by repository path, to read instead of the working copy. */
  overlay: Map<string, Buffer>;
  /** Staged word lists: checked as staged, and the staged files are checked against them. */
  lists: Map<string, Buffer>;
  /** Whether a file is one of those staged. */
  only: (file: string) => boolean;
  /** How many files are staged, lists included. */
  files: number;
}

/** The staged version of the content files and word lists `only` selects. */
export async function stagedContent(root: string, only: (file: string) => boolean): Promise<StagedContent> {
  const staged = await readStagedFiles(root, (file) => (classify(file) !== undefined || isWordListFile(file)) && only(file));
  return {
    overlay: new Map([...staged].filter(([file]) => !isWordListFile(file))),
    lists: new Map([...staged].filter(([file]) => isWordListFile(file))),
    only: (file) => staged.has(file),
    files: staged.size,
  };
}

/** Said when the hook finds nothing of the content staged (a commit of code or notes): plainly, not an empty success. */
export const nothingStaged = '没有找到已暂存的内容文件（content/ 下的 account.yaml、计划、文章或 words.yaml 词表），没有检查任何文件。\n';
