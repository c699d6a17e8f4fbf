/** What a reviewed merge records in its commit message, as git trailers. */
export interface ReviewRecord {
  reviewers: Array<{ name: string; level: string }>;
  reviewedOn: string;
  approvedHead: string;
  articles: string[];
}

/** The trailer block: `Reviewed-by: <name> (<level>)` per level, then `Reviewed-on`, `Approved-head`, `Article`s. */
export function trailerBlock(record: ReviewRecord): string {
  const lines = [
    ...record.reviewers.map((reviewer) => `Reviewed-by: ${oneLine(reviewer.name)} (${oneLine(reviewer.level)})`),
    `Reviewed-on: ${oneLine(record.reviewedOn)}`,
    `Approved-head: ${record.approvedHead}`,
    ...record.articles.map((article) => `Article: ${article}`),
  ];
  // The same person at the same level of two accounts is one line.
  return [...new Set(lines)].join('\n');
}

/** Reads the record back from `Key: value` trailer lines (as `git log --format=%(trailers:only,unfold)` prints). */
export function parseTrailers(text: string): ReviewRecord | undefined {
  const record: ReviewRecord = { reviewers: [], reviewedOn: '', approvedHead: '', articles: [] };
  let any = false;
  for (const line of text.split('\n')) {
    const match = line.match(/^([A-Za-z-]+):\s*(.*?)\s*$/);
    if (!match) continue;
    const [, key, value] = match as unknown as [string, string, string];
    switch (key.toLowerCase()) {
      case 'reviewed-by': {
        const who = value.match(/^(.*\S)\s+\((.+)\)$/);
        record.reviewers.push(who ? { name: who[1]!, level: who[2]! } : { name: value, level: '' });
        break;
      }
      case 'reviewed-on':
        record.reviewedOn = value;
        break;
      case 'approved-head':
        record.approvedHead = value;
        break;
      case 'article':
        record.articles.push(value);
        break;
      default:
        continue;
    }
    any = true;
  }
  return any ? record : undefined;
}

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();
