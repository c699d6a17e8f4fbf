import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Nodes as MdastNodes } from 'mdast';
import { CONTINUE, EXIT, SKIP } from 'unist-util-visit';

// unist-util-visit builds a closure and an ancestor array for every node; these walks do the same visits without
// them (a tenth of the time on an article's trees).

type Action = typeof CONTINUE | typeof EXIT | typeof SKIP;
export type VisitResult = Action | number | readonly [Action, number] | undefined | void;
export type HastParent = HastRoot | Element;
type ElementVisitor = (node: Element, index: number | undefined, parent: HastParent | undefined) => VisitResult;

const proceed: readonly [undefined, undefined] = [undefined, undefined];

/**
 * `visit(tree, 'element', visitor)` with unist-util-visit's order and meaning of SKIP, EXIT and a returned index
 * (where to go on among the parent's children).
 */
export function visitElements(tree: HastParent, visitor: ElementVisitor): void {
  step(tree, undefined, undefined, visitor);
}

function step(node: HastRoot | HastContent, index: number | undefined, parent: HastParent | undefined, visitor: ElementVisitor): readonly [Action | undefined, number | undefined] {
  let result = proceed as readonly [Action | undefined, number | undefined];
  if (node.type === 'element') {
    result = toResult(visitor(node, index, parent));
    if (result[0] === EXIT) return result;
  }
  if ((node.type === 'element' || node.type === 'root') && result[0] !== SKIP) {
    const { children } = node;
    let offset = 0;
    while (offset > -1 && offset < children.length) {
      const inner = step(children[offset]!, offset, node, visitor);
      if (inner[0] === EXIT) return inner;
      offset = typeof inner[1] === 'number' ? inner[1] : offset + 1;
    }
  }
  return result;
}

function toResult(value: VisitResult): readonly [Action | undefined, number | undefined] {
  if (Array.isArray(value)) return value as readonly [Action, number];
  if (typeof value === 'number') return [CONTINUE, value];
  return value === undefined || value === null ? proceed : [value as Action, undefined];
}

/** Whether any node of a hast tree has the given type. */
export function hasNode(node: HastRoot | HastContent, type: string): boolean {
  if (node.type === type) return true;
  return (node.type === 'element' || node.type === 'root') && node.children.some((child) => hasNode(child, type));
}

/** The nodes of a Markdown tree of one type, in document order (the order unist-util-visit visits them). */
export function nodesOfType<T extends MdastNodes['type']>(tree: MdastNodes, type: T): Array<Extract<MdastNodes, { type: T }>> {
  const found: MdastNodes[] = [];
  eachNode(tree, (node) => {
    if (node.type === type) found.push(node);
  });
  return found as Array<Extract<MdastNodes, { type: T }>>;
}

/** Every node of a Markdown tree, the root first, in document order. */
export function eachNode(node: MdastNodes, each: (node: MdastNodes) => void): void {
  each(node);
  if ('children' in node) for (const child of node.children) eachNode(child, each);
}
