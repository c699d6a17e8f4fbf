import { decodeImage, type Span } from '../../../content/index.ts';
import { defineRule, type RuleContext } from '../../define-rule.ts';

const minWidth = 900;
const minHeight = 383;

function coverSpan(context: RuleContext): Span {
  const field = context.doc.fields.get('/cover');
  return field?.key ?? [context.source.bomLength, context.source.bomLength + 3];
}

export default defineRule({
  id: 'meta/cover',
  severity: 'warning',
  description: '封面：草稿箱接口要求封面；至少 900x383，才能裁出清晰的 2.35:1 和 1:1。Cover present and large enough.',
  examples: {
    valid: ['---\ntitle: 有封面\nstatus: draft\ncover: ./cover.jpg\n---\n\n正文。\n'],
    invalid: [{ markdown: '---\ntitle: 没封面\nstatus: draft\n---\n\n正文。\n', findings: [{ line: 1, column: 1, message: '没有封面（cover）' }] }, { markdown: '---\ntitle: 小封面\nstatus: draft\ncover: ./small.png\n---\n\n正文。\n', findings: [{ line: 4, column: 1, message: '封面只有 300x200，小于 900x383' }] }],
  },
  async check(context) {
    if (context.doc.data.cover === undefined) {
      context.report({ span: coverSpan(context), message: '没有封面（cover）：发到草稿箱时必须有封面图。' });
      return;
    }
    // A missing or remote cover is validation's finding, an unreadable one image/unreadable's: here only the size
    // of a usable one matters.
    const image = context.article?.images.find((candidate) => candidate.site === 'cover');
    if (image?.target.kind !== 'local') return;
    const meta = await decodeImage(image.target.path);
    if (!meta.ok) return;
    if (meta.width && meta.height && (meta.width < minWidth || meta.height < minHeight)) {
      context.report({
        span: coverSpan(context),
        message: `封面只有 ${meta.width}x${meta.height}，小于 ${minWidth}x${minHeight}，裁成 2.35:1 和 1:1 后会发虚。`,
      });
    }
  },
});
