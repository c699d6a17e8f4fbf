/**
 * Whether a sentence names where its figure comes from: an institution together with a document or a date
 * (国家统计局《2023 年统计公报》、中国茶叶流通协会 2024 年发布的报告、CNNIC 第 53 次报告), or a titled source it
 * cites (据《中国统计年鉴》、发表在《柳叶刀》上). “据权威机构统计”“相关部门”“某研究所” are not a source a reader
 * can check (广告法第十一条第二款“表明出处”; 上海市工商局对“引证内容”的审查要求, S42).
 */
const institution =
  /[\p{Script=Han}A-Za-z]{2,20}?(?:统计局|卫健委|卫生健康委员会|委员会|发改委|网信办|国务院|部(?![分门位])|局|署|协会|学会|研究会|研究院|研究所|研究中心|信息中心|中心|组织|联合会|大学|学院|银行|集团|公司|基金会|商会|交易所|医院|杂志社|日报|通讯社|政府|海关|气象台)|CNNIC|WHO|OECD|IMF|UNICEF|本公司|本集团/gu;
const generic = /权威|相关|有关|某|一家|多家|知名|国外|海外|专业|第三方|业内|行业/u;
const documentOrDate =
  /《[^》]{2,40}》|报告|公报|年报|白皮书|年鉴|蓝皮书|发布会|通报|公告|统计数据库|第\s*[\d一二三四五六七八九十]+\s*次|(?:19|20)\d{2}\s*年|\d{1,2}\s*月/u;
const citedTitle = /(?:据|根据|依据|来自|援引|引用|发表(?:在|于)|刊登(?:在|于)|刊发(?:在|于)?|在)\s*《[^》]{2,40}》|《[^》]{2,40}》(?:显示|指出|称|中|的数据|的统计|公布|发布)/u;

export function namesSource(sentence: string): boolean {
  if (citedTitle.test(sentence)) return true;
  if (!documentOrDate.test(sentence)) return false;
  for (const match of sentence.matchAll(institution)) {
    const around = sentence.slice(Math.max(0, match.index - 8), match.index + match[0].length);
    if (!generic.test(around)) return true;
  }
  return false;
}
