import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../render/markdown-to-html.ts';
import { article, baseFiles, makeRepo } from '../testing/fixture-repo.ts';
import { runCli } from '../testing/run-cli.ts';

const file = 'content/shanye/articles/2026/kong-zhi/index.md';
const body = '正文里有\u0008退格，\n还有\u001b转义和\u007f删除。\n\n```\n代码\u0007里\n```\n\n表格\t和换行\r\n都没问题。\n';

describe('control characters', () => {
  it('are errors at their line and column, and the article is not rendered', async () => {
    const root = await makeRepo({ ...baseFiles(), [file]: article('title: 控制字符\nstatus: draft', body) });
    const validate = await runCli(['validate', file, '--format', 'json'], root);
    expect(validate.code).toBe(1);
    const found: Array<{ line: number; column: number; ruleId: string; message: string }> = JSON.parse(validate.stdout);
    expect(found.map((f) => [f.line, f.column, f.ruleId])).toEqual([
      [6, 5, 'schema/control-character'],
      [7, 3, 'schema/control-character'],
      [7, 7, 'schema/control-character'],
      [10, 3, 'schema/control-character'],
    ]);
    expect(found[0]!.message).toContain('看不见的控制字符 U+0008（退格）');
    const render = await runCli(['render', file], root);
    expect(render.code).toBe(1);
    expect(render.stdout).toBe('');
  });

  it('never reach the fragment, whoever asks the renderer for one', () => {
    const html = markdownToHtml({ markdown: body, images: new Map(), sponsored: false });
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    expect(html).toContain('正文里有退格');
  });
});
