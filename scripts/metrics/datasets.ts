/**
 * The snapshot datasets: one CSV file per dataset and year under `reports/<account>/metrics/`, each with a fixed
 * column order. schemas/metrics.schema.json describes the same columns for outside tools (a test keeps them equal).
 */

export type CellType = 'date' | 'int' | 'text';
/** Empty cells are null: a number WeChat or the export did not give. */
export type Cell = string | number | null;
export type Row = Record<string, Cell>;

export interface Column {
  name: string;
  type: CellType;
}

export type DatasetName = 'articles' | 'article-totals' | 'daily' | 'hourly' | 'followers' | 'follower-sources' | 'shares';

export interface Dataset {
  name: DatasetName;
  columns: readonly Column[];
  /** The columns that tell rows apart, in sort order; the first is the date that picks the year's file. */
  key: readonly string[];
  /** Columns worked out from others after a merge (net followers). */
  derive?: (row: Row) => void;
}

const date = (name: string): Column => ({ name, type: 'date' });
const int = (name: string): Column => ({ name, type: 'int' });
const text = (name: string): Column => ({ name, type: 'text' });

/** What every read endpoint counts, in WeChat's field names. */
export const readCounts = [
  'int_page_read_user',
  'int_page_read_count',
  'ori_page_read_user',
  'ori_page_read_count',
  'share_user',
  'share_count',
  'add_to_fav_user',
  'add_to_fav_count',
] as const;

/** getarticletotal's readers by where they came from (cumulative, like its other numbers). */
export const articleSources = [
  'int_page_from_session_read_user',
  'int_page_from_hist_msg_read_user',
  'int_page_from_feed_read_user',
  'int_page_from_friends_read_user',
  'int_page_from_kanyikan_read_user',
  'int_page_from_souyisou_read_user',
  'int_page_from_other_read_user',
] as const;

const counts = readCounts.map(int);

export const datasets: Readonly<Record<DatasetName, Dataset>> = {
  // getarticlesummary, or an export with a title and a date: one article's numbers on one day.
  articles: {
    name: 'articles',
    columns: [date('date'), text('msgid'), text('title'), date('publish_date'), text('article'), ...counts],
    key: ['date', 'msgid', 'title'],
  },
  // getarticletotal: for each mass-sent article, its totals up to each of the seven days after the send.
  'article-totals': {
    name: 'article-totals',
    columns: [date('stat_date'), text('msgid'), text('title'), date('publish_date'), text('article'), int('target_user'), ...counts, ...articleSources.map(int)],
    key: ['stat_date', 'msgid'],
  },
  daily: {
    name: 'daily',
    columns: [date('date'), int('user_source'), text('user_source_name'), ...counts],
    key: ['date', 'user_source'],
  },
  // getuserreadhour, all sources together: its split by source would be seven times the rows of every other
  // dataset together, and the daily dataset has the sources.
  hourly: {
    name: 'hourly',
    columns: [date('date'), int('hour'), ...counts],
    key: ['date', 'hour'],
  },
  followers: {
    name: 'followers',
    columns: [date('date'), int('new_user'), int('cancel_user'), int('net_user'), int('cumulate_user')],
    key: ['date'],
    derive(row) {
      if (typeof row.new_user === 'number' && typeof row.cancel_user === 'number') row.net_user = row.new_user - row.cancel_user;
    },
  },
  'follower-sources': {
    name: 'follower-sources',
    columns: [date('date'), int('user_source'), text('user_source_name'), int('new_user'), int('cancel_user')],
    key: ['date', 'user_source'],
  },
  shares: {
    name: 'shares',
    columns: [date('date'), int('share_scene'), text('share_scene_name'), int('share_count'), int('share_user')],
    key: ['date', 'share_scene'],
  },
};

export const datasetNames: readonly DatasetName[] = ['articles', 'article-totals', 'daily', 'hourly', 'followers', 'follower-sources', 'shares'];

/** Values made for each of datasetNames, in its order, keyed by dataset. */
export function byDataset<T>(values: readonly T[]): Record<DatasetName, T> {
  const [articles, totals, daily, hourly, followers, sources, shares] = values;
  return { articles: articles!, 'article-totals': totals!, daily: daily!, hourly: hourly!, followers: followers!, 'follower-sources': sources!, shares: shares! };
}

/** A row with every column, empty where `values` says nothing. */
export function makeRow(dataset: Dataset, values: Row): Row {
  const row: Row = {};
  for (const column of dataset.columns) row[column.name] = values[column.name] ?? null;
  dataset.derive?.(row);
  return row;
}

export function rowKey(dataset: Dataset, row: Row): string {
  return dataset.key.map((name) => String(row[name] ?? '')).join('\u0000');
}

/** The day a row belongs to: its year picks the file. */
export function rowDay(dataset: Dataset, row: Row): string {
  return String(row[dataset.key[0]!]);
}

/** Stable order: by the key columns, numbers as numbers, text by code point, so every machine sorts alike. */
export function compareRows(dataset: Dataset, a: Row, b: Row): number {
  for (const name of dataset.key) {
    const x = a[name] ?? '';
    const y = b[name] ?? '';
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}
