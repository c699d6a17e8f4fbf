import { derivedDigest } from '../../../content/index.ts';
import { derivedDigestChars } from '../../../platform/index.ts';
import { defineRule } from '../../define-rule.ts';

export default defineRule({
  id: 'meta/digest',
  severity: 'info',
  description: '没写摘要时构建取正文前 54 字（跳过广告标识和提示框标题），最好自己写。Without a digest the build takes the first 54 characters of prose.',
  examples: {
    valid: ['---\ntitle: 茶\nstatus: draft\ndigest: 冬天喝什么茶，一文说清。\n---\n\n正文。\n'],
    invalid: [
      { markdown: '---\ntitle: 茶\nstatus: draft\n---\n\n正文。\n', findings: [{ line: 2, column: 1, message: '没有摘要（digest）：构建时会取正文前 54 个字作摘要：“正文。”' }] },
      {
        markdown: '---\ntitle: 新茶上市\nstatus: draft\nsponsored: {advertiser: 青禾茶园}\n---\n\n广告\n\n> [!NOTE]\n> 本文由青禾茶园赞助。\n\n## 明前龙井\n\n今年的明前龙井已经到店。\n',
        findings: [{ line: 2, column: 1, message: '作摘要：“今年的明前龙井已经到店。”' }],
      },
      { markdown: '---\ntitle: 只有图\nstatus: draft\n---\n\n![茶汤](./cup.jpg)\n', findings: [{ line: 2, column: 1, message: '正文里也没有可作摘要的文字' }] },
    ],
  },
  check(context) {
    const digest = context.doc.data.digest;
    if (typeof digest === 'string' && digest.trim()) return;
    const field = context.doc.fields.get('/digest') ?? context.doc.fields.get('/title');
    const span = field?.key ?? [context.source.bomLength, context.source.bomLength + 3];
    // The same function as the build's meta.json, so what is quoted here is what will be sent.
    const derived = context.article ? derivedDigest(context.article) : '';
    const message = derived
      ? `没有摘要（digest）：构建时会取正文前 ${derivedDigestChars} 个字作摘要：“${derived}”。通常不如自己写的好。`
      : '没有摘要（digest），正文里也没有可作摘要的文字：请在 frontmatter 写上 digest。';
    context.report({ span, message });
  },
});
