import type { Finding } from '../shared/finding.ts';

/** One article as the build left it: what the desk shows of it. Built ones have an output folder, failed ones an error. */
export interface DeskArticle {
  /** Repository-relative `index.md`. */
  file: string;
  account: string;
  title: string;
  status: string;
  publishAt?: string;
  /** `<account>/<slug>` under the output folder, when the article built. */
  dir?: string;
  /** The processed 500x500 cover, relative to `dir`. */
  thumbnail?: string;
  lint?: { errors: number; warnings: number };
  /** The first error of an article that did not build. */
  error?: Finding;
}

/** The preview page of a built article, relative to the output folder. */
export const previewOf = (article: DeskArticle): string | undefined => (article.dir === undefined ? undefined : `${article.dir}/preview.html`);
