import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readFrontmatter, typedFields, validatorFor, type ContentSet } from '../content/index.ts';
import { writeFileAtomic } from '../shared/atomic-write.ts';
import { cadenceSlots, describeCadence, monthSlots } from './cadence.ts';
import { topicPlaceholder } from './check-coverage.ts';

export interface NewPlanRequest {
  account: string;
  /** YYYY-MM. */
  month: string;
}

export type NewPlanResult =
  | { ok: true; file: string; cadence: string; entries: Array<{ id: string; publish_at: string }> }
  | { ok: false; message: string };

const cadenceExample = 'cadence: [{weekday: 二, time: "20:00"}, {weekday: 五, time: "20:00"}]';

/**
 * Writes `content/<account>/plans/<month>.md` with one entry per slot of the account's cadence in that month (China
 * time), topics left as the placeholder the check asks to fill. The text is validated against the plan schema
 * before it is written, atomically; an existing plan is never overwritten.
 */
export async function newPlan(set: ContentSet, request: NewPlanRequest): Promise<NewPlanResult> {
  const { account, month } = request;
  const accountFile = set.accounts.find((file) => file.place.account === account);
  const settingsFile = accountFile?.source.file ?? `content/${account}/account.yaml`;
  if (!accountFile?.doc) return { ok: false, message: `${settingsFile} 无法读取，先运行 mpdesk validate ${settingsFile}。` };
  const cadence = typedFields('account', accountFile.doc.data).cadence;
  if (!cadence) {
    const why = accountFile.doc.data.cadence === undefined ? '没有 cadence（发布节奏）' : '的 cadence 写得不对';
    return { ok: false, message: `${settingsFile} ${why}，无法生成计划：写上每周的发布时段（北京时间），如 ${cadenceExample}。运行 mpdesk validate ${settingsFile} 检查。` };
  }
  const file = `content/${account}/plans/${month}.md`;
  if (existsSync(join(set.root, file))) return { ok: false, message: `计划已存在：${file}，不会覆盖。要重新生成，先删除或改名这个文件。` };

  const slots = cadenceSlots(cadence);
  const times = monthSlots(month, slots);
  const width = Math.max(2, String(times.length).length);
  const entries = times.map((publish_at, i) => ({ id: String(i + 1).padStart(width, '0'), publish_at }));
  const text = planText(month, describeCadence(slots), entries);
  const problem = schemaProblem(text, month);
  if (problem) return { ok: false, message: `生成的计划没有通过校验，没有写入（这是 mpdesk 的问题，请报告）：${problem}` };
  await writeFileAtomic(join(set.root, file), text);
  return { ok: true, file, cadence: describeCadence(slots), entries };
}

function planText(month: string, cadence: string, entries: ReadonlyArray<{ id: string; publish_at: string }>): string {
  const lines = entries.map(({ id, publish_at }) => `  - id: "${id}"\n    topic: ${topicPlaceholder}\n    publish_at: ${publish_at}`);
  return [
    '---',
    `# 由 mpdesk plan new 按 account.yaml 的发布节奏（${cadence}，北京时间）生成。`,
    `# 把每条的 topic“${topicPlaceholder}”换成选题，补上 format（图文、视频、图片、音频、转载）、owner 和 goal；可加 theme 和 goals。`,
    `month: "${month}"`,
    'entries:',
    ...lines,
    '---',
    '',
    '## 本月方向',
    '',
    '（写下本月的方向、重点和注意事项。）',
    '',
  ].join('\n');
}

function schemaProblem(text: string, month: string): string | undefined {
  const parsed = readFrontmatter(text, 0);
  if (!parsed.ok) return parsed.message;
  const errors = validatorFor('plan')(parsed.frontmatter.data);
  if (errors.length) return errors.map((error) => `${error.instancePath} ${error.message ?? ''}`).join('；');
  return parsed.frontmatter.data.month === month ? undefined : `month 应为 ${month}`;
}
