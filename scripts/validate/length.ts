import { articleVisibleChars, resolveArticle, typedFields, type ContentSet } from '../content/index.ts';
import { maxVisibleChars } from '../platform/index.ts';
import type { Finding } from '../shared/finding.ts';

/**
 * The renderer adds list markers, note numbers and alert titles the model does not count, 3 to 6 % in the sample
 * articles: warn this close to the limit.
 */
const headroom = 2_000;

/**
 * WeChat's 20,000 visible characters, counted from the article model and the account's footer with the same
 * function the build's message quotes (`articleVisibleChars`): at or over the limit is an error (the build refuses
 * it too), within `headroom` of it a warning.
 */
export function lengthFindings(set: ContentSet, wanted: (file: string) => boolean): Finding[] {
  const footers = new Map(set.accounts.map((account) => [account.place.account, account.doc ? typedFields('account', account.doc.data).footer : undefined]));
  const findings: Finding[] = [];
  for (const file of set.articles) {
    if (!wanted(file.source.file)) continue;
    const article = resolveArticle(file);
    if (!article) continue;
    const count = articleVisibleChars(article.tree, footers.get(article.account));
    if (count < maxVisibleChars - headroom) continue;
    const over = count >= maxVisibleChars;
    const { source } = article;
    const what = `正文 ${count} 字（不计空白，含参考资料网址和账号的文末）`;
    findings.push({
      file: source.file,
      ...source.locator.range(source.bomLength, source.bomLength + 3),
      ruleId: 'platform/body-length',
      severity: over ? 'error' : 'warning',
      message: over
        ? `${what}，微信要求少于 ${maxVisibleChars} 字，构建会失败：请删减，或分成两篇。`
        : `${what}，接近微信上限 ${maxVisibleChars} 字：排版时还会加上列表符号、注释编号和提示框标题，构建可能超限。`,
    });
  }
  return findings;
}
