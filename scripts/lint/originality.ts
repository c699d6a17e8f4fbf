import type { SourceFile } from '../content/index.ts';
import type { Finding } from '../shared/finding.ts';
import type { Range } from '../shared/text-locator.ts';
import type { PeerArticle, PeerParagraph } from './define-rule.ts';
import { blockSpan, type TextBlock } from './prose.ts';
import nearDuplicate, { nearCopy, nearCopyMessage, paragraphPrints } from './rules/originality/near-duplicate.ts';

/** A paragraph's fingerprints and where it stands: what the originality comparison needs of a file. */
export interface FileParagraph extends PeerParagraph {
  range: Range;
}

/** The fingerprinted paragraphs of a file (those long enough to have fingerprints), in order. */
export function fileParagraphs(source: SourceFile, blocks: readonly TextBlock[]): FileParagraph[] {
  const paragraphs: FileParagraph[] = [];
  for (const block of blocks) {
    if (block.kind !== 'paragraph') continue;
    const prints = paragraphPrints(block);
    if (!prints.length) continue;
    const range = source.locator.range(...blockSpan(block, 0, block.text.length));
    paragraphs.push({ line: range.line, prints, range });
  }
  return paragraphs;
}

/** What the lint cache and the peers keep of a paragraph. */
export function peerParagraph({ line, prints }: FileParagraph): PeerParagraph {
  return { line, prints };
}

/**
 * `originality/near-duplicate` as a pass after every file is linted (in worker threads, which do not see each
 * other's files): the same comparison and message as the rule. Suppressions are applied by the caller, with the
 * file's other findings.
 */
export function nearDuplicateFindings(file: string, paragraphs: readonly FileParagraph[], peers: readonly PeerArticle[]): Finding[] {
  const findings: Finding[] = [];
  for (const { prints, range } of paragraphs) {
    const copy = nearCopy(prints, peers, file);
    if (!copy) continue;
    findings.push({ file, ...range, ruleId: nearDuplicate.id, severity: nearDuplicate.severity, message: nearCopyMessage(copy) });
  }
  return findings;
}
