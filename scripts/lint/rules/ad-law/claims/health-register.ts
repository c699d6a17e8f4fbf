import { compile, matches as test } from './pattern.ts';

// Readings for health writing that sells nothing: a public-health plan, a law, a clinical guideline, a medicines
// encyclopaedia. The caller has already kept every sentence the seller speaks in (本品、我们、本院、a price).

// 抗抑郁药舍曲林、抗病毒治疗、抗糖尿病制剂: the name of a class of drugs or of a therapy, not an effect claimed for
// something. 喝这款茶能抗病毒 has no such noun after the term, and stays.
const drugClassNoun = /^(?:药物|药品|药剂|类药|药|制剂|疗法|治疗|方案)/u;

export function namesDrugClass(term: string, after: string): boolean {
  return term.startsWith('抗') && drugClassNoun.test(after);
}

// 特异性IgM抗体多在发病3-5天后出现: 抗体、抗原 are what the body makes or meets, no 抗 said of anything.
export const bodyNoun = (term: string): boolean => /^抗(?:体|原)/u.test(term);

// A public body's duty or a plan's task (县级以上人民政府负责储备防治传染病的药品、强化中医药防治优势病种研究、到 2030 年……
// 发生率显著下降): public-health administration. It needs both the body or the plan and the verb of governing.
const body = compile(
  '人民政府|国务院|主管部门|行政部门|有关部门|卫生健康部门|疾病预防控制机构|医疗卫生机构|医疗机构|各级|县级以上|全社会|政府|国家(?=建立|实行|实施|鼓励|支持|加强|发展|推进)',
);
const plan = compile('^第[0-9十百]+条|本法|本规划|规划纲要|到20[0-9][0-9]年|力争|工程|行动计划|体系建设');
const governing = compile(
  '负责|应当|承担|储备|建立|健全|完善|加强|实施|开展|推进|推动|支持|鼓励|组织|制定|强化|落实|保障|普及|培育|探索|纳入|明显|显著',
);

export function administersHealth(sentence: string): boolean {
  return (test(body, sentence) || test(plan, sentence)) && test(governing, sentence);
}
