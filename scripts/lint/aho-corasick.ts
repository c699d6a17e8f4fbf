/**
 * Aho-Corasick over UTF-16 code units. modern-ahocorasick segments its input into graphemes on every search
 * (about 6 ms per 3,000 characters here); the text matched here is already normalised, so code units suffice
 * and a search is a single pass.
 */
export interface AcMatch<T> {
  start: number;
  end: number;
  data: T;
}

export class AhoCorasick<T> {
  private readonly next: Array<Map<number, number>> = [new Map()];
  private readonly fail: number[] = [0];
  /** Patterns ending at each state (its own and those reached through failure links): [length, data]. */
  private readonly output: Array<Array<[number, T]>> = [[]];
  /**
   * The root's transitions by code unit (-1: none). Most of any text matches nothing, so most steps start from
   * the root: an array index there instead of a map lookup.
   */
  private readonly root = new Int32Array(0x10000).fill(-1);

  constructor(patterns: ReadonlyArray<{ pattern: string; data: T }>) {
    for (const { pattern, data } of patterns) {
      if (!pattern) continue;
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const unit = pattern.charCodeAt(i);
        let target = this.next[state]!.get(unit);
        if (target === undefined) {
          target = this.next.push(new Map()) - 1;
          this.fail.push(0);
          this.output.push([]);
          this.next[state]!.set(unit, target);
        }
        state = target;
      }
      this.output[state]!.push([pattern.length, data]);
    }
    for (const [unit, child] of this.next[0]!) this.root[unit] = child;
    // Breadth-first, so a state's failure target is complete before its children are linked.
    const queue: number[] = [...this.next[0]!.values()];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [unit, child] of this.next[state]!) {
        let fallback = this.fail[state]!;
        while (fallback !== 0 && !this.next[fallback]!.has(unit)) fallback = this.fail[fallback]!;
        const target = this.next[fallback]!.get(unit);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        this.output[child]!.push(...this.output[this.fail[child]!]!);
        queue.push(child);
      }
    }
  }

  /** Every occurrence of every pattern, overlapping ones included. */
  search(text: string): Array<AcMatch<T>> {
    const matches: Array<AcMatch<T>> = [];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      // Follow failure links until a state has a transition on this unit, or the root is reached.
      let target = -1;
      while (state !== 0) {
        const next = this.next[state]!.get(unit);
        if (next !== undefined) {
          target = next;
          break;
        }
        state = this.fail[state]!;
      }
      state = state === 0 ? Math.max(this.root[unit]!, 0) : target;
      const output = this.output[state]!;
      for (let k = 0; k < output.length; k++) {
        const [length, data] = output[k]!;
        matches.push({ start: i + 1 - length, end: i + 1, data });
      }
    }
    return matches;
  }
}
