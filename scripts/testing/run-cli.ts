import { execFile } from 'node:child_process';
import { chmod } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/mpdesk.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The user `nobody`: file modes bind it, unlike root, whom `chmod` does not stop. */
const nobody = { uid: 65534, gid: 65534 };

/**
 * Runs the real `mpdesk` command as a user would, in `cwd`, with `env` added to this process's environment. With
 * `asUser`, a test run by root runs it as `nobody`, so permissions set with chmod apply as they do to a user.
 */
export function runCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}, { asUser = false } = {}): Promise<CliResult> {
  const user = asUser && process.getuid?.() === 0 ? nobody : {};
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env }, ...user }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 2) : 0, stdout, stderr });
    });
  });
}

/** Lets every user read `root` (mkdtemp makes a folder its owner's alone), for `runCli(…, { asUser: true })`. */
export async function openToUsers(root: string): Promise<void> {
  await chmod(root, 0o755);
}
