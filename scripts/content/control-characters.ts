import type { Finding } from '../shared/finding.ts';
import type { SourceFile } from './index.ts';

/** C0 controls but tab, line feed and carriage return, and DEL: invisible, and nothing WeChat or a browser shows. */
export const controlCharacter = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

const names: Record<number, string> = { 0x00: '空字符', 0x07: '响铃', 0x08: '退格', 0x0b: '垂直制表符', 0x0c: '换页符', 0x1b: '转义符', 0x7f: '删除符' };

/** Each control character reported at most this often per file; the last finding says how many more there are. */
const maxReported = 20;

/**
 * Control characters in a content file, each an error at its position (they usually come with pasted text): the
 * renderer would pass them into the fragment, where the editor shows garbage or drops the paragraph.
 */
export function controlCharacterFindings(source: SourceFile): Finding[] {
  const found = [...source.text.matchAll(controlCharacter)];
  return found.slice(0, maxReported).map((match, i) => {
    const code = match[0].charCodeAt(0);
    const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}${names[code] ? `（${names[code]}）` : ''}`;
    const more = i === maxReported - 1 && found.length > maxReported ? `这个文件里还有 ${found.length - maxReported} 个。` : '';
    return {
      file: source.file,
      ...source.locator.range(match.index, match.index + 1),
      ruleId: 'schema/control-character',
      severity: 'error' as const,
      message: `这里有一个看不见的控制字符 ${name}，多半是复制粘贴带进来的：请删掉它（在编辑器里把光标移到这个位置，按退格或删除键）。${more}`,
    };
  });
}
