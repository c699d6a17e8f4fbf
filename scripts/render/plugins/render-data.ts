import type { ElementContent } from 'hast';
import type { VFile } from 'vfile';

export interface ImageTarget {
  src: string;
}

/** Per-article settings, carried on the vfile so one frozen processor serves every article. */
export interface RenderData {
  /** Original `src` → the processed image; an image missing here keeps its `src` (the build reports it). */
  images: ReadonlyMap<string, ImageTarget>;
  /** An advertisement carries a visible 广告 label (Advertising Law art. 14). */
  sponsored: boolean;
  /** The account's footer, already rendered. */
  footer?: ElementContent[];
}

export function renderData(file: VFile): RenderData {
  const data = file.data as Partial<RenderData>;
  return { images: data.images ?? new Map(), sponsored: data.sponsored ?? false, footer: data.footer };
}
