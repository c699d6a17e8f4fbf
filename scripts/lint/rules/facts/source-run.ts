import type { TextBlock } from '../../prose.ts';
import { sentencesOf } from '../plain-text.ts';
import { paragraphNamesSource } from './named-source.ts';

/**
 * How many paragraphs a named source carries on for: news names the report or the agency once (美国劳工部周五公布的
 * 数据显示……) and gives its figures over the next few paragraphs, one sentence a paragraph in wire copy. A heading or
 * the title ends the run.
 */
export const carriedParagraphs = 3;

/** 这项研究、该报告、这一数字、报告还显示: the text says it goes on with a source it gave earlier, however far back. */
const backReference = /(?:这|该|此)(?:项|份|次|个|一)?(?:研究|调查|报告|统计|数据|数字|民调|报道)|(?:报告|研究|调查|数据|民调)(?:还|也|同时|进1?一?步)(?:显示|发现|表明|指出)/u;

const texts = (block: TextBlock) => sentencesOf(block).map((p) => p.text);

/** A quotation the paragraph opens and leaves open: wire copy goes on with it in the next paragraph. */
function leavesQuoteOpen(text: string): boolean {
  const open = Math.max(text.lastIndexOf('“'), text.lastIndexOf('「'));
  return open >= 0 && !/[”」]/u.test(text.slice(open));
}

/** The paragraph closes a quotation before opening another: ……这是好消息，”他说。 */
const closesQuote = /^[^“「]*[”」]/u;

/**
 * For each block, whether the figures in it have a source: it names one (or, with 他说、该公司表示, points back to
 * someone the paragraph before named); a source named up to three paragraphs before carries on, and one named
 * anywhere before since the last heading does when the paragraph points back to it (这项研究); and a quotation left
 * open is sourced by the next paragraph that closes it with its speaker (“……失业率下降了 20%。\n\n这是好消息，”
 * 财政大臣说。). `wanted` says which blocks hold a figure; the others are read only as far as the run needs.
 */
export function sourcedBlocks(blocks: readonly TextBlock[], wanted: readonly boolean[]): boolean[] {
  const sourced: boolean[] = [];
  const names = blocks.map((block, i) => {
    const before = blocks[i - 1];
    return paragraphNamesSource(texts(block), before?.kind === 'paragraph' ? texts(before) : []);
  });
  let sinceSource = Infinity;
  for (const [i, block] of blocks.entries()) {
    const before = blocks[i - 1];
    const previous = before?.kind === 'paragraph' ? texts(before) : [];
    if (block.kind !== 'paragraph') {
      sinceSource = Infinity;
      sourced.push(wanted[i] === true && names[i]!);
      continue;
    }
    const own = texts(block);
    const named = names[i]!;
    const pointsBack = sinceSource < Infinity && own.some((text) => backReference.test(text));
    const carried = sinceSource < carriedParagraphs || pointsBack;
    sinceSource = named || (carried && pointsBack) ? 0 : sinceSource + 1;
    const next = blocks[i + 1];
    const quoted =
      wanted[i] === true && next?.kind === 'paragraph' && leavesQuoteOpen(block.text) && closesQuote.test(next.text) && paragraphNamesSource(texts(next), [...previous, ...own]);
    sourced.push(named || carried || quoted || (wanted[i] === true && namedAfter(blocks, names, i)));
  }
  return sourced;
}

/**
 * News gives the figure first and its source after (……收视率翻了一番。\n\n根据尼尔森公布的数据……; a survey's findings
 * in the lead, the body that made it a few paragraphs on; a pull quote and its credit line): a source named in the
 * next two paragraphs, or the maker of a study named within the next ten, sources the figures before it. A heading
 * ends the look ahead.
 */
export const namedAheadParagraphs = 2;
export const studyAheadParagraphs = 10;
const studyWord = /调查|研究|数据|报告|统计|民调/u;

function namedAfter(blocks: readonly TextBlock[], names: readonly boolean[], at: number): boolean {
  for (let j = at + 1; j <= at + studyAheadParagraphs && j < blocks.length; j++) {
    const block = blocks[j]!;
    if (block.kind !== 'paragraph') return false;
    if (names[j] && (j - at <= namedAheadParagraphs || studyWord.test(block.text))) return true;
  }
  return false;
}
