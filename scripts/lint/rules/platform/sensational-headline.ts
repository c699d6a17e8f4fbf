import { basis, dictionaryRule, quoted } from '../dictionary-rule.ts';

export default dictionaryRule({
  id: 'platform/sensational-headline',
  severity: 'warning',
  description: '标题党用语（震惊、速看、99% 的人都不知道），只查标题、摘要和小标题。Sensational headline patterns, in the title, digest and headings.',
  basis: '《微信公众平台运营规范》标题党条款；微信公众平台治理“标题党”公告。WeChat operating rules and notices on sensational headlines.',
  dictionary: 'platform',
  categories: ['标题党'],
  blocks: ({ meta, body }) => [...meta.filter((b) => b.kind !== 'author'), ...body.filter((b) => b.kind === 'heading')],
  message: (entry, text) => `${quoted(entry, text)}是标题党用语，${basis(entry)}，可能被限流。`,
  examples: {
    valid: ['正文里说一句“我很震惊”不算标题党。', '## 冬天怎么选茶'],
    invalid: [
      { markdown: '---\ntitle: 震惊！冬天喝茶的秘密\nstatus: draft\n---\n\n正文。\n', findings: [{ line: 2, column: 8, message: '“震惊”是标题党用语' }] },
      { markdown: '## 速看：存茶的三个误区', findings: [{ line: 1, column: 4, message: '“速看”是标题党用语' }] },
    ],
  },
});
