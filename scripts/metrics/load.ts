import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { byDataset, datasetNames, datasets, type Dataset, type DatasetName } from './datasets.ts';
import { parseFrame, type Frame } from './snapshot-frame.ts';
import { datasetYears, snapshotDir, snapshotFileName } from './snapshot-store.ts';

export type AccountSnapshots = Record<DatasetName, Frame>;

/** Every year of one dataset of one account, as one frame. */
async function loadDataset(dir: string, dataset: Dataset, shownDir: string): Promise<Frame> {
  const names = (await datasetYears(dir, dataset)).map((year) => snapshotFileName(dataset, year));
  const files = await Promise.all(names.map(async (name) => ({ bytes: await readFile(join(dir, name)), file: `${shownDir}/${name}` })));
  return parseFrame(files, dataset.columns);
}

/**
 * Every snapshot of the given accounts (default: every reports/<account>/metrics folder), column by column:
 * what a report over all accounts and years reads.
 */
export async function loadSnapshots(root: string, accounts?: readonly string[]): Promise<Map<string, AccountSnapshots>> {
  const ids = accounts ?? (await readdir(join(root, 'reports'), { withFileTypes: true }).catch(() => [])).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const loaded = new Map<string, AccountSnapshots>();
  for (const id of ids) {
    const dir = snapshotDir(root, id);
    const shown = `reports/${id}/metrics`;
    const frames = await Promise.all(datasetNames.map((name) => loadDataset(dir, datasets[name], shown)));
    loaded.set(id, byDataset(frames));
  }
  return loaded;
}
