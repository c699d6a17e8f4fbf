import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** GNU time: user and system CPU seconds and the peak resident set in KiB, on one line. */
const gnuTime = '/usr/bin/time';
const gnuFormat = '%U %S %M';
export const hasGnuTime = existsSync(gnuTime);

export interface ProcessFigures {
  /** Wall milliseconds from spawn to exit, as the writer waits. */
  ms: number;
  /** User + system CPU milliseconds of the process and all its threads; undefined without GNU time. */
  cpuMs: number | undefined;
  /** Peak resident set in MB (worker threads share it); undefined without GNU time. */
  peakMb: number | undefined;
  code: number;
  stdout: string;
  stderr: string;
}

export interface GnuTimeFigures {
  cpuMs: number;
  peakMb: number;
}

/**
 * Reads what `/usr/bin/time -f '%U %S %M' -o file` wrote. GNU time puts "Command exited with non-zero status N"
 * on a line before the figures when the command fails, so the last non-empty line is the one read.
 */
export function parseGnuTime(text: string): GnuTimeFigures | undefined {
  const last = text.split('\n').map((line) => line.trim()).filter(Boolean).at(-1);
  const match = last?.match(/^(\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (\d+)$/);
  if (!match) return undefined;
  return { cpuMs: (Number(match[1]) + Number(match[2])) * 1000, peakMb: Number(match[3]) / 1024 };
}

/**
 * Runs `node <args>` in `cwd` as a whole process, under GNU time when the machine has it, and returns its wall
 * time, CPU time, peak memory and output. A non-zero exit is returned, not thrown: lint exits 1 on content errors.
 */
export async function runNode(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<ProcessFigures> {
  const scratch = hasGnuTime ? await mkdtemp(join(tmpdir(), 'mpdesk-bench-time-')) : undefined;
  const figuresFile = scratch ? join(scratch, 'time.txt') : '';
  const [file, argv] = scratch ? [gnuTime, ['-f', gnuFormat, '-o', figuresFile, process.execPath, ...args]] : [process.execPath, [...args]];
  try {
    const started = performance.now();
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(file, argv, { cwd, env, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 2) : 0;
        resolve({ code, stdout, stderr });
      });
    });
    const ms = performance.now() - started;
    const figures = scratch ? parseGnuTime(await readFile(figuresFile, 'utf8').catch(() => '')) : undefined;
    return { ms, cpuMs: figures?.cpuMs, peakMb: figures?.peakMb, code, stdout, stderr };
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}

/** The run of median wall time among `runs` (its CPU and memory come with it). */
export function medianRun<T extends { ms: number }>(runs: readonly T[]): T {
  if (!runs.length) throw new Error('medianRun: no runs');
  return [...runs].sort((a, b) => a.ms - b.ms)[Math.floor((runs.length - 1) / 2)]!;
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** "1.23 s, CPU 2.10 s, 512 MB peak" — the CPU and memory parts only when GNU time measured them. */
export function describeRun(run: Pick<ProcessFigures, 'ms' | 'cpuMs' | 'peakMb'>): string {
  const parts = [s(run.ms)];
  if (run.cpuMs !== undefined) parts.push(`CPU ${s(run.cpuMs)}`);
  if (run.peakMb !== undefined) parts.push(`峰值内存 ${run.peakMb.toFixed(0)} MB`);
  return parts.join('，');
}
