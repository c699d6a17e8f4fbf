import matter from 'gray-matter';
import type { Document, Node as YamlNode, YAMLError } from 'yaml';
import { yamlPackage } from './yaml-package.ts';
import { isObject } from '../shared/json-shape.ts';
import type { BlockMemo, ParsedBlock } from './frontmatter-cache.ts';
import { explainYamlError, unclosedOpening, usualMistake } from './yaml-errors.ts';

/** Offsets into the original text: [start, end). */
export type Span = readonly [number, number];

export interface FieldSpan {
  /** The key of a mapping entry, where there is one. */
  key?: Span;
  value: Span;
}

export interface Frontmatter {
  data: Record<string, unknown>;
  /** JSON pointer (`/sources/0/url`) to where that field stands in the original text. */
  fields: ReadonlyMap<string, FieldSpan>;
  /** The whole frontmatter block including its `---` lines. */
  span: Span;
  body: string;
  bodyOffset: number;
}

export type FrontmatterResult =
  | { ok: true; frontmatter: Frontmatter }
  | { ok: false; reason: 'missing' | 'unclosed' | 'yaml' | 'not-mapping'; message: string; span: Span };

// gray-matter finds the block; the `yaml` package parses it, because it keeps source ranges and, being YAML 1.2,
// leaves `2026-12-03T20:00:00+08:00` a string instead of a Date that has lost its time zone.
const splitOnly = { engines: { yaml: { parse: () => ({}), stringify: () => '' } } };

/** `memo` keeps blocks' parses between runs (frontmatter-cache.ts); the result is the same with or without it. */
export function readFrontmatter(text: string, bomLength: number, memo?: BlockMemo): FrontmatterResult {
  const content = text.slice(bomLength);
  if (!/^---[ \t]*\r?\n/.test(content)) {
    return {
      ok: false,
      reason: 'missing',
      message: '缺少 frontmatter：文件应以 --- 开头的 YAML 块开始。',
      span: [bomLength, bomLength + Math.min(content.indexOf('\n') >>> 0, content.length)],
    };
  }
  const split = matter(content, splitOnly);
  const yamlStart = bomLength + 3;
  const yamlEnd = yamlStart + split.matter.length;
  const bodyOffset = bomLength + content.length - split.content.length;
  // gray-matter takes an unclosed block to run to the end of the file.
  if (yamlEnd === text.length) {
    return {
      ok: false,
      reason: 'unclosed',
      message: unclosedMessage(content),
      span: [bomLength, bomLength + 3],
    };
  }

  // gray-matter leaves the \r of a CRLF closing line on the block; YAML would read it into the last value.
  const parsed = parseRemembered(split.matter.replace(/\r$/, ''), yamlStart, memo);
  if (!parsed.ok) return closedByBreak(content, split.matter, parsed, bomLength) ?? parsed;
  return { ok: true, frontmatter: { ...parsed.value, span: [bomLength, bodyOffset], body: split.content, bodyOffset } };
}

/**
 * A block that was never closed, whose end gray-matter took from a `---` thematic break in the body: the YAML fails
 * on a line that reads as prose. Reported as unclosed, at the opening line, rather than as the YAML error.
 */
function closedByBreak(content: string, block: string, failed: { reason: string; span: Span }, bomLength: number): FrontmatterResult | undefined {
  const lines = `---${block}`.split(/\r?\n/);
  const body = bodyLine(lines);
  const errorLine = content.slice(0, failed.span[0] - bomLength).split('\n').length;
  if (failed.reason !== 'yaml' || body <= 0 || errorLine <= body) return undefined;
  return { ok: false, reason: 'unclosed', message: unclosedMessage(content, lines.length + 1), span: [bomLength, bomLength + 3] };
}

/** A whole-file YAML document (account.yaml) in the same shape as a frontmatter block with no body. */
export function readYamlFile(text: string, bomLength: number, memo?: BlockMemo): FrontmatterResult {
  const parsed = parseRemembered(text.slice(bomLength), bomLength, memo);
  if (!parsed.ok) return parsed;
  return { ok: true, frontmatter: { ...parsed.value, span: [bomLength, text.length], body: '', bodyOffset: text.length } };
}

type YamlBlock =
  | { ok: true; value: Pick<Frontmatter, 'data' | 'fields'> }
  | { ok: false; reason: 'yaml' | 'not-mapping'; message: string; span: Span };

/**
 * The document as plain data. An alias to no anchor (`title: *abc`) or one expanded too often is thrown by `toJS`,
 * not listed among the parse errors: it becomes one, at the alias, so one file never stops the run.
 */
function toData(doc: Document.Parsed, source: string): { data: unknown; error?: undefined } | { data?: undefined; error: Pick<YAMLError, 'code' | 'message' | 'pos'> } {
  try {
    return { data: doc.toJS({ maxAliasCount: 100 }) };
  } catch (thrown) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    const alias = message.match(/: (\S+)$/)?.[1];
    const at = alias ? source.indexOf(`*${alias}`) : -1;
    const pos: [number, number] = at >= 0 ? [at, at + alias!.length + 1] : [0, 1];
    return { error: { code: /resource exhaustion/i.test(message) ? 'RESOURCE_EXHAUSTION' : 'BAD_ALIAS', message, pos } };
  }
}

function parseRemembered(source: string, base: number, memo: BlockMemo | undefined): YamlBlock {
  const known = memo?.get(source);
  if (known) return { ok: true, value: shifted(known, base) };
  const parsed = parseYamlBlock(source, base);
  if (parsed.ok) memo?.set(source, shifted(parsed.value, -base));
  return parsed;
}

function shifted(block: ParsedBlock, by: number): ParsedBlock {
  const move = (span: Span): Span => [span[0] + by, span[1] + by];
  const fields = new Map<string, FieldSpan>();
  for (const [pointer, span] of block.fields) fields.set(pointer, span.key ? { key: move(span.key), value: move(span.value) } : { value: move(span.value) });
  return { data: block.data, fields };
}

/** `source` starts on the file's first line: a frontmatter block right after the opening `---`. */
function parseYamlBlock(source: string, base: number): YamlBlock {
  const doc = yamlPackage().parseDocument(source, { uniqueKeys: true, prettyErrors: false });
  const converted = doc.errors[0] ? undefined : toData(doc, source);
  const error = doc.errors[0] ?? converted?.error;
  const data: unknown = error ? undefined : converted?.data;
  if (error || (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data)))) {
    const mistake = usualMistake(source, error ? error.pos[0] : source.length);
    if (mistake) return { ok: false, reason: 'yaml', message: mistake.message, span: [base + mistake.span[0], base + mistake.span[1]] };
  }
  if (error) {
    const opening = error.code === 'MISSING_CHAR' || error.code === 'BAD_INDENT' ? unclosedOpening(source, error.pos[0]) : undefined;
    return {
      ok: false,
      reason: 'yaml',
      message: explainYamlError(source, error, opening),
      span: opening === undefined ? [base + error.pos[0], base + Math.max(error.pos[1], error.pos[0] + 1)] : [base + opening, base + opening + 1],
    };
  }
  if (data === null || data === undefined) return { ok: true, value: { data: {}, fields: new Map() } };
  if (!isObject(data)) {
    return {
      ok: false,
      reason: 'not-mapping',
      message: 'YAML 内容应是“键: 值”形式的映射。',
      span: [base, base + source.length],
    };
  }
  const fields = new Map<string, FieldSpan>();
  if (doc.contents) collectFields(doc.contents, '', base, fields);
  return { ok: true, value: { data, fields } };
}

function collectFields(node: YamlNode, pointer: string, base: number, out: Map<string, FieldSpan>): void {
  const { isMap, isPair, isScalar, isSeq } = yamlPackage();
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const childPointer = `${pointer}/${escapePointer(String(pair.key.value))}`;
      const keyRange = pair.key.range;
      const value = pair.value as YamlNode | null;
      const valueRange = value?.range ?? keyRange;
      if (keyRange && valueRange) {
        out.set(childPointer, {
          key: [base + keyRange[0], base + keyRange[1]],
          value: [base + valueRange[0], base + valueRange[1]],
        });
      }
      if (value) collectFields(value, childPointer, base, out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const itemNode = item as YamlNode | null;
      if (!itemNode) return;
      const childPointer = `${pointer}/${index}`;
      if (itemNode.range) out.set(childPointer, { value: [base + itemNode.range[0], base + itemNode.range[1]] });
      collectFields(itemNode, childPointer, base, out);
    });
  }
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

const looksLikeYaml = (line: string) => line === '' || /^(\s|-\s|-$|#\s|#$|[A-Za-z_][\w-]*\s*[:：])/.test(line);

/** The index of the first line after the opening `---` that reads as body text rather than YAML, or -1. */
function bodyLine(lines: readonly string[]): number {
  return lines.findIndex((line, index) => index > 0 && !looksLikeYaml(line));
}

/**
 * Where the block that never closes began, and, when the body seems to start somewhere, where `---` belongs.
 * `breakLine` is the body's `---` thematic break that was taken for the end of the block, when there is one.
 */
function unclosedMessage(content: string, breakLine?: number): string {
  const body = bodyLine(content.split(/\r?\n/));
  const where = body > 0 ? `看起来正文从第 ${body + 1} 行开始，在它前面加一行 ---` : '在最后一个字段后面另起一行，只写 ---';
  const taken = breakLine ? `（第 ${breakLine} 行的 --- 是正文里的分隔线，不是 frontmatter 的结尾）` : '';
  return `frontmatter 从第 1 行的 --- 开始，但缺少结尾的 --- 行：${where}${taken}。`;
}
