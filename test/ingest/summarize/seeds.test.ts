import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ExtractedReport } from '../../../src/domain/report.js';
import { extractFile } from '../../../src/ingest/extract.js';
import { figures, isJunk } from '../../../src/ingest/summarize/features.js';
import { STOP_TERMS } from '../../../src/ingest/summarize/lexicon.js';
import { extractTerms } from '../../../src/ingest/summarize/index.js';

interface GoldReport {
  file: string;
  region: { name: string; short: string } | null;
}
const gold = JSON.parse(readFileSync('test/fixtures/gold-seeds.json', 'utf8')) as { reports: GoldReport[] };

/** Slogans seen in the seeds; an independent check, not the scorer's own boilerplate measure. */
const SLOGAN = /^(?:坚持以|以)?习近平新时代中国特色社会主义思想|四个意识|两个维护|两个确立|四个自信/;
const isBareSlogan = (s: string) => SLOGAN.test(s) && figures(s).length === 0 && !/《/.test(s);
/** Traditional characters left in the text mean normalize has not converted it yet. */
const untranslated = (r: ExtractedReport) => /[協會議當與經]/.test(r.normalized.text);

describe.each(gold.reports.map((g) => [g.file, g] as const))('seed %s', (file, g) => {
  let report: ExtractedReport;
  const load = async () => (report ??= await extractFile(`seeds/${file}`));

  it('summary: 2–3 sentences from ≥2 sections, ≤200 characters, ≥2 figures, text order, no junk, no bare slogan', async () => {
    const r = await load();
    expect(r.summary.length).toBeGreaterThanOrEqual(2);
    expect(r.summary.length).toBeLessThanOrEqual(3);
    expect(r.summary.flatMap(figures).length).toBeGreaterThanOrEqual(2);
    const sectionOf = (s: string) => {
      const at = r.normalized.text.indexOf(s);
      return r.outline.sections.find((x) => x.level === 1 && at >= x.start && at < x.end)?.path ?? null;
    };
    if (r.outline.sections.filter((x) => x.level === 1).length >= 2)
      expect(new Set(r.summary.map(sectionOf)).size).toBeGreaterThanOrEqual(2);
    const offsets = r.summary.map((s) => r.normalized.text.indexOf(s));
    expect(offsets.every((o) => o >= 0)).toBe(true);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    const chars = r.summary.join('').length;
    expect(chars).toBeGreaterThan(100);
    expect(chars).toBeLessThanOrEqual(200);
    const all = [...r.summary, ...r.planSummary, ...r.outline.sections.flatMap((s) => s.summary ?? [])];
    for (const s of all) {
      expect(isJunk(s), s).toBe(false);
      expect(isBareSlogan(s), s).toBe(false);
    }
  });

  it('plan summary: 1–3 sentences when the report has a plan part', async () => {
    const r = await load();
    expect(r.planSummary.length).toBeLessThanOrEqual(3);
    // 004 is a news write-up without a plan; 001 needs normalize (Traditional plan heading).
    if (/工作(?:意见|任务|安排)\n/.test(r.normalized.text) && !untranslated(r))
      expect(r.planSummary.length).toBeGreaterThanOrEqual(1);
    for (const s of r.planSummary) expect(r.summary).not.toContain(s);
  });

  it('keywords: 8–12, no stop terms, no own region names', async () => {
    const r = await load();
    const names = g.region ? [g.region.name, g.region.short] : [];
    // Region names come from metadata in the pipeline; pass the gold ones so this holds before metadata lands.
    const { keywords, terms } = extractTerms(r.normalized.text, names);
    expect(keywords.length).toBeGreaterThanOrEqual(8);
    expect(keywords.length).toBeLessThanOrEqual(12);
    expect(Object.keys(terms).length).toBeLessThanOrEqual(60);
    for (const k of keywords) {
      expect(STOP_TERMS.has(k), k).toBe(false);
      for (const n of names) expect(k.includes(n), `${k} ⊃ ${n}`).toBe(false);
    }
    if (r.meta.region) for (const k of r.keywords) expect(k.includes(r.meta.region.short)).toBe(false);
  });
});

describe('distinctive terms', () => {
  it('surfaces the 开化 seed’s 请你来协商', async () => {
    const r = await extractFile('seeds/003_39406531928dc60d.txt');
    expect(r.keywords).toContain('请你来协商');
  });

  it('surfaces the 资阳 seed’s 有事来协商', async () => {
    const r = await extractFile('seeds/004_580fe89a2b738e05.txt');
    expect(r.keywords).toContain('有事来协商');
  });
});
