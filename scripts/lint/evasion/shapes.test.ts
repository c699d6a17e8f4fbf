import { describe, expect, it } from 'vitest';
import { builtAlike, builtNear, readShapes } from './shapes.ts';

const shapes = readShapes(new URL('./unihan-shapes.txt', import.meta.url).pathname);
const alike = (a: string, b: string) => builtAlike(shapes.get(a)!, shapes.get(b)!);
const near = (a: string, b: string) => builtNear(shapes.get(a)!, shapes.get(b)!);

describe('characters built alike (Unihan four-corner and Cangjie codes)', () => {
  it('are one corner and one component apart', () => {
    expect(alike('注', '汪')).toBe(true);
    expect(alike('注', '洼')).toBe(true);
    expect(alike('佳', '隹')).toBe(true);
  });

  it('are not two components apart, half alike, or unlike at the corners', () => {
    expect(alike('治', '洽')).toBe(false);
    expect(alike('炎', '灾')).toBe(false);
    expect(alike('注', '信')).toBe(false);
  });

  it('are built near with the same radical and base, two components apart between them at most', () => {
    expect(near('治', '洽')).toBe(true);
    expect(near('治', '沽')).toBe(true);
    expect(near('炎', '灾')).toBe(false);
    expect(near('注', '信')).toBe(false);
  });
});
