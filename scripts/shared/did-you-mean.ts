/**
 * The closest candidate within a small edit distance, for "did you mean" hints on misspelt keys; failing that, the
 * one candidate that contains what was typed (`coffee` → `qinghe-coffee`), when only one does.
 */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(input.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(input.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best !== undefined) return best;
  const containing = candidates.filter((candidate) => contains(candidate, input));
  return containing.length === 1 ? containing[0] : undefined;
}

/** Whether `candidate` contains `input` (three characters at least, so that `a` does not match everything). */
function contains(candidate: string, input: string): boolean {
  return input.length >= 3 && candidate.toLowerCase().includes(input.toLowerCase());
}

function editDistance(a: string, b: string): number {
  let older: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      // A swap of two neighbours (titel → title) counts as one edit.
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, older[j - 2]! + 1);
      current.push(best);
    }
    older = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** The candidates ordered by how close they are to `input`: those containing it first, then by edit distance (ties keep their order). */
export function closestFirst(input: string, candidates: readonly string[]): string[] {
  const rank = (c: string) => (contains(c, input) ? 0 : 1);
  const distance = new Map(candidates.map((c) => [c, editDistance(input.toLowerCase(), c.toLowerCase())]));
  return [...candidates].sort((a, b) => rank(a) - rank(b) || distance.get(a)! - distance.get(b)!);
}

/** `账号 qinghe 不存在（是不是 qinghe-tea？）。现有账号：qinghe-tea、shanye。`: what exists, closest first. */
export function notFoundMessage(kind: string, input: string, known: readonly string[]): string {
  const guess = didYouMean(input, known);
  const list = known.length ? `现有${kind}：${closestFirst(input, known).join('、')}。` : `还没有任何${kind}。`;
  return `${kind} ${input} 不存在${guess ? `（是不是 ${guess}？）` : ''}。${list}`;
}
