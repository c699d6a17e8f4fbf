import type { ElementContent } from 'hast';
import type { VFile } from 'vfile';
import type { LinkTarget } from '../../content/index.ts';

export interface ImageTarget {
  src: string;
}

/** Per-article settings, carried on the vfile so one frozen processor serves every article. */
export interface RenderData {
  /** Original `src` → the processed image; an image missing here keeps its `src` (the build reports it). */
  images: ReadonlyMap<string, ImageTarget>;
  /** The article model's decision for each link address; an address not in it (the footer's) is classified by the platform rules. */
  links: ReadonlyMap<string, LinkTarget>;
  /** An advertisement carries a visible 广告 label (Advertising Law art. 14). */
  sponsored: boolean;
  /** The account's footer, already rendered. */
  footer?: ElementContent[];
  /** Mark elements with their source offsets (plugins/source-offsets.ts). */
  sourceOffsets: boolean;
}

export function renderData(file: VFile): RenderData {
  const data = file.data as Partial<RenderData>;
  return { images: data.images ?? new Map(), links: data.links ?? new Map(), sponsored: data.sponsored ?? false, footer: data.footer, sourceOffsets: data.sourceOffsets ?? false };
}
