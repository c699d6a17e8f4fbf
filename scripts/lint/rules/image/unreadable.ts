import { decodeProblem } from '../../../content/index.ts';
import { defineRule } from '../../define-rule.ts';

export default defineRule({
  id: 'image/unreadable',
  severity: 'error',
  description: '图片无法使用：损坏、只传了一半、不是图片或像素过多（解压炸弹），封面也算。按构建的方式逐像素解码，和构建报告同一个规则、同样的话。Images the build cannot open, the cover included, decoded as the build decodes them.',
  examples: {
    valid: ['![一杯红茶](./cup.jpg)', '---\ntitle: 有封面\nstatus: draft\ncover: ./cover.jpg\n---\n\n正文。\n'],
    invalid: [
      { markdown: '正文。\n\n![坏图](./broken.jpg)', findings: [{ line: 3, column: 1, message: '图片“./broken.jpg”：无法读取图片：文件已损坏或不是图片' }] },
      { markdown: '![只传了一半的照片](./half.jpg)', findings: [{ line: 1, column: 1, message: '图片“./half.jpg”：无法读取图片：文件已损坏或不是图片，构建会失败' }] },
      { markdown: '<img src="./bomb.png" alt="炸弹">', findings: [{ line: 1, column: 1, message: '图片“./bomb.png”：图片声明的尺寸 30000×30000 超过 60 百万像素，可能是解压炸弹' }] },
      { markdown: '---\ntitle: 坏封面\nstatus: draft\ncover: ./broken.jpg\n---\n\n正文。\n', findings: [{ line: 4, column: 1, message: '封面“./broken.jpg”：无法读取图片：文件已损坏或不是图片' }] },
      { markdown: '---\ntitle: 炸弹封面\nstatus: draft\ncover: ./bomb.png\n---\n\n正文。\n', findings: [{ line: 4, column: 1, message: '封面“./bomb.png”：图片声明的尺寸 30000×30000 超过 60 百万像素' }] },
    ],
  },
  async check(context) {
    // Missing, remote and unsupported images are validation's; here the files the build would fail to open.
    const images = context.article?.images ?? [];
    const problems = await Promise.all(images.map((image) => decodeProblem(image)));
    images.forEach((image, i) => {
      const problem = problems[i];
      if (problem) context.report({ span: image.span, message: problem.message });
    });
  },
});
