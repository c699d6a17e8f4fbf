import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRegularFile, type ReadResult } from '../content/read-regular.ts';
import { sourceUrl } from '../shared/module-url.ts';
import type { Finding } from '../shared/finding.ts';
import type { Dictionary, WordList } from './dictionary.ts';
import type { DictionaryName } from './define-rule.ts';
import { diskWordStore, type WordFileStore } from './word-cache.ts';
import type { WordFile } from './word-file.ts';

const builtinDir = new URL('./dictionaries/', sourceUrl(import.meta.url));
const builtinFiles: Record<DictionaryName, string> = {
  absolute: 'ad-law-absolute.yaml',
  claims: 'ad-law-claims.yaml',
  platform: 'platform.yaml',
  sensitive: 'sensitive-builtin.yaml',
};

/** A word-list file: where it is, the repository-relative name findings use, and the label messages give it. */
export interface ListFile {
  path: string;
  file: string;
  label: string;
}

const builtinList = (name: string): ListFile => ({ path: fileURLToPath(new URL(name, builtinDir)), file: `scripts/lint/dictionaries/${name}`, label: `内置 ${name}` });

/** A team or account word list's repository path: `content/words.yaml`, `content/<account>/words.yaml`. */
export const isWordListFile = (file: string): boolean => file === 'content/words.yaml' || accountListPattern.test(file);
const accountListPattern = /^content\/([^/]+)\/words\.yaml$/;

/** Only a regular file inside the folder `file` is named from: a FIFO would block the run. */
export function readListFile(path: string, file: string): Promise<ReadResult> {
  return readRegularFile(path, path.endsWith(file) ? path.slice(0, path.length - file.length) : dirname(path));
}

/** The team list and each account's list, the files a repository's writers keep. */
export function repositoryLists(root: string, accounts: Iterable<string>): ListFile[] {
  // Labels read after 来自 in a message: 来自团队词表 content/words.yaml.
  const lists = [{ path: join(root, 'content', 'words.yaml'), file: 'content/words.yaml', label: '团队词表 content/words.yaml' }];
  for (const account of accounts) {
    const file = `content/${account}/words.yaml`;
    lists.push({ path: join(root, 'content', account, 'words.yaml'), file, label: `账号词表 ${file}` });
  }
  return lists;
}

// The list reader and the matcher (with the evasion tables and pinyin) load when a list is read or a file linted:
// a run whose files and lists are all cached needs neither.
const matching = () => import('./word-file.ts');
const dictionaries = () => import('./dictionary.ts');

/**
 * The word lists, layered: built-in (scripts/lint/dictionaries/), team (content/words.yaml) and account
 * (content/<account>/words.yaml). Team and account `entries` extend the sensitive list; their `allow` phrases
 * excuse matches of every list, so an account can allow its own brand name ("极客" in 极客咖啡).
 */
export class LintResources {
  private readonly files = new Map<string, Promise<WordFile>>();
  private readonly compiled = new Map<string, Promise<Dictionary>>();
  private store?: WordFileStore;

  /**
   * `lists`: word lists already read, by path (another thread's `wordLists()`), so they are not parsed again.
   * `staged`: list files' staged bytes by repository path (`lint --staged`), read instead of the working copy's.
   */
  constructor(
    private readonly root: string,
    lists?: ReadonlyMap<string, WordList>,
    private readonly staged: ReadonlyMap<string, Uint8Array> = new Map(),
  ) {
    for (const [path, list] of lists ?? []) this.files.set(path, Promise.resolve({ list, findings: [] }));
  }

  dictionary(name: DictionaryName, account: string): Promise<Dictionary> {
    const key = `${name}:${account}`;
    let dictionary = this.compiled.get(key);
    if (!dictionary) {
      dictionary = this.compile(name, account);
      this.compiled.set(key, dictionary);
    }
    return dictionary;
  }

  /** Every list the accounts' dictionaries use, read and parsed, by path: to hand to a worker thread. */
  async wordLists(accounts: Iterable<string>): Promise<Map<string, WordList>> {
    const files = [...Object.values(builtinFiles).map(builtinList), ...repositoryLists(this.root, accounts)];
    return new Map(await Promise.all(files.map(async (list) => [list.path, await this.list(list)] as const)));
  }

  /** A list file's bytes as this run reads them (staged, else the working copy's); undefined when missing or unreadable. */
  async bytes(list: ListFile): Promise<Uint8Array | undefined> {
    const staged = this.staged.get(list.file);
    if (staged) return staged;
    const read = await readListFile(list.path, list.file);
    return read.ok ? read.bytes : undefined;
  }

  /** Whether any word list is staged. */
  listsStaged(): boolean {
    return this.staged.size > 0;
  }

  /** The accounts whose own list is staged (`content/<account>/words.yaml`). */
  stagedAccounts(): string[] {
    return [...this.staged.keys()].flatMap((file) => {
      const account = accountListPattern.exec(file)?.[1];
      return account ? [account] : [];
    });
  }

  /** What is wrong with a team or account list file (schema, YAML, encoding); empty for a good or missing one. */
  async findings(list: ListFile): Promise<Finding[]> {
    return (await this.read(list)).findings;
  }

  /** Each list file is read and parsed once per run, however many dictionaries and accounts use it. */
  private read(list: ListFile): Promise<WordFile> {
    let read = this.files.get(list.path);
    if (!read) {
      const store = (this.store ??= diskWordStore(this.root));
      read = matching().then(({ readWordFile }) => readWordFile(list.path, list.file, list.label, store, this.staged.get(list.file)));
      this.files.set(list.path, read);
    }
    return read;
  }

  private async list(list: ListFile): Promise<WordList> {
    const { list: words, findings } = await this.read(list);
    // A broken built-in list is mpdesk's own defect: fail the run (exit 2) rather than lint with part of it.
    if (list.file.startsWith('scripts/') && findings.length) {
      throw new Error(`内置词表 ${list.file} 有误：${findings.map((f) => `第 ${f.line} 行 ${f.message}`).join('；')}`);
    }
    return words;
  }

  private async compile(name: DictionaryName, account: string): Promise<Dictionary> {
    const [teamFile, ownFile] = repositoryLists(this.root, [account]);
    const lists = [await this.list(builtinList(builtinFiles[name])), await this.list(teamFile!), await this.list(ownFile!)] as const;
    const key = `${this.root}\0${name}\0${account}`;
    const before = compiledBefore.get(key);
    if (before && before.lists.every((list, i) => list === lists[i])) return before.dictionary;
    const [builtin, team, own] = lists;
    const { Dictionary } = await dictionaries();
    const dictionary = new Dictionary(name === 'sensitive' ? lists : [builtin, { entries: [], allow: [...team.allow, ...own.allow] }]);
    compiledBefore.set(key, { lists, dictionary });
    return dictionary;
  }
}

/**
 * Each dictionary last compiled, with the lists it came from. A list read again from unchanged bytes is the same
 * object (word-file.ts), so a process that lints again and again (`mpdesk preview`) compiles it once.
 */
const compiledBefore = new Map<string, { lists: readonly WordList[]; dictionary: Dictionary }>();
