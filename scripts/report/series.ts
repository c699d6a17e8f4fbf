import { datasets, frameRows, type AccountSnapshots, type DatasetName, type Row } from '../metrics/index.ts';
import { daysBetween } from '../shared/calendar-date.ts';

/**
 * One account's snapshots as the report reads them: a record per day (reads, readers, shares, favourites and
 * reads by source; reads by hour; followers) and one record per article sent (its running totals up to seven days
 * after the send). Read once per account from the frames loadSnapshots gives.
 */

export interface DayReads {
  reads: number;
  readers: number;
  shares: number;
  favorites: number;
  /** Reads by WeChat's `user_source` code; 99999999 is an export's all-sources row. */
  bySource: Map<number, number>;
}

export interface DayFollowers {
  newUsers: number;
  cancelled: number;
  net: number;
  /** The total that day, when WeChat gave it. */
  total?: number;
}

/** One article as WeChat counted it: a mass-sent one (getarticletotal) or a row of an export. */
export interface Send {
  /** msgid, or title and day for an export without one: what tells the articles apart. */
  key: string;
  msgid?: string;
  title: string;
  /** The Beijing day it went out. */
  day: string;
  /** `2026/slug` when the metrics join found its article in the repository. */
  article?: string;
  /** 送达人数: only mass sends have it. */
  delivered?: number;
  reads: number;
  readers: number;
  shares: number;
  favorites: number;
  /** Days counted, 1 to 7: fewer while the seven days after the send are not over in the snapshots. */
  daysCounted: number;
}

export interface AccountSeries {
  daily: Map<string, DayReads>;
  hourly: Map<string, number[]>;
  followers: Map<string, DayFollowers>;
  /** New followers by source code, per day. */
  followerSources: Map<string, Map<number, number>>;
  /** Reads of each article on each day (the articles dataset): day → send key → reads. */
  articleDays: Map<string, Map<string, number>>;
  sends: Send[];
  /** The newest day any dataset has. */
  newest?: string;
}

/** An export's row for all sources together. */
export const allSources = 99999999;
/** getarticletotal follows a send for this many days. */
const sendDays = 7;

const num = (row: Row, name: string): number => {
  const value = row[name];
  return typeof value === 'number' ? value : 0;
};
const text = (row: Row, name: string): string | undefined => {
  const value = row[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

function rowsOf(snapshots: AccountSnapshots, name: DatasetName): Row[] {
  return frameRows(snapshots[name], datasets[name].columns);
}

export function readSeries(snapshots: AccountSnapshots): AccountSeries {
  const series: AccountSeries = { daily: readDaily(rowsOf(snapshots, 'daily')), hourly: new Map(), followers: new Map(), followerSources: new Map(), articleDays: new Map(), sends: [] };
  for (const row of rowsOf(snapshots, 'hourly')) {
    const day = text(row, 'date')!;
    const hours = series.hourly.get(day) ?? Array.from({ length: 24 }, () => 0);
    hours[num(row, 'hour')] = (hours[num(row, 'hour')] ?? 0) + num(row, 'int_page_read_count');
    series.hourly.set(day, hours);
  }
  for (const row of rowsOf(snapshots, 'followers')) {
    const total = row.cumulate_user;
    series.followers.set(text(row, 'date')!, { newUsers: num(row, 'new_user'), cancelled: num(row, 'cancel_user'), net: num(row, 'net_user'), ...(typeof total === 'number' ? { total } : {}) });
  }
  for (const row of rowsOf(snapshots, 'follower-sources')) {
    const day = text(row, 'date')!;
    const sources = series.followerSources.get(day) ?? new Map<number, number>();
    sources.set(num(row, 'user_source'), num(row, 'new_user'));
    series.followerSources.set(day, sources);
  }
  const articleRows = rowsOf(snapshots, 'articles');
  series.sends = readSends(rowsOf(snapshots, 'article-totals'), articleRows);
  for (const row of articleRows) {
    const day = text(row, 'date')!;
    const reads = series.articleDays.get(day) ?? new Map<string, number>();
    reads.set(articleKey(row), num(row, 'int_page_read_count'));
    series.articleDays.set(day, reads);
  }
  const newest = [series.daily, series.hourly, series.followers].flatMap((map) => [...map.keys()]).sort().at(-1);
  if (newest !== undefined) series.newest = newest;
  return series;
}

/** Reads by day: the sources added up, or an export's all-sources row when the day has no split. */
function readDaily(rows: readonly Row[]): Map<string, DayReads> {
  const bySource = new Map<string, Row[]>();
  for (const row of rows) bySource.set(text(row, 'date')!, [...(bySource.get(text(row, 'date')!) ?? []), row]);
  const daily = new Map<string, DayReads>();
  for (const [day, dayRows] of bySource) {
    const split = dayRows.filter((row) => num(row, 'user_source') !== allSources);
    const counted = split.length ? split : dayRows;
    const sum = (name: string) => counted.reduce((total, row) => total + num(row, name), 0);
    daily.set(day, {
      reads: sum('int_page_read_count'),
      readers: sum('int_page_read_user'),
      shares: sum('share_count'),
      favorites: sum('add_to_fav_count'),
      bySource: new Map(counted.map((row) => [num(row, 'user_source'), num(row, 'int_page_read_count')])),
    });
  }
  return daily;
}

const articleKey = (row: Row) => text(row, 'msgid') ?? `${text(row, 'title') ?? ''}|${text(row, 'publish_date') ?? ''}`;

/**
 * Each article's numbers up to seven days after it went out: getarticletotal's last running total when it has one,
 * else the export's days added up.
 */
function readSends(totals: readonly Row[], days: readonly Row[]): Send[] {
  const sends = new Map<string, Send>();
  for (const row of totals) {
    const msgid = text(row, 'msgid')!;
    const statDate = text(row, 'stat_date')!;
    const day = text(row, 'publish_date') ?? statDate;
    const age = daysBetween(day, statDate) + 1;
    const known = sends.get(msgid);
    if (age > sendDays || (known && known.daysCounted >= age)) continue;
    const delivered = row.target_user;
    const article = text(row, 'article');
    sends.set(msgid, {
      key: msgid,
      msgid,
      title: text(row, 'title') ?? msgid,
      day,
      ...(article ? { article } : {}),
      ...(typeof delivered === 'number' ? { delivered } : {}),
      reads: num(row, 'int_page_read_count'),
      readers: num(row, 'int_page_read_user'),
      shares: num(row, 'share_count'),
      favorites: num(row, 'add_to_fav_count'),
      daysCounted: age,
    });
  }
  const fromDays = new Map<string, Send>();
  for (const row of [...days].sort((a, b) => (text(a, 'date')! < text(b, 'date')! ? -1 : 1))) {
    const key = articleKey(row);
    if (sends.has(key)) continue;
    const date = text(row, 'date')!;
    const msgid = text(row, 'msgid');
    const send = fromDays.get(key) ?? { key, ...(msgid ? { msgid } : {}), title: text(row, 'title') ?? key, day: text(row, 'publish_date') ?? date, reads: 0, readers: 0, shares: 0, favorites: 0, daysCounted: 0 };
    const article = text(row, 'article');
    if (article) send.article = article;
    const age = daysBetween(send.day, date) + 1;
    if (age > sendDays) continue;
    send.reads += num(row, 'int_page_read_count');
    send.readers += num(row, 'int_page_read_user');
    send.shares += num(row, 'share_count');
    send.favorites += num(row, 'add_to_fav_count');
    send.daysCounted = Math.max(send.daysCounted, age);
    fromDays.set(key, send);
  }
  return [...sends.values(), ...fromDays.values()].sort((a, b) => (a.day === b.day ? (a.key < b.key ? -1 : 1) : a.day < b.day ? -1 : 1));
}
