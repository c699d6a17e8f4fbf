import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { readFrontmatter, validatorFor, type ContentSet } from '../content/index.ts';
import { writeFileAtomic } from '../shared/atomic-write.ts';
import { isCalendarDate } from '../shared/calendar-date.ts';
import { notFoundMessage } from '../shared/did-you-mean.ts';
import { planEntryReused, schemaFindings } from '../validate/index.ts';
import { createLocator } from '../shared/text-locator.ts';
import type { Finding } from '../shared/finding.ts';
import { slugify, uniqueSlug } from './slug.ts';

export interface NewArticleRequest {
  account: string;
  title: string;
  author?: string;
  slug?: string;
  plan?: string;
  /** The day the article is created, YYYY-MM-DD, China time unless given. */
  date: string;
}

export type NewArticleResult =
  /** `warnings`: what validate will warn about the new article (a plan entry another article already uses). */
  | { ok: true; file: string; slug: string; warnings: string[] }
  | { ok: false; message: string; findings?: Finding[] };

/** Creates `content/<account>/articles/<YYYY>/<slug>/index.md` with frontmatter that passes validation. */
export async function newArticle(set: ContentSet, request: NewArticleRequest): Promise<NewArticleResult> {
  const account = set.accounts.find((a) => a.place.account === request.account);
  if (!account) return { ok: false, message: notFoundMessage('账号', request.account, set.accounts.map((a) => a.place.account)) };
  if (!isCalendarDate(request.date)) return { ok: false, message: `日期应为真实的日期 YYYY-MM-DD，如 2026-12-01：${request.date}` };
  const planProblem = request.plan === undefined ? undefined : planEntryProblem(set, request.account, request.plan);
  if (planProblem) return { ok: false, message: planProblem };
  if (request.slug !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(request.slug)) {
    return { ok: false, message: `slug“${request.slug}”无效：只能用小写字母、数字和连字符，且以字母或数字开头。` };
  }

  const taken = new Set(set.articles.filter((a) => a.place.account === request.account).map((a) => a.place.slug));
  if (request.slug && taken.has(request.slug)) {
    return { ok: false, message: `slug“${request.slug}”在账号 ${request.account} 中已被使用。` };
  }
  const slug = request.slug ?? uniqueSlug(slugify(request.title) || `${request.date}-article`, taken);
  const year = request.date.slice(0, 4);
  const file = `content/${request.account}/articles/${year}/${slug}/index.md`;
  const path = join(set.root, file);

  const author = request.author ?? stringField(account.doc?.data.default_author);
  const frontmatter = {
    title: request.title,
    ...(author ? { author } : {}),
    digest: '',
    status: 'draft',
    ...(request.plan ? { plan: request.plan } : {}),
    tags: [],
    original: true,
    sponsored: false,
    comments: 'open',
  };
  const text = `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n## 小标题\n\n正文从这里开始。\n`;

  const parsed = readFrontmatter(text, 0);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const limits = (account.doc?.data.limits ?? {}) as Record<string, number>;
  const errors = validatorFor('article', limits)(parsed.frontmatter.data);
  if (errors.length) {
    const source = { path, file, text, bomLength: 0 as const, locator: createLocator(text) };
    const findings = schemaFindings(source, parsed.frontmatter, errors);
    return { ok: false, message: findings.map((f) => f.message).join('\n'), findings };
  }

  if (await access(path).then(() => true, () => false)) {
    return { ok: false, message: `${file} 已存在，不会覆盖。` };
  }
  await writeFileAtomic(path, text);
  const reused = request.plan === undefined ? undefined : planEntryReused(set, request.account, request.plan);
  return { ok: true, file, slug, warnings: reused ? [reused] : [] };
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/** Why `plan` (`2026-12/03`) names no entry of the account's plans, or undefined when it does. */
function planEntryProblem(set: ContentSet, account: string, plan: string): string | undefined {
  const match = plan.match(/^(\d{4}-\d{2})\/([^/\s]+)$/);
  if (!match) return `计划条目应写成 <月份>/<条目 id>，如 2026-12/03：${plan}`;
  const month = match[1]!;
  const id = match[2]!;
  const plans = set.plans.filter((p) => p.place.account === account);
  const file = `content/${account}/plans/${month}.md`;
  const found = plans.find((p) => p.place.month === month);
  if (!found) {
    const months = plans.map((p) => p.place.month);
    return `计划条目 ${plan} 不存在：没有 ${month} 的计划（${file}）。${months.length ? `现有计划：${months.join('、')}。` : `账号 ${account} 还没有计划。`}`;
  }
  if (!found.doc) return `计划 ${file} 无法读取，先运行 mpdesk validate ${file}。`;
  const entries = Array.isArray(found.doc.data.entries) ? found.doc.data.entries : [];
  const ids = entries.flatMap((entry: unknown) => (entry && typeof entry === 'object' && 'id' in entry ? [String(entry.id)] : []));
  if (ids.includes(id)) return undefined;
  return `计划条目 ${plan} 不存在：${file} ${ids.length ? `只有条目 ${ids.join('、')}` : '里还没有条目'}。`;
}
