import { describe, expect, it } from 'vitest';
import type { ExtractedReport } from '../../../src/domain/report.js';
import { extractBytes } from '../../../src/ingest/extract.js';
import { buildOutline } from '../../../src/ingest/outline/index.js';
import { scopeAt } from '../../../src/ingest/outline/part-at.js';

const head = ['某县政协常务委员会工作报告', '2024年1月10日在政协某县第九届委员会第三次会议上'];
const review = [
  '一年来，县政协围绕中心、服务大局，全年共收到委员提案186件，经审查立案172件，已全部办复。',
  '县政协组织开展专题调研12次，形成调研报告10篇，为县委县政府科学决策提供了有力参考。',
];
const plan = [
  '新的一年，县政协将继续聚焦高质量发展建言资政，力争提交提案200件以上，开展专题调研15次。',
  '我们将持续加强委员队伍建设，组织委员培训4期，不断提升履职能力和水平。',
];

/**
 * Reports the two old fallbacks split differently: with 下一步工作打算 and no review heading the metrics' one
 * found no parts (the planned 培训4期 headlined) while the summaries' one opened the plan there; with 主要工作情况 /
 * 今年工作思路 the metrics' one split it and the summaries' one did not (the plan sentence summarized the review).
 */
const reports = {
  'no review heading': [...head, ...review, '下一步工作打算', ...plan],
  'loose review and plan headings': [...head, '主要工作情况', ...review, '今年工作思路', ...plan],
};

function extract(lines: string[]): { report: ExtractedReport; text: string; planStart: number } {
  const report = extractBytes('parts.txt', Buffer.from(lines.join('\n')));
  const text = report.normalized.text;
  return { report, text, planStart: text.indexOf(plan[0] ?? '') };
}

describe('parts decided once by the outline, read by figures and summaries', () => {
  it.each(Object.entries(reports))('%s: one review/plan split for the outline, the figures and the summaries', (_, lines) => {
    const { report, text, planStart } = extract(lines);
    const planPart = report.outline.parts.find((p) => p.scope === 'plan');
    expect(planPart && text.slice(planPart.start, planStart)).toMatch(/^(下一步工作打算|今年工作思路)\n$/);
    // Every figure's scope is the outline's at its offset: review before the plan heading, plan after it.
    expect(report.metrics.length).toBeGreaterThan(6);
    for (const fact of report.metrics) {
      expect(fact.scope).toBe(fact.offset >= planStart ? 'plan' : 'review');
      expect(fact.scope).toBe(scopeAt(report.outline.parts, fact.offset));
    }
    // A planned figure never headlines: 培训4期 and 提案200件 are targets.
    expect(report.headline['training.sessions']).toBeUndefined();
    expect(report.headline['proposals.received']?.value).toBe(186);
    // The summaries take the same split.
    expect(report.summary.length).toBeGreaterThan(0);
    for (const s of report.summary) expect(review).toContain(s);
    expect(report.planSummary.length).toBeGreaterThan(0);
    for (const s of report.planSummary) expect(plan).toContain(s);
  });

  it('a plan-named title above every paragraph, a sub-numbered 主要任务 or a lone review heading opens no part', () => {
    const title = buildOutline(['2024年政协工作要点', ...review, ...plan].join('\n'));
    expect(title.parts).toEqual([]);
    const numbered = buildOutline([...head, ...review, '（二）主要任务', ...plan].join('\n'));
    expect(numbered.parts).toEqual([]);
    const lone = buildOutline([...head, '主要工作情况', ...review, ...plan].join('\n'));
    expect(lone.parts).toEqual([]);
  });

  it('a heading naming done and planned work (工作总结和下一步打算) opens no plan; a 一、 numbered plan heading does', () => {
    const both = buildOutline([...head, ...review, '工作总结和下一步打算', ...plan].join('\n'));
    expect(both.parts).toEqual([]);
    const numbered = buildOutline([...head, '一、主要工作情况', ...review, '二、下一步工作打算', ...plan].join('\n'));
    expect(numbered.parts.map((p) => [p.title, p.scope])).toEqual([
      ['主要工作情况', 'review'],
      ['下一步工作打算', 'plan'],
    ]);
  });

  it('一年来的主要工作 looks back (主要工作 alone named a plan); 五年来主要做了以下工作。 is a sentence, no part', () => {
    const since = buildOutline([...head, '一年来的主要工作', ...review, '2024年主要工作', ...plan].join('\n'));
    expect(since.parts.map((p) => [p.title, p.scope])).toEqual([
      ['一年来的主要工作', 'review'],
      ['2024年主要工作', 'plan'],
    ]);
    const leadIn = buildOutline(
      [...head, '过去五年工作回顾', '五年来主要做了以下工作。', ...review, '2024年工作安排', ...plan].join('\n'),
    );
    expect(leadIn.parts.map((p) => p.title)).toEqual(['过去五年工作回顾', '2024年工作安排']);
  });

  it('an appendix past the parts is neither review nor plan, the text before the first part is review', () => {
    const text = [...head, '2023年工作回顾', ...review, '2024年工作安排', ...plan, '附件', '名词解释：指全年新增数量。'].join(
      '\n',
    );
    const { parts } = buildOutline(text);
    expect(scopeAt(parts, 0)).toBe('review');
    expect(scopeAt(parts, text.indexOf(plan[1] ?? ''))).toBe('plan');
    expect(scopeAt(parts, text.indexOf('名词解释'))).toBeNull();
  });
});
