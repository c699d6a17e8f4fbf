import { defineRule } from '../../define-rule.ts';
import { contiguousMatches } from '../block-matches.ts';
import { inChineseSentence } from './cjk.ts';

/** Each mark with its other width: a run may mix them (！!). */
const groups = ['!！', '?？', ',，', ';；', ':：', '。', '、'];
const runs = /[!！]{2,}|[?？]{2,}|[,，]{2,}|[;；]{2,}|[:：]{2,}|。{2,}|、{2,}/gu;

function groupOf(char: string | undefined): string | undefined {
  return char === undefined ? undefined : groups.find((g) => g.includes(char));
}

/** Whether the mark at `index` has a neighbour of the same mark, either width: then it is a repeated run. */
export function inRepeatedRun(text: string, index: number): boolean {
  const group = groupOf(text[index]);
  return !!group && (group.includes(text[index - 1] ?? '\0') || group.includes(text[index + 1] ?? '\0')) && !isHalfColons(text, index);
}

/** `::` (C++, Rust paths) is not punctuation repeated; only a run with a full-width colon is. */
function isHalfColons(text: string, index: number): boolean {
  if (!':：'.includes(text[index]!)) return false;
  let from = index;
  let to = index;
  while (':：'.includes(text[from - 1] ?? '\0')) from--;
  while (':：'.includes(text[to + 1] ?? '\0')) to++;
  return !text.slice(from, to + 1).includes('：');
}

export default defineRule({
  id: 'style/repeated-punctuation',
  severity: 'warning',
  description: '不重复使用标点（！！！、？？）。No repeated punctuation.',
  examples: {
    valid: ['真好喝！', '省略号……和破折号——不算。', 'Wow! It works.', '写作 std::vector 的类型。'],
    invalid: [
      { markdown: '真好喝！！！', findings: [{ line: 1, column: 4, message: '标点“！！！”重复，用一个“！”即可', suggestions: ['！'] }] },
      {
        markdown: '为什么？？还有!!',
        findings: [
          { line: 1, column: 4, message: '“？？”重复', suggestions: ['？'] },
          { line: 1, column: 8, message: '“!!”重复，用一个“！”', suggestions: ['！'] },
        ],
      },
      // One full-width mark in a Chinese sentence, whatever the run was written with.
      { markdown: '太好喝了!!!', findings: [{ line: 1, column: 5, message: '“!!!”重复', suggestions: ['！'] }] },
      { markdown: '好！!', findings: [{ line: 1, column: 2, message: '“！!”重复', suggestions: ['！'] }] },
      { markdown: 'He said wow!! and left.', findings: [{ line: 1, column: 12, message: '“!!”重复，用一个“!”', suggestions: ['!'] }] },
    ],
  },
  check(context) {
    for (const block of context.prose) {
      for (const { match, span } of contiguousMatches(block, runs)) {
        const run = match[0];
        const group = groupOf(run[0])!;
        if (group === ':：' && !run.includes('：')) continue;
        // In a Chinese sentence, or written with a full-width mark, the one mark left is full width (太好喝了!!! → ！).
        const full = group.at(-1)!;
        const chinese = group.length === 1 || [...run].some((c) => c === full) || inChineseSentence(block.text, match.index, match.index + run.length);
        const mark = chinese ? full : group[0]!;
        context.report({ span, message: `标点“${run}”重复，用一个“${mark}”即可。`, suggestions: [mark], fix: { span, text: mark } });
      }
    }
  },
});
