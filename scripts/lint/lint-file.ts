import { unified } from 'unified';
import { VFile } from 'vfile';
import type { Root } from 'mdast';
import { parseMarkdown, resolveArticle, type ArticleFile, type PlanFile } from '../content/index.ts';
import type { Finding } from '../shared/finding.ts';
import { messageData, type DictionaryName, type Fix, type PeerArticle, type Rule, type RuleContext } from './define-rule.ts';
import type { Dictionary } from './dictionary.ts';
import { crashMessage, engineFinding, fileStart, ruleCrashed } from './engine-findings.ts';
import { frontmatterBlocks, proseBlocks, withoutUrls, type TextBlock } from './prose.ts';
import type { LintResources } from './resources.ts';
import { builtinRules } from './builtin-rules.ts';
import { applySuppressions, readDirectives, type Directives } from './suppress.ts';

export type Lintable = ArticleFile | PlanFile;

type VFileMessage = VFile['messages'][number];

export interface FileLint {
  /** Every rule's findings, in rule order, before suppressions. */
  findings: Finding[];
  /** The edits offered with a finding, by finding; only ones that change prose. */
  fixes: ReadonlyMap<Finding, readonly Fix[]>;
  /** The body prose the rules saw, for the originality fingerprints. */
  blocks: readonly TextBlock[];
  /** The file's `mpdesk-disable` comments. */
  directives: Directives;
}

/** Runs the rules over one file, each on its own, so one that throws costs only its own findings for this file. */
export async function lintFile(
  target: Lintable,
  rules: readonly Rule[],
  resources: LintResources,
  accounts: ReadonlyMap<string, Record<string, unknown>>,
  peers: readonly PeerArticle[],
): Promise<FileLint> {
  const { source, doc, place } = target;
  const article = isArticle(target) ? resolveArticle(target) : undefined;
  // An article that cannot be resolved (nested too deep to walk) has its reason among validation's findings.
  if (isArticle(target) && !article) return { findings: [], fixes: new Map(), blocks: [], directives: { suppressions: [], notices: [] } };
  const tree = article?.tree ?? parseMarkdown(source);
  const dictionaries = new Map<DictionaryName, Dictionary>();
  for (const name of ['absolute', 'claims', 'platform', 'sensitive'] as const) dictionaries.set(name, await resources.dictionary(name, place.account));
  const blocks = proseBlocks(source, tree);
  const prose = blocks.map(withoutUrls);
  const context: RuleContext = {
    source,
    doc: doc!,
    tree,
    kind: place.kind,
    ...(article ? { article } : {}),
    account: accounts.get(place.account) ?? {},
    blocks,
    prose,
    meta: frontmatterBlocks(source, doc!),
    dictionary: (name) => dictionaries.get(name)!,
    peers,
    report: () => undefined,
  };
  const file = new VFile({ path: source.file, data: { mpdesk: context } });
  const findings: Finding[] = [];
  const fixes = new Map<Finding, readonly Fix[]>();
  const editable = proseMask(source.text.length, prose);
  for (const rule of rules) {
    const before = file.messages.length;
    try {
      await processorOf(rule).run(tree, file);
    } catch (error) {
      // Only a plugin not made by defineRule (which catches its own) gets here.
      findings.push(engineFinding(ruleCrashed, source.file, fileStart, crashMessage(rule.id, source.file, error)));
    }
    for (const message of file.messages.slice(before)) {
      const found = toFinding(target, rule, message);
      findings.push(found.finding);
      if (found.fix?.every((edit) => editsProse(edit, editable()))) fixes.set(found.finding, found.fix);
    }
  }
  return { findings, fixes, blocks, directives: readDirectives(source, tree, knownRuleIds(await builtinRules(), rules)) };
}

/** The file's findings once its suppressions are applied, with the comments' own notices; and the kept fixes. */
export function settle(file: string, findings: readonly Finding[], directives: Directives, fixes?: ReadonlyMap<Finding, readonly Fix[]>): { findings: Finding[]; fixes: Fix[] } {
  const { kept, notices } = applySuppressions(file, findings, directives);
  const keptFixes = fixes ? kept.flatMap((f) => fixes.get(f) ?? []) : [];
  return { findings: [...kept, ...notices], fixes: keptFixes };
}

interface Runner {
  run(tree: Root, file: VFile): Promise<unknown>;
}

const processors = new WeakMap<Rule, Runner>();

function processorOf(rule: Rule): Runner {
  let processor = processors.get(rule);
  if (!processor) {
    processor = unified().use(rule.plugin).freeze();
    processors.set(rule, processor);
  }
  return processor;
}

/**
 * Which file offsets hold prose (built on first use): the only characters a fix may change. Code, HTML, link
 * addresses, autolinks and the frontmatter are not in it, whatever a rule asks for.
 */
function proseMask(length: number, prose: readonly TextBlock[]): () => Uint8Array {
  let mask: Uint8Array | undefined;
  return () => {
    if (!mask) {
      mask = new Uint8Array(length);
      for (const block of prose) for (const offset of block.offsets) if (offset >= 0) mask[offset] = 1;
    }
    return mask;
  };
}

/** An edit replaces prose only, or inserts next to prose (never inside an address or code). */
function editsProse({ span: [start, end] }: Fix, mask: Uint8Array): boolean {
  if (start === end) return mask[start - 1] === 1 || mask[start] === 1;
  for (let i = start; i < end; i++) if (mask[i] !== 1) return false;
  return true;
}

function toFinding(target: Lintable, rule: Rule, message: VFileMessage): { finding: Finding; fix?: readonly Fix[] } {
  const { source } = target;
  const data = messageData(message);
  if (!data) {
    // A message the rule did not report through the context: an error unified-lint-rule caught, or a plain
    // `file.message` of a foreign plugin. Neither is dropped.
    if (message.cause !== undefined) return { finding: engineFinding(ruleCrashed, source.file, fileStart, crashMessage(rule.id, source.file, message.cause)) };
    const line = message.line ?? 1;
    const column = message.column ?? 1;
    return { finding: { file: source.file, line, column, endLine: line, endColumn: column, ruleId: rule.id, severity: rule.severity, message: message.reason } };
  }
  const finding: Finding = {
    file: source.file,
    ...source.locator.range(data.span[0], data.span[1]),
    ruleId: data.ruleId ?? rule.id,
    severity: data.severity,
    message: message.reason,
  };
  if (data.suggestions) finding.suggestions = data.suggestions;
  return data.fix ? { finding, fix: data.fix } : { finding };
}

const knownIds = new WeakMap<readonly Rule[], ReadonlySet<string>>();

/** Rule ids and families a suppression may name: every built-in rule and the rules of this run. */
function knownRuleIds(builtin: readonly Rule[], rules: readonly Rule[]): ReadonlySet<string> {
  let known = knownIds.get(rules);
  if (!known) {
    const ids = [...builtin, ...rules].map((r) => r.id);
    known = new Set([...ids, ...ids.map((id) => id.split('/')[0]!)]);
    knownIds.set(rules, known);
  }
  return known;
}

function isArticle(target: Lintable): target is ArticleFile {
  return target.place.kind === 'article';
}
