import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { ArticleFile, ContentSet, PlanFile } from '../content/index.ts';
import { readFrontmatter } from '../content/frontmatter.ts';
import { parseMarkdown } from '../content/markdown.ts';
import { writeFileAtomic } from '../shared/atomic-write.ts';
import { compareFindings, type Finding } from '../shared/finding.ts';
import { articleKey, folderFingerprint } from '../shared/input-key.ts';
import { createLocator } from '../shared/text-locator.ts';
import { validateContent } from '../validate/index.ts';
import { readLintCache, writeLintCache, type CacheEntry } from './cache.ts';
import type { Dictionary } from './dictionary.ts';
import type { DictionaryName, Fix, MessageData, PeerArticle, PeerParagraph, Rule, RuleContext } from './define-rule.ts';
import { applyFixes } from './fix.ts';
import { frontmatterBlocks, proseBlocks, blockSpan, type TextBlock } from './prose.ts';
import { LintResources } from './resources.ts';
import { allRules } from './rules/index.ts';
import { paragraphPrints } from './rules/originality/near-duplicate.ts';
import { isSuppressed, suppressions } from './suppress.ts';

export interface LintOptions {
  only?: (file: string) => boolean;
  /** Apply the mechanical fixes to the files (atomically); without it no file is written. */
  fix?: boolean;
  rules?: readonly Rule[];
  /** Reuse results for files whose inputs did not change (default true; never with --fix or custom rules). */
  cache?: boolean;
}

export interface LintResult {
  findings: Finding[];
  /** Files changed by --fix. */
  fixed: string[];
  /** Files whose results came from the cache. */
  cached: number;
}

type Lintable = ArticleFile | PlanFile;

/**
 * Schema checks plus every lint rule over the selected articles and plans. Results are cached per file by a hash
 * of everything they depend on; a cached article still takes part in the originality comparison, from the
 * fingerprints its cache entry keeps.
 */
export async function lintContent(set: ContentSet, options: LintOptions = {}): Promise<LintResult> {
  const wanted = options.only ?? (() => true);
  const rules = options.rules ?? allRules;
  const useCache = (options.cache ?? true) && !options.fix && !options.rules;
  const resources = new LintResources(set.root);
  const cache = useCache ? await readLintCache(set.root) : { entries: {} };
  const keys = useCache ? await inputKeys(set) : new Map<string, string>();
  const hit = (file: string): CacheEntry | undefined => {
    const entry = cache.entries[file];
    return entry && entry.key === keys.get(file) ? entry : undefined;
  };

  const targets: Lintable[] = [...set.articles, ...set.plans].filter((f) => f.doc && wanted(f.source.file));
  const fresh = targets.filter((t) => !hit(t.source.file));
  const freshFiles = new Set(fresh.map((t) => t.source.file));
  const findings = await validateContent(set, { only: (file) => wanted(file) && !hit(file) });
  for (const target of targets) if (!freshFiles.has(target.source.file)) findings.push(...hit(target.source.file)!.findings);

  const peers: PeerArticle[] = set.articles
    .filter((a) => a.doc)
    .map((a) => {
      const cached = hit(a.source.file);
      return { file: a.source.file, title: String(a.doc!.data.title ?? ''), paragraphs: cached ? cached.paragraphs : paragraphsOf(a) };
    });
  const accounts = new Map(set.accounts.map((a) => [a.place.account, a.doc?.data ?? {}]));
  const fixed: string[] = [];

  const lintOne = async (target: Lintable) => {
    let result = await lintFile(target, rules, resources, accounts, peers);
    if (options.fix) {
      let text = target.source.text;
      for (let pass = 0; pass < 5 && result.fixes.length; pass++) {
        text = applyFixes(text, result.fixes).text;
        const reloaded = reload(target, text);
        if (!reloaded) break;
        result = await lintFile(reloaded, rules, resources, accounts, peers);
      }
      if (text !== target.source.text) {
        await writeFileAtomic(target.source.path, text);
        fixed.push(target.source.file);
      }
    }
    findings.push(...result.findings);
    const key = keys.get(target.source.file);
    if (key) {
      const own = findings.filter((f) => f.file === target.source.file);
      const peer = peers.find((p) => p.file === target.source.file);
      cache.entries[target.source.file] = { key, findings: own, title: peer?.title ?? '', paragraphs: peer?.paragraphs ?? [] };
    }
  };
  // Files are independent; a few in flight keep the thread busy while others wait on the disk (covers, links).
  const queue = [...fresh];
  await Promise.all(Array.from({ length: 8 }, async () => {
    for (let target = queue.shift(); target; target = queue.shift()) await lintOne(target);
  }));
  if (useCache && fresh.length) await writeLintCache(set.root, cache);
  return { findings: findings.sort(compareFindings), fixed, cached: targets.length - fresh.length };
}

/**
 * Per file, a hash of what its findings depend on: the linter's code and word lists, its account's settings, word
 * lists and plans, the account's slugs (duplicates), its own text and the files it references.
 */
async function inputKeys(set: ContentSet): Promise<Map<string, string>> {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const tool = await folderFingerprint([here, fileURLToPath(new URL('../validate/', import.meta.url)), fileURLToPath(new URL('../../schemas/', import.meta.url))], ['.ts', '.yaml', '.json']);
  const read = (path: string) => readFile(path, 'utf8').catch(() => '');
  const team = await read(join(set.root, 'content', 'words.yaml'));
  const perAccount = new Map<string, string>();
  const accountIds = new Set([...set.articles, ...set.plans].map((f) => f.place.account));
  for (const account of accountIds) {
    const settings = set.accounts.find((a) => a.place.account === account)?.source.text ?? '';
    const words = await read(join(set.root, 'content', account, 'words.yaml'));
    const plans = set.plans.filter((p) => p.place.account === account).map((p) => p.source.text).join('\0');
    const slugs = set.articles.filter((a) => a.place.account === account).map((a) => a.source.file).sort().join('\0');
    // Hashed once per account: a 20,000-word list should not be hashed again for every article.
    perAccount.set(account, createHash('sha256').update([tool, team, settings, words, plans, slugs].join('\0\0')).digest('hex'));
  }
  const keys = new Map<string, string>();
  await Promise.all(
    [...set.articles, ...set.plans].map(async (f) => {
      keys.set(f.source.file, await articleKey([perAccount.get(f.place.account) ?? ''], f.source.path, f.source.text));
    }),
  );
  return keys;
}

function paragraphsOf(article: ArticleFile): PeerParagraph[] {
  return proseBlocks(article.source, parseMarkdown(article.source))
    .filter((b: TextBlock) => b.kind === 'paragraph')
    .map((b) => ({ line: article.source.locator.point(blockSpan(b, 0, b.text.length)[0]).line, prints: paragraphPrints(b) }))
    .filter((p) => p.prints.length > 0);
}

async function lintFile(
  target: Lintable,
  rules: readonly Rule[],
  resources: LintResources,
  accounts: ReadonlyMap<string, Record<string, unknown>>,
  peers: readonly PeerArticle[],
): Promise<{ findings: Finding[]; fixes: Fix[] }> {
  const { source, doc, place } = target;
  const tree = parseMarkdown(source);
  const dictionaries = new Map<DictionaryName, Dictionary>();
  for (const name of ['absolute', 'claims', 'platform', 'sensitive'] as const) dictionaries.set(name, await resources.dictionary(name, place.account));
  const context: RuleContext = {
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

/** The same file with fixed text, parsed again. */
function reload(target: Lintable, text: string): Lintable | undefined {
  const parsed = readFrontmatter(text, target.source.bomLength);
  if (!parsed.ok) return undefined;
  return { ...target, source: { ...target.source, text, locator: createLocator(text) }, doc: parsed.frontmatter } as Lintable;
}
