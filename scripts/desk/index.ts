/**
 * The desk: what `dist/index.html` shows of each account — a board of its articles by status, a calendar of its
 * planned and published articles by Beijing day, KPI tiles from the newest month in its metrics snapshots and its
 * reports — as plain data. It reads the loaded content, what the build made of each article, each account's
 * snapshots once and the names of its report pages; nothing is parsed again.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { typedFields, type AccountSettings, type ContentSet } from '../content/index.ts';
import { loadSnapshots } from '../metrics/index.ts';
import { planStatus } from '../plan/index.ts';
import { latestKpis } from '../report/index.ts';
import { beijingWallClock } from '../shared/beijing-time.ts';
import type { DeskArticle } from './articles.ts';
import { boardOf, type Board } from './board.ts';
import { calendarOf, type CalendarMonth } from './calendar.ts';
import { kpiPanel, type KpiPanel } from './kpi-tiles.ts';
import { overviewId, reportsIn, type DeskReport } from './reports.ts';

export { previewOf, type DeskArticle } from './articles.ts';
export type { Board, BoardCard, BoardColumn, FailedCard } from './board.ts';
export type { CalendarDay, CalendarMark, CalendarMonth, MarkKind } from './calendar.ts';
export type { KpiPanel, KpiTile } from './kpi-tiles.ts';
export { reportsFolder, type DeskReport } from './reports.ts';

export interface DeskAccount {
  id: string;
  name: string;
  board: Board;
  calendar: CalendarMonth[];
  kpis: KpiPanel;
  /** Newest first. */
  reports: DeskReport[];
}

export interface Desk {
  /** The Beijing day the desk was made on: today's cell, the current month and overdue entries follow from it. */
  today: string;
  accounts: DeskAccount[];
  /** The overview pages of every account (`mpdesk report --all`), newest first. */
  overview: DeskReport[];
  /** What the desk could not read (a plan, a snapshot), each a sentence naming the file; the rest is shown. */
  problems: string[];
}

export interface DeskInput {
  root: string;
  set: ContentSet;
  /** Every article the build knows: built, with its output folder, or failed, with its first error. */
  articles: readonly DeskArticle[];
  now: Date;
}

export async function assembleDesk({ root, set, articles, now }: DeskInput): Promise<Desk> {
  const ids = [...new Set([...set.accounts, ...set.plans].map((file) => file.place.account).concat(articles.map((article) => article.account)))].sort();
  const status = planStatus(set, {});
  const rows = status.ok ? status.rows : [];
  const problems = (status.ok ? status.unreadable : []).map((file) => `计划 ${file} 无法读取，日历里没有它的条目（运行 mpdesk validate ${file} 查看原因）。`);
  const accounts: DeskAccount[] = [];
  for (const id of ids) {
    const file = set.accounts.find((one) => one.place.account === id);
    const settings: Partial<AccountSettings> = file?.doc ? typedFields('account', file.doc.data) : {};
    const own = articles.filter((article) => article.account === id);
    const kpis = await accountKpis(root, id, settings);
    if (kpis.state === 'unreadable') problems.push(kpis.message);
    accounts.push({
      id,
      name: settings.name ?? id,
      board: boardOf(own),
      calendar: calendarOf({ rows: rows.filter((row) => row.account === id), planMonths: set.plans.filter((plan) => plan.place.account === id).map((plan) => plan.place.month), articles: own, now }),
      kpis,
      reports: await reportsIn(root, id),
    });
  }
  return { today: beijingWallClock(now.toISOString()).date, accounts, overview: await reportsIn(root, overviewId), problems };
}

/** The account's snapshots, read once; a file that cannot be read names itself on the desk instead of the tiles. */
async function accountKpis(root: string, account: string, settings: Partial<AccountSettings>): Promise<KpiPanel> {
  if (!existsSync(join(root, 'reports', account, 'metrics'))) return kpiPanel(account, undefined);
  try {
    const snapshots = (await loadSnapshots(root, [account])).get(account)!;
    return kpiPanel(account, latestKpis(snapshots, settings));
  } catch (error) {
    return { state: 'unreadable', message: `数据快照无法读取，${account} 的指标没有显示：${error instanceof Error ? error.message : String(error)}` };
  }
}
