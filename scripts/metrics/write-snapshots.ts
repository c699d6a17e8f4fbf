import type { ArticleFile } from '../content/index.ts';
import { datasetNames, datasets, type DatasetName, type Row } from './datasets.ts';
import { ArticleLinker, type LinkProblem } from './join.ts';
import type { ParsedRows } from './parse-responses.ts';
import { mergeIntoSnapshots, readDataset, snapshotDir } from './snapshot-store.ts';

export interface DatasetChange {
  added: number;
  revised: number;
  relinked: number;
}

export interface WriteResult {
  changes: Partial<Record<DatasetName, DatasetChange>>;
  /** Files written, repository-relative. */
  written: string[];
  added: number;
  revised: number;
  unmatched: LinkProblem[];
  ambiguous: LinkProblem[];
}

const articleDatasets: DatasetName[] = ['article-totals', 'articles'];

/**
 * Merges new rows into one account's snapshot files and links every article row to the repository's articles.
 * `urls` gives the article address an export row carried (no dataset keeps it).
 */
export async function writeSnapshots(root: string, account: string, articles: readonly ArticleFile[], rows: ParsedRows, urls = new WeakMap<Row, string>()): Promise<WriteResult> {
  const dir = snapshotDir(root, account);
  const shownDir = `reports/${account}/metrics`;
  const linker = new ArticleLinker(articles);
  const sendRows = articleDatasets.some((name) => rows[name]?.length) ? [...(await readDataset(dir, datasets['article-totals'], shownDir)), ...(rows['article-totals'] ?? [])] : [];
  for (const row of sendRows) if (typeof row.msgid === 'string' && typeof row.publish_date === 'string') linker.sendDays.set(row.msgid, row.publish_date);
  for (const row of articleDatasets.flatMap((name) => rows[name] ?? [])) linker.link(row, urls.get(row));

  const result: WriteResult = { changes: {}, written: [], added: 0, revised: 0, unmatched: [], ambiguous: [] };
  // New article rows relink the old ones of every year too: a receipt added since links its article's history.
  const relink = articleDatasets.some((name) => rows[name]?.length);
  for (const name of datasetNames.filter((name) => rows[name]?.length || (relink && articleDatasets.includes(name)))) {
    const merged = await mergeIntoSnapshots(dir, datasets[name], rows[name] ?? [], { shownDir, ...(articleDatasets.includes(name) ? { link: (row: Row) => linker.link(row) } : {}) });
    result.changes[name] = { added: merged.added, revised: merged.revised, relinked: merged.relinked };
    result.written.push(...merged.written);
    result.added += merged.added;
    result.revised += merged.revised;
  }
  result.unmatched = [...linker.unmatched.values()];
  result.ambiguous = [...linker.ambiguous.values()];
  return result;
}
