/**
 * The prose sets of the corpus, one entry each, in report order. A set is the folder of the same name under
 * scripts/lint/corpus/; adding a set is adding an entry here (and its figure to the baseline with --write-baseline).
 */
export interface ProseSet {
  /** The folder under scripts/lint/corpus/, and the set's key in scores and the baseline. */
  id: string;
  /** How the report and the baseline comparison name it. */
  name: string;
  /** The registers it holds, for the report's heading. */
  what: string;
  /** Never tuned on: its false alarms are counted but not listed, so nobody tunes a rule against them. */
  heldOut: boolean;
  /** The characters the committed set holds at least; the suite fails when a set shrinks below it. */
  minChars: number;
}

export const proseSets: readonly ProseSet[] = [
  { id: 'prose', name: '普通文本', what: '菜谱、技术书、新闻、游记、散文、百科', heldOut: false, minChars: 200_000 },
  { id: 'prose-2', name: '第二组普通文本', what: '技术文档', heldOut: false, minChars: 150_000 },
  { id: 'prose-3', name: '第三组普通文本', what: '新闻、百科译文', heldOut: false, minChars: 90_000 },
  { id: 'prose-4', name: '第四组普通文本', what: '指南、建议类文章', heldOut: false, minChars: 100_000 },
  { id: 'prose-5', name: '第五组普通文本', what: '新闻译文、开源指南，原留出文本', heldOut: false, minChars: 140_000 },
  { id: 'prose-6', name: '第六组普通文本', what: '健康与医学：用药知识、健康规划、诊疗方案、卫生法律', heldOut: false, minChars: 110_000 },
  { id: 'prose-7', name: '第七组普通文本', what: '健康与医学：精神与心理疾病百科（诊断、临床表现、治疗）', heldOut: false, minChars: 98_000 },
  { id: 'prose-8', name: '第八组普通文本', what: '疫情与公共卫生：维基百科的新冠、SARS、MERS 条目（病例数及其来源、研究、防控）', heldOut: false, minChars: 115_000 },
  { id: 'held-out', name: '留出文本', what: '新冠健康新闻与医学摘要译文、健康建议', heldOut: true, minChars: 150_000 },
];

export const heldOutSets = new Set(proseSets.filter((set) => set.heldOut).map((set) => set.id));
