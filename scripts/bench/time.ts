/** Runs `work` and returns its result with the milliseconds it took. */
export async function time<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  return [await work(), performance.now() - started];
}

/**
 * `time`, and the CPU milliseconds every thread of the process used meanwhile (worker threads and garbage
 * collection included): a figure the load of other processes on the machine changes much less than the time.
 */
export async function timeAndCpu<T>(work: () => Promise<T>): Promise<[T, number, number]> {
  const before = process.cpuUsage();
  const [result, ms] = await time(work);
  const cpu = process.cpuUsage(before);
  return [result, ms, (cpu.user + cpu.system) / 1000];
}
