import { unified } from 'unified';
import { VFile } from 'vfile';
import type { ArticleFile, ContentSet, PlanFile } from '../content/index.ts';
import { parseMarkdown } from '../content/markdown.ts';
import { readFrontmatter } from '../content/frontmatter.ts';
import { writeFileAtomic } from '../shared/atomic-write.ts';
import { createLocator } from '../shared/text-locator.ts';
import { compareFindings, type Finding } from '../shared/finding.ts';
import { validateContent } from '../validate/index.ts';
import type { Dictionary } from './dictionary.ts';
import type { DictionaryName, Fix, MessageData, PeerArticle, Rule, RuleContext } from './define-rule.ts';
import { applyFixes } from './fix.ts';
import { frontmatterBlocks, proseBlocks } from './prose.ts';
import { LintResources } from './resources.ts';
import { allRules } from './rules/index.ts';
import { isSuppressed, suppressions } from './suppress.ts';

export interface LintOptions {
  only?: (file: string) => boolean;
  /** Apply the mechanical fixes to the files (atomically); without it no file is written. */
  fix?: boolean;
  rules?: readonly Rule[];
}

export interface LintResult {
  findings: Finding[];
  /** Files changed by --fix. */
  fixed: string[];
}

type Lintable = ArticleFile | PlanFile;

/** Schema checks plus every lint rule over the selected articles and plans. */
export async function lintContent(set: ContentSet, options: LintOptions = {}): Promise<LintResult> {
  const wanted = options.only ?? (() => true);
  const rules = options.rules ?? allRules;
  const resources = new LintResources(set.root);
  const findings = await validateContent(set, { only: wanted });
  const peers = set.articles.filter((a) => a.doc).map((a) => peerOf(a));
  const accounts = new Map(set.accounts.map((a) => [a.place.account, a.doc?.data ?? {}]));
  const fixed: string[] = [];

  const targets: Lintable[] = [...set.articles, ...set.plans].filter((f) => f.doc && wanted(f.source.file));
  for (const target of targets) {
    let result = await lintFile(target, rules, resources, accounts, peers, set.root);
    if (options.fix) {
      let text = target.source.text;
      for (let pass = 0; pass < 5 && result.fixes.length; pass++) {
        text = applyFixes(text, result.fixes).text;
        const reloaded = reload(target, text);
        if (!reloaded) break;
        result = await lintFile(reloaded, rules, resources, accounts, peers, set.root);
      }
      if (text !== target.source.text) {
        await writeFileAtomic(target.source.path, text);
        fixed.push(target.source.file);
      }
    }
    findings.push(...result.findings);
  }
  return { findings: findings.sort(compareFindings), fixed };
}

async function lintFile(
  target: Lintable,
  rules: readonly Rule[],
  resources: LintResources,
  accounts: ReadonlyMap<string, Record<string, unknown>>,
  peers: readonly PeerArticle[],
  root: string,
): Promise<{ findings: Finding[]; fixes: Fix[] }> {
  const { source, doc, place } = target;
  const tree = parseMarkdown(source);
  const dictionaries = new Map<DictionaryName, Dictionary>();
  for (const name of ['absolute', 'claims', 'platform', 'sensitive'] as const) dictionaries.set(name, await resources.dictionary(name, place.account));
  const context: RuleContext = {
    root,
    source,
    doc: doc!,
    tree,
    kind: place.kind,
    account: accounts.get(place.account) ?? {},
    blocks: proseBlocks(source, tree),
    meta: frontmatterBlocks(source, doc!),
    dictionary: (name) => dictionaries.get(name)!,
    peers,
    report: () => undefined,
  };
  const file = new VFile({ path: source.file, data: { mpdesk: context } });
  const processor = unified();
  for (const rule of rules) processor.use(rule.plugin);
  await processor.run(tree, file);

  const silenced = suppressions(tree);
  const findings: Finding[] = [];
  const fixes: Fix[] = [];
  for (const message of file.messages) {
    const data = (message as unknown as { mpdesk?: MessageData }).mpdesk;
    if (!data) continue;
    const finding: Finding = {
      file: source.file,
      ...source.locator.range(data.span[0], data.span[1]),
      ruleId: message.ruleId ?? 'unknown',
      severity: data.severity,
      message: message.reason,
    };
    if (data.suggestions) finding.suggestions = data.suggestions;
    if (isSuppressed(finding, silenced)) continue;
    findings.push(finding);
    if (data.fix) fixes.push(data.fix);
  }
  return { findings, fixes };
}

function peerOf(article: ArticleFile): PeerArticle {
  return { source: article.source, title: String(article.doc?.data.title ?? ''), blocks: proseBlocks(article.source, parseMarkdown(article.source)) };
}

/** The same file with fixed text, parsed again. */
function reload(target: Lintable, text: string): Lintable | undefined {
  const parsed = readFrontmatter(text, target.source.bomLength);
  if (!parsed.ok) return undefined;
  return { ...target, source: { ...target.source, text, locator: createLocator(text) }, doc: parsed.frontmatter } as Lintable;
}
