import { describe, expect, it } from 'vitest';
import { createLocator } from '../shared/text-locator.ts';
import { readFrontmatter, readYamlFile } from './frontmatter.ts';

/** The message and the line it is reported at, as a finding would show them. */
function failure(text: string, read = readFrontmatter) {
  const result = read(text, 0);
  if (result.ok) throw new Error('parsed');
  return { line: createLocator(text).point(result.span[0]).line, message: result.message };
}

describe('YAML errors that explain the usual mistakes', () => {
  it('names a full-width colon after a key and says what to write', () => {
    expect(failure('---\ntitle： 冬日茶事\n---\n\n正文\n')).toEqual({
      line: 2,
      message: 'YAML 语法错误，第 2 行：“title”后面用了全角冒号“：”，YAML 只认半角冒号加空格。应写成：title: 冬日茶事',
    });
    // Further down, after good lines, where the parser itself only says that a key lacks its value.
    expect(failure('---\ntitle: 冬日茶事\nauthor： 林一\nstatus: draft\n---\n')).toMatchObject({ line: 3, message: expect.stringContaining('应写成：author: 林一') });
  });

  it('names an unquoted ": " inside a value and shows it quoted', () => {
    expect(failure('---\ntitle: 茶事: 冬日\nstatus: draft\n---\n')).toEqual({
      line: 2,
      message: 'YAML 语法错误，第 2 行：“title”的值里有半角冒号加空格“: ”，YAML 会把它读成又一个键。给整个值加引号：title: "茶事: 冬日"，或改用全角冒号“：”。',
    });
  });

  it('names a missing space after the colon', () => {
    expect(failure('---\ntitle: 冬日茶事\nauthor:林一\n---\n')).toMatchObject({ line: 3, message: expect.stringContaining('“author:”后面缺少空格') });
  });

  it('says where an unclosed frontmatter began and where the closing --- belongs', () => {
    expect(failure('---\ntitle: 冬日茶事\nstatus: draft\n冬天喝什么茶？\n')).toEqual({
      line: 1,
      message: expect.stringMatching(/^frontmatter 从第 1 行的 --- 开始，但缺少结尾的 --- 行：看起来正文从第 4 行开始，在它前面加一行 ---。/),
    });
  });

  it('says the frontmatter is not closed when a --- thematic break in the body was taken for its end', () => {
    expect(failure('---\ntitle: 冬日茶事\nstatus: draft\n\n进入十二月，杭州的早晚已经要穿厚外套了。\n\n---\n\n第二节。\n')).toEqual({
      line: 1,
      message:
        'frontmatter 从第 1 行的 --- 开始，但缺少结尾的 --- 行：看起来正文从第 5 行开始，在它前面加一行 ---（第 7 行的 --- 是正文里的分隔线，不是 frontmatter 的结尾）。',
    });
    // CRLF files too; and a real YAML mistake before the body is still named as such.
    expect(failure('---\r\ntitle: 冬日茶事\r\n\r\n正文第一段。\r\n\r\n---\r\n\r\n第二节。\r\n')).toMatchObject({ line: 1, message: expect.stringContaining('正文从第 4 行开始') });
    expect(failure('---\ntitle： 冬日茶事\n\n正文第一段。\n\n---\n')).toMatchObject({ line: 2, message: expect.stringContaining('全角冒号') });
  });

  it('explains the same mistakes in account.yaml, whose lines start at line 1', () => {
    expect(failure('name: 青禾茶事\ndefault_author： 青禾编辑部\n', readYamlFile)).toMatchObject({ line: 2, message: expect.stringContaining('应写成：default_author: 青禾编辑部') });
  });

  it('reports an unclosed quote or bracket where it opened, and says where parsing stopped', () => {
    const stopped = (line: number) => `（从这一行开始，解析到第 ${line} 行也没有找到结尾）`;
    expect(failure('---\ntitle: "冬日茶事\nauthor: 林一\nstatus: draft\ntags: [a, b]\n---\n')).toEqual({
      line: 2,
      message: `YAML 语法错误，第 2 行：引号没有闭合：值开头用了引号，就要在值的末尾用同一种引号结束${stopped(5)}。（YAML 解析器原文：Missing closing "quote）`,
    });
    expect(failure("---\ntitle: 冬日\nauthor: '林一\nstatus: draft\n---\n")).toMatchObject({ line: 3, message: expect.stringContaining(`引号没有闭合${'：值开头用了引号，就要在值的末尾用同一种引号结束'}${stopped(4)}`) });
    expect(failure('---\ntags: [红茶, 白茶\nstatus: draft\n---\n')).toEqual({
      line: 2,
      message: `YAML 语法错误，第 2 行：方括号 [ ] 没有闭合：列表要以 ] 结束${stopped(3)}。（YAML 解析器原文：Flow sequence in block collection must be sufficiently indented and end with a ]）`,
    });
    // The column is the quote's.
    const result = readFrontmatter('---\ntitle: 冬日\nauthor: "林一\nstatus: draft\n---\n', 0);
    expect(!result.ok && createLocator('---\ntitle: 冬日\nauthor: "林一\n').point(result.span[0])).toEqual({ line: 3, column: 9 });
  });

  it.each([
    ['---\ntitle: 冬日茶事\ntitle: 围炉\n---\n', 3, '同一个键“title”写了两次：删掉其中一个', 'Map keys must be unique'],
    ['---\ntitle: 冬日\n\tstatus: draft\n---\n', 3, '不能用 Tab 缩进，请改用空格', 'Tabs are not allowed as indentation'],
    ['---\ntitle: @冬日\n---\n', 2, '值不能以“@”开头：给整个值加引号', 'Plain value cannot start with reserved character @'],
    ['---\ntitle: "冬日" 茶事\n---\n', 2, '值后面多出了内容：一个值加了引号，就要整个都在引号里', 'Unexpected scalar at node end'],
    // An alias to no anchor is thrown while converting, not listed as a parse error: it must not stop the run.
    ['---\ntitle: *冬日\nstatus: draft\n---\n', 2, '以 * 开头的值是 YAML 的别名，它指向的锚点（&名称）不存在：要写星号本身，给整个值加引号', 'Unresolved alias (the anchor must be set before the alias): 冬日'],
  ])('explains %j in one Chinese message, the parser’s English only as a marked gloss', (text, line, chinese, english) => {
    expect(failure(text)).toEqual({ line, message: `YAML 语法错误，第 ${line} 行：${chinese}。（YAML 解析器原文：${english}）` });
  });

  it('leaves full-width colons inside values and valid YAML alone', () => {
    const result = readFrontmatter('---\ntitle: 冬至：围炉煮茶\ntags:\n  - 红茶： 好喝\nurl: https://example.com/a:b\n---\n', 0);
    expect(result.ok && result.frontmatter.data).toEqual({ title: '冬至：围炉煮茶', tags: ['红茶： 好喝'], url: 'https://example.com/a:b' });
  });
});
