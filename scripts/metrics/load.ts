import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { byDataset, datasetNames, datasets, type Dataset, type DatasetName } from './datasets.ts';
import { parseFrame, type Frame } from './snapshot-frame.ts';
import { datasetYears, snapshotDir, snapshotFileName } from './snapshot-store.ts';

export type AccountSnapshots = Record<DatasetName, Frame>;

/** Every year of one dataset of one account, as one frame. */
async function loadDataset(dir: string, dataset: Dataset, shownDir: string): Promise<Frame> {
  const frames = await Promise.all(
    (await datasetYears(dir, dataset)).map(async (year) => parseFrame(await readFile(join(dir, snapshotFileName(dataset, year))), dataset.columns, `${shownDir}/${snapshotFileName(dataset, year)}`)),
  );
  if (frames.length === 1) return frames[0]!;
  const length = frames.reduce((sum, frame) => sum + frame.length, 0);
  const joined: Frame = { length, numbers: {}, strings: {} };
  for (const column of dataset.columns) {
    if (column.type === 'int') {
      const all = new Float64Array(length);
      let at = 0;
      for (const frame of frames) {
        all.set(frame.numbers[column.name]!, at);
        at += frame.length;
      }
      joined.numbers[column.name] = all;
    } else {
      joined.strings[column.name] = frames.flatMap((frame) => frame.strings[column.name]!);
    }
  }
  return joined;
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
