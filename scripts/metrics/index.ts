/**
 * Metrics: reads, shares and followers pulled from WeChat's statistics API (datacube) or imported from the
 * backend's exports, kept as CSV snapshots in `reports/<account>/metrics/` that change only when the numbers do,
 * each article row linked to its article in the repository.
 */
export { pullAccount, type PullAccountOptions, type PullResult } from './pull.ts';
export { importExport, type ImportOptions, type ImportResult } from './import.ts';
export { ImportFileError, importExtensions } from './import-read.ts';
export { importFields, defaultHeaders } from './header-map.ts';
export { articleMetrics, dailyTable, sourcesTable, type ArticleMetrics } from './show.ts';
export { commitSnapshots } from './commit.ts';
export { ciAccounts, metricsAccounts, noApiReason, type CiAccount, type MetricsAccount } from './settings.ts';
export { pullText, importText } from './report-text.ts';
export { loadSnapshots, type AccountSnapshots } from './load.ts';
export { frameRows, type Frame } from './snapshot-frame.ts';
export { SnapshotError } from './snapshot-csv.ts';
export { datasets, datasetNames, type Dataset, type DatasetName, type Row } from './datasets.ts';
export { firstRunDays } from './planner.ts';
