import { articleFields, typedFields, type AccountSettings, type ArticleFile, type ContentSet } from '../content/index.ts';
import { normalTitle } from './join.ts';

/** What the metrics stage needs to know about one account of the loaded content. */
export interface MetricsAccount {
  id: string;
  settings: Partial<AccountSettings>;
  articles: ArticleFile[];
}

export function metricsAccounts(set: ContentSet): MetricsAccount[] {
  return set.accounts.map((file) => ({
    id: file.place.account,
    settings: file.doc ? typedFields('account', file.doc.data) : {},
    articles: set.articles.filter((article) => article.place.account === file.place.account),
  }));
}

/** Why an account is not pulled through the API, if it is not: no AppID, or `metrics.api: false`. */
export function noApiReason(account: MetricsAccount): string | undefined {
  const file = `content/${account.id}/account.yaml`;
  if (account.settings.metrics?.api === false) return `${file} 写着 metrics.api: false（没有数据统计接口）`;
  if (!account.settings.wechat?.appid) return `${file} 没有 wechat.appid`;
  return undefined;
}

export function titlesOf(account: MetricsAccount): Set<string> {
  return new Set(account.articles.flatMap((file) => {
    const title = articleFields(file).title;
    return title === undefined ? [] : [normalTitle(title)];
  }));
}

/** One line of the scheduled workflow's matrix: the account, whether it is pulled, and where its AppSecret is. */
export interface CiAccount {
  account: string;
  api: boolean;
  secret_env: string;
}

export function ciAccounts(accounts: readonly MetricsAccount[], defaultSecretEnv: string): CiAccount[] {
  return accounts.map((account) => ({ account: account.id, api: noApiReason(account) === undefined, secret_env: account.settings.wechat?.secret_env ?? defaultSecretEnv }));
}
