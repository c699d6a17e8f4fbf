import { defineRule, findInBlock } from '../../define-rule.ts';
import { blockSpan, type TextBlock } from '../../prose.ts';
import { quoted } from '../dictionary-rule.ts';
import { altBlocks, oncePerSpan, sentencesOf } from '../plain-text.ts';
import { framedAsWarning, namesHarm, solicitations } from './solicitation.ts';

const basis = '《网络信息内容生态治理规定》第六条：不得制作、复制、发布含有法律、行政法规禁止内容的信息';

export default defineRule({
  id: 'sensitive/words',
  basis: '《网络信息内容生态治理规定》第六、七条；团队与账号词表。Provisions on the Governance of the Online Information Content Ecosystem arts. 6–7; team and account lists.',
  severity: 'error',
  description:
    '敏感词与违法招揽：内置、团队（content/words.yaml）和账号（content/<账号>/words.yaml）词表，以及赌博、刷单、虚开发票、买卖账户和证件、违禁品的招揽句式；新闻和防骗提醒里的提及不算。Sensitive words and illegal solicitation.',
  examples: {
    valid: ['冬天的茶席，一壶一盏就够了。', '警方近日破获一起网络赌博案，提醒市民远离赌博。', '警惕刷单返利陷阱：任何要求垫付的兼职都是诈骗。', '本店不接受好评返现，请按真实体验评价。', '兴奋剂（可卡因、甲基苯丙胺）可能诱发类躁狂症状；可卡因中毒者应立即送医。'],
    invalid: [
      { markdown: '可卡因成瘾性低，私聊有货。', findings: [{ line: 1, column: 1, message: '“可卡因”是敏感词（毒品' }] },
      { markdown: '本店支持刷单返利。', findings: [{ line: 1, column: 5, message: '“刷单返利”是敏感词（诈骗：违法、诈骗，来自内置 sensitive-builtin.yaml）' }] },
      { markdown: '高价收购各类银行卡，当天结算。', findings: [{ line: 1, column: 1, message: '“高价收购各类银行卡”是违禁品或账户买卖的招揽' }] },
      { markdown: '在家动动手指，一单一结，宝妈也能做。', findings: [{ line: 1, column: 3, message: '刷单返利诈骗' }] },
    ],
  },
  check(context) {
    const report = oncePerSpan(context.report);
    const dictionary = context.dictionary('sensitive');
    const blocks: TextBlock[] = [...context.meta.filter((b) => b.kind !== 'author'), ...context.blocks, ...altBlocks(context.source, context.tree)];
    for (const block of blocks) {
      const sentences = sentencesOf(block);
      const sentenceAt = (i: number) => sentences.findLast((s) => s.start <= i) ?? { text: block.text, start: 0 };
      const named: number[] = [];
      for (const match of findInBlock(dictionary, block)) {
        const from = block.offsets.indexOf(match.span[0]);
        const sentence = sentenceAt(Math.max(0, from));
        // The built-in list is illegal-content vocabulary; news and warnings may name it. Team and account lists are the writer's own bans.
        if (match.entry.list.startsWith('内置') && framedAsWarning(sentence.text, from - sentence.start)) continue;
        if (match.entry.list.startsWith('内置') && match.entry.category === '毒品' && namesHarm(sentence.text)) continue;
        named.push(from);
        const tags = match.entry.tags?.length ? `：${match.entry.tags.join('、')}` : '';
        report({
          span: match.span,
          message: `${quoted(match.entry, match.text)}是敏感词（${match.entry.category}${tags}，来自${match.entry.list}）。${match.entry.message ?? ''}${match.entry.basis ? `依据${match.entry.basis}。` : ''}`,
          severity: match.entry.severity,
          ...(match.entry.suggestions ? { suggestions: match.entry.suggestions } : {}),
        });
      }
      for (const sentence of sentences) {
        // A sentence whose listed term was already reported needs no second finding for its pattern.
        if (named.some((i) => i >= sentence.start && i < sentence.start + sentence.text.length)) continue;
        for (const s of solicitations(sentence.text)) {
          if (framedAsWarning(sentence.text, s.start)) continue;
          const from = sentence.start + s.start;
          const to = sentence.start + s.end;
          report({ span: blockSpan(block, from, to), message: `“${block.text.slice(from, to)}”是${s.category}的招揽。${basis}；请删除。` });
        }
      }
    }
  },
});
