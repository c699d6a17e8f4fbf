export { schemaFindings } from './schema-findings.ts';
export { crossFileInputs, planEntryReused } from './references.ts';
import { mediaLedgerFile, readMediaLedger, validatorFor, type ContentSet, type FieldLimits } from '../content/index.ts';
import { compareFindings, type Finding } from '../shared/finding.ts';
import { footerFindings } from './footer.ts';
import { lengthFindings } from './length.ts';
import { referenceFindings } from './references.ts';
import { schemaFindings } from './schema-findings.ts';

export interface ValidateOptions {
  /** Report only on these repository-relative files (the rest of the content is still read for references). */
  only?: (file: string) => boolean;
}

/** Each set's findings by file, as far as they have been asked for: a build's lint and render validate a file once. */
const validated = new WeakMap<ContentSet, Map<string, Finding[]>>();

/**
 * Schema and reference checks over loaded content; returns every finding, sorted by file and position. A file's
 * findings are worked out once per loaded set (a set is not changed once loaded), however many stages ask.
 */
export async function validateContent(set: ContentSet, options: ValidateOptions = {}): Promise<Finding[]> {
  const wanted = options.only ?? (() => true);
  let known = validated.get(set);
  if (!known) validated.set(set, (known = new Map()));
  const files = new Set([
    ...set.findings.map((f) => f.file),
    ...[...set.accounts, ...set.plans, ...set.articles].map((f) => f.source.file),
    ...set.accounts.map((a) => mediaLedgerFile(a.place.account)),
  ]);
  const todo = new Set([...files].filter((file) => wanted(file) && !known.has(file)));
  if (todo.size) {
    const found = new Map<string, Finding[]>([...todo].map((file) => [file, []]));
    for (const finding of await findingsFor(set, (file) => todo.has(file))) found.get(finding.file)?.push(finding);
    for (const [file, list] of found) known.set(file, list);
  }
  return [...files].filter(wanted).flatMap((file) => known.get(file) ?? []).sort(compareFindings);
}

async function findingsFor(set: ContentSet, wanted: (file: string) => boolean): Promise<Finding[]> {
  const findings = set.findings.filter((f) => wanted(f.file));

  const limits = new Map<string, FieldLimits>();
  for (const account of set.accounts) {
    if (!account.doc) continue;
    const errors = validatorFor('account')(account.doc.data);
    if (wanted(account.source.file)) findings.push(...schemaFindings(account.source, account.doc, errors));
    limits.set(account.place.account, readLimits(account.doc.data.limits));
  }
  for (const plan of set.plans) {
    if (plan.doc && wanted(plan.source.file)) {
      findings.push(...schemaFindings(plan.source, plan.doc, validatorFor('plan')(plan.doc.data)));
    }
  }
  for (const article of set.articles) {
    if (article.doc && wanted(article.source.file)) {
      const validate = validatorFor('article', limits.get(article.place.account));
      findings.push(...schemaFindings(article.source, article.doc, validate(article.doc.data)));
    }
  }
  findings.push(...referenceFindings(set, wanted));
  findings.push(...lengthFindings(set, wanted));
  findings.push(...ledgerFindings(set, wanted));
  findings.push(...(await footerFindings(set, wanted)));
  return findings;
}

/**
 * Each account's media ledger (written by `mpdesk publish`): one that does not parse or fit its schema, a merge
 * conflict left in it say, stops publishing for the account, so validation says so first.
 */
function ledgerFindings(set: ContentSet, wanted: (file: string) => boolean): Finding[] {
  return set.accounts.flatMap(({ place }) => {
    const file = mediaLedgerFile(place.account);
    const read = wanted(file) ? readMediaLedger(set.root, place.account) : { ok: true as const };
    return read.ok ? [] : [{ file, line: read.line, column: 1, endLine: read.line, endColumn: 1, ruleId: 'schema/media-ledger', severity: 'error' as const, message: read.message }];
  });
}

/** Limits from account.yaml, ignoring values the account schema rejects (that error is reported on its own). */
function readLimits(value: unknown): FieldLimits {
  const limits: FieldLimits = {};
  if (!value || typeof value !== 'object') return limits;
  for (const field of ['title', 'author', 'digest'] as const) {
    const limit = (value as Record<string, unknown>)[field];
    if (Number.isInteger(limit) && (limit as number) > 0) limits[field] = limit as number;
  }
  return limits;
}
