/** Runs `work` and returns its result with the milliseconds it took. */
export async function time<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  return [await work(), performance.now() - started];
}
