import type { Span } from '../../content/index.ts';
import type { TextBlock } from '../prose.ts';

export interface BlockMatch {
  match: RegExpExecArray;
  span: Span;
}

/**
 * Regex matches in a block whose characters are contiguous in the source file, so a fix never reaches across
 * Markdown syntax (`**`, links) or the code and URLs left out of the block.
 */
export function contiguousMatches(block: TextBlock, pattern: RegExp): BlockMatch[] {
  const found: BlockMatch[] = [];
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  for (let match = global.exec(block.text); match; match = global.exec(block.text)) {
    const from = match.index;
    const to = from + match[0].length;
    if (to === from) {
      global.lastIndex++;
      continue;
    }
    if (isContiguous(block, from, to)) found.push({ match, span: [block.offsets[from]!, block.offsets[to - 1]! + 1] });
  }
  return found;
}

/** Whether the block's units `[from, to)` stand next to each other in the source (no markup or escape between). */
export function isContiguous(block: TextBlock, from: number, to: number): boolean {
  if (from < 0 || to > block.text.length || from >= to || block.offsets[from]! < 0) return false;
  for (let i = from + 1; i < to; i++) if (block.offsets[i] !== block.offsets[i - 1]! + 1) return false;
  return true;
}
