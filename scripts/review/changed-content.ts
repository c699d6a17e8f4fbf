import { accountOf, classify } from '../content/index.ts';

/** The content files of one account that a change touches. */
export interface AccountChange {
  account: string;
  /** Every changed file under content/<account>/, sorted. */
  files: string[];
  /** Articles that exist after the change (added, edited or renamed), sorted. */
  articles: string[];
}

export interface ChangedPath {
  file: string;
  removed?: boolean;
  previousFile?: string;
}

/**
 * Groups changed paths by the account folder they belong to. A rename out of an account counts for both sides;
 * files under content/ outside any account (the team word list) belong to no account and are left to CODEOWNERS.
 */
export function groupByAccount(changed: readonly ChangedPath[]): AccountChange[] {
  const accounts = new Map<string, { files: Set<string>; articles: Set<string> }>();
  const entry = (account: string) => {
    let found = accounts.get(account);
    if (!found) accounts.set(account, (found = { files: new Set(), articles: new Set() }));
    return found;
  };
  for (const change of changed) {
    for (const file of [change.file, change.previousFile]) {
      const account = file && accountOf(file);
      if (!account) continue;
      entry(account).files.add(file);
      if (file === change.file && !change.removed && classify(file)?.kind === 'article') entry(account).articles.add(file);
    }
  }
  return [...accounts.keys()].sort().map((account) => {
    const found = accounts.get(account)!;
    return { account, files: [...found.files].sort(), articles: [...found.articles].sort() };
  });
}
