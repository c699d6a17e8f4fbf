import { defineRule } from '../../define-rule.ts';

export default defineRule({
  id: 'image/images',
  severity: 'warning',
  description: '图片：要有替代文字（会作为图注）；WebP、GIF 等会在构建时转换。损坏的图片是 image/unreadable，缺失、外部和不支持的格式是校验错误。Alt text; formats the build converts. Unreadable images are image/unreadable; missing, remote and unsupported ones are validation errors.',
  examples: {
    valid: ['![一杯红茶](./cup.jpg)', '![茶](https://mmbiz.qpic.cn/a.jpg)'],
    invalid: [
      { markdown: '![](./cup.jpg)', findings: [{ line: 1, column: 1, message: '图片缺少替代文字' }] },
      { markdown: '![茶山](./a.webp)', findings: [{ line: 1, column: 1, message: 'WebP 图片会在构建时转成 JPEG 或 PNG' }] },
      { markdown: '<img src="./cup.jpg">', findings: [{ line: 1, column: 1, message: '图片缺少替代文字' }] },
      { markdown: '![茶][cup]\n\n[cup]: ./cup.gif', findings: [{ line: 1, column: 1, message: 'GIF 会转成静态图片' }] },
    ],
  },
  check(context) {
    // The cover is meta/cover's to open.
    for (const image of (context.article?.images ?? []).filter((candidate) => candidate.site !== 'cover')) {
      const { span, target } = image;
      if (!image.alt.trim()) context.report({ span, message: '图片缺少替代文字：![这里写图片说明](…)，它会显示为图注，也方便读屏软件。' });
      if (target.kind === 'local' && target.handling.action === 'convert') context.report({ span, message: target.handling.note, severity: 'info' });
    }
  },
});
