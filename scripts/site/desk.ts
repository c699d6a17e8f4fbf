import { join } from 'node:path';
import type { ContentSet } from '../content/index.ts';
import { assembleDesk, previewOf, type DeskArticle } from '../desk/index.ts';
import { writeFileAtomic } from '../shared/atomic-write.ts';
import { notice } from '../shared/notice.ts';
import type { BuildRecord } from './build-record.ts';
import { deskPage } from './desk-page.ts';
import { copyReports } from './report-copies.ts';

export interface DeskOutput {
  root: string;
  outDir: string;
  set: ContentSet;
  record: BuildRecord;
  now: Date;
}

/** What the build record says of each article, as the desk takes it. */
function deskArticles(record: BuildRecord): DeskArticle[] {
  const built = Object.entries(record.articles).map(([file, entry]): DeskArticle => {
    const { account, title, status, publishAt, dir, thumbnail, lint } = entry;
    return { file, account, title, status, dir, ...(publishAt !== undefined ? { publishAt } : {}), ...(thumbnail !== undefined ? { thumbnail } : {}), ...(lint ? { lint } : {}) };
  });
  const failed = Object.entries(record.failed).map(([file, entry]): DeskArticle => ({ file, account: entry.account, title: entry.title, status: entry.status, error: entry.error }));
  return [...built, ...failed];
}

/** `dist/index.html`, the desk, with copies of the reports it links to; what it could not read is said once each. */
export async function writeDesk({ root, outDir, set, record, now }: DeskOutput): Promise<void> {
  const articles = deskArticles(record);
  const desk = await assembleDesk({ root, set, articles, now });
  for (const problem of desk.problems) notice(problem);
  const previews = new Map(articles.flatMap((article) => { const preview = previewOf(article); return preview === undefined ? [] : [[article.file, preview] as const]; }));
  const copied = new Set((await copyReports(root, outDir, [...desk.overview, ...desk.accounts.flatMap((account) => account.reports)], previews)).map((report) => report.href));
  const linked = { ...desk, overview: desk.overview.filter((report) => copied.has(report.href)), accounts: desk.accounts.map((account) => ({ ...account, reports: account.reports.filter((report) => copied.has(report.href)) })) };
  await writeFileAtomic(join(outDir, 'index.html'), deskPage(linked));
}
