import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../shared/atomic-write.ts';
import { addDays, daysBetween, type Day } from './dates.ts';
import type { Column, Row } from './datasets.ts';
import { formatSnapshot, parseSnapshot } from './snapshot-csv.ts';

/**
 * Which days each endpoint has been asked for and answered, kept in `coverage.csv` beside the snapshots: a day
 * with nothing to list (no shares, no article read) leaves no row in the datasets, and must not be asked again.
 * `pulled_through` is the newest ready day when a getarticletotal send day was asked for, while its numbers can
 * still grow; empty once they are final and for every other endpoint.
 */
export const coverageFile = 'coverage.csv';

const columns: readonly Column[] = [
  { name: 'endpoint', type: 'text' },
  { name: 'begin_date', type: 'date' },
  { name: 'end_date', type: 'date' },
  { name: 'pulled_through', type: 'date' },
];

/** endpoint → day → pulled_through ('' when final). */
export type Coverage = Map<string, Map<Day, string>>;

export async function readCoverage(dir: string, shownDir: string): Promise<{ coverage: Coverage; text?: string }> {
  let text: string;
  try {
    text = await readFile(join(dir, coverageFile), 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return { coverage: new Map() };
    throw error;
  }
  const coverage: Coverage = new Map();
  for (const row of parseSnapshot(text, columns, `${shownDir}/${coverageFile}`)) {
    const { endpoint, begin_date: begin, end_date: end, pulled_through: through } = row;
    if (typeof endpoint !== 'string' || typeof begin !== 'string' || typeof end !== 'string') continue;
    for (let day = begin; day <= end; day = addDays(day, 1)) markCovered(coverage, endpoint, day, typeof through === 'string' ? through : '');
  }
  return { coverage, text };
}

export function markCovered(coverage: Coverage, endpoint: string, day: Day, pulledThrough: string): void {
  let days = coverage.get(endpoint);
  if (!days) coverage.set(endpoint, (days = new Map()));
  days.set(day, pulledThrough);
}

/** Runs of consecutive days with the same pulled_through, one row each, sorted: a stable, short file. */
export function formatCoverage(coverage: Coverage): string {
  const rows: Row[] = [];
  for (const endpoint of [...coverage.keys()].sort()) {
    const days = [...coverage.get(endpoint)!.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    for (const [day, through] of days) {
      const last = rows.at(-1);
      if (last && last.endpoint === endpoint && (last.pulled_through ?? '') === through && daysBetween(String(last.end_date), day) === 1) last.end_date = day;
      else rows.push({ endpoint, begin_date: day, end_date: day, pulled_through: through || null });
    }
  }
  return formatSnapshot(columns, rows);
}

/** Writes coverage.csv when it differs from `before`; returns its text. */
export async function writeCoverage(dir: string, coverage: Coverage, before: string | undefined): Promise<string> {
  const text = formatCoverage(coverage);
  if (text !== before) await writeFileAtomic(join(dir, coverageFile), text);
  return text;
}
