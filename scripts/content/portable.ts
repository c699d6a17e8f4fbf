import { keepImageVerdicts } from './image-verdicts.ts';
import { createLocator } from '../shared/text-locator.ts';
import type { ContentSet, SourceFile } from './index.ts';

type PortableSource = Omit<SourceFile, 'locator'>;
type Portable<T extends { source: SourceFile }> = Omit<T, 'source'> & { source: PortableSource };

/** A `ContentSet` without its locators (functions), so it can be sent to a worker thread. */
export interface PortableContentSet {
  root: string;
  accounts: Array<Portable<ContentSet['accounts'][number]>>;
  plans: Array<Portable<ContentSet['plans'][number]>>;
  articles: Array<Portable<ContentSet['articles'][number]>>;
  findings: ContentSet['findings'];
}

const strip = <T extends { source: SourceFile }>(file: T): Portable<T> => {
  const { locator: _locator, ...source } = file.source;
  return { ...file, source };
};

const restore = <T extends { source: PortableSource }>(file: T) => ({ ...file, source: { ...file.source, locator: createLocator(file.source.text) } });

export function toPortable(set: ContentSet): PortableContentSet {
  return { root: set.root, accounts: set.accounts.map(strip), plans: set.plans.map(strip), articles: set.articles.map(strip), findings: set.findings };
}

/** The set again, in the worker; the texts and parsed frontmatter arrive as they were, so nothing is re-read. */
export function fromPortable(set: PortableContentSet): ContentSet {
  keepImageVerdicts(set.root);
  return { root: set.root, accounts: set.accounts.map(restore), plans: set.plans.map(restore), articles: set.articles.map(restore), findings: set.findings };
}
