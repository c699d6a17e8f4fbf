import { basis, dictionaryRule, quoted } from '../dictionary-rule.ts';

export default dictionaryRule({
  id: 'ad-law/regulated-claims',
  severity: 'error',
  description: '受限宣传：医疗功效、保健食品、教育培训承诺、投资收益、房地产。Regulated claims (Advertising Law art. 17, 18, 24, 25, 26).',
  dictionary: 'claims',
  message: (entry, text) => `${quoted(entry, text)}属于受限宣传（${entry.category}），${basis(entry)}。${entry.message ?? ''}`,
  examples: {
    valid: ['红茶汤色红亮，甜香明显，冬天喝起来很舒服。'],
    invalid: [{ markdown: '每天一杯，降血压、抗癌。', findings: [
          { line: 1, column: 6, message: '“降血压”属于受限宣传（医疗用语），依据《广告法》第十七条' },
          { line: 1, column: 10, message: '“抗癌”属于受限宣传（医疗用语）' },
        ] }, { markdown: '报名即保过，不过退款。', findings: [
          { line: 1, column: 4, message: '“保过”属于受限宣传（教育培训）' },
          { line: 1, column: 7, message: '“不过退款”属于受限宣传（教育培训）' },
        ] }],
  },
});
