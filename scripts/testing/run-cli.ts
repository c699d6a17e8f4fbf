import { execFile, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/mpdesk.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `mpdesk` command as a user would, in `cwd`, with `env` added to this process's environment. */
export function runCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 2) : 0, stdout, stderr });
    });
  });
}

/** `runCli`, with the child process at hand while it runs (to kill it mid-run). */
export function startCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): { child: ChildProcess; done: Promise<CliResult & { signal: string | null }> } {
  let child!: ChildProcess;
  const done = new Promise<CliResult & { signal: string | null }>((resolve) => {
    child = execFile(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 2) : 0, signal: error?.signal ?? null, stdout, stderr });
    });
  });
  return { child, done };
}
