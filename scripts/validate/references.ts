import { statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { visit } from 'unist-util-visit';
import type { ArticleFile, ContentSet, SourceFile, Span } from '../content/index.ts';
import { emptyImageUrl, localPath } from '../content/local-path.ts';
import { parseMarkdown, nodeSpan } from '../content/markdown.ts';
import type { Finding } from '../shared/finding.ts';

/** Cross-file checks: accounts, plan entries, images on disk, unique slugs, plan months. */
export function referenceFindings(set: ContentSet, wanted: (file: string) => boolean): Finding[] {
  const findings: Finding[] = [];
  const accounts = new Set(set.accounts.map((a) => a.place.account));
  const planEntries = collectPlanEntries(set);

  for (const plan of set.plans) {
    if (!plan.doc || !wanted(plan.source.file)) continue;
    findings.push(...planFindings(plan.source, plan.doc.data, plan.place.month, (p) => fieldSpan(plan.doc!, p)));
  }

  const bySlug = new Map<string, ArticleFile[]>();
  for (const article of set.articles) {
    const key = `${article.place.account}/${article.place.slug}`;
    bySlug.set(key, [...(bySlug.get(key) ?? []), article]);
  }

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
        `slug “${place.slug}” 在账号 ${place.account} 中重复：${twins.map((t) => t.source.file).join('、')}。同一账号内 slug 必须唯一。`,
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
          `计划 ${month} 中没有条目 “${id}”。现有条目：${[...entries].join('、') || '（无）'}。`,
          'plan',
        );
      }
    }

    const accountRoot = join(set.root, 'content', place.account);
    const checkImage = (url: string, span: Span, field?: string) => {
      const local = localPath(url);
      if (local === undefined) return;
      const path = resolve(dirname(source.path), local);
      if (!path.startsWith(accountRoot + sep)) {
        at('image/outside-account', span, `图片路径 “${url}” 超出了账号目录 content/${place.account}/，请把图片放在文章旁边。`, field);
        return;
      }
      if (!isFile(path)) at('image/missing', span, `找不到图片 “${url}”（${relativeTo(set.root, path)}）。`, field);
    };

    if (typeof doc.data.cover === 'string') checkImage(doc.data.cover, fieldSpan(doc, '/cover'), 'cover');
    // An empty cover is the schema's to report; an empty body image is only seen here.
    for (const image of bodyImages(source)) {
      if (image.url.trim() === '') at('image/missing', image.span, emptyImageUrl);
      else checkImage(image.url, image.span);
    }
  }
  return findings;
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
    add('/month', 'month', 'schema/plan-month', `计划月份 “${data.month}” 与文件名 ${month}.md 不一致。`);
  }
  const seen = new Map<string, number>();
  (Array.isArray(data.entries) ? data.entries : []).forEach((entry: { id?: unknown }, index) => {
    if (typeof entry?.id !== 'string') return;
    const first = seen.get(entry.id);
    if (first === undefined) seen.set(entry.id, index);
    else add(`/entries/${index}/id`, `entries[${index}].id`, 'schema/plan-entry', `条目 id “${entry.id}” 重复（与第 ${first + 1} 条相同），文章无法唯一引用。`);
  });
  return findings;
}

function fieldSpan(doc: { fields: ReadonlyMap<string, { key?: Span; value: Span }>; span: Span }, pointer: string): Span {
  const field = doc.fields.get(pointer);
  return field ? (field.key ?? field.value) : [doc.span[0], doc.span[0] + 3];
}

interface BodyImage {
  url: string;
  span: Span;
}

function bodyImages(source: SourceFile): BodyImage[] {
  const images: BodyImage[] = [];
  const tree = parseMarkdown(source);
  const definitions = new Map<string, string>();
  visit(tree, 'definition', (node) => void definitions.set(node.identifier, node.url));
  visit(tree, (node) => {
    if (node.type === 'image') images.push({ url: node.url, span: nodeSpan(source, node) });
    else if (node.type === 'imageReference') {
      const url = definitions.get(node.identifier);
      if (url) images.push({ url, span: nodeSpan(source, node) });
    } else if (node.type === 'html') {
      for (const match of node.value.matchAll(/<img\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']/gi)) {
        images.push({ url: match[1]!, span: nodeSpan(source, node) });
      }
    }
  });
  return images;
}

/**
 * Synchronous on purpose: validation runs in threads that are busy rendering or linting, where a thread-pool round
 * trip per image costs more than the `stat`. In document order, so images missing at one place keep their order.
 */
function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function relativeTo(root: string, path: string): string {
  return path.slice(root.length + 1).split(sep).join('/');
}
