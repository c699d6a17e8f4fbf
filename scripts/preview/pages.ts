import { accountOf, classify } from '../content/index.ts';
import { compareFindings, type Finding } from '../shared/finding.ts';
import type { BuildReport } from '../site/index.ts';

/** One article as the preview shows it: its preview page when it built, and the findings beside it. */
export interface ArticlePage {
  file: string;
  /** `<account>/<slug>`: its folder under the output folder and its address on the server. */
  dir: string;
  /** Whether `preview.html` is current; a failed article has none, and its findings are shown instead. */
  built: boolean;
  /** A digest of the built `preview.html` (a save of the same text renders the same bytes: no reload). */
  preview: string;
  findings: Finding[];
}

/** What one build tells the preview: the build's report and the lint's findings (undefined when linting failed). */
export interface BuildOutcome {
  report: BuildReport;
  lint: readonly Finding[] | undefined;
  /** A digest of the front page and of each built preview page (rendered now, or new to the preview), by file. */
  digests: { desk: string; previews: ReadonlyMap<string, string> };
}

/** The page that stands for the front page (the desk) in `versions`. */
export const deskKey = '';

/**
 * What the preview knows about every article after each build, and a version per page (its `dir`, or `deskKey`)
 * that changes whenever what the page shows changes, so open pages reload exactly then.
 */
export class PreviewPages {
  private readonly pages = new Map<string, ArticlePage>();
  /** Each article's validation and render findings from the last build that checked it (unchanged ones are not). */
  private readonly checked = new Map<string, Finding[]>();
  /** The last lint's findings, by file. */
  private lint = new Map<string, Finding[]>();
  private lintFailed = false;
  private readonly versions = new Map<string, string>();
  private builds = 0;
  /** Distinct per process, so a page left open across a restart reloads once. */
  private readonly run = Date.now().toString(36);

  private desk = '';

  /** Takes a build's outcome; returns the articles whose page changed. */
  apply({ report, lint, digests }: BuildOutcome): string[] {
    const version = `${this.run}-${++this.builds}`;
    for (const file of [...report.rendered, ...report.failed]) this.checked.set(file, report.findings.filter((f) => f.file === file));
    this.lintFailed = lint === undefined;
    if (lint) this.lint = byFile(lint);
    const shared = [...report.findings, ...[...this.lint.values()].flat()].filter((f) => !articleFile(f.file));
    const failed = new Set(report.failed);
    const present = new Set<string>();
    const changed: string[] = [];
    for (const file of [...report.rendered, ...report.unchanged, ...report.failed]) {
      const place = classify(file);
      if (place?.kind !== 'article') continue;
      const dir = `${place.account}/${place.slug}`;
      present.add(dir);
      const before = this.pages.get(dir);
      const preview = failed.has(file) ? '' : (digests.previews.get(file) ?? before?.preview ?? '');
      const page: ArticlePage = { file, dir, built: !failed.has(file), preview, findings: this.findingsOf(file, place.account, shared) };
      this.pages.set(dir, page);
      if (!before || JSON.stringify(before) !== JSON.stringify(page)) {
        this.versions.set(dir, version);
        changed.push(file);
      }
    }
    for (const [dir, page] of this.pages) {
      if (present.has(dir)) continue;
      this.pages.delete(dir);
      this.checked.delete(page.file);
      this.versions.set(dir, version);
      changed.push(page.file);
    }
    if (digests.desk !== this.desk) this.versions.set(deskKey, version);
    this.desk = digests.desk;
    return changed.sort();
  }

  page(dir: string): ArticlePage | undefined {
    return this.pages.get(dir);
  }

  pageOf(file: string): ArticlePage | undefined {
    const place = classify(file);
    const page = place?.kind === 'article' ? this.pages.get(`${place.account}/${place.slug}`) : undefined;
    return page?.file === file ? page : undefined;
  }

  /** The version of a page's content now; '' for a page the preview has never had. */
  version(key: string): string {
    return this.versions.get(key) ?? '';
  }

  /** Whether the last build's lint failed, so the findings shown may be missing lint's. */
  get lintMissing(): boolean {
    return this.lintFailed;
  }

  /**
   * The article's own findings (validation, render, lint) and those of the files that decide how it is checked:
   * its account's account.yaml and word list, and the team's word list. Each finding once, in file order.
   */
  private findingsOf(file: string, account: string, shared: readonly Finding[]): Finding[] {
    const own = [...(this.checked.get(file) ?? []), ...(this.lint.get(file) ?? [])];
    const related = shared.filter((f) => f.file === 'content/words.yaml' || (accountOf(f.file) === account && /\/(?:account\.ya?ml|words\.yaml)$/.test(f.file)));
    const seen = new Set<string>();
    return [...own, ...related].sort(compareFindings).filter((f) => {
      const key = `${f.file}:${f.line}:${f.column}:${f.ruleId}:${f.message}`;
      return !seen.has(key) && Boolean(seen.add(key));
    });
  }
}

function byFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const finding of findings) map.set(finding.file, [...(map.get(finding.file) ?? []), finding]);
  return map;
}

function articleFile(file: string): boolean {
  return classify(file)?.kind === 'article';
}
