import { parseArgs } from 'node:util';
import { compareBaseline, formatReport, readBaseline, runEval, toBaseline } from './index.ts';
import { baselineFile, writeBaseline } from './baseline.ts';

const usage = `用法 usage: npm run eval:lint [-- --format text|markdown|json] [--limit N] [--write-baseline]

把 scripts/lint/corpus/ 的标注语料逐行放进临时仓库的文章里，用 mpdesk lint 检查，按家族、类别、规避写法、
位置和规则打印召回率与精确率；再检查普通文本和留出文本（不据此调规则，误报不列出），各打印每万字的合规提示数；
最后列出漏报和误报。
与提交的基线 scripts/lint/corpus/baseline.json 相比有任何一项变差时退出码为 1。

  --format F         text（默认）、markdown（可贴进 README）或 json
  --limit N          漏报和误报各列多少条，默认 25
  --write-baseline   把这次的结果写成新的基线（规则改好之后）
  --help             显示本说明
`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { format: { type: 'string', default: 'text' }, limit: { type: 'string', default: '25' }, 'write-baseline': { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }
  const format = values.format;
  const limit = Number(values.limit);
  if ((format !== 'text' && format !== 'markdown' && format !== 'json') || !Number.isInteger(limit) || limit < 0) {
    process.stderr.write(`参数不对：--format 只能是 text、markdown 或 json，--limit 是非负整数\n${usage.split('\n')[0]}\n`);
    return 2;
  }
  const result = await runEval({ progress: (text) => process.stderr.write(`${text}\n`) });
  const now = toBaseline(result);
  process.stdout.write(format === 'json' ? `${JSON.stringify({ ...result, baseline: now }, null, 2)}\n` : formatReport(result, format, limit));
  if (values['write-baseline']) {
    await writeBaseline(now);
    process.stderr.write(`已写入基线 ${baselineFile}\n`);
    return 0;
  }
  const worse = compareBaseline(now, await readBaseline());
  if (worse.length) process.stderr.write(`\n比基线变差 worse than the baseline:\n${worse.map((w) => `  ${w}`).join('\n')}\n`);
  return worse.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`评测失败：${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
