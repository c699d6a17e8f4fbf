import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { datasetNames, datasets, type DatasetName, type Row } from './datasets.ts';
import { readDataset, snapshotDir } from './snapshot-store.ts';

export type AccountSnapshots = Record<DatasetName, Row[]>;

/** Every snapshot row of the given accounts (default: every account with a reports/<account>/metrics folder). */
export async function loadSnapshots(root: string, accounts?: readonly string[]): Promise<Map<string, AccountSnapshots>> {
  const ids = accounts ?? (await readdir(join(root, 'reports'), { withFileTypes: true }).catch(() => [])).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const loaded = new Map<string, AccountSnapshots>();
  for (const id of ids) {
    const dir = snapshotDir(root, id);
    const read = (name: DatasetName) => readDataset(dir, datasets[name], `reports/${id}/metrics`);
    const [articles, totals, daily, hourly, followers, sources, shares] = await Promise.all(datasetNames.map(read));
    loaded.set(id, { articles: articles!, 'article-totals': totals!, daily: daily!, hourly: hourly!, followers: followers!, 'follower-sources': sources!, shares: shares! });
  }
  return loaded;
}
