/** Metrics stage: finds figures, classifies them into canonical keys, and picks one headline per key. */
import type { FactPeriod, MetricFact, ReportMeta, ReportOutline } from '../../domain/report.js';
import { wordingFlags } from './checks.js';
import { classifySentence } from './classify.js';
import { chooseHeadlines, mergeDuplicates, type Candidate } from './headline.js';
import { ALL_ANSWERED, allAnsweredKey } from './registry/cues.js';
import { inFamily, KEY_BY_NAME, labelOf } from './registry/keys.js';
import { findMentions } from './number-grammar.js';
import { defaultPeriod, statedPeriod } from './scope-period.js';
import { clauseStart } from './clauses.js';
import { partAt, scopeAt } from '../outline/part-at.js';
import { sectionAt } from '../outline/section-at.js';
import { splitSentences } from '../../text/sentences.js';

/** Figures of one report: every mention, and the headline fact per key. */
export interface MetricsResult {
  metrics: MetricFact[];
  headline: Record<string, MetricFact>;
}

const AGGREGATE = /两级政协|三级政协|各级政协|政协系统|[市州]、[县区市]|两地|三地|双方|[^,，]{2}共建/;
/** 累计 without a one-year frame (全年累计 is the year's): a running total over more than the year. */
const RUNNING = /累计/;
const ONE_YEAR = /全年|年内|今年|当年|一年来|本年/;
const HAS_DIGIT = /[0-9零〇一二两三四五六七八九十百千]/;
const HAS_PROPOSAL = /提案/;

/** Finds and classifies every figure of a report (normalized text) and picks the headline facts. */
export function extractMetrics(text: string, outline: ReportOutline, meta: ReportMeta): MetricsResult {
  const { parts } = outline;
  const sections = [...outline.sections].sort((a, b) => a.start - b.start);
  const candidates: Candidate[] = [];
  const foreign = foreignPattern(meta);

  // A period stated once (五年来, …) holds for the rest of its paragraph.
  let lineStart = -1;
  let carried: FactPeriod | null = null;
  for (const s of figureSentences(text)) {
    const ls = text.lastIndexOf('\n', s.start) + 1;
    if (ls !== lineStart) {
      lineStart = ls;
      carried = null;
    }
    // The outline's parts are the one review/plan split: the summaries read the same one.
    const scope = scopeAt(parts, s.start);
    const part = partAt(parts, s.start);
    const stated = statedPeriod(s.text);
    if (stated) carried = stated;
    const explicitYear = carried === 'year';
    const period = carried ?? defaultPeriod(part, meta.period);
    const periodOf = (key: string, clause: string): FactPeriod => {
      if (inFamily(key, 'session') && !carried) return 'session';
      // A term's 累计 (本届以来累计) stays the term's; only an otherwise yearly figure becomes a running total.
      if (RUNNING.test(clause) && !ONE_YEAR.test(s.text) && period === 'year') return 'cumulative';
      return period;
    };
    const sectionPath = sectionAt({ sections }, s.start);
    const base = { scope, period, evidence: s.text, sectionPath };

    if (HAS_DIGIT.test(s.text)) {
      const mentions = findMentions(s.text);
      for (const a of classifySentence(s.text, mentions, meta.body)) {
        const m = a.mention;
        const clause = s.text.slice(clauseStart(s.text, m.start), m.start);
        const own = s.text.slice(a.windowStart, m.start);
        candidates.push({
          fact: {
            key: a.key,
            label: labelOf(a.key),
            value: m.value,
            unit: m.unit,
            approx: m.approx,
            lower: m.lower,
            upper: m.upper,
            normalized: m.value * m.factor,
            ...base,
            period: periodOf(a.key, clause),
            offset: s.start + m.numStart,
            ...PENDING,
            rule: a.rule,
            flags: wordingFlags({
              key: a.key,
              rule: a.rule,
              cue: a.cue,
              sentence: s.text,
              mention: m,
              windowStart: a.windowStart,
            }),
          },
          foreign:
            a.key !== 'other' &&
            !KEY_BY_NAME.get(a.key)?.byOthers &&
            (foreign.test(own) || (meta.body === '政府' && !KEY_BY_NAME.get(a.key)?.govHandles && /人大|政协/.test(own))),
          numText: s.text.slice(m.numStart, m.unitEnd),
          aggregate: AGGREGATE.test(clause),
          preferred: a.preferred,
          weak: a.weak,
          explicitYear,
        });
      }
    }
    // 全部办复 / 均已办复: a 100% answer rate stated in words; the sentence is the evidence.
    const all = HAS_PROPOSAL.test(s.text) ? ALL_ANSWERED.exec(s.text) : null;
    if (all) {
      const key = allAnsweredKey(meta.body);
      candidates.push({
        fact: {
          key,
          label: labelOf(key),
          value: 100,
          unit: '%',
          approx: 'exact',
          lower: 100,
          upper: 100,
          normalized: 100,
          ...base,
          offset: s.start + all.index,
          ...PENDING,
          rule: `words:${all[0]}`,
          derived: `${all[0]} → 100%`,
        },
        foreign: foreign.test(s.text.slice(clauseStart(s.text, all.index), all.index)),
        numText: all[0],
        aggregate: AGGREGATE.test(s.text.slice(0, all.index)),
        preferred: false,
        weak: false,
        explicitYear,
      });
    }
  }

  const merged = mergeDuplicates(candidates);
  for (const c of merged) settle(c);
  const all = [...merged, ...sumParts(merged)];
  return { metrics: all.map((c) => c.fact), headline: chooseHeadlines(all) };
}

/** Fields filled once duplicates are merged (scope and confidence depend on every mention). */
const PENDING: Pick<MetricFact, 'bodyScope' | 'confidence' | 'flags' | 'derived'> = {
  bodyScope: 'own',
  confidence: 'low',
  flags: [],
  derived: null,
};

/** Sets whose figure it is and how sure we are, from the merged mention flags and the fact's own flags. */
function settle(c: Candidate): void {
  const f = c.fact;
  f.flags = [...f.flags];
  f.bodyScope = c.foreign ? 'other' : c.aggregate ? 'aggregate' : 'own';
  if (f.bodyScope === 'other') f.flags.push('其他机构的数字');
  if (f.bodyScope === 'aggregate') f.flags.push('多级合计');
  if (f.period === 'unknown') f.flags.push('时期不明');
  // The quote shown beside a figure must state it: a merge or a sentence split that lost the number is caught here.
  if (!(f.evidence.split('\n', 1)[0] ?? '').includes(c.numText)) f.flags.push('证据不含该数字');
  f.confidence = f.key !== 'other' && f.flags.length === 0 ? 'high' : 'low';
}

/**
 * Other bodies whose figures must not headline, tested on the words of the figure itself: a higher-level
 * 政协, and in a 政协 report 人大 bodies. A 政府 report handles provincial 提案 but not 全国 ones.
 */
function foreignPattern(meta: ReportMeta): RegExp {
  if (meta.body === '政府') return /全国(政协|人大)/;
  const others = meta.body === '人大' ? '政协' : '人大常委会|[省市县区]人大';
  // A national report has no higher body: its own 全国政协 figures are its headline.
  if (meta.region?.level === '国家') return new RegExp(others);
  const higher = meta.region?.tier === '省级' ? '全国政协' : '全国政协|省政协|自治区政协';
  return new RegExp(`${higher}|${others}`);
}

/**
 * Counts of one key stated twice or more in one sentence (省政协领导批示11次，市委书记批示12次) are parts of one
 * total: the parts stay (not headline) and a derived sum with its parts shown is offered instead.
 */
function sumParts(list: Candidate[]): Candidate[] {
  const groups = new Map<string, Candidate[]>();
  for (const c of list) {
    const f = c.fact;
    // Proposal counts twice in a sentence are gross and net (立案78件…实际立案72件), not parts.
    if (inFamily(f.key, 'proposals') || c.preferred) continue;
    // Only figures whose cue names what others did to this body's work (批示 by 省 and 市 leaders) add up;
    // other same-key lists are different actions (制定、修改、批准法规).
    if (!KEY_BY_NAME.get(f.key)?.byOthers) continue;
    if (
      f.confidence !== 'high' ||
      f.approx !== 'exact' ||
      f.unit === '%' ||
      f.unit === '个百分点' ||
      f.unit.endsWith('元') ||
      f.scope === 'plan'
    )
      continue;
    const id = `${f.key}|${f.unit}|${f.evidence.split('\n')[0]}`;
    const g = groups.get(id) ?? [];
    g.push(c);
    groups.set(id, g);
  }
  const out: Candidate[] = [];
  for (const g of groups.values()) {
    const [first] = g;
    if (!first || g.length < 2 || new Set(g.map((c) => c.fact.value)).size < 2) continue;
    const parts = g.map((c) => c.fact);
    const value = parts.reduce((a, f) => a + f.value, 0);
    const derived = `${parts.map((f) => f.value).join('+')}=${value}`;
    for (const f of parts) {
      f.flags = [...f.flags, `部分数（合计 ${derived}）`];
      f.confidence = 'low';
    }
    out.push({
      ...first,
      fact: {
        ...first.fact,
        value,
        normalized: parts.reduce((a, f) => a + f.normalized, 0),
        lower: value,
        upper: value,
        rule: 'sum',
        derived,
        flags: [],
        confidence: 'high',
      },
    });
  }
  return out;
}

/**
 * Sentences a figure is read from: `;` ends one too (each clause of a list states its own figure), and the
 * evidence is the words without the end mark.
 */
function figureSentences(text: string): { text: string; start: number }[] {
  return splitSentences(text, { semicolons: true }).flatMap((s) => (s.body ? [{ text: s.body, start: s.start }] : []));
}
