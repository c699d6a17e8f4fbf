// `npm run fake:wechat`: the tests' fake WeChat API as a server of its own, to try publish and metrics pull on the
// sample without an account. It is the same fake the tests use; nothing here reaches the real WeChat.
import { parseArgs } from 'node:util';
import { startFakeWechat, type FakeCall } from './index.ts';

const usage = `用法 usage: npm run fake:wechat [-- --port N] [--appid wx…] [--secret S] [--unverified]

在 127.0.0.1 上启动测试用的假微信接口（不连真的微信），供在示例仓库上试 publish 和 metrics pull。
Starts the fake WeChat API on 127.0.0.1 for trying mpdesk publish and mpdesk metrics pull.

  --port N        端口（默认 8965）port
  --appid wx…     假接口认的 AppID（默认示例账号 qinghe-tea 的 wx5f3a9c2e7b1d4068）
  --secret S      假接口认的 AppSecret（默认 fake-app-secret）
  --unverified    像未认证的账号：发表和数据接口回答 48001
`;

function options() {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '8965' }, appid: { type: 'string', default: 'wx5f3a9c2e7b1d4068' }, secret: { type: 'string', default: 'fake-app-secret' }, unverified: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`--port 要是 0 到 65535 的整数，收到“${values.port}”。`);
  return { ...values, port };
}

const shown = (call: FakeCall) => `${new Date(call.at).toISOString().slice(11, 19)}  ${call.endpoint}  ${call.outcome === 0 ? 'ok' : call.outcome}`;

async function main(): Promise<void> {
  let chosen;
  try {
    chosen = options();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    process.exitCode = 2;
    return;
  }
  if (chosen.help) return void process.stdout.write(usage);
  let fake;
  try {
    fake = await startFakeWechat({ port: chosen.port, appid: chosen.appid, secret: chosen.secret, verified: !chosen.unverified, datacubeSeed: 1, onCall: (call) => process.stdout.write(`${shown(call)}\n`) });
  } catch (error) {
    const inUse = error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
    process.stderr.write(inUse ? `端口 ${chosen.port} 已被占用：换一个，如 npm run fake:wechat -- --port ${chosen.port + 1}。\n` : `假微信接口没有启动：${String(error)}\n`);
    process.exitCode = 2;
    return;
  }
  process.stdout.write(
    `假微信接口已启动：${fake.baseUrl}（AppID ${fake.appid}）。在另一个终端里：\n\n` +
      `  export MPDESK_WECHAT_API_BASE=${fake.baseUrl} QINGHE_WECHAT_SECRET=${fake.secret}\n` +
      `  npx mpdesk publish content/qinghe-tea/articles/2026/dongri-pao-cha --dry-run\n\n` +
      `每次调用打印一行；Ctrl-C 停止（数据都在内存里，停了就没有了）。\n`,
  );
  const stop = () => void fake.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
