import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { wrapCommand, wrapText } from './wrap.ts';

describe('wrapText', () => {
  const text = '自动修正排版问题（空格、标点），只改正文，不改代码、网址和 frontmatter apply the mechanical style fixes';

  it('wraps by display width, a Chinese character counting two', () => {
    const lines = wrapText(text, 24).split('\n');
    expect(lines.every((line) => stringWidth(line) <= 24)).toBe(true);
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    expect(lines[0]).toBe('自动修正排版问题（空格、');
  });

  it('never starts a line with closing punctuation nor splits a Latin word or an option', () => {
    const lines = wrapText('选项 --format <format> 决定输出格式，可选 pretty、json、github、sarif，默认 pretty。', 20).split('\n');
    expect(lines.some((line) => /^[，。、）]/.test(line))).toBe(false);
    expect(lines.join(' ')).toContain('--format');
    expect(lines.every((line) => !/^[a-z]/.test(line) || /^(pretty|json|github|sarif|--format|<format>)/.test(line))).toBe(true);
  });

  it('keeps a piece wider than the line whole on a line of its own', () => {
    expect(wrapText('见 content/qinghe-tea/articles/2026/dongri-pao-cha/index.md 第 3 行', 20)).toBe('见\ncontent/qinghe-tea/articles/2026/dongri-pao-cha/index.md\n第 3 行');
  });
});

describe('wrapCommand', () => {
  it('continues a long example with a backslash and keeps each option with its value', () => {
    const command = 'mpdesk review record chenxiao/dongzhi --approve lin-yi=编辑 --approve zhou-wen=审稿';
    expect(wrapCommand(command, 52, '  ', ' \\', (flag) => flag === '--approve')).toBe(
      '  mpdesk review record chenxiao/dongzhi \\\n    --approve lin-yi=编辑 --approve zhou-wen=审稿',
    );
  });
});
