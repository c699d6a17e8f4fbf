import { execFile, type ChildProcess } from 'node:child_process';
import { chmod } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/mpdesk.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** When the tests run as root, run the command as `nobody`, so permissions set with chmod apply as to a user. */
  asUser?: boolean;
}

/** The user `nobody`: file modes bind it, unlike root, whom `chmod` does not stop. */
const nobody = { uid: 65534, gid: 65534 };

/** Runs the real `mpdesk` command as a user would, in `cwd`, with `env` added to this process's environment. */
export async function runCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}, options: CliOptions = {}): Promise<CliResult> {
  const { code, stdout, stderr } = await startCli(args, cwd, env, options).done;
  return { code, stdout, stderr };
}

/** `runCli`, with the child process at hand while it runs (to kill it mid-run). */
export function startCli(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
  { asUser = false }: CliOptions = {},
): { child: ChildProcess; done: Promise<CliResult & { signal: string | null }> } {
  const user = asUser && process.getuid?.() === 0 ? nobody : {};
  let child!: ChildProcess;
  const done = new Promise<CliResult & { signal: string | null }>((resolve) => {
    child = execFile(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env }, ...user }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 2) : 0, signal: error?.signal ?? null, stdout, stderr });
    });
  });
  return { child, done };
}

/** Lets every user read `root` (mkdtemp makes a folder its owner's alone), for `runCli(…, { asUser: true })`. */
export async function openToUsers(root: string): Promise<void> {
  await chmod(root, 0o755);
}
