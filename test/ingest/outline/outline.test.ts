import { describe, expect, it } from 'vitest';
import { buildOutline } from '../../../src/ingest/outline/index.js';
import { nth } from '../../helpers/nth.js';
import { normalizedSeed, seeds } from '../normalize/seed-helpers.js';

describe('buildOutline on the seeds', () => {
  it.each(seeds.map((s) => [s.file, s] as const))('%s: parts and review sections match the gold', (file, gold) => {
    const text = normalizedSeed(file).text;
    const outline = buildOutline(text);
    expect(outline.parts.map((p) => p.title)).toEqual(gold.parts ?? []);
    if (gold.parts) expect(outline.parts.map((p) => p.scope)).toEqual(['review', 'plan']);
    if (gold.reviewSections !== undefined) {
      const top = outline.sections.filter((s) => s.scope === 'review' && s.level === 1);
      expect(top).toHaveLength(gold.reviewSections);
    }
    const paths = outline.sections.map((s) => s.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const s of outline.sections) {
      expect(text.slice(s.start, s.end)).toContain(s.title);
      expect(s.end).toBeGreaterThan(s.start);
    }
  });

  it('seed 002: inline headings take the title up to the first 。', () => {
    const outline = buildOutline(normalizedSeed(nth(seeds, 2).file).text);
    const plan = outline.sections.filter((s) => s.scope === 'plan');
    expect(plan[0]?.title).toBe('深入学习贯彻习近平新时代中国特色社会主义思想，强化思想政治引领');
    expect(plan.map((s) => s.path)).toEqual(['6', '7', '8', '9']);
  });

  it('seed 004: short unnumbered headings of a feature article', () => {
    const outline = buildOutline(normalizedSeed(nth(seeds, 4).file).text);
    expect(outline.parts).toEqual([]);
    expect(outline.sections.map((s) => s.title)).toEqual([
      '旗帜鲜明讲政治',
      '双向发力促发展',
      '创先争优树品牌',
      '激情履职显担当',
    ]);
    expect(outline.sections.every((s) => s.scope === null && s.level === 1)).toBe(true);
  });
});

describe('buildOutline on small texts', () => {
  const report = [
    '某市政府工作报告',
    '一、2025年工作回顾',
    '过去一年，我们做了很多工作，取得了很大成绩。',
    '（一）稳增长。全年地区生产总值增长5%。一是深化理论学习。二是强化项目支撑。',
    '1.抓投资。投资增长6%。',
    '2.促消费。消费增长7%。',
    '（二）促改革。改革取得新进展。',
    '二、2026年工作安排',
    '（一）扩大内需。加大投资力度。',
    '（二）防范风险。守牢底线。',
    '附件',
    '1.“四上”企业：指规模以上企业。',
  ].join('\n');

  it('numbered parts, nested sections, sequential unique paths, spans ending at the next sibling', () => {
    const outline = buildOutline(report);
    expect(outline.parts.map((p) => [p.title, p.scope])).toEqual([
      ['2025年工作回顾', 'review'],
      ['2026年工作安排', 'plan'],
    ]);
    expect(outline.sections.map((s) => [s.path, s.level, s.scope, s.title])).toEqual([
      ['1', 1, 'review', '稳增长'],
      ['1.1', 2, 'review', '抓投资'],
      ['1.2', 2, 'review', '促消费'],
      ['2', 1, 'review', '促改革'],
      ['3', 1, 'plan', '扩大内需'],
      ['4', 1, 'plan', '防范风险'],
    ]);
    const [first, , , second] = outline.sections;
    expect(first?.end).toBe(second?.start);
    expect(second?.end).toBe(outline.parts[1]?.start);
    expect(outline.sections[5]?.end).toBe(report.indexOf('附件'));
  });

  it('does not take 一是/二是 sentences as sections', () => {
    const outline = buildOutline('2024年工作回顾\n一是深化理论学习。\n二是强化项目支撑。\n2025年工作安排\n一是扩大内需。');
    expect(outline.sections).toEqual([]);
    expect(outline.parts).toHaveLength(2);
  });
});
