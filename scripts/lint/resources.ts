import { join } from 'node:path';
import { Dictionary, readWordList, type WordList } from './dictionary.ts';
import type { DictionaryName } from './define-rule.ts';

const builtinDir = new URL('./dictionaries/', import.meta.url);
const builtinFiles: Record<DictionaryName, string> = {
  absolute: 'ad-law-absolute.yaml',
  claims: 'ad-law-claims.yaml',
  platform: 'platform.yaml',
  sensitive: 'sensitive-builtin.yaml',
};

/**
 * The word lists, layered: built-in (scripts/lint/dictionaries/), team (content/words.yaml) and account
 * (content/<account>/words.yaml). Team and account `entries` extend the sensitive list; their `allow` phrases
 * excuse matches of every list, so an account can allow its own brand name ("极客" in 极客咖啡).
 */
export class LintResources {
  private readonly lists = new Map<string, Promise<WordList>>();
  private readonly compiled = new Map<string, Promise<Dictionary>>();

  /** `lists`: word lists already read, by path (another thread's `wordLists()`), so they are not parsed again. */
  constructor(
    private readonly root: string,
    lists?: ReadonlyMap<string, WordList>,
  ) {
    for (const [path, list] of lists ?? []) this.lists.set(path, Promise.resolve(list));
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
    const paths = new Map<string, string>(Object.values(builtinFiles).map((name) => [new URL(name, builtinDir).pathname, `内置 ${name}`]));
    paths.set(join(this.root, 'content', 'words.yaml'), 'content/words.yaml');
    for (const account of accounts) paths.set(join(this.root, 'content', account, 'words.yaml'), `content/${account}/words.yaml`);
    return new Map(await Promise.all([...paths].map(async ([path, label]) => [path, await this.list(path, label)] as const)));
  }

  /** Each list file is read and parsed once per run, however many dictionaries and accounts use it. */
  private list(path: string, label: string): Promise<WordList> {
    let list = this.lists.get(path);
    if (!list) {
      list = readWordList(path, label);
      this.lists.set(path, list);
    }
    return list;
  }

  private async compile(name: DictionaryName, account: string): Promise<Dictionary> {
    const builtin = await this.list(new URL(builtinFiles[name], builtinDir).pathname, `内置 ${builtinFiles[name]}`);
    const team = await this.list(join(this.root, 'content', 'words.yaml'), 'content/words.yaml');
    const own = await this.list(join(this.root, 'content', account, 'words.yaml'), `content/${account}/words.yaml`);
    const layers = name === 'sensitive' ? [builtin, team, own] : [builtin, { entries: [], allow: [...team.allow, ...own.allow] }];
    return new Dictionary(layers);
  }
}
