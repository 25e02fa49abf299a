/** The order /report and the weekly digest show metric families in. */
import type { MetricFamily } from './keys.js';

/**
 * Families in the order /report and the weekly digest show them (提案, then 协商, 调研, 社情民意, 视察, 批示 …); a
 * 人大 or 政府 report's own families follow. Within a family, the keys with `display` lead.
 */
export const FAMILY_ORDER = [
  'proposals',
  'consultations',
  'research',
  'social_info',
  'inspections',
  'instructions',
  'suggestions',
  'oversight',
  'inquiries',
  'legislation',
  'npc_suggestions',
  'cppcc_proposals',
  'economy',
  'fiscal',
  'income',
  'investment',
  'consumption',
  'trade',
  'industry',
  'employment',
  'enterprise',
  'projects',
] as const satisfies readonly MetricFamily[];
