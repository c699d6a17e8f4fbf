/** What `mpdesk build --format json` reports, as counts: the bench checks each run did what it was timed for. */
export interface BuildCounts {
  rendered: number;
  unchanged: number;
  failed: number;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const arrayLength = (record: Record<string, unknown>, key: string) => {
  const value = record[key];
  return Array.isArray(value) ? value.length : undefined;
};

/** The counts of a build's JSON report, or undefined when the output is not one (a crash, a usage error). */
export function buildCounts(stdout: string): BuildCounts | undefined {
  const report = parseJson(stdout);
  if (typeof report !== 'object' || report === null || Array.isArray(report)) return undefined;
  const record: Record<string, unknown> = { ...report };
  const [rendered, unchanged, failed] = ['rendered', 'unchanged', 'failed'].map((key) => arrayLength(record, key));
  if (rendered === undefined || unchanged === undefined || failed === undefined) return undefined;
  return { rendered, unchanged, failed };
}

/** How many findings `mpdesk lint --format json` printed (an array of them), or undefined when it printed none. */
export function findingCount(stdout: string): number | undefined {
  const findings = parseJson(stdout);
  return Array.isArray(findings) ? findings.length : undefined;
}

/** The wenyan-core runner's last line, {"passesMs": [...]}: the in-process time of each pass. */
export function parsePasses(stdout: string): number[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout.trim().split('\n').at(-1) ?? '');
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || !('passesMs' in parsed)) return undefined;
  const passes = parsed.passesMs;
  if (!Array.isArray(passes)) return undefined;
  const numbers = passes.filter((value): value is number => typeof value === 'number');
  return numbers.length === passes.length ? numbers : undefined;
}
