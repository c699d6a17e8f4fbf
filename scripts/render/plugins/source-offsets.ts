import type { Root } from 'hast';
import { visit } from '../../shared/visit.ts';
import type { VFile } from 'vfile';
import { renderData } from './render-data.ts';

/** The attribute that carries an element's source offset through inlining to the output check, which removes it. */
export const offsetAttribute = 'data-mp-at';

/** Marks each element that came from the Markdown with its offset in the file, so the output check can name the line. */
export default function rehypeSourceOffsets() {
  return (tree: Root, file: VFile) => {
    if (!renderData(file).sourceOffsets) return;
    visit(tree, 'element', (node) => {
      const offset = node.position?.start.offset;
      if (offset !== undefined) node.properties.dataMpAt = offset;
    });
  };
}
