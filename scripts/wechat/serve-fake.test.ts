import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** `npm run fake:wechat -- args`, as a user starts it, with its output gathered as it comes. */
function serveFake(args: readonly string[]) {
  const child = spawn(process.execPath, ['bin/run-ts.js', 'scripts/wechat/serve-fake.ts', ...args], { cwd: repoRoot });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit').then(([code]) => code);
  const until = async (pattern: RegExp) => {
    for (let waited = 0; !pattern.test(stdout) && waited < 20_000; waited += 50) await new Promise((done) => setTimeout(done, 50));
    return pattern.exec(stdout);
  };
  return { child, exited, until, output: () => ({ stdout, stderr }) };
}

describe('npm run fake:wechat', () => {
  it('serves the fake on 127.0.0.1, prints each call, and stops on Ctrl-C with exit 0', async () => {
    const fake = serveFake(['--port', '0', '--appid', 'wx1234567890abcdef', '--secret', '试用密钥']);
    const started = await fake.until(/假微信接口已启动：(http:\/\/127\.0\.0\.1:\d+)/);
    expect(started, fake.output().stderr).not.toBeNull();
    const baseUrl = started![1]!;
    expect(fake.output().stdout).toContain(`export MPDESK_WECHAT_API_BASE=${baseUrl} QINGHE_WECHAT_SECRET=试用密钥`);

    const answer = await fetch(`${baseUrl}/cgi-bin/stable_token`, { method: 'POST', body: JSON.stringify({ grant_type: 'client_credential', appid: 'wx1234567890abcdef', secret: '试用密钥' }) });
    expect(await answer.json()).toMatchObject({ access_token: expect.any(String), expires_in: 7200 });
    const wrong = await fetch(`${baseUrl}/cgi-bin/stable_token`, { method: 'POST', body: JSON.stringify({ grant_type: 'client_credential', appid: 'wx1234567890abcdef', secret: 'nope' }) });
    expect(await wrong.json()).toMatchObject({ errcode: 40125 });
    expect(await fake.until(/cgi-bin\/stable_token {2}40125/)).not.toBeNull();
    expect(fake.output().stdout).toMatch(/\d\d:\d\d:\d\d {2}cgi-bin\/stable_token {2}ok\n/);

    fake.child.kill('SIGINT');
    expect(await fake.exited).toBe(0);
  }, 30_000);

  it('says plainly that the port is taken, exit 2', async () => {
    const taken = createServer();
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
    const address = taken.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const fake = serveFake(['--port', String(port)]);
      expect(await fake.exited).toBe(2);
      expect(fake.output().stderr).toBe(`端口 ${port} 已被占用：换一个，如 npm run fake:wechat -- --port ${port + 1}。\n`);
    } finally {
      taken.close();
    }
  }, 30_000);
});
