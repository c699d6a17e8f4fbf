import type { CST, YAMLError } from 'yaml';
import { yamlPackage } from './yaml-package.ts';
import type { Span } from './frontmatter.ts';

// YAML errors as a writer should read them: one Chinese message with the line and what to do; the parser's own
// English words only after it, marked as such, for whoever needs to search for them.

/** What went wrong, by the parser's error code, in Chinese; `detail` is the parser's English message. */
const explanations: Record<string, (detail: string, line: string) => string> = {
  DUPLICATE_KEY: (_, line) => `同一个键${keyOf(line) ? `“${keyOf(line)}”` : ''}写了两次：删掉其中一个`,
  MISSING_CHAR: (detail) =>
    /quote/i.test(detail)
      ? '引号没有闭合：值开头用了引号，就要在值的末尾用同一种引号结束'
      : /\]/.test(detail)
        ? '方括号 [ ] 没有闭合：列表要以 ] 结束'
        : /\}/.test(detail)
          ? '花括号 { } 没有闭合：要以 } 结束'
          : '缺少字符：检查引号和括号是否成对',
  MULTILINE_IMPLICIT_KEY: () => '键不能跨行：冒号后缺少空格，或上一行的引号没有闭合',
  BAD_INDENT: (detail) =>
    /end with a \]/.test(detail) ? '方括号 [ ] 没有闭合：列表要以 ] 结束' : '缩进不对：同一层的键要左对齐，下一层比上一层多缩进两个空格',
  BLOCK_AS_IMPLICIT_KEY: () => '缩进或冒号的位置不对：同一层的键要左对齐，每个键后面是半角冒号加空格',
  UNEXPECTED_TOKEN: () => '值后面多出了内容：一个值加了引号，就要整个都在引号里',
  TAB_AS_INDENT: () => '不能用 Tab 缩进，请改用空格',
  BAD_SCALAR_START: (detail) => `值不能以“${detail.match(/character (\S)/)?.[1] ?? '这个字符'}”开头：给整个值加引号`,
  BAD_DQ_ESCAPE: () => '双引号里的反斜杠 \\ 转义不对：写成 \\\\，或改用单引号',
  BLOCK_IN_FLOW: () => '方括号或花括号里不能换行写成多行的列表',
  ALIAS_PROPS: () => '别名（*名称）用法不对',
  BAD_ALIAS: () => '以 * 开头的值是 YAML 的别名，它指向的锚点（&名称）不存在：要写星号本身，给整个值加引号',
  MULTIPLE_ANCHORS: () => '一个值只能有一个锚点（&名称）',
  MULTIPLE_TAGS: () => '一个值只能有一个标签（!名称）',
  TAG_RESOLVE_FAILED: () => '不认识的标签（! 开头）：去掉它，或给值加引号',
  BAD_PROP_ORDER: () => '锚点和标签要写在值的前面',
  MULTIPLE_DOCS: () => '这里只能有一个 YAML 文档：不要再写 --- 或 ... 行',
  BAD_DIRECTIVE: () => '不认识的 % 指令：以 % 开头的值要加引号',
  NON_STRING_KEY: () => '键要是普通的文字',
  KEY_OVER_1024_CHARS: () => '键太长了（超过 1024 个字符）',
  RESOURCE_EXHAUSTION: () => '别名展开得太多，无法读取',
  BAD_COLLECTION_TYPE: () => '列表或映射的写法和标签不一致',
};

/**
 * A parser error as one Chinese message, at its line, the parser's English kept after it as a marked gloss. `at`
 * is where the error is reported, when not at the parser's position: where an unclosed quote or bracket opened.
 */
export function explainYamlError(source: string, error: Pick<YAMLError, 'code' | 'message' | 'pos'>, at = error.pos[0]): string {
  const lineAt = (offset: number) => source.slice(0, offset).split('\n').length;
  const before = source.slice(0, at);
  const line = source.slice(before.lastIndexOf('\n') + 1).split('\n')[0]!;
  const detail = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const explain = explanations[error.code] ?? (() => '这一行无法按 YAML 读取：检查冒号、引号和缩进');
  const stopped = lineAt(error.pos[0]);
  const where = stopped > lineAt(at) ? `（从这一行开始，解析到第 ${stopped} 行也没有找到结尾）` : '';
  return `YAML 语法错误，第 ${lineAt(at)} 行：${explain(detail, line)}${where}。（YAML 解析器原文：${detail}）`;
}

/**
 * Where the quoted value or the `[` / `{` that an error at `errorAt` is about opened, when it never closes: the
 * parser stops where it ran out of text, often lines later, but the mistake is at the opening.
 */
export function unclosedOpening(source: string, errorAt: number): number | undefined {
  let found: number | undefined;
  const unclosed = (token: CST.Token) =>
    token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar'
      ? token.source.length < 2 || token.source.at(-1) !== token.source[0]
      : token.type === 'flow-collection' && !token.end.some((end) => end.type === 'flow-seq-end' || end.type === 'flow-map-end');
  const { CST: cst, Parser } = yamlPackage();
  for (const document of new Parser().parse(source)) {
    if (document.type !== 'document') continue;
    cst.visit(document, (item) => {
      for (const token of [item.key, item.value]) {
        if (token && 'offset' in token && token.offset <= errorAt && unclosed(token)) found ??= token.offset;
      }
    });
  }
  return found;
}

function keyOf(line: string): string | undefined {
  return line.match(/^\s*(?:-\s+)?([^\s:#][^:#]*?)\s*:(?:\s|$)/)?.[1];
}

// The mistakes people make most in frontmatter, explained with what to write instead. Each pattern reads one line:
// an optional list dash, a key, and what follows it.
const keyLine = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*)(\s*)([:：])(.*)$/;

/** `key：value` written where `key: value` was meant, with what to write instead; only for the keys given. */
export function fullWidthColonMistake(line: string, keys: readonly string[]): string | undefined {
  const match = line.match(keyLine);
  return match?.[4] === '：' && keys.includes(match[2]!) ? mistakeOnLine(line) : undefined;
}

function mistakeOnLine(line: string): string | undefined {
  const match = line.match(keyLine);
  if (!match) return undefined;
  const [lead, key, gap, colon, rest] = [match[1]!, match[2]!, match[3]!, match[4]!, match[5]!];
  const value = rest.trim();
  if (colon === '：') {
    return `“${key}”后面用了全角冒号“：”，YAML 只认半角冒号加空格。应写成：${lead.trim() ? `${lead.trim()} ` : ''}${key}: ${value}`;
  }
  if (gap === '' && rest !== '' && !/^\s/.test(rest) && !rest.startsWith('//')) {
    return `“${key}:”后面缺少空格，YAML 会把整行读成一个字符串。应写成：${key}: ${value}`;
  }
  if (/^[^'"[{|>&*!#%@`]/.test(value) && /:(\s|$)/.test(value)) {
    const quoted = `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    return `“${key}”的值里有半角冒号加空格“: ”，YAML 会把它读成又一个键。给整个值加引号：${key}: ${quoted}，或改用全角冒号“：”。`;
  }
  return undefined;
}

/** The first usual mistake on a line up to the one where parsing failed (`errorAt`, an offset into `source`). */
export function usualMistake(source: string, errorAt: number): { message: string; span: Span } | undefined {
  let offset = 0;
  const lines = source.split('\n');
  for (const [index, line] of lines.entries()) {
    const text = line.replace(/\r$/, '');
    const found = text.trimStart().startsWith('#') ? undefined : mistakeOnLine(text);
    if (found) return { message: `YAML 语法错误，第 ${index + 1} 行：${found}`, span: [offset, offset + Math.max(text.length, 1)] };
    offset += line.length + 1;
    if (offset > errorAt) break;
  }
  return undefined;
}
