import { decodeProblem } from '../../../content/index.ts';
import { defineRule } from '../../define-rule.ts';

export default defineRule({
  id: 'image/images',
  severity: 'warning',
  description: '图片：要有替代文字（会作为图注）；WebP、GIF 等会在构建时转换；损坏（包括只传了一半）的图片和解压炸弹是错误，与构建的判断相同。Alt text; formats the build converts; images the build cannot open. Missing, remote and unsupported images are validation errors.',
  examples: {
    valid: ['![一杯红茶](./cup.jpg)', '![茶](https://mmbiz.qpic.cn/a.jpg)'],
    invalid: [
      { markdown: '![](./cup.jpg)', findings: [{ line: 1, column: 1, message: '图片缺少替代文字' }] },
      { markdown: '![茶山](./a.webp)', findings: [{ line: 1, column: 1, message: 'WebP 图片会在构建时转成 JPEG 或 PNG' }] },
      { markdown: '<img src="./cup.jpg">', findings: [{ line: 1, column: 1, message: '图片缺少替代文字' }] },
      { markdown: '![茶][cup]\n\n[cup]: ./cup.gif', findings: [{ line: 1, column: 1, message: 'GIF 会转成静态图片' }] },
      { markdown: '正文。\n\n![坏图](./broken.jpg)', findings: [{ line: 3, column: 1, message: '图片“./broken.jpg”：无法读取图片：文件已损坏或不是图片' }] },
      { markdown: '![只传了一半的照片](./half.jpg)', findings: [{ line: 1, column: 1, message: '图片“./half.jpg”：无法读取图片：文件已损坏或不是图片，构建会失败' }] },
      { markdown: '<img src="./bomb.png" alt="炸弹">', findings: [{ line: 1, column: 1, message: '图片“./bomb.png”：图片声明的尺寸 30000×30000 超过 60 百万像素，可能是解压炸弹' }] },
    ],
  },
  async check(context) {
    // The cover is meta/cover's to open.
    const images = (context.article?.images ?? []).filter((image) => image.site !== 'cover');
    const unreadable = await Promise.all(images.map((image) => decodeProblem(image)));
    images.forEach((image, i) => {
      const { span, target } = image;
      if (!image.alt.trim()) context.report({ span, message: '图片缺少替代文字：![这里写图片说明](…)，它会显示为图注，也方便读屏软件。' });
      const problem = unreadable[i];
      if (problem) context.report({ span, message: problem.message, severity: 'error' });
      else if (target.kind === 'local' && target.handling.action === 'convert') context.report({ span, message: target.handling.note, severity: 'info' });
    });
  },
});
