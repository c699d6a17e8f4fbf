import { unified } from 'unified';
import { VFile } from 'vfile';
import { resolveArticle, type ArticleFile, type PlanFile } from '../content/index.ts';
import { parseMarkdown } from '../content/markdown.ts';
import type { Finding } from '../shared/finding.ts';
import type { DictionaryName, Fix, MessageData, PeerArticle, Rule, RuleContext } from './define-rule.ts';
import type { Dictionary } from './dictionary.ts';
import { frontmatterBlocks, proseBlocks, type TextBlock } from './prose.ts';
import type { LintResources } from './resources.ts';
import { isSuppressed, suppressions, type Suppression } from './suppress.ts';

export type Lintable = ArticleFile | PlanFile;

export interface FileLint {
  findings: Finding[];
  fixes: Fix[];
  /** The body prose the rules saw, for the originality fingerprints. */
  blocks: readonly TextBlock[];
  /** The file's `mpdesk-disable` comments. */
  silenced: Suppression[];
}

/** Runs the rules over one file; findings come in rule order, suppressed ones left out. */
export async function lintFile(
  target: Lintable,
  rules: readonly Rule[],
  resources: LintResources,
  accounts: ReadonlyMap<string, Record<string, unknown>>,
  peers: readonly PeerArticle[],
): Promise<FileLint> {
  const { source, doc, place } = target;
  const article = isArticle(target) ? resolveArticle(target) : undefined;
  const tree = article?.tree ?? parseMarkdown(source);
  const dictionaries = new Map<DictionaryName, Dictionary>();
  for (const name of ['absolute', 'claims', 'platform', 'sensitive'] as const) dictionaries.set(name, await resources.dictionary(name, place.account));
  const blocks = proseBlocks(source, tree);
  const context: RuleContext = {
    source,
    doc: doc!,
    tree,
    kind: place.kind,
    ...(article ? { article } : {}),
    account: accounts.get(place.account) ?? {},
    blocks,
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
  return { findings, fixes, blocks, silenced };
}

function isArticle(target: Lintable): target is ArticleFile {
  return target.place.kind === 'article';
}

/** Each account's settings by account id, as rules see them. */
export function accountSettings(accounts: ReadonlyArray<{ place: { account: string }; doc?: { data: Record<string, unknown> } }>) {
  return new Map(accounts.map((a) => [a.place.account, a.doc?.data ?? {}]));
}
