import { createHash } from 'node:crypto';
import { sep } from 'node:path';
import { imageProblem, resolveArticle, resolveFailure, themeFiles, type AccountFile, type ArticleFile, type ContentSet, type SourceFile, type Span, type UndefinedReference } from '../content/index.ts';
import type { Finding } from '../shared/finding.ts';

/** Cross-file checks: accounts, plan entries, images on disk, unique slugs, plan months. */
export function referenceFindings(set: ContentSet, wanted: (file: string) => boolean): Finding[] {
  const findings: Finding[] = [];
  const { accounts, planEntries, bySlug, byPlanEntry } = indexesOf(set);

  for (const plan of set.plans) {
    if (!plan.doc || !wanted(plan.source.file)) continue;
    findings.push(...planFindings(plan.source, plan.doc.data, plan.place.month, (p) => fieldSpan(plan.doc!, p)));
  }

  findings.push(...themeFindings(set, wanted));

  for (const article of set.articles) {
    const { source, doc, place } = article;
    if (!wanted(source.file)) continue;
    const at = (ruleId: string, span: Span, message: string, field?: string, severity: Finding['severity'] = 'error') =>
      findings.push({ file: source.file, ...source.locator.range(span[0], span[1]), ruleId, severity, message, ...(field ? { field } : {}) });
    const head: Span = [source.bomLength, source.bomLength + 3];

    if (!accounts.has(place.account)) {
      at('schema/unknown-account', head, `账号 ${place.account} 不存在：缺少 content/${place.account}/account.yaml。`);
    }
    const twins = (bySlug.get(`${place.account}/${place.slug}`) ?? []).filter((other) => other !== article);
    if (twins.length) {
      at(
        'schema/duplicate-slug',
        head,
        `slug“${place.slug}”在账号 ${place.account} 中重复：${twins.map((t) => t.source.file).join('、')}。同一账号内 slug 必须唯一。`,
      );
    }
    if (!doc) continue;

    const plan = doc.data.plan;
    if (typeof plan === 'string' && /^\d{4}-\d{2}\//.test(plan)) {
      const [month, id] = plan.split('/') as [string, string];
      const entries = planEntries.get(`${place.account}/${month}`);
      if (!entries) {
        at('schema/plan-entry', fieldSpan(doc, '/plan'), `计划 ${month} 不存在：缺少 content/${place.account}/plans/${month}.md。`, 'plan');
      } else if (entries !== 'unreadable' && !entries.has(id)) {
        at(
          'schema/plan-entry',
          fieldSpan(doc, '/plan'),
          `计划 ${month} 中没有条目“${id}”。现有条目：${[...entries].join('、') || '（无）'}。`,
          'plan',
        );
      }
      const others = (byPlanEntry.get(planKey(place.account, plan)) ?? []).filter((other) => other !== article);
      if (others.length && entries instanceof Set && entries.has(id)) {
        at('schema/plan-entry-reused', fieldSpan(doc, '/plan'), planEntryReusedMessage(plan, others), 'plan', 'warning');
      }
    }

    const resolved = resolveArticle(article);
    const failure = resolveFailure(source);
    if (failure) at(failure.ruleId, failure.span, failure.message);
    for (const image of resolved?.images ?? []) {
      const problem = imageProblem(image, place.account, (path) => relativeTo(set.root, path));
      if (problem) at(problem.ruleId, image.span, problem.message, image.site === 'cover' ? 'cover' : undefined);
    }
    for (const reference of resolved?.undefinedReferences ?? []) at('schema/undefined-reference', reference.span, undefinedReferenceMessage(reference));
  }
  return findings;
}

/** What to write for a reference to a label nothing defines, by kind. */
export function undefinedReferenceMessage({ kind, label, written }: UndefinedReference): string {
  const shown = `会原样显示为“${written}”`;
  if (kind === 'footnote') return `脚注 ${written} 没有定义，${shown}：在文末加一行 [^${label}]: 脚注内容，或删掉这个标记。`;
  if (kind === 'image') return `图片引用 ${written} 的 [${label}] 没有定义，${shown}：加一行 [${label}]: ./图片.jpg，或改写成 ![说明](./图片.jpg)。`;
  return `链接引用 ${written} 的 [${label}] 没有定义，${shown}：加一行 [${label}]: 网址，或改写成 [文字](网址)。`;
}

interface SetIndexes {
  accounts: Set<string>;
  planEntries: PlanIndex;
  bySlug: Map<string, ArticleFile[]>;
  byPlanEntry: Map<string, ArticleFile[]>;
}

const indexes = new WeakMap<ContentSet, SetIndexes>();

/** What the cross-file checks look up, made once per loaded set however many groups of files are validated. */
function indexesOf(set: ContentSet): SetIndexes {
  let known = indexes.get(set);
  if (!known) {
    const bySlug = new Map<string, ArticleFile[]>();
    for (const article of set.articles) {
      const key = `${article.place.account}/${article.place.slug}`;
      bySlug.set(key, [...(bySlug.get(key) ?? []), article]);
    }
    known = { accounts: new Set(set.accounts.map((a) => a.place.account)), planEntries: collectPlanEntries(set), bySlug, byPlanEntry: articlesByPlanEntry(set) };
    indexes.set(set, known);
  }
  return known;
}

function planEntryReusedMessage(plan: string, others: readonly ArticleFile[]): string {
  return `计划条目 ${plan} 已被另一篇文章使用：${others.map((o) => o.source.file).join('、')}。一个条目对应一篇文章；如果是同一选题的续篇，请在计划里新增条目。`;
}

/**
 * The warning `schema/plan-entry-reused` would give an article of `account` naming `plan`, when other articles
 * already name it (for `new article --plan`, before the article exists); undefined when the entry is free.
 */
export function planEntryReused(set: ContentSet, account: string, plan: string): string | undefined {
  const others = indexesOf(set).byPlanEntry.get(planKey(account, plan)) ?? [];
  return others.length ? planEntryReusedMessage(plan, others) : undefined;
}

const planKey = (account: string, plan: string) => `${account}/${plan}`;

/**
 * What an article's findings here depend on besides its own file and its account: the plan it names (text, or that
 * it is missing) and the other articles naming the same plan entry or slug. A build keys its cached result on this,
 * so editing a plan or another article checks this one again.
 */
export function crossFileInputs(set: ContentSet): (article: ArticleFile) => string {
  // A plan by the hash of its text: a month of 84 entries would otherwise be hashed again with each of its articles.
  const plans = new Map(set.plans.map((p) => [`${p.place.account}/${p.place.month}`, createHash('sha256').update(p.source.text).digest('hex')]));
  const { byPlanEntry, bySlug } = indexesOf(set);
  const files = (articles: readonly ArticleFile[] = []) => articles.map((a) => a.source.file);
  return (article) => {
    const plan = article.doc?.data.plan;
    const { account, slug } = article.place;
    const named = typeof plan === 'string' ? plan : '';
    return JSON.stringify([plans.get(`${account}/${named.split('/')[0]}`) ?? null, files(byPlanEntry.get(planKey(account, named))), files(bySlug.get(`${account}/${slug}`))]);
  };
}

/** The articles naming each plan entry, by `<account>/<plan>`. */
function articlesByPlanEntry(set: ContentSet): Map<string, ArticleFile[]> {
  const byPlanEntry = new Map<string, ArticleFile[]>();
  for (const article of set.articles) {
    const plan = article.doc?.data.plan;
    if (typeof plan !== 'string') continue;
    const key = planKey(article.place.account, plan);
    byPlanEntry.set(key, [...(byPlanEntry.get(key) ?? []), article]);
  }
  return byPlanEntry;
}

type PlanIndex = Map<string, Set<string> | 'unreadable'>;

function collectPlanEntries(set: ContentSet): PlanIndex {
  const index: PlanIndex = new Map();
  for (const plan of set.plans) {
    const key = `${plan.place.account}/${plan.place.month}`;
    const entries = plan.doc?.data.entries;
    if (!plan.doc || !Array.isArray(entries)) {
      // Its own error is reported; do not pile "no such entry" on every article that names it.
      index.set(key, 'unreadable');
      continue;
    }
    index.set(key, new Set(entries.map((e: { id?: unknown }) => String(e?.id))));
  }
  return index;
}

function planFindings(source: SourceFile, data: Record<string, unknown>, month: string, span: (pointer: string) => Span): Finding[] {
  const findings: Finding[] = [];
  const add = (pointer: string, field: string, ruleId: string, message: string) =>
    findings.push({ file: source.file, ...source.locator.range(...span(pointer)), ruleId, severity: 'error', message, field });
  if (typeof data.month === 'string' && data.month !== month) {
    add('/month', 'month', 'schema/plan-month', `计划月份“${data.month}”与文件名 ${month}.md 不一致。`);
  }
  const seen = new Map<string, number>();
  (Array.isArray(data.entries) ? data.entries : []).forEach((entry: { id?: unknown }, index) => {
    if (typeof entry?.id !== 'string') return;
    const first = seen.get(entry.id);
    if (first === undefined) seen.set(entry.id, index);
    else add(`/entries/${index}/id`, `entries[${index}].id`, 'schema/plan-entry', `条目 id“${entry.id}”重复（与第 ${first + 1} 条相同），文章无法唯一引用。`);
  });
  return findings;
}

function fieldSpan(doc: { fields: ReadonlyMap<string, { key?: Span; value: Span }>; span: Span }, pointer: string): Span {
  const field = doc.fields.get(pointer);
  return field ? (field.key ?? field.value) : [doc.span[0], doc.span[0] + 3];
}

/**
 * A theme that the build would not find, by the lookup the build uses: an account's (its `theme:`, or `default`),
 * once on its account.yaml, and an article's own `theme:`. So a repository without any themes is told once per account.
 */
function themeFindings(set: ContentSet, wanted: (file: string) => boolean): Finding[] {
  const findings: Finding[] = [];
  const check = (file: AccountFile | ArticleFile, account: string, fallback?: string) => {
    const named = file.doc?.data.theme;
    const theme = typeof named === 'string' ? named : fallback;
    if (!file.doc || !wanted(file.source.file) || theme === undefined) return;
    const found = themeFiles(set.root, theme, account);
    if (found.ok) return;
    const span = fieldSpan(file.doc, '/theme');
    findings.push({
      file: file.source.file,
      ...file.source.locator.range(span[0], span[1]),
      ruleId: 'schema/theme',
      severity: 'error',
      message: found.message,
      ...(typeof named === 'string' ? { field: 'theme' } : {}),
      ...(found.available.length ? { suggestions: found.available } : {}),
    });
  };
  for (const account of set.accounts) check(account, account.place.account, 'default');
  for (const article of set.articles) check(article, article.place.account);
  return findings;
}

function relativeTo(root: string, path: string): string {
  return path.slice(root.length + 1).split(sep).join('/');
}
