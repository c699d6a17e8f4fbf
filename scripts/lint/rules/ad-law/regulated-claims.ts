import { basis, dictionaryRule, quoted } from '../dictionary-rule.ts';

export default dictionaryRule({
  id: 'ad-law/regulated-claims',
  severity: 'error',
  description: '受限宣传：医疗功效、保健食品、教育培训承诺、投资收益、房地产。Regulated claims (Advertising Law art. 17, 18, 24, 25, 26).',
  basis: '《广告法》第九条第（一）（二）（八）项、第十条、第十六至十八条、第二十四至二十六条、第四十条；《食品安全法》第七十三条；《化妆品监督管理条例》；《医疗广告管理办法》第七条；《互联网广告管理办法》第五、六条。Advertising Law arts. 9, 10, 16–18, 24–26, 40; Food Safety Law art. 73; cosmetics and medical advertising regulations.',
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
