import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../shared/atomic-write.ts';
import type { Chart } from './charts.ts';

/** A report's files, repository-relative: the Markdown, the HTML beside it, and its charts in a folder named for the period. */
export interface ReportFiles {
  markdown: string;
  html: string;
  charts: string[];
}

export function reportPaths(folder: string, periodId: string, charts: readonly Chart[]): ReportFiles {
  return { markdown: `${folder}/${periodId}.md`, html: `${folder}/${periodId}.html`, charts: charts.map((chart) => `${folder}/${periodId}/${chart.file}`) };
}

/** Writes a file (atomically) only when its bytes change; says whether they did. */
async function writeIfChanged(root: string, file: string, text: string): Promise<boolean> {
  const path = join(root, file);
  const before = await readFile(path, 'utf8').catch(() => undefined);
  if (before === text) return false;
  await writeFileAtomic(path, text);
  return true;
}

/**
 * Writes one report; charts a previous run made that this one does not (a KPI chart once the targets are gone) are
 * removed, so the folder holds what the Markdown shows. Returns the files that changed.
 */
export async function writeReport(root: string, files: ReportFiles, markdown: string, html: string, charts: readonly Chart[]): Promise<string[]> {
  const changed: string[] = [];
  const folder = files.markdown.replace(/\.md$/, '');
  const kept = new Set(charts.map((chart) => chart.file));
  for (const name of await readdir(join(root, folder)).catch(() => [])) {
    if (!name.endsWith('.svg') || kept.has(name)) continue;
    await rm(join(root, folder, name), { force: true });
    changed.push(`${folder}/${name}`);
  }
  for (const [index, chart] of charts.entries()) if (await writeIfChanged(root, files.charts[index]!, chart.svg)) changed.push(files.charts[index]!);
  if (await writeIfChanged(root, files.markdown, markdown)) changed.push(files.markdown);
  if (await writeIfChanged(root, files.html, html)) changed.push(files.html);
  return changed;
}
