/** Domain types shared by the ingest pipeline, the store and the digest service. */

/** Which part of a report a span belongs to: the year reviewed or the plan for the next one. */
export type PartScope = 'review' | 'plan';

/** Issuing body of a report. */
export type ReportBody = '政协' | '人大' | '政府';

/** Administrative tier of a region; 国家 is the national level (全国政协, 全国人大). */
export type RegionTier = '国家' | '省级' | '地级' | '县级';

/** A locality from the gazetteer, resolved to its 6-digit admin code. */
export interface RegionRef {
  /** Full name, e.g. 资阳市. */
  name: string;
  /** Short name, e.g. 资阳 (single-character counties keep the suffix: 蠡县). */
  short: string;
  /** Level suffix: 省 / 自治区 / 直辖市 / 市 / 州 / 地区 / 盟 / 县 / 区 / 旗 / 自治县 … */
  level: string;
  tier: RegionTier;
  /** Full province name, e.g. 四川省 (for a province, itself); null for the national level. */
  province: string | null;
  /** Full name of the prefecture above a county-level region; null for provinces and prefectures. */
  parent: string | null;
  /** 6-digit GB/T 2260 code, e.g. 512000. */
  code: string;
}

/** A top-level part of a report (工作回顾 / 工作安排). */
export interface ReportPart {
  title: string;
  scope: PartScope;
  /** Character offsets into the normalized text. */
  start: number;
  end: number;
}

/** A numbered or headed section of a report. */
export interface ReportSection {
  /** Dotted path such as "1" or "1.2"; unique within a report. */
  path: string;
  title: string;
  /** Nesting depth within its part: 1 for the outermost numbering style used there (一、 or (一)), then 2, 3. */
  level: number;
  /** Scope of the part the section sits in, null when the report has no parts. */
  scope: PartScope | null;
  /** Character offsets into the normalized text (heading included). */
  start: number;
  end: number;
  /** 1–2 sentence extractive summary, filled by the summarize stage. */
  summary?: string[];
}

/** Result of reading and decoding one input file. */
export interface DecodedFile {
  file: string;
  /** Decoded text (for HTML: the main text extracted by Readability). */
  text: string;
  /** Detected encoding, e.g. utf-8, utf-16le, gb18030. */
  encoding: string;
  /** Title read from the raw HTML page, when the input was HTML. */
  pageTitle: string | null;
  /** Publish date read from the raw HTML page (ISO date), when the input was HTML. */
  pageDate: string | null;
}

/** Result of the normalize stage. */
export interface NormalizedText {
  /** Clean Simplified text: junk dropped, paragraphs re-joined, one paragraph per line. */
  text: string;
  /** Script of the input before conversion. */
  script: 'simplified' | 'traditional';
  /** Source URL kept from a `原文链接:` line or a leading page URL. */
  sourceUrl: string | null;
  /** Dates found on page-junk lines (发布时间, 日期:, 2020/12/30 …) before they were dropped, ISO. */
  pageDates: string[];
}

/** Outline of a report. */
export interface ReportOutline {
  parts: ReportPart[];
  sections: ReportSection[];
}

/** The span a report reviews: `year` (the usual annual report) or `term` (a five-year 届 review). */
export type ReportPeriod = 'year' | 'term';

/** Metadata of a report; anything the text does not state is null. */
export interface ReportMeta {
  title: string | null;
  body: ReportBody | null;
  kind: string | null;
  region: RegionRef | null;
  /** The year of work reviewed; for a term report, the last year of the term. */
  year: number | null;
  /** What the report reviews: one year, or a whole term (五年来, delivered at the next term's first session). */
  period: ReportPeriod;
  /** ISO date (YYYY-MM-DD or YYYY-MM) the report was delivered or published. */
  deliveredOn: string | null;
  speaker: string | null;
  /** e.g. 第六届委员会第五次会议. */
  session: string | null;
}

/** How a figure relates to its stated number. */
export type Approx = 'exact' | 'below' | 'above' | 'about' | 'at-least';

/**
 * What period a figure covers: the year reviewed, one 全会 session (本次会议以来), a whole term (五年来, 本届以来),
 * a running total since some start (历年累计, 成立以来), part of a year (上半年, 1—10月), or not stated.
 */
export type FactPeriod = 'year' | 'session' | 'term' | 'cumulative' | 'partial' | 'unknown';

/**
 * Whose figure it is: the issuing body's own (`own`), another body's (省政协 in a city report, 县人大 in a 政协
 * report: `other`), or a total over several levels or bodies (全市两级政协, 三级政协委员: `aggregate`).
 */
export type BodyScope = 'own' | 'other' | 'aggregate';

/** How sure the extractor is: `high` facts may headline, `low` ones are shown only as uncertain. */
export type FactConfidence = 'high' | 'low';

/** One figure found in a report, with its evidence. */
export interface MetricFact {
  /** Canonical key, e.g. proposals.filed; `other` when nothing fits. */
  key: string;
  /** Chinese label, e.g. 立案提案. */
  label: string;
  /** Value in the stated unit (万元 stays 万元; 4.9万名 → 49000 名). */
  value: number;
  unit: string;
  approx: Approx;
  lower: number | null;
  upper: number | null;
  /** Value in the base unit for comparison: money in yuan, 万人/万人次/万户 in persons/households; else equal to value. */
  normalized: number;
  scope: PartScope | null;
  period: FactPeriod;
  /** The sentence the figure came from (normalized text). */
  evidence: string;
  /** Path of the section holding the evidence, null before the first section. */
  sectionPath: string | null;
  /** Character offset of the number in the normalized text. */
  offset: number;
  /** Whose figure: the issuing body's own, another body's, or a multi-level total (两级/三级). */
  bodyScope: BodyScope;
  /** `high` only when the fact is the body's own, its period known, and it passes every check (no `flags`). */
  confidence: FactConfidence;
  /** The rule that produced the fact, e.g. `cue:立案`, `noun:调研报告`, `words:全部办复`, `sum:11+12`. */
  rule: string;
  /** Checks the fact failed or reasons it is not a headline value, in Chinese (收到少于立案, 门槛值非实际数). */
  flags: string[];
  /** How a derived fact was computed (全部办复 → 100%, 11+12 → 23), null when the text states the figure. */
  derived: string | null;
}

/** Everything the pipeline extracts from one file, ready to store. */
export interface ExtractedReport {
  file: string;
  /** sha256 of the normalized text: the identity of a report. */
  hash: string;
  encoding: string;
  original: string;
  /** The raw page's title and date (HTML input), which the original text no longer holds: re-extraction needs them. */
  page: { title: string | null; date: string | null };
  /** The extractor version that produced this (see ingest/extractor-version.ts). */
  extractorVersion: number;
  normalized: NormalizedText;
  meta: ReportMeta;
  sourceUrl: string | null;
  outline: ReportOutline;
  metrics: MetricFact[];
  /** Key → the fact a digest and a comparison show for that key. */
  headline: Record<string, MetricFact>;
  summary: string[];
  planSummary: string[];
  /** Provisional keywords (corpus-relative weights are recomputed at store time). */
  keywords: string[];
  /** Candidate terms with their counts, used for corpus-wide TF-IDF. */
  terms: Record<string, number>;
  /** Paragraphs for the search index. */
  paragraphs: { sectionPath: string | null; text: string }[];
  /** Milliseconds spent per stage. */
  timings: Record<string, number>;
}
