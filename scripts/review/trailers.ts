/** What a reviewed merge records in its commit message, as git trailers. */
export interface ReviewRecord {
  reviewers: Array<{ name: string; level: string }>;
  reviewedOn: string;
  approvedHead: string;
  articles: string[];
}

/** The trailer block: `Reviewed-by: <name> (<level>)` per level, then `Reviewed-on`, `Approved-head`, `Article`s. */
export function trailerBlock(record: ReviewRecord): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  const add = (line: string) => {
    if (!seen.has(line)) lines.push(line);
    seen.add(line);
  };
  for (const reviewer of record.reviewers) add(`Reviewed-by: ${oneLine(reviewer.name)} (${oneLine(reviewer.level)})`);
  add(`Reviewed-on: ${oneLine(record.reviewedOn)}`);
  add(`Approved-head: ${record.approvedHead}`);
  for (const article of record.articles) add(`Article: ${article}`);
  return lines.join('\n');
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
        any = true;
        break;
      }
      case 'reviewed-on':
        record.reviewedOn = value;
        any = true;
        break;
      case 'approved-head':
        record.approvedHead = value;
        any = true;
        break;
      case 'article':
        record.articles.push(value);
        any = true;
        break;
    }
  }
  return any ? record : undefined;
}

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();
