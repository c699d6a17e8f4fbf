import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { reportsFolder, type DeskReport } from '../desk/index.ts';
import { writeFileAtomic } from '../shared/atomic-write.ts';
import { escapeHtml } from '../shared/escape-html.ts';
import { notice } from '../shared/notice.ts';
import { writing } from '../shared/write-error.ts';

/**
 * Copies each report page the desk links to into `<out>/_reports/<account>/`, the same two folders deep as
 * `reports/<account>/`, so it opens from the file system and travels with the output folder (a CI artefact). Its
 * links to article files (`../../content/…/index.md`) become links to their previews, and the overview's links to
 * account reports (`../<account>/<period>.md`) to their copies; a link with nothing to go to in the output folder
 * keeps its text and loses its address. A copy is written only when its bytes change; copies of reports that are
 * gone are removed. Returns the reports copied: one that cannot be read is said in a notice and not linked.
 */
export async function copyReports(root: string, outDir: string, reports: readonly DeskReport[], previews: ReadonlyMap<string, string>): Promise<DeskReport[]> {
  const copied: DeskReport[] = [];
  const hrefs = new Set(reports.map((report) => report.href));
  for (const report of reports) {
    const text = await readFile(join(root, report.source), 'utf8').catch((error: unknown) => {
      notice(`报告 ${report.source} 无法读取，首页不链接它：${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    });
    if (text === undefined) continue;
    const path = join(outDir, report.href);
    const copy = relinked(text, report.href, previews, hrefs);
    if ((await readFile(path, 'utf8').catch(() => undefined)) !== copy) await writeFileAtomic(path, copy);
    copied.push(report);
  }
  await removeStale(outDir, new Set(copied.map((report) => report.href)));
  return copied;
}

/** The page with its links into the repository turned into links inside the output folder. */
function relinked(html: string, href: string, previews: ReadonlyMap<string, string>, hrefs: ReadonlySet<string>): string {
  const folder = href.split('/').slice(0, -2).join('/');
  // The report writer's own links, always `href="…"` with the path percent-encoded; anything else is left alone.
  return html.replace(/(?<![\w:-])href="(\.\.\/[^"]*)"/g, (whole, address: string) => {
    let target: string;
    try {
      target = decodeURIComponent(address);
    } catch {
      return whole;
    }
    const article = target.startsWith('../../content/') ? target.slice('../../'.length) : undefined;
    if (article !== undefined) {
      const preview = previews.get(article);
      return preview === undefined ? `title="${escapeHtml(article)}（没有构建预览）"` : `href="../../${preview}"`;
    }
    const report = /^\.\.\/([^/]+)\/([^/]+)\.md$/.exec(target);
    if (report) {
      const copy = `${folder}/${report[1]}/${report[2]}.html`;
      return hrefs.has(copy) ? `href="../${report[1]}/${report[2]}.html"` : `title="${escapeHtml(`reports/${report[1]}/${report[2]}.md`)}"`;
    }
    return whole;
  });
}

/** Copies in `<out>/_reports/` of reports no longer linked, and the folders they leave empty. */
async function removeStale(outDir: string, kept: ReadonlySet<string>): Promise<void> {
  const base = join(outDir, reportsFolder);
  for (const folder of await readdir(base).catch(() => [])) {
    const names = await readdir(join(base, folder)).catch(() => []);
    const stale = names.filter((name) => name.endsWith('.html') && !kept.has(`${reportsFolder}/${folder}/${name}`));
    for (const name of stale) await writing(join(base, folder, name), () => rm(join(base, folder, name), { force: true }), 'remove');
    if (stale.length === names.length) await writing(join(base, folder), () => rm(join(base, folder), { recursive: true, force: true }), 'remove');
  }
  if (!(await readdir(base).catch(() => [])).length) await rm(base, { recursive: true, force: true });
}
