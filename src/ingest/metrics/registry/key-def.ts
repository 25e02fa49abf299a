/** The shape of a registry entry and the unit and body lists entries share. */
import type { ReportBody } from '../../../domain/report.js';

/** A cue: a literal word or a regex tested against the clause before (or the noun after) a figure. */
export type Cue = string | RegExp;

/** One canonical metric key. */
export interface KeyDef {
  key: string;
  label: string;
  /** Bare units the figure may carry (万人次 counts as 人次); 'money' means any 元 unit. */
  units: readonly string[];
  /** Strong cues in the clause before the figure (nearest wins). */
  cues?: readonly Cue[];
  /** Cues after the unit (`3篇调研报告`); strongest when they start right after it. */
  nouns?: readonly Cue[];
  /** Weak cues: only win when no strong cue fits (提案 alone, 委员提案 vs 办理委员提案). */
  weak?: readonly Cue[];
  /** Only for reports of these bodies. */
  bodies?: readonly ReportBody[];
  /** Never for reports of these bodies. */
  notBodies?: readonly ReportBody[];
  /** Key of the growth rate of this figure (地区生产总值增长7%). */
  growth?: string;
  /** Key of this figure's share (占提案总数59.4%). */
  share?: string;
  /** Ranks this reading above others in headline choice (实际立案 beats 立案). */
  preferCue?: RegExp;
  /** Other bodies act on the issuing body's work (省政协领导签批): naming them does not make the figure theirs. */
  byOthers?: boolean;
  /**
   * A 政府 report's own work on another body's items (人大代表建议 and 政协提案 handled, draft laws submitted to the
   * 人大): naming 人大 or 政协 does not make the figure theirs.
   */
  govHandles?: true;
  /**
   * Words the figure's own clause must hold for the label to be certain (新增 for 新登记经营主体, 审查 for
   * 规范性文件审查), with the reason shown when they are missing.
   */
  needs?: { words: RegExp; reason: string; in?: 'clause' | 'sentence' };
  /** Reason a figure decided only by a weak cue (项目 alone) is not headline: the weak word names many kinds. */
  weakReason?: string;
  /** Place among its family's leading figures in /report and the weekly digest (1 first); the others follow by key. */
  display?: number;
  /** A total: category words in front of it (委员提案, 其中) make the figure a sub-count. */
  total?: true;
  /** The total this count is a part of: the parts' sum may not exceed it. */
  partOf?: string;
  /** A count of one kind of proposer that, naming `atLeast` kinds (`words`), is the total of `key` instead. */
  manyKinds?: { words: RegExp; atLeast: number; key: string };
  /** A share that, its base named by `words` (占提案总数), is also the rate `key`. */
  alsoRate?: { words: RegExp; key: string };
  /** Labels the dev corpus's gold `other_figures` use for this key (eval only: the extractor never reads them). */
  goldLabels?: readonly string[];
}

/** Counted in 件 (proposals, documents). */
export const DOC = ['件'];
/** Only the government itself. */
export const GOV: ReportBody[] = ['政府'];
/** 提案 belong to 政协; a 人大 report has 议案/建议 and a 政府 report handles others' 提案. */
export const NOT_GOV: ReportBody[] = ['政府', '人大'];
/** Any 元 unit. */
export const MONEY = ['money'];
