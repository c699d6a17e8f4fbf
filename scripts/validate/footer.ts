import { sep } from 'node:path';
import { accountFooter, decodeProblem, imageProblem, type ContentSet } from '../content/index.ts';
import type { Finding } from '../shared/finding.ts';
import { undefinedReferenceMessage } from './references.ts';

/**
 * The images of each account's `footer:`, checked once per account at their place in account.yaml: missing,
 * outside the account, of a format the build cannot use, or unreadable (decoded as the build opens them); and its
 * references to labels nothing defines. Without this, every article of the account would fail its build over them.
 */
export async function footerFindings(set: ContentSet, wanted: (file: string) => boolean): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const account of set.accounts) {
    const { source } = account;
    const footer = wanted(source.file) ? accountFooter(account) : undefined;
    for (const image of footer?.images ?? []) {
      const problem = imageProblem(image, account.place.account, (path) => path.slice(set.root.length + 1).split(sep).join('/')) ?? (await decodeProblem(image));
      if (!problem) continue;
      findings.push({ file: source.file, ...source.locator.range(image.span[0], image.span[1]), ruleId: problem.ruleId, severity: 'error', message: `文末（footer）：${problem.message}`, field: 'footer' });
    }
    for (const reference of footer?.undefinedReferences ?? []) {
      const message = `文末（footer）：${undefinedReferenceMessage(reference)}`;
      findings.push({ file: source.file, ...source.locator.range(reference.span[0], reference.span[1]), ruleId: 'schema/undefined-reference', severity: 'error', message, field: 'footer' });
    }
  }
  return findings;
}
