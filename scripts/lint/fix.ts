import type { Fix } from './define-rule.ts';

/**
 * Applies fixes to a text: sorted by position, a fix overlapping one already taken is left for the next run,
 * so two rules never garble the same characters. Returns the new text and how many fixes were applied.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: number } {
  const sorted = [...fixes].sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1]);
  let result = '';
  let cursor = 0;
  let applied = 0;
  let lastInsertAt = -1;
  for (const fix of sorted) {
    const [start, end] = fix.span;
    if (start < cursor || (start === end && start === lastInsertAt)) continue;
    result += text.slice(cursor, start) + fix.text;
    cursor = end;
    if (start === end) lastInsertAt = start;
    applied++;
  }
  return { text: result + text.slice(cursor), applied };
}
