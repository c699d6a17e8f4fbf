import { defineRule } from '../../define-rule.ts';
import { isContiguous } from '../block-matches.ts';
import { inChineseSentence } from './cjk.ts';
import { inRepeatedRun } from './repeated-punctuation.ts';

const fullwidth: Record<string, string> = { ',': '，', '!': '！', '?': '？', ';': '；', ':': '：', '.': '。' };

export default defineRule({
  id: 'style/fullwidth-punctuation',
  severity: 'warning',
  description: '中文句子用全角标点。Full-width punctuation in Chinese sentences.',
  examples: {
    valid: ['冬天喝什么茶？答案很简单。', 'Version 2.0 is out, try it.', '水温 85.5 ℃ 左右。', '一共 1,000 元，厚 3.5mm。', '1.打开设置', '时间是 10:30。', '配置写在 config.yaml 里。'],
    invalid: [
      {
        markdown: '冬天喝什么茶?答案很简单,就是红茶.',
        findings: [
          { line: 1, column: 7, message: '半角“?”应改为全角“？”', suggestions: ['？'] },
          { line: 1, column: 13, message: '半角“,”应改为全角“，”', suggestions: ['，'] },
          { line: 1, column: 18, message: '半角“.”应改为全角“。”', suggestions: ['。'] },
        ],
      },
      // After a digit or a Latin word inside a Chinese sentence, but not in 3.5 or 1,000.
      { markdown: '这批茶一共有3,然后是红茶。', findings: [{ line: 1, column: 8, message: '半角“,”' }] },
      { markdown: '价格是25.', findings: [{ line: 1, column: 6, message: '半角“.”应改为全角“。”' }] },
      { markdown: '一共3个,然后再说。', findings: [{ line: 1, column: 5, message: '半角“,”' }] },
      { markdown: '我用的是iPhone,然后换了。', findings: [{ line: 1, column: 11, message: '半角“,”' }] },
      {
        markdown: '真的吗?!',
        findings: [
          { line: 1, column: 4, message: '半角“?”' },
          { line: 1, column: 5, message: '半角“!”' },
        ],
      },
      { markdown: '等一下...', findings: [{ line: 1, column: 4, message: '省略号写作“……”', suggestions: ['……'] }] },
    ],
  },
  check(context) {
    for (const block of context.prose) {
      const { text } = block;
      // The end of the last mark reported: a mark right after it (吗?!) is in the same sentence.
      let reportedEnd = -1;
      for (let i = 0; i < text.length; i++) {
        // Every mark is ASCII: anything else is passed over without making a string of it (most of a Chinese text).
        if (text.charCodeAt(i) > 0x7f) continue;
        const mark = text[i]!;
        if (!(mark in fullwidth) || !isContiguous(block, i, i + 1)) continue;
        if (mark === '.' && text[i + 1] === '.') {
          let end = i;
          while (text[end] === '.') end++;
          if (isContiguous(block, i, end) && (reportedEnd === i || inChineseSentence(text, i, end))) {
            const span = [block.offsets[i]!, block.offsets[end - 1]! + 1] as const;
            context.report({ span, message: `中文里的省略号写作“……”，不用“${text.slice(i, end)}”。`, suggestions: ['……'], fix: { span, text: '……' } });
            reportedEnd = end;
          }
          i = end - 1;
          continue;
        }
        // A run of one mark (!!!, ！!) is style/repeated-punctuation's, which fixes it to one full-width mark.
        if (inRepeatedRun(text, i)) continue;
        // Not inside a number, a file name or a version (3.5, 1,000, 配置.yaml).
        if ((mark === '.' || mark === ',') && /[0-9A-Za-z]/.test(text[i + 1] ?? '')) continue;
        if (reportedEnd !== i && !inChineseSentence(text, i, i + 1)) continue;
        const span = [block.offsets[i]!, block.offsets[i]! + 1] as const;
        context.report({
          span,
          message: `中文句子里的半角“${mark}”应改为全角“${fullwidth[mark]}”。`,
          suggestions: [fullwidth[mark]!],
          fix: { span, text: fullwidth[mark]! },
        });
        reportedEnd = i + 1;
      }
    }
  },
});
