import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../shared/finding.ts';
import { notice } from './findings.ts';
import { readHourlyReads } from './hourly-reads.ts';
import type { AccountSchedule } from './schedule.ts';

export interface BestHours {
  /** Hours of the day in China time, 0–23, ascending. */
  hours: number[];
  /** Where they come from, for messages: `account.yaml 的 best_hours` or the snapshot files read. */
  source: string;
}

export interface BestHoursResult {
  best?: BestHours;
  /** Why the snapshots could not be used, or that there is nothing to check against. */
  findings: Finding[];
}

/** An hour counts as best when its reads reach this share of the busiest hour's. */
export const bestHourShare = 0.5;

/**
 * The account's best publishing hours: from the reads by hour in `reports/<account>/metrics/hourly-*.csv` when
 * those hold reads, else `best_hours` in account.yaml. A snapshot that cannot be read is a warning naming its line,
 * and none of the snapshots is used.
 */
export function bestHoursFor(root: string, schedule: AccountSchedule): BestHoursResult {
  const folder = `reports/${schedule.account}/metrics`;
  const files = listHourly(join(root, folder)).map((name) => `${folder}/${name}`);
  const fromSettings = schedule.settings.best_hours ? { hours: [...schedule.settings.best_hours].sort((a, b) => a - b), source: `account.yaml 的 best_hours` } : undefined;
  const totals = Array.from({ length: 24 }, () => 0);
  for (const file of files) {
    const read = readText(join(root, file));
    const result = read.ok ? readHourlyReads(read.text) : { ok: false as const, line: 1, problem: read.problem };
    if (!result.ok) {
      const fallback = fromSettings ? '改用 account.yaml 的 best_hours。' : '没有检查计划时段是否在读者最活跃的小时。';
      const message = `无法从这份小时阅读数据得出最佳时段：${result.problem}。${fallback}`;
      return { ...(fromSettings ? { best: fromSettings } : {}), findings: [notice(file, result.line, 'warning', 'plan/hourly-data', message)] };
    }
    result.reads.forEach((reads, hour) => (totals[hour]! += reads));
  }
  const busiest = Math.max(...totals);
  if (busiest > 0) {
    const hours = totals.flatMap((reads, hour) => (reads >= busiest * bestHourShare ? [hour] : []));
    return { best: { hours, source: `${files.join('、')}：阅读次数达到最高那个小时一半以上的小时` }, findings: [] };
  }
  if (fromSettings) return { best: fromSettings, findings: [] };
  const accountFile = schedule.accountFile?.source.file;
  if (!accountFile) return { findings: [] };
  const data = files.length ? `${files.join('、')} 里还没有阅读次数` : `没有 ${folder}/hourly-*.csv`;
  return { findings: [notice(accountFile, 1, 'info', 'plan/no-best-hours', `account.yaml 没有 best_hours，${data}：没有检查计划时段是否在读者最活跃的小时。`)] };
}

function listHourly(folder: string): string[] {
  try {
    return readdirSync(folder).filter((name) => /^hourly-.+\.csv$/.test(name)).sort();
  } catch {
    return [];
  }
}

function readText(path: string): { ok: true; text: string } | { ok: false; problem: string } {
  try {
    return { ok: true, text: readFileSync(path, 'utf8') };
  } catch (error) {
    return { ok: false, problem: `无法读取（${error instanceof Error && 'code' in error ? String(error.code) : String(error)}）` };
  }
}
