import { articleSources, datasets, readCounts, type Cell, type Row } from './datasets.ts';
import { readDataset, snapshotDir } from './snapshot-store.ts';

export interface ArticleMetrics {
  /** `<year>/<slug>`. */
  article: string;
  /** One row a day from the articles dataset, oldest first. */
  days: Row[];
  /** getarticletotal's running totals, with readers by source, oldest first. */
  totals: Row[];
}

/** The snapshot rows linked to one article. */
export async function articleMetrics(root: string, account: string, article: string): Promise<ArticleMetrics> {
  const dir = snapshotDir(root, account);
  const shown = `reports/${account}/metrics`;
  const mine = (rows: Row[]) => rows.filter((row) => row.article === article);
  return { article, days: mine(await readDataset(dir, datasets.articles, shown)), totals: mine(await readDataset(dir, datasets['article-totals'], shown)) };
}

const countHeads: Record<(typeof readCounts)[number], string> = {
  int_page_read_user: '阅读人数',
  int_page_read_count: '阅读次数',
  ori_page_read_user: '原文人数',
  ori_page_read_count: '原文次数',
  share_user: '分享人数',
  share_count: '分享次数',
  add_to_fav_user: '收藏人数',
  add_to_fav_count: '收藏次数',
};

const sourceHeads: Record<(typeof articleSources)[number], string> = {
  int_page_from_session_read_user: '会话',
  int_page_from_hist_msg_read_user: '历史消息',
  int_page_from_feed_read_user: '朋友圈',
  int_page_from_friends_read_user: '好友',
  int_page_from_kanyikan_read_user: '看一看',
  int_page_from_souyisou_read_user: '搜一搜',
  int_page_from_other_read_user: '其他',
};

const cell = (value: Cell | undefined) => (value === null || value === undefined ? '—' : String(value));

/** The daily table: a day a row, reads, shares and favourites. */
export function dailyTable(metrics: ArticleMetrics): { headers: string[]; cells: string[][] } {
  return { headers: ['日期', ...readCounts.map((name) => countHeads[name])], cells: metrics.days.map((row) => [cell(row.date), ...readCounts.map((name) => cell(row[name]))]) };
}

/** The sources table: for each day after the send, readers so far by where they came from. */
export function sourcesTable(metrics: ArticleMetrics): { headers: string[]; cells: string[][] } {
  const headers = ['截至', '送达人数', '阅读人数', ...articleSources.map((name) => sourceHeads[name])];
  return { headers, cells: metrics.totals.map((row) => [cell(row.stat_date), cell(row.target_user), cell(row.int_page_read_user), ...articleSources.map((name) => cell(row[name]))]) };
}
