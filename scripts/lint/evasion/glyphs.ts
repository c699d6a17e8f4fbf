/**
 * How alike two characters are drawn, from their stroke medians (Make Me a Hanzi via hanzi-writer-data: each stroke's
 * centre line in a 1024-unit box, in writing order). Two measures, both needed: the glyphs rendered small must
 * overlap (cosine of the images), and few strokes may differ (an edit distance over the strokes in order, a
 * substitution costing how far apart the two strokes run). 冶/治, 疔/疗, 顸/顶 pass; 好/她 or 信/们 do not.
 */

export interface Glyph {
  strokes: Float32Array[];
  image: Float32Array;
}

const size = 24;
const points = 8;

/** A glyph from its medians: [[x, y], …] per stroke, y pointing up from -124 to 900. */
export function glyphOf(medians: ReadonlyArray<ReadonlyArray<readonly [number, number]>>): Glyph {
  return { strokes: medians.map(resample), image: render(medians) };
}

function render(medians: ReadonlyArray<ReadonlyArray<readonly [number, number]>>): Float32Array {
  const image = new Float32Array(size * size);
  const ink = (x: number, y: number) => {
    const px = (x / 1024) * size;
    const py = ((900 - y) / 1024) * size;
    for (let dy = -2; dy <= 2; dy++) {
      for (let dx = -2; dx <= 2; dx++) {
        const ix = Math.floor(px + dx);
        const iy = Math.floor(py + dy);
        if (ix < 0 || iy < 0 || ix >= size || iy >= size) continue;
        const value = Math.exp(-((ix + 0.5 - px) ** 2 + (iy + 0.5 - py) ** 2) / 1.2);
        image[iy * size + ix] = Math.max(image[iy * size + ix]!, value);
      }
    }
  };
  for (const stroke of medians) {
    for (let i = 0; i + 1 < stroke.length; i++) {
      const [x0, y0] = stroke[i]!;
      const [x1, y1] = stroke[i + 1]!;
      const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / 15));
      for (let s = 0; s <= steps; s++) ink(x0 + ((x1 - x0) * s) / steps, y0 + ((y1 - y0) * s) / steps);
    }
  }
  const norm = Math.hypot(...image) || 1;
  return image.map((v) => v / norm);
}

/** A stroke as `points` evenly spaced points along its centre line, in a unit box. */
function resample(stroke: ReadonlyArray<readonly [number, number]>): Float32Array {
  const at = stroke.map(([x, y]) => [x / 1024, (900 - y) / 1024] as const);
  const length: number[] = [0];
  for (let i = 1; i < at.length; i++) length.push(length[i - 1]! + Math.hypot(at[i]![0] - at[i - 1]![0], at[i]![1] - at[i - 1]![1]));
  const total = length.at(-1) || 1;
  const out = new Float32Array(points * 2);
  for (let k = 0; k < points; k++) {
    const t = (total * k) / (points - 1);
    let i = 1;
    while (i < at.length - 1 && length[i]! < t) i++;
    const j = Math.min(i, at.length - 1);
    const [ax, ay] = at[i - 1] ?? at[0]!;
    const [bx, by] = at[j]!;
    const f = Math.min(1, Math.max(0, (t - (length[i - 1] ?? 0)) / (length[j]! - (length[i - 1] ?? 0) || 1)));
    out[2 * k] = ax + (bx - ax) * f;
    out[2 * k + 1] = ay + (by - ay) * f;
  }
  return out;
}

export function overlap(a: Glyph, b: Glyph): number {
  let sum = 0;
  for (let i = 0; i < a.image.length; i++) sum += a.image[i]! * b.image[i]!;
  return sum;
}

/** 0 for the same centre line, 1 for strokes an eighth of the box or more apart on average. */
function strokeCost(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let k = 0; k < points; k++) sum += Math.hypot(a[2 * k]! - b[2 * k]!, a[2 * k + 1]! - b[2 * k + 1]!);
  return Math.min(1, sum / points / 0.12);
}

/** Strokes to add, drop or move to turn one glyph into the other, in writing order. */
export function strokeDistance(a: Glyph, b: Glyph): number {
  let previous = Float32Array.from({ length: b.strokes.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.strokes.length; i++) {
    const current = new Float32Array(b.strokes.length + 1);
    current[0] = i;
    for (let j = 1; j <= b.strokes.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + strokeCost(a.strokes[i - 1]!, b.strokes[j - 1]!));
    }
    previous = current;
  }
  return previous[b.strokes.length]!;
}

/** How alike, 0–1: the overlap less half the share of strokes that differ. Look-alikes score about 0.57 and up. */
export function likeness(a: Glyph, b: Glyph): number {
  const cos = overlap(a, b);
  if (cos < 0.75) return 0;
  return cos - (0.5 * strokeDistance(a, b)) / Math.max(a.strokes.length, b.strokes.length);
}

/** Strokes scaled to fill their own box, so a part of a character compares with the whole character it copies. */
function boxed(strokes: readonly Float32Array[]): Float32Array[] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const stroke of strokes) {
    for (let k = 0; k < stroke.length; k += 2) {
      x0 = Math.min(x0, stroke[k]!);
      x1 = Math.max(x1, stroke[k]!);
      y0 = Math.min(y0, stroke[k + 1]!);
      y1 = Math.max(y1, stroke[k + 1]!);
    }
  }
  const w = x1 - x0 || 1;
  const h = y1 - y0 || 1;
  return strokes.map((stroke) => stroke.map((v, k) => (k % 2 === 0 ? (v - x0) / w : (v - y0) / h)));
}

/** Strokes a radical added before the copied character may have (艹 on 最 for 蕞, 氵, 口). */
const radicalStrokes = 3;
/** How far, on average, the copied strokes may run from the target's once both fill their box. */
const containedCost = 0.3;

/**
 * The target written whole inside another character with a small radical put first (蕞 is 艹 over 最): the candidate's
 * strokes after its first one to three, scaled to their box, run where the target's run in its box.
 */
export function containsGlyph(target: Glyph, candidate: Glyph): boolean {
  const extra = candidate.strokes.length - target.strokes.length;
  if (extra < 1 || extra > radicalStrokes || target.strokes.length < 4) return false;
  const own = boxed(target.strokes);
  const copied = boxed(candidate.strokes.slice(extra));
  let cost = 0;
  for (let i = 0; i < own.length; i++) cost += strokeCost(own[i]!, copied[i]!);
  return cost / own.length <= containedCost;
}
