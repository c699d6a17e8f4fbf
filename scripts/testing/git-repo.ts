import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { makeRepo, type FixtureFiles } from './fixture-repo.ts';

export interface Author {
  name: string;
  email: string;
}

export interface TestRepo {
  root: string;
  git: SimpleGit;
  /** Writes (or, for `null`, deletes) files and commits them as `author` at `date` (ISO with offset). */
  commit(message: string, author: Author, date: string, files: Record<string, string | null>): Promise<string>;
  /** `git mv` and commit. */
  move(from: string, to: string, message: string, author: Author, date: string): Promise<string>;
  /** A plain merge commit, as the GitHub button or a hand merge makes it. */
  merge(branch: string, message: string, author: Author, date: string): Promise<string>;
  /** Runs `use` with the git identity and dates of `author` at `date`. */
  as<T>(author: Author, date: string, use: (git: SimpleGit) => Promise<T>): Promise<T>;
}

const identity = ['GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL', 'GIT_COMMITTER_NAME', 'GIT_COMMITTER_EMAIL', 'GIT_AUTHOR_DATE', 'GIT_COMMITTER_DATE'];

/** A real git repository in a temporary folder, with commits made by named people at chosen times. */
export async function makeGitRepo(files: FixtureFiles, author: Author, date: string): Promise<TestRepo> {
  const root = await makeRepo(files);
  const base = simpleGit(root);
  await base.init(['-b', 'main']);
  await base.addConfig('commit.gpgsign', 'false');
  // Whoever runs `mpdesk review record` in the tests commits as the operator.
  await base.addConfig('user.name', '运营 王芳');
  await base.addConfig('user.email', 'operator@qinghe.example');
  const as = <T>(who: Author, when: string, use: (git: SimpleGit) => Promise<T>) =>
    use(
      // simple-git guards the environment: EDITOR and the like are refused, identity and dates must be allowed.
      simpleGit({ baseDir: root, allowEnvironment: identity }).env({
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        GIT_AUTHOR_NAME: who.name,
        GIT_AUTHOR_EMAIL: who.email,
        GIT_COMMITTER_NAME: who.name,
        GIT_COMMITTER_EMAIL: who.email,
        GIT_AUTHOR_DATE: when,
        GIT_COMMITTER_DATE: when,
      }),
    );
  const head = async () => (await base.revparse(['HEAD'])).trim();
  const repo: TestRepo = {
    root,
    git: base,
    as,
    async commit(message, who, when, changes) {
      for (const [file, text] of Object.entries(changes)) {
        if (text === null) {
          await rm(join(root, file));
        } else {
          await mkdir(dirname(join(root, file)), { recursive: true });
          await writeFile(join(root, file), text);
        }
      }
      await as(who, when, (git) => git.add(['-A']).then(() => git.commit(message)));
      return head();
    },
    async move(from, to, message, who, when) {
      await mkdir(dirname(join(root, to)), { recursive: true });
      await as(who, when, (git) => git.mv(from, to).then(() => git.commit(message)));
      return head();
    },
    async merge(branch, message, who, when) {
      await as(who, when, (git) => git.merge(['--no-ff', '-m', message, branch]));
      return head();
    },
  };
  await as(author, date, (git) => git.add(['-A']).then(() => git.commit('初始化内容仓库')));
  return repo;
}
