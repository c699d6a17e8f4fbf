import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parsePeriod, type PeriodKind } from '../report/index.ts';

/** Where the desk keeps its copies of the reports, under the output folder: `_` cannot begin an account id. */
export const reportsFolder = '_reports';
/** The overview of every account, as `mpdesk report --all` names its folder under `reports/`. */
export const overviewId = '_overview';

/** A report's HTML page, which the build copies beside the desk so its link works from the file system. */
export interface DeskReport {
  /** `2026-11`, `2026-W48`. */
  period: string;
  kind: PeriodKind;
  /** `2026 年 11 月月报`. */
  label: string;
  /** The period's first day, YYYY-MM-DD. */
  first: string;
  /** Repository-relative: `reports/qinghe-tea/2026-11.html`. */
  source: string;
  /** Relative to the output folder: `_reports/qinghe-tea/2026-11.html`. */
  href: string;
}

function reportOf(folder: string, name: string): DeskReport | undefined {
  const id = name.replace(/\.html$/, '');
  const kind: PeriodKind = id.includes('-W') ? 'weekly' : 'monthly';
  const parsed = parsePeriod(kind, id);
  if (!parsed.ok) return undefined;
  const label = `${parsed.period.label}${kind === 'monthly' ? '月报' : '周报'}`;
  return { period: id, kind, label, first: parsed.period.first, source: `reports/${folder}/${name}`, href: `${reportsFolder}/${folder}/${name}` };
}

/** The report pages under `reports/<folder>/`, newest period first; none when there is no such folder. */
export async function reportsIn(root: string, folder: string): Promise<DeskReport[]> {
  const names = await readdir(join(root, 'reports', folder)).catch(() => []);
  const reports = names.filter((name) => name.endsWith('.html')).flatMap((name) => reportOf(folder, name) ?? []);
  return reports.sort((a, b) => b.first.localeCompare(a.first) || a.kind.localeCompare(b.kind));
}
