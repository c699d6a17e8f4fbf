import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import type { Article, Frontmatter, SourceFile, Span } from '../content/index.ts';
import type { Severity } from '../shared/finding.ts';
import type { Dictionary } from './dictionary.ts';
import { crashMessage, ruleCrashed } from './engine-findings.ts';
import { disguiseNote, restore } from './evasion/index.ts';
import { normalize, originalRange, type Normalized } from './normalize.ts';
import { blockSpan, type TextBlock } from './prose.ts';

/** A fix: replace the text in `span` (file offsets) with `text`. */
export interface Fix {
  span: Span;
  text: string;
}

export interface Report {
  span: Span;
  message: string;
  /** Overrides the rule's default, e.g. from a dictionary entry. */
  severity?: Severity;
  suggestions?: string[];
  /** One edit, or several made together (a space either side of an address). */
  fix?: Fix | readonly Fix[];
}

export type DictionaryName = 'absolute' | 'claims' | 'platform' | 'sensitive';

/** A paragraph of another article, reduced to what comparison needs (and what the lint cache keeps). */
export interface PeerParagraph {
  line: number;
  /** Typed: a thousand articles' fingerprints in plain arrays would be as many heap numbers for the collector. */
  prints: Uint32Array;
}

/** An article of the repository, for rules that compare (originality). */
export interface PeerArticle {
  file: string;
  title: string;
  paragraphs: PeerParagraph[];
}

/** What a rule sees of one file. Plain data plus two helpers; rules never read files themselves. */
export interface RuleContext {
  source: SourceFile;
  doc: Frontmatter;
  tree: Root;
  kind: 'article' | 'plan';
  /** The resolved article (typed frontmatter, classified images and links); undefined for a plan. */
  article?: Article;
  account: Record<string, unknown>;
  /** Body prose, in order. */
  blocks: readonly TextBlock[];
  /** `blocks` with every address written as text masked (`withoutUrls`): what style rules read and fix. */
  prose: readonly TextBlock[];
  /** title, digest and author fields. */
  meta: readonly TextBlock[];
  dictionary(name: DictionaryName): Dictionary;
  /** Every article of the repository, this one included; the same array for the whole run. */
  peers: readonly PeerArticle[];
  report(report: Report): void;
}

/** Data carried by each vfile message beyond what vfile has: exact offsets, severity, suggestions, fix. */
export interface MessageData {
  span: Span;
  severity: Severity;
  suggestions?: string[];
  fix?: readonly Fix[];
  /** Set when the engine reports in the rule's place (`lint/rule-crashed`). */
  ruleId?: string;
}

/** One finding an invalid example must give, where and saying what. */
export interface ExpectedFinding {
  /** Line and column (code points, 1-based) in the example as written, its own frontmatter included. */
  line: number;
  column: number;
  /** A fragment of the message. */
  message: string;
  /** Default: the rule's own id. */
  rule?: string;
  /** When given, the suggestions exactly. */
  suggestions?: string[];
}

export interface RuleExamples {
  /** Markdown bodies (or whole files starting with ---) that must give no finding of this rule. */
  valid: string[];
  /** Bodies that must give exactly these findings of this rule, in order of position. */
  invalid: Array<{ markdown: string; findings: ExpectedFinding[] }>;
}

export interface RuleDefinition {
  id: string;
  severity: Severity;
  /** One line, Chinese first. */
  description: string;
  /** The law, regulation or platform rule the findings rest on, Chinese first; for `mpdesk lint --explain`. */
  basis?: string;
  /** Which files the rule applies to; articles only by default. */
  appliesTo?: ReadonlyArray<'article' | 'plan'>;
  examples: RuleExamples;
  check(context: RuleContext): void | Promise<void>;
}

export interface Rule extends RuleDefinition {
  /** The unified plugin (unified-lint-rule) that runs `check` and emits vfile messages. */
  plugin: Plugin<[], Root>;
}

type VFileMessage = VFile['messages'][number];

const messages = new WeakMap<VFileMessage, MessageData>();

/** What `report` attached to a message; undefined for a message a rule did not report through its context. */
export function messageData(message: VFileMessage): MessageData | undefined {
  return messages.get(message);
}

export function contextOf(file: VFile): RuleContext {
  return (file.data as { mpdesk: RuleContext }).mpdesk;
}

export function defineRule(definition: RuleDefinition): Rule {
  const plugin = lintRule({ origin: `mpdesk:${definition.id}` }, async (_tree: Root, file: VFile) => {
    const context = contextOf(file);
    if (!(definition.appliesTo ?? ['article']).includes(context.kind)) return;
    const report = (report: Report, ruleId?: string) => {
      const start = context.source.locator.point(report.span[0]);
      const end = context.source.locator.point(report.span[1]);
      const note = compliance.test(definition.id) ? disguisesAt(context, report.span) : '';
      const message = file.message(report.message + note, { place: { start, end } });
      const data: MessageData = { span: report.span, severity: report.severity ?? definition.severity };
      // An empty suggestion would print as a bare “建议：”.
      const suggestions = report.suggestions?.filter((s) => s.trim() !== '');
      if (suggestions?.length) data.suggestions = suggestions;
      if (report.fix) data.fix = 'span' in report.fix ? [report.fix] : report.fix;
      if (ruleId) data.ruleId = ruleId;
      messages.set(message, data);
    };
    try {
      await definition.check({ ...context, report: (r) => report(r) });
    } catch (error) {
      // unified-lint-rule would turn the error into a message without our data, which the engine cannot place.
      const start = context.source.bomLength;
      report({ span: [start, start], message: crashMessage(definition.id, context.source.file, error), severity: ruleCrashed.severity }, ruleCrashed.id);
    }
  });
  return { ...definition, plugin };
}

/** Rule families whose findings say when the words they quote were a disguised spelling. */
const compliance = /^(?:ad-law|platform|sensitive)\//;

const disguisesOfFile = new WeakMap<readonly TextBlock[], Array<{ span: Span; note: string }>>();

/** Notes on the disguised terms a finding's span covers (“醉佳” for 最佳), for its message; empty when none. */
function disguisesAt(context: RuleContext, span: Span): string {
  let all = disguisesOfFile.get(context.blocks);
  if (!all) {
    all = [...context.meta, ...context.blocks].flatMap((block) =>
      (normalizedBlock(block).disguises ?? []).map((d) => ({ span: blockSpan(block, d.from, d.to), note: disguiseNote(d) })),
    );
    disguisesOfFile.set(context.blocks, all);
  }
  return [...new Set(all.filter((d) => d.span[0] < span[1] && span[0] < d.span[1]).map((d) => d.note))].join('');
}

const normalizedBlocks = new WeakMap<TextBlock, Normalized>();

/** A block's normalised text with disguised high-risk terms written plainly, computed once however many rules search it. */
export function normalizedBlock(block: TextBlock): Normalized {
  let normalized = normalizedBlocks.get(block);
  if (!normalized) {
    normalized = restore(normalize(block.text), block.text);
    normalizedBlocks.set(block, normalized);
  }
  return normalized;
}

/** Dictionary matches in a block, with their spans in the file. */
export function findInBlock(dictionary: Dictionary, block: TextBlock) {
  const normalized = normalizedBlock(block);
  return dictionary.find(normalized.text).map((match) => {
    const [from, to] = originalRange(normalized, block.text, match.start, match.end);
    return { ...match, text: block.text.slice(from, to), span: blockSpan(block, from, to) };
  });
}
