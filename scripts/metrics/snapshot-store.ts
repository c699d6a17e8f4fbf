import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../shared/atomic-write.ts';
import { compareRows, makeRow, rowDay, rowKey, type Dataset, type Row } from './datasets.ts';
import { formatSnapshot, parseSnapshot } from './snapshot-csv.ts';

/** `reports/<account>/metrics`, where one account's snapshots live. */
export function snapshotDir(root: string, account: string): string {
  return join(root, 'reports', account, 'metrics');
}

export function snapshotFileName(dataset: Dataset, year: string): string {
  return `${dataset.name}-${year}.csv`;
}

/** The years a dataset has files for, oldest first. */
export async function datasetYears(dir: string, dataset: Dataset): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const pattern = new RegExp(`^${dataset.name}-(\\d{4})\\.csv$`);
  return names.flatMap((name) => pattern.exec(name)?.[1] ?? []).sort();
}

/** One year's file, as text and rows; none when it does not exist yet. */
async function readYear(dir: string, dataset: Dataset, year: string, shownDir: string): Promise<{ text: string; rows: Row[] } | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(dir, snapshotFileName(dataset, year)));
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
    throw error;
  }
  return { text: bytes.toString('utf8'), rows: parseSnapshot(bytes, dataset.columns, `${shownDir}/${snapshotFileName(dataset, year)}`) };
}

/** Every row of a dataset, all years, in file order. */
export async function readDataset(dir: string, dataset: Dataset, shownDir: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (const year of await datasetYears(dir, dataset)) rows.push(...((await readYear(dir, dataset, year, shownDir))?.rows ?? []));
  return rows;
}

export interface MergeResult {
  added: number;
  /** Rows whose numbers changed: WeChat revised a past day, or a later export says otherwise. */
  revised: number;
  /** Rows whose article column changed because the repository's articles did. */
  relinked: number;
  /** Files written, repository-relative. */
  written: string[];
}

export interface MergeOptions {
  /** Sets the row's article (and publish date) from the repository; applied to every row of every year when given. */
  link?: (row: Row) => void;
  /** `reports/<account>/metrics`, as messages and results name it. */
  shownDir: string;
}

/**
 * Merges rows into a dataset's year files: a new key is added, a known one updated in place where a number is
 * given and differs (an empty cell never blanks a number). A file is written, atomically, only when its text changes.
 */
export async function mergeIntoSnapshots(dir: string, dataset: Dataset, incoming: readonly Row[], options: MergeOptions): Promise<MergeResult> {
  const result: MergeResult = { added: 0, revised: 0, relinked: 0, written: [] };
  const byYear = new Map<string, Row[]>();
  for (const row of combine(dataset, incoming)) {
    const year = rowDay(dataset, row).slice(0, 4);
    const rows = byYear.get(year);
    if (rows) rows.push(row);
    else byYear.set(year, [row]);
  }
  const years = new Set([...byYear.keys(), ...(options.link ? await datasetYears(dir, dataset) : [])]);
  for (const year of [...years].sort()) {
    const existing = await readYear(dir, dataset, year, options.shownDir);
    const rows = new Map((existing?.rows ?? []).map((row) => [rowKey(dataset, row), row]));
    for (const row of byYear.get(year) ?? []) {
      const key = rowKey(dataset, row);
      const known = rows.get(key);
      if (!known) {
        rows.set(key, makeRow(dataset, row));
        result.added++;
      } else if (update(dataset, known, row)) {
        result.revised++;
      }
    }
    if (options.link) {
      for (const row of rows.values()) {
        const before = `${row.article}\u0000${row.publish_date}`;
        options.link(row);
        if (`${row.article}\u0000${row.publish_date}` !== before) result.relinked++;
      }
    }
    const text = formatSnapshot(dataset.columns, [...rows.values()].sort((a, b) => compareRows(dataset, a, b)));
    if (text === existing?.text) continue;
    await writeFileAtomic(join(dir, snapshotFileName(dataset, year)), text);
    result.written.push(`${options.shownDir}/${snapshotFileName(dataset, year)}`);
  }
  return result;
}

/** Copies the given cells of `row` into `known`; true when a number or text changed. */
function update(dataset: Dataset, known: Row, row: Row): boolean {
  let changed = false;
  for (const column of dataset.columns) {
    const value = row[column.name];
    if (value === null || value === undefined || value === known[column.name]) continue;
    // The link is the repository's, not WeChat's: a change there is a relink, counted by the caller.
    if (column.name === 'article' || column.name === 'publish_date') {
      known[column.name] = value;
      continue;
    }
    known[column.name] = value;
    changed = true;
  }
  if (changed) dataset.derive?.(known);
  return changed;
}

/** Rows of one key given by several calls (followers: new from getusersummary, total from getusercumulate) as one. */
function combine(dataset: Dataset, rows: readonly Row[]): Row[] {
  const byKey = new Map<string, Row>();
  for (const row of rows) {
    const key = rowKey(dataset, row);
    const known = byKey.get(key);
    if (!known) byKey.set(key, { ...row });
    else for (const [name, value] of Object.entries(row)) if (value !== null && value !== undefined) known[name] = value;
  }
  return [...byKey.values()];
}
