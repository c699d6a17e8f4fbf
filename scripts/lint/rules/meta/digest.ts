import { defineRule } from '../../define-rule.ts';

export default defineRule({
  id: 'meta/digest',
  severity: 'info',
  description: '没写摘要时微信取正文前 54 字，最好自己写。Without a digest WeChat takes the first 54 characters.',
  examples: {
    valid: ['---\ntitle: 茶\nstatus: draft\ndigest: 冬天喝什么茶，一文说清。\n---\n\n正文。\n'],
    invalid: [{ markdown: '---\ntitle: 茶\nstatus: draft\n---\n\n正文。\n', findings: [{ line: 2, column: 1, message: '没有摘要（digest）' }] }],
  },
  check(context) {
    const digest = context.doc.data.digest;
    if (typeof digest === 'string' && digest.trim()) return;
    const field = context.doc.fields.get('/digest') ?? context.doc.fields.get('/title');
    const span = field?.key ?? [context.source.bomLength, context.source.bomLength + 3];
    context.report({ span, message: '没有摘要（digest）：微信会取正文前 54 个字，通常不如自己写的好。' });
  },
});
