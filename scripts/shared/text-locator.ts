/** Line/column of a point, 1-based; column in Unicode code points. */
export interface Point {
  line: number;
  column: number;
}

export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface TextLocator {
  point(offset: number): Point;
  range(start: number, end: number): Range;
}

/**
 * Turns UTF-16 string offsets (what JS parsers report) into the 1-based line and code-point column
 * that the findings contract promises, so emoji and astral CJK characters count as one column.
 */
export function createLocator(text: string): TextLocator {
  // Found on the first question: most files a run reads are never reported on.
  let starts: number[] | undefined;
  const lineStartsOf = () => {
    if (starts) return starts;
    starts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) starts.push(i + 1);
    }
    return starts;
  };

  function point(offset: number): Point {
    const lineStarts = lineStartsOf();
    const clamped = Math.max(0, Math.min(offset, text.length));
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    const lineStart = lineStarts[low]!;
    let column = 1;
    for (let i = lineStart; i < clamped; i++) {
      const code = text.charCodeAt(i);
      // A high surrogate followed by a low one is a single code point.
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < clamped) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) i++;
      }
      column++;
    }
    return { line: low + 1, column };
  }

  return {
    point,
    range(start, end) {
      const from = point(start);
      const to = point(Math.max(start, end));
      return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
    },
  };
}
