import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { ContentSet } from '../content/index.ts';
import { writeFileAtomic } from '../shared/atomic-write.ts';
import { validatorFor } from '../content/index.ts';
import { schemaFindings } from '../validate/schema-findings.ts';
import { readFrontmatter } from '../content/frontmatter.ts';
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
  | { ok: true; file: string; slug: string }
  | { ok: false; message: string; findings?: Finding[] };

/** Creates `content/<account>/articles/<YYYY>/<slug>/index.md` with frontmatter that passes validation. */
export async function newArticle(set: ContentSet, request: NewArticleRequest): Promise<NewArticleResult> {
  const account = set.accounts.find((a) => a.place.account === request.account);
  if (!account) {
    const known = set.accounts.map((a) => a.place.account);
    return {
      ok: false,
      message: `账号 ${request.account} 不存在。${known.length ? `现有账号：${known.join('、')}` : 'content/ 下还没有账号'}。`,
    };
  }
  if (request.slug !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(request.slug)) {
    return { ok: false, message: `slug “${request.slug}” 无效：只能用小写字母、数字和连字符，且以字母或数字开头。` };
  }

  const taken = new Set(set.articles.filter((a) => a.place.account === request.account).map((a) => a.place.slug));
  if (request.slug && taken.has(request.slug)) {
    return { ok: false, message: `slug “${request.slug}” 在账号 ${request.account} 中已被使用。` };
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
  return { ok: true, file, slug };
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}
