import { datasets } from './datasets.ts';
import { wrongAccountReason } from './account-check.ts';
import { headerMap } from './header-map.ts';
import { readExport } from './import-read.ts';
import { importRows, LayoutError } from './import-rows.ts';
import { titlesOf, type MetricsAccount } from './settings.ts';
import { readDataset, snapshotDir } from './snapshot-store.ts';
import { writeSnapshots, type WriteResult } from './write-snapshots.ts';
import type { DatasetName } from './datasets.ts';

export interface ImportOptions {
  root: string;
  account: MetricsAccount;
  /** The other accounts of the repository, to recognise an export of one of them. */
  others: readonly MetricsAccount[];
  path: string;
  /** The file as the user named it, for messages. */
  shownFile: string;
}

export interface ImportResult extends Partial<WriteResult> {
  account: string;
  file: string;
  dataset?: DatasetName;
  /** Rows read and accepted. */
  rows: number;
  /** Rows refused, with their row numbers. */
  problems: string[];
  /** Columns of the export that map to no field, so were left out. */
  ignoredColumns: string[];
  /** Why the whole file was refused (unknown layout, another account's export). */
  refused?: string;
  /** The newest day in the file, for the commit message. */
  newest?: string;
}

/** Reads one backend export into the account's snapshots; a file refused whole writes nothing. */
export async function importExport(options: ImportOptions): Promise<ImportResult> {
  const { account, shownFile } = options;
  const base = { account: account.id, file: shownFile, rows: 0, problems: [], ignoredColumns: [] };
  const tables = await readExport(options.path, shownFile);
  let imported;
  try {
    imported = importRows(tables, headerMap(account.settings.metrics?.headers), shownFile, account.id);
  } catch (error) {
    if (error instanceof LayoutError) return { ...base, refused: error.message };
    throw error;
  }
  const facts = (one: MetricsAccount) => ({ id: one.id, name: one.settings.name ?? one.id, titles: titlesOf(one) });
  const followers = imported.dataset === 'followers' ? await readDataset(snapshotDir(options.root, account.id), datasets.followers, `reports/${account.id}/metrics`) : [];
  const wrong = wrongAccountReason(imported, shownFile, facts(account), options.others.map(facts), followers);
  if (wrong) return { ...base, dataset: imported.dataset, refused: `${shownFile} 看起来不是 ${account.id} 的导出：${wrong}。没有导入：请确认 --account，或换成这个账号的导出文件。` };
  const written = await writeSnapshots(options.root, account.id, account.articles, { [imported.dataset]: imported.rows }, imported.urls);
  const newest = imported.rows.reduce<string | undefined>((max, row) => (typeof row.date === 'string' && (!max || row.date > max) ? row.date : max), undefined);
  return { ...base, ...written, dataset: imported.dataset, rows: imported.rows.length, problems: imported.problems, ignoredColumns: imported.ignoredColumns, ...(newest ? { newest } : {}) };
}
