import { readFileSync } from 'node:fs';

/**
 * How characters are built, from the Unicode Han Database (unihan-shapes.txt): the four-corner code (四角号码,
 * kFourCornerCode: the stroke shape at each corner as a digit) and the Cangjie code (仓颉, kCangjie: the components in
 * writing order as letters). Two characters whose corners agree but for one and whose components differ by one (注
 * 3011 EYG / 汪 3111 EMG, 佳 2421 OGG / 隹 2021 OG) are built alike, even where their rendered strokes sit apart.
 */
export interface Shape {
  corners: string[];
  cangjie: string;
}

export function readShapes(path: string): Map<string, Shape> {
  const shapes = new Map<string, Shape>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [char, corners = '', cangjie = ''] = line.split('\t');
    if (char && corners && cangjie) shapes.set(char, { corners: corners.split(' ').map((code) => code.slice(0, 4)), cangjie });
  }
  return shapes;
}

function cornersApart(a: string, b: string): number {
  let apart = 0;
  for (let i = 0; i < 4; i++) if (a[i] !== b[i]) apart++;
  return apart;
}

/** Letters to add, drop or change to turn one Cangjie code into the other. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Built alike: at most one corner apart and one component apart out of three or more, so the rest is the larger part
 * (灾 JF and 炎 FF share only half; a single component such as 口 is like nothing).
 */
export function builtAlike(a: Shape, b: Shape): boolean {
  if (Math.min(a.cangjie.length, b.cangjie.length) < 2 || Math.max(a.cangjie.length, b.cangjie.length) < 3) return false;
  if (editDistance(a.cangjie, b.cangjie) > 1) return false;
  return a.corners.some((x) => b.corners.some((y) => cornersApart(x, y) <= 1));
}

/**
 * Built near: the same first and last components (the radical and the base: 治 EIR, 洽 EOMR) and at most two apart in
 * between, corners at most one apart. Looser than `builtAlike`, so the generator asks more of the rendered overlap.
 */
export function builtNear(a: Shape, b: Shape): boolean {
  if (Math.min(a.cangjie.length, b.cangjie.length) < 3 || a.cangjie[0] !== b.cangjie[0] || a.cangjie.at(-1) !== b.cangjie.at(-1)) return false;
  if (editDistance(a.cangjie, b.cangjie) > 2) return false;
  return a.corners.some((x) => b.corners.some((y) => cornersApart(x, y) <= 1));
}
