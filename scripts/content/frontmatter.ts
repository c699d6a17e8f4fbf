import matter from 'gray-matter';
import { isMap, isSeq, isPair, isScalar, parseDocument, type Node as YamlNode } from 'yaml';
import { isRecord } from '../shared/is-record.ts';

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

export function readFrontmatter(text: string, bomLength: number): FrontmatterResult {
  const content = text.slice(bomLength);
  if (!/^---[ \t]*\r?\n/.test(content)) {
    return {
      ok: false,
      reason: 'missing',
      message: '缺少 frontmatter：文件应以 --- 开头的 YAML 块开始。Missing frontmatter: the file must start with a --- YAML block.',
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
      message: 'frontmatter 没有结束行 ---。The frontmatter block is not closed with a --- line.',
      span: [bomLength, bomLength + 3],
    };
  }

  // gray-matter leaves the \r of a CRLF closing line on the block; YAML would read it into the last value.
  const parsed = parseYamlBlock(split.matter.replace(/\r$/, ''), yamlStart);
  if (!parsed.ok) return parsed;
  return { ok: true, frontmatter: { ...parsed.value, span: [bomLength, bodyOffset], body: split.content, bodyOffset } };
}

/** A whole-file YAML document (account.yaml) in the same shape as a frontmatter block with no body. */
export function readYamlFile(text: string, bomLength: number): FrontmatterResult {
  const parsed = parseYamlBlock(text.slice(bomLength), bomLength);
  if (!parsed.ok) return parsed;
  return { ok: true, frontmatter: { ...parsed.value, span: [bomLength, text.length], body: '', bodyOffset: text.length } };
}

type YamlBlock =
  | { ok: true; value: Pick<Frontmatter, 'data' | 'fields'> }
  | { ok: false; reason: 'yaml' | 'not-mapping'; message: string; span: Span };

function parseYamlBlock(source: string, base: number): YamlBlock {
  const doc = parseDocument(source, { uniqueKeys: true, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    return {
      ok: false,
      reason: 'yaml',
      message: `YAML 语法错误：${describeYamlError(error.code, error.message)}`,
      span: [base + error.pos[0], base + Math.max(error.pos[1], error.pos[0] + 1)],
    };
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data === null || data === undefined) return { ok: true, value: { data: {}, fields: new Map() } };
  if (!isRecord(data)) {
    return {
      ok: false,
      reason: 'not-mapping',
      message: 'YAML 内容应是“键: 值”形式的映射。The YAML must be a mapping of keys to values.',
      span: [base, base + source.length],
    };
  }
  const fields = new Map<string, FieldSpan>();
  if (doc.contents) collectFields(doc.contents, '', base, fields);
  return { ok: true, value: { data, fields } };
}


function collectFields(node: YamlNode, pointer: string, base: number, out: Map<string, FieldSpan>): void {
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

const yamlErrorHints: Record<string, string> = {
  DUPLICATE_KEY: '同一个键出现了两次',
  BAD_INDENT: '缩进不对',
  MISSING_CHAR: '缺少字符（引号或括号没有闭合？）',
  MULTILINE_IMPLICIT_KEY: '键不能跨行（冒号后缺少空格，或上一行的引号没有闭合？）',
  BLOCK_AS_IMPLICIT_KEY: '缩进或冒号位置不对',
  UNEXPECTED_TOKEN: '出现了意外的字符',
  TAB_AS_INDENT: '不能用 Tab 缩进，请用空格',
  BAD_SCALAR_START: '值不能以这个字符开头，请加引号',
  ALIAS_PROPS: '别名用法不对',
};

function describeYamlError(code: string, message: string): string {
  const firstLine = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const hint = yamlErrorHints[code];
  return hint ? `${hint}。${firstLine}` : firstLine;
}
