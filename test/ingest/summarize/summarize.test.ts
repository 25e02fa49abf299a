import { describe, expect, it } from 'vitest';
import type { ReportOutline } from '../../../src/domain/report.js';
import { buildOutline } from '../../../src/ingest/outline/index.js';
import { summarize } from '../../../src/ingest/summarize/index.js';
import { nth } from '../../helpers/nth.js';

const lines = [
  '某市政协常委会工作报告',
  '各位委员、同志们:',
  '2022年工作回顾',
  '一、坚持政治引领',
  '坚持以习近平新时代中国特色社会主义思想为指导,切实增强“四个意识”、坚定“四个自信”、做到“两个维护”。召开党组会议12次、理论学习中心组学习8次,开展专题研讨3次。',
  '二、聚焦中心建言',
  '围绕营商环境优化开展“有事来协商”活动15场,形成协商建议46条,其中32条被采纳。组织委员视察重点项目9个,提出意见建议27条。',
  '三、履职为民',
  '收到提案186件,立案152件,办复率100%。收集社情民意信息64条,编辑《社情民意》30期。委员捐款捐物近120万元,惠及群众3000余人。',
  '2023年工作意见',
  '一、强化协商议政',
  '围绕“十四五”规划中期评估,开展“请你来协商”专题协商,推动出台《基层协商工作规程》。',
  '二、加强自身建设',
  '深入学习贯彻党的二十大精神,不断增强“四个意识”、坚定“四个自信”、做到“两个维护”。',
] as const;
const text = lines.join('\n');
const at = (line: number) => lines.slice(0, line).join('\n').length + (line ? 1 : 0);

const outline: ReportOutline = {
  parts: [
    { title: lines[2], scope: 'review', start: at(2), end: at(9) },
    { title: lines[9], scope: 'plan', start: at(9), end: text.length },
  ],
  sections: [
    { path: '1', title: lines[3], level: 1, scope: 'review', start: at(3), end: at(5) },
    { path: '2', title: lines[5], level: 1, scope: 'review', start: at(5), end: at(7) },
    { path: '3', title: lines[7], level: 1, scope: 'review', start: at(7), end: at(9) },
    { path: '4', title: lines[10], level: 1, scope: 'plan', start: at(10), end: at(12) },
    { path: '5', title: lines[12], level: 1, scope: 'plan', start: at(12), end: text.length },
  ],
};

describe('summarize', () => {
  const result = summarize(text, outline, []);

  it('summarizes the review part in 2–3 sentences within 200 characters, in text order', () => {
    expect(result.summary.length).toBeGreaterThanOrEqual(2);
    expect(result.summary.length).toBeLessThanOrEqual(3);
    expect(result.summary.join('').length).toBeLessThanOrEqual(200);
    const offsets = result.summary.map((s) => text.indexOf(s));
    const review = nth(outline.parts, 0);
    expect(offsets.every((o) => o >= review.start && o < review.end)).toBe(true);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    expect(result.summary.join('')).not.toContain('四个意识');
    expect(result.summary.join('')).not.toContain('各位委员');
  });

  it('summarizes the plan part separately, without bare slogans', () => {
    expect(result.planSummary).toEqual(['围绕“十四五”规划中期评估,开展“请你来协商”专题协商,推动出台《基层协商工作规程》。']);
  });

  it('gives each section 1–2 sentences of its own span, none for a slogan-only section', () => {
    expect(result.sections['2']?.[0]).toContain('有事来协商');
    expect(result.sections['3']?.length).toBeGreaterThanOrEqual(1);
    expect(result.sections['3']?.length).toBeLessThanOrEqual(2);
    expect(result.sections['1']).toEqual(['召开党组会议12次、理论学习中心组学习8次,开展专题研讨3次。']);
    expect(result.sections['5']).toEqual([]);
  });

  it('counts figures reported by the metrics stage', () => {
    const plain = '全年共办理提案一百八十六件,办复率达到百分之百,委员满意率持续提升。';
    const t = `回顾\n${plain}\n组织委员开展视察调研活动,形成一批高质量调研成果,为党政决策提供参考。`;
    const offset = t.indexOf('一百八十六');
    const metric = { offset } as Parameters<typeof summarize>[2][number];
    const r = summarize(t, { parts: [], sections: [] }, [metric, { ...metric, offset: offset + 10 }]);
    expect(r.summary[0]).toBe(plain);
  });

  it("takes review and plan from the outline's parts, not from headings of its own", () => {
    const r = summarize(text, buildOutline(text), []);
    expect(r.planSummary[0]).toContain('请你来协商');
    expect(r.summary.join('')).not.toContain('请你来协商');
    // Without parts the report is summarized whole: 2023年工作意见 is the outline's to read, not the summaries'.
    expect(summarize(text, { parts: [], sections: [] }, []).planSummary).toEqual([]);
  });

  it('returns empty summaries for empty text', () => {
    expect(summarize('', { parts: [], sections: [] }, [])).toEqual({ summary: [], planSummary: [], sections: {} });
  });

  it('summarizes each of many sections from its own sentences only, nested and empty ones included', () => {
    // 400 sections of a long text (nested pairs, every 7th empty): each summary is drawn from inside its span.
    const body: string[] = [];
    const sections: ReportOutline['sections'] = [];
    let offset = 0;
    for (let i = 0; i < 400; i++) {
      const line = i % 7 === 0 ? '' : `第${i}项:召开协商会${i}次,形成建议${i * 3}条,推动解决问题${i + 5}个。`;
      const heading = `(${i})标题${i}`;
      body.push(heading, line);
      const start = offset;
      offset += heading.length + 1 + line.length + 1;
      sections.push({ path: String(i), title: heading, level: 1, scope: null, start, end: offset });
      if (i % 2 === 1)
        sections.push({ path: `${i - 1}-${i}`, title: '', level: 1, scope: null, start: sections.at(-2)!.start, end: offset });
    }
    const long = body.join('\n');
    const r = summarize(long, { parts: [], sections }, []);
    let nonEmpty = 0;
    for (const section of sections) {
      const span = long.slice(section.start, section.end);
      for (const sentence of r.sections[section.path] ?? []) expect(span).toContain(sentence);
      if (r.sections[section.path]?.length) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(300);
  });
});
