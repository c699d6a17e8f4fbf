import type { Span } from '../../../content/index.ts';
import { defineRule, type RuleContext } from '../../define-rule.ts';
import type { TextBlock } from '../../prose.ts';
import { isContiguous } from '../block-matches.ts';
import { at, before, hanAfter, hanBefore, isHan } from './cjk.ts';

/**
 * A Latin or numeric token, never split: a word or number with its inner joiners (iPhone15, 3.5mm, Wi-Fi, 1,000,
 * a.b@c.com, https://a.com/x), an abbreviation with its dots (e.g., U.S.), a leading currency or number sign (¥99,
 * №1), the sign of a number (+86, -5), a trailing plus (10+), percent or degree sign (100%, 90°) and C++ or C#.
 */
const token = /(?:[¥$€£￥№]|(?<![A-Za-z0-9])[+\-−](?=\d))?(?:[A-Za-z](?:\.[A-Za-z])+\.|[A-Za-z0-9]+(?:[.,\-_+/:@'&#?=~%]+[A-Za-z0-9]+)*(?:\+\+|[#+])?)[%‰°℃]?/gu;

export default defineRule({
  id: 'style/cjk-latin-spacing',
  severity: 'warning',
  description: '中文与英文、数字之间加空格。A space between Chinese and Latin letters or digits.',
  examples: {
    valid: [
      '用 Python 统计 3 款茶的销量。',
      '`code`和[链接](https://a.com)旁边不管。',
      '**WeChat**公众号里的加粗不跨过去。',
      // Nothing inside an address, code or HTML is prose.
      '参考资料见 <https://example.com/中文abc> 这里，代码 `变量abc值` 不动。',
      '网址 https://example.com/路径abc 和 <span title="中文abc">标注</span>。',
      // Tokens kept whole, spaced as they should be: an abbreviation, a country code, a sign, a plus, a number sign.
      '例如 e.g. 绿茶，拨打 +86 的号码，气温 -5 度，有 10+ 种，排名 №1 的茶。',
      '第 3-5 天，C++ 和 C# 都行。',
    ],
    invalid: [
      {
        markdown: '用Python统计3款茶。',
        findings: [
          { line: 1, column: 1, message: '“Python”前后缺少空格', suggestions: ['用 Python 统计'] },
          { line: 1, column: 8, message: '“3”前后缺少空格', suggestions: ['统计 3 款茶'] },
        ],
      },
      // The token is never split: not 了1 and 0张.
      { markdown: '我买了10张。', findings: [{ line: 1, column: 2, message: '“买了10张”：“10”前后缺少空格', suggestions: ['买了 10 张'] }] },
      { markdown: '新款iPhone15发布了。', findings: [{ line: 1, column: 1, message: '“iPhone15”前后', suggestions: ['新款 iPhone15 发布'] }] },
      { markdown: '保留了3.5mm耳机孔。', findings: [{ line: 1, column: 2, message: '“3.5mm”前后', suggestions: ['留了 3.5mm 耳机'] }] },
      {
        markdown: '支持5G网络和Wi-Fi连接。',
        findings: [
          { line: 1, column: 1, message: '“5G”前后', suggestions: ['支持 5G 网络'] },
          { line: 1, column: 6, message: '“Wi-Fi”前后', suggestions: ['络和 Wi-Fi 连接'] },
        ],
      },
      // Nor are these: the suggestion keeps each token as written.
      { markdown: '例如e.g.绿茶。', findings: [{ line: 1, column: 1, message: '“例如e.g.绿茶”：“e.g.”前后缺少空格', suggestions: ['例如 e.g. 绿茶'] }] },
      { markdown: '电话+86开头。', findings: [{ line: 1, column: 1, message: '“电话+86开头”：“+86”前后缺少空格', suggestions: ['电话 +86 开头'] }] },
      { markdown: '气温-5度。', findings: [{ line: 1, column: 1, message: '“气温-5度”：“-5”前后缺少空格', suggestions: ['气温 -5 度'] }] },
      { markdown: '有10+种茶。', findings: [{ line: 1, column: 1, message: '“有10+种茶”：“10+”前后缺少空格', suggestions: ['有 10+ 种茶'] }] },
      { markdown: '排名№1的茶。', findings: [{ line: 1, column: 1, message: '“排名№1的茶”：“№1”前后缺少空格', suggestions: ['排名 №1 的茶'] }] },
      { markdown: '100%的人都满意。', findings: [{ line: 1, column: 1, message: '“100%”后面缺少空格', suggestions: ['100% 的人'] }] },
      { markdown: '售价¥99元起。', findings: [{ line: 1, column: 1, message: '“¥99”前后', suggestions: ['售价 ¥99 元起'] }] },
      {
        markdown: '投稿请发tea@example.com或访问<https://example.com/join>了解。',
        findings: [
          { line: 1, column: 3, message: '“tea@example.com”前后缺少空格，中文与网址之间', suggestions: ['请发 tea@example.com 或访'] },
          { line: 1, column: 21, message: '“<https://example.com/join>”前后', suggestions: ['访问 <https://example.com/join> 了解'] },
        ],
      },
    ],
  },
  check(context) {
    for (const block of context.prose) {
      for (const match of block.text.matchAll(token)) {
        const from = match.index;
        const to = from + match[0].length;
        if (!isContiguous(block, from, to)) continue;
        const prev = before(block.text, from);
        const next = at(block.text, to);
        // Only where the characters touch in the source: not across **, links or code.
        const left = !!prev && isHan(prev.char) && isContiguous(block, prev.at, to);
        const right = isHan(next) && isContiguous(block, from, to + next!.length);
        if (left || right) reportToken(context, block, { from, to, left, right, span: [block.offsets[from]!, block.offsets[to - 1]! + 1] });
      }
      // An address written as text is masked in the block: its own characters are never split, only spaced from Chinese.
      for (const url of block.urls ?? []) {
        const prev = before(block.text, url.from);
        const after = url.to + 1;
        const next = at(block.text, after);
        const left = !!prev && isHan(prev.char) && block.offsets[prev.at]! + prev.char.length === url.span[0];
        const right = isHan(next) && block.offsets[after] === url.span[1];
        if (left || right) reportToken(context, block, { from: url.from, to: url.to, after, left, right, span: url.span, address: true });
      }
    }
  },
});

interface Token {
  /** The token's units in the block, and where its text continues (after an address's closing breaker). */
  from: number;
  to: number;
  after?: number;
  left: boolean;
  right: boolean;
  /** The token as written in the file (an autolink with its brackets). */
  span: Span;
  /** An address written as text. */
  address?: boolean;
}

function reportToken(context: RuleContext, block: TextBlock, { from, to, after = to, left, right, span, address }: Token): void {
  const written = context.source.text.slice(span[0], span[1]);
  // The token with up to two Han characters either side: enough to recognise, and what the writer should type.
  const start = left ? hanBefore(block, from, 2) : from;
  const end = right ? hanAfter(block, after, 2) : after;
  const head = block.text.slice(start, from);
  const tail = block.text.slice(after, end);
  const sides = left && right ? '前后' : left ? '前面' : '后面';
  context.report({
    span: [left ? block.offsets[start]! : span[0], right ? block.offsets[end - 1]! + 1 : span[1]],
    message: `“${head}${written}${tail}”：“${written}”${sides}缺少空格，中文与${address ? '网址' : '英文、数字'}之间应加一个空格。`,
    suggestions: [`${head}${left ? ' ' : ''}${written}${right ? ' ' : ''}${tail}`],
    // Spaces inserted beside the token, so not one of its characters (nor an address's) is rewritten.
    fix: [...(left ? [{ span: [span[0], span[0]] as const, text: ' ' }] : []), ...(right ? [{ span: [span[1], span[1]] as const, text: ' ' }] : [])],
  });
}
